"""deploy/nginx/default-server.conf beside the site in a real nginx on loopback: a request for a
name that is not the site's gets no answer (so Django never sees a foreign Host header), the
site's own name is served as before."""

from __future__ import annotations

import os
import re
import shutil
import socket
import ssl
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx
import pytest

from .conftest import _skip_or_fail

pytestmark = pytest.mark.services

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Upstream(BaseHTTPRequestHandler):
    hosts: list[str] = []

    def do_GET(self):
        Upstream.hosts.append(self.headers.get("Host", ""))
        body = b'{"database": "ok", "broker": "ok"}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _on_ports(text: str, http_port: int, https_port: int) -> str:
    text = re.sub(r"listen \[::\]:\d+[^;]*;", "", text)
    text = re.sub(r"listen 80( default_server)?;", rf"listen 127.0.0.1:{http_port}\1;", text)
    return re.sub(r"listen 443 ", f"listen 127.0.0.1:{https_port} ", text)


@pytest.fixture
def nginx(tmp_path):
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists() or not shutil.which("openssl") or not shutil.which("envsubst"):
        _skip_or_fail("nginx, openssl and envsubst (Debian packages nginx, openssl, gettext-base)")
    Upstream.hosts = []
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    http_port, https_port = free_port(), free_port()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=lms.test", "-keyout", str(tmp_path / "key.pem"),
         "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    site = subprocess.run(
        ["envsubst", "$PA_LMS_SERVER_NAME $PA_LMS_UPSTREAM $PA_LMS_TLS_CERT $PA_LMS_TLS_KEY "
         "$PA_LMS_ROOT"],
        input=(REPO / "deploy/nginx/pa-lms.conf.template").read_text(),
        env={**os.environ, "PA_LMS_SERVER_NAME": "lms.test",
             "PA_LMS_UPSTREAM": f"127.0.0.1:{upstream.server_port}",
             "PA_LMS_TLS_CERT": str(tmp_path / "cert.pem"),
             "PA_LMS_TLS_KEY": str(tmp_path / "key.pem"), "PA_LMS_ROOT": str(tmp_path)},
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    default = (REPO / "deploy/nginx/default-server.conf").read_text()
    (tmp_path / "site.conf").write_text(_on_ports(site, http_port, https_port))
    (tmp_path / "default.conf").write_text(_on_ports(default, http_port, https_port))
    user = "user root root;" if os.geteuid() == 0 else ""
    (tmp_path / "nginx.conf").write_text(
        f"{user}\nworker_processes 1;\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{ include /etc/nginx/mime.types; access_log off;\n"
        f"client_body_temp_path {tmp_path}/body; proxy_temp_path {tmp_path}/proxy;\n"
        f"fastcgi_temp_path {tmp_path}/fcgi; uwsgi_temp_path {tmp_path}/uwsgi;\n"
        f"scgi_temp_path {tmp_path}/scgi;\n"
        f"include {tmp_path}/default.conf; include {tmp_path}/site.conf; }}\n"
    )
    check = subprocess.run(
        [binary, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True, text=True,
    )  # fmt: skip
    assert check.returncode == 0, check.stderr
    server = subprocess.Popen(
        [binary, "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", http_port), timeout=1).close()
            break
        except OSError:
            assert time.monotonic() < deadline and server.poll() is None, "nginx did not start"
            time.sleep(0.1)
    try:
        yield http_port, https_port
    finally:
        server.terminate()
        server.wait(timeout=20)
        upstream.shutdown()


def test_the_site_s_own_name_is_still_served(nginx):
    http_port, _https_port = nginx
    response = httpx.get(f"http://127.0.0.1:{http_port}/healthz", headers={"Host": "lms.test"})
    assert response.status_code == 200
    assert Upstream.hosts == ["lms.test"]


@pytest.mark.parametrize("host", ["scanner.example.com", "127.0.0.1", "lms.test.evil.example"])
def test_a_foreign_host_gets_no_answer_and_never_reaches_django(nginx, host):
    http_port, _https_port = nginx
    with pytest.raises(httpx.RemoteProtocolError):
        httpx.get(f"http://127.0.0.1:{http_port}/healthz", headers={"Host": host})
    assert Upstream.hosts == []


def test_a_tls_handshake_for_a_foreign_name_is_refused(nginx):
    _http_port, https_port = nginx
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    with (
        socket.create_connection(("127.0.0.1", https_port)) as raw,
        pytest.raises(ssl.SSLError),
    ):
        context.wrap_socket(raw, server_hostname="scanner.example.com")
    with (
        socket.create_connection(("127.0.0.1", https_port)) as raw,
        context.wrap_socket(raw, server_hostname="lms.test") as tls,
    ):
        assert tls.version() in {"TLSv1.2", "TLSv1.3"}
    assert Upstream.hosts == []
