"""deploy/nginx/pa-lms.conf.template in a real nginx on loopback: private files leave only
through Django's X-Accel-Redirect, never by their own URL."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.test import RequestFactory

from cms.private_files import serve_private_file

from .conftest import _skip_or_fail

pytestmark = pytest.mark.services

REPO = Path(__file__).resolve().parents[2]
PDF = b"%PDF-1.7 private certificate"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists() or not shutil.which("openssl"):
        _skip_or_fail("nginx and openssl (Debian packages nginx, openssl)")
    settings.PRIVATE_FILES_X_ACCEL = True
    settings.PRIVATE_FILES_X_ACCEL_PREFIX = "/_protected/"
    root = Path(settings.PRIVATE_MEDIA_ROOT).parent  # holds private/ as nginx expects
    Upstream.stored_name = storages["private"].save("certificates/2026/KZ-1.pdf", ContentFile(PDF))

    upstream = ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    http_port, https_port = free_port(), free_port()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=lms.test", "-keyout", str(tmp_path / "key.pem"),
         "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    rendered = subprocess.run(
        ["envsubst", "$PA_LMS_SERVER_NAME $PA_LMS_UPSTREAM $PA_LMS_TLS_CERT $PA_LMS_TLS_KEY "
         "$PA_LMS_ROOT"],
        input=(REPO / "deploy/nginx/pa-lms.conf.template").read_text(),
        env={**os.environ, "PA_LMS_SERVER_NAME": "lms.test",
             "PA_LMS_UPSTREAM": f"127.0.0.1:{upstream.server_port}",
             "PA_LMS_TLS_CERT": str(tmp_path / "cert.pem"),
             "PA_LMS_TLS_KEY": str(tmp_path / "key.pem"), "PA_LMS_ROOT": str(root)},
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    # The site as shipped, moved to free loopback ports.
    rendered = re.sub(r"listen \[::\]:\d+[^;]*;", "", rendered)
    rendered = rendered.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    rendered = rendered.replace("listen 443 ", f"listen 127.0.0.1:{https_port} ")
    rendered = rendered.replace("/var/log/nginx/", f"{tmp_path}/")
    (tmp_path / "site.conf").write_text(rendered)
    user = "user root root;" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(
        f"{user}\nworker_processes 1;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{ include /etc/nginx/mime.types; access_log off;\n"
        f"client_body_temp_path {tmp_path}/body; proxy_temp_path {tmp_path}/proxy;\n"
        f"fastcgi_temp_path {tmp_path}/fcgi; uwsgi_temp_path {tmp_path}/uwsgi;\n"
        f"scgi_temp_path {tmp_path}/scgi;\ninclude {tmp_path}/site.conf; }}\n"
    )
    test = subprocess.run(
        [binary, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert test.returncode == 0, test.stderr
    server = subprocess.Popen(
        [binary, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )  # fmt: skip
    import httpx

    client = httpx.Client(verify=False, headers={"Host": "lms.test"}, timeout=10)
    deadline = time.monotonic() + 20
    while True:
        try:
            client.get(f"http://127.0.0.1:{http_port}/healthz")
            break
        except httpx.TransportError:
            assert time.monotonic() < deadline and server.poll() is None, "nginx did not start"
            time.sleep(0.1)
    try:
        yield client, f"http://127.0.0.1:{http_port}", f"https://127.0.0.1:{https_port}"
    finally:
        client.close()
        server.terminate()
        server.wait(timeout=20)
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
