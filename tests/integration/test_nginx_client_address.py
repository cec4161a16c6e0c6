"""The shipped nginx site in a real nginx on loopback, in front of the client-address helper and
the verification limit: each client gets its own limit, a forged X-Forwarded-For gets no fresh
one, and the access log keeps no address next to a certificate code.

Two clients are told apart by their source address: Linux routes all of 127.0.0.0/8 to loopback,
so one client connects from 127.0.0.2 and the other from 127.0.0.3; nginx itself reaches the
upstream from 127.0.0.1, the one trusted proxy."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest
from django.core.cache import caches
from django.test import RequestFactory

from certificates.lookups import lookup_allowed
from cms.client_ip import client_ip

from .nginx_site import require_nginx, running_nginx

pytestmark = pytest.mark.services

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
    require_nginx()
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_ADDRESSES = ["127.0.0.1"]
    settings.VERIFY_RATE_LIMIT_PER_HOUR = LIMIT
    upstream = ThreadingHTTPServer(("127.0.0.1", 0), Upstream)
    threading.Thread(target=upstream.serve_forever, daemon=True).start()
    clients = {
        source: httpx.Client(
            verify=False,
            headers={"Host": "lms.test"},
            timeout=10,
            transport=httpx.HTTPTransport(local_address=source, verify=False),
        )
        for source in ("127.0.0.2", "127.0.0.3")
    }
    try:
        with running_nginx(
            root=tmp_path, upstream=f"127.0.0.1:{upstream.server_port}", work=tmp_path / "nginx"
        ) as site:
            caches["default"].clear()
            yield clients, site.https, site.access_log
    finally:
        for client in clients.values():
            client.close()
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
