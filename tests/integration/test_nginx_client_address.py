"""The shipped nginx site in a real nginx on loopback, in front of the client-address helper and
the verification limit: each client gets its own limit, a forged X-Forwarded-For gets no fresh
one, and the access log keeps no address next to a certificate code.

Two clients are told apart by their source address: Linux routes all of 127.0.0.0/8 to loopback,
so one client connects from 127.0.0.2 and the other from 127.0.0.3; nginx itself reaches the
upstream from 127.0.0.1, the one trusted proxy."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from certificates.lookups import lookup_allowed
from cms.client_ip import client_ip

from .conftest import _skip_or_fail
from .test_nginx import free_port

pytestmark = pytest.mark.services

REPO = Path(__file__).resolve().parents[2]
LIMIT = 3


class Upstream(BaseHTTPRequestHandler):
    """Stands in for gunicorn: the request as Django would see it, counted by the verification
    limit; answers with the address the limit counted."""

    def do_GET(self):
        meta = {"REMOTE_ADDR": self.client_address[0]}
        for header, key in (
            ("X-Forwarded-For", "HTTP_X_FORWARDED_FOR"),
            ("X-Real-IP", "HTTP_X_REAL_IP"),
        ):
            if self.headers.get(header) is not None:
                meta[key] = self.headers[header]
        request = RequestFactory().get(self.path, **meta)
        status = 200 if lookup_allowed(request) else 429
        body = client_ip(request).encode()
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def nginx(settings, tmp_path):
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists() or not shutil.which("openssl"):
        _skip_or_fail("nginx and openssl (Debian packages nginx, openssl)")
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = ["127.0.0.1"]
    settings.VERIFY_RATE_LIMIT_PER_HOUR = LIMIT
    caches["default"].clear()

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
             "PA_LMS_TLS_KEY": str(tmp_path / "key.pem"), "PA_LMS_ROOT": str(tmp_path)},
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    # The site as shipped, on free loopback ports, logging into the test's folder.
    rendered = re.sub(r"listen \[::\]:\d+[^;]*;", "", rendered)
    rendered = rendered.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    rendered = rendered.replace("listen 443 ", f"listen 127.0.0.1:{https_port} ")
    rendered = rendered.replace("/var/log/nginx/", f"{tmp_path}/")
    (tmp_path / "site.conf").write_text(rendered)
    user = "user root root;" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(
        f"{user}\nworker_processes 1;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{ include /etc/nginx/mime.types;\n"
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

    clients = {
        source: httpx.Client(
            verify=False,
            headers={"Host": "lms.test"},
            timeout=10,
            transport=httpx.HTTPTransport(local_address=source, verify=False),
        )
        for source in ("127.0.0.2", "127.0.0.3")
    }
    deadline = time.monotonic() + 20
    while True:
        try:
            clients["127.0.0.2"].get(f"http://127.0.0.1:{http_port}/kk/")
            break
        except httpx.TransportError:
            assert time.monotonic() < deadline and server.poll() is None, "nginx did not start"
            time.sleep(0.1)
    caches["default"].clear()
    try:
        yield clients, f"https://127.0.0.1:{https_port}", tmp_path / "access.log"
    finally:
        for client in clients.values():
            client.close()
        server.terminate()
        server.wait(timeout=20)
        upstream.shutdown()


def test_nginx_passes_each_clients_address_and_each_gets_its_own_limit(nginx):
    clients, https, _log = nginx
    url = f"{https}/verify/KZ7Q-2M4P-XW9D.json"

    first = [clients["127.0.0.2"].get(url) for _ in range(LIMIT + 1)]
    second = clients["127.0.0.3"].get(url)

    assert [response.status_code for response in first] == [200] * LIMIT + [429]
    assert {response.text for response in first} == {"127.0.0.2"}
    assert (second.status_code, second.text) == (200, "127.0.0.3")


def test_a_forged_forwarded_header_gets_no_fresh_limit(nginx):
    clients, https, _log = nginx
    url = f"{https}/verify/KZ7Q-2M4P-XW9D.json"

    responses = [
        clients["127.0.0.2"].get(
            url, headers={"X-Forwarded-For": f"198.51.100.{n}", "X-Real-IP": f"192.0.2.{n}"}
        )
        for n in range(LIMIT + 1)
    ]

    assert [response.status_code for response in responses] == [200] * LIMIT + [429]
    assert {response.text for response in responses} == {"127.0.0.2"}


def test_the_access_log_keeps_no_address_next_to_a_certificate_code(nginx):
    clients, https, log = nginx

    clients["127.0.0.2"].get(f"{https}/verify/KZ7Q-2M4P-XW9D.json")
    clients["127.0.0.2"].get(f"{https}/credentials/KZ7Q-2M4P-XW9D/ob3.json")
    clients["127.0.0.2"].get(f"{https}/kk/study/")

    lines = log.read_text().splitlines()
    by_path = {line.split('"')[1].split()[1]: line for line in lines if '"GET ' in line}
    assert by_path["/verify/KZ7Q-2M4P-XW9D.json"].startswith("- ")
    assert by_path["/credentials/KZ7Q-2M4P-XW9D/ob3.json"].startswith("- ")
    assert "127.0.0.2" not in by_path["/verify/KZ7Q-2M4P-XW9D.json"]
    assert by_path["/kk/study/"].startswith("127.0.0.2 ")
