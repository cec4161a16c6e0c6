"""deploy/nginx/pa-lms.conf.template in a real nginx on loopback: private files leave only
through Django's X-Accel-Redirect, never by their own URL."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import RequestFactory

from cms.private_files import serve_private_file

from .nginx_site import require_nginx, running_nginx

pytestmark = pytest.mark.services

PDF = b"%PDF-1.7 private certificate"


class Upstream(BaseHTTPRequestHandler):
    """Stands in for gunicorn: answers as Django does, through cms.private_files."""

    stored_name = ""

    def do_GET(self):
        if self.path == "/healthz":
            status, headers, body = 200, {"Content-Type": "application/json"}, b'{"ok": 1}'
        elif self.path == "/download":
            response = serve_private_file(
                RequestFactory().get(self.path), "private", self.stored_name, "Сертификат.pdf"
            )
            status, headers, body = response.status_code, dict(response.headers), response.content
        else:
            status, headers, body = 404, {}, b"not found"
        self.send_response(status)
        for key, value in headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):  # keep the test output clean
        pass


@pytest.fixture
def nginx(settings, tmp_path):
    require_nginx()
    settings.PRIVATE_FILES_X_ACCEL = True
    settings.PRIVATE_FILES_X_ACCEL_PREFIX = "/_protected/"
    root = Path(settings.PRIVATE_MEDIA_ROOT).parent  # holds private/ as nginx expects
    Upstream.stored_name = storages["private"].save("certificates/2026/KZ-1.pdf", ContentFile(PDF))
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    try:
        with (
            running_nginx(
                root=root, upstream=f"127.0.0.1:{upstream.server_port}", work=tmp_path / "nginx"
            ) as site,
            httpx.Client(verify=False, headers={"Host": "lms.test"}, timeout=10) as client,
        ):
            yield client, site.http, site.https
    finally:
        upstream.shutdown()
        storages["private"].delete(Upstream.stored_name)


def test_a_private_file_is_sent_by_nginx_after_djangos_x_accel_redirect(nginx):
    client, _http, https = nginx

    response = client.get(f"{https}/download")

    assert response.status_code == 200
    assert response.content == PDF
    assert response.headers["Content-Type"] == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment; filename*=utf-8''")
    assert "no-store" in response.headers["Cache-Control"]
    assert "X-Accel-Redirect" not in response.headers


@pytest.mark.parametrize(
    "path",
    [
        "/_protected/private/certificates/2026/KZ-1.pdf",
        "/media/../private/certificates/2026/KZ-1.pdf",
        "/private/certificates/2026/KZ-1.pdf",
    ],
)
def test_a_private_file_cannot_be_fetched_by_its_own_url(nginx, path):
    client, _http, https = nginx

    response = client.get(f"{https}{path}")

    assert response.status_code in {400, 404}
    assert PDF not in response.content


def test_plain_http_redirects_to_https_but_the_health_check_is_answered(nginx):
    client, http, _https = nginx

    assert client.get(f"{http}/kk/").status_code == 301
    assert client.get(f"{http}/kk/").headers["Location"] == "https://lms.test/kk/"
    assert client.get(f"{http}/healthz").status_code == 200
