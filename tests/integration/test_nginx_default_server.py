"""deploy/nginx/default-server.conf beside the site in a real nginx on loopback: a request for a
name that is not the site's gets no answer (so Django never sees a foreign Host header), the
site's own name is served as before."""

from __future__ import annotations

import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from .nginx_site import require_nginx, running_nginx

pytestmark = pytest.mark.services


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


@pytest.fixture
def nginx(tmp_path):
    require_nginx()
    Upstream.hosts = []
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    try:
        with running_nginx(
            root=tmp_path,
            upstream=f"127.0.0.1:{upstream.server_port}",
            work=tmp_path / "nginx",
            default_server=True,
        ) as site:
            yield site.http_port, site.https_port
    finally:
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
