"""deploy/healthcheck.py, the web container's health check: it asks /healthz with a Host header
that ALLOWED_HOSTS accepts, so a site configured as deploy/.env.example says becomes healthy."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


class Healthz(BaseHTTPRequestHandler):
    """Answers as Django does: 400 for a Host outside ALLOWED_HOSTS."""

    allowed = "lms.example.kz"
    hosts: list[str] = []

    def do_GET(self):
        host = self.headers["Host"]
        Healthz.hosts.append(host)
        status = 200 if self.path == "/healthz" and host == self.allowed else 400
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Healthz)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    Healthz.hosts = []
    yield server.server_port
    server.shutdown()


def check(port: int, allowed_hosts: str) -> int:
    env = {**os.environ, "ALLOWED_HOSTS": allowed_hosts, "GUNICORN_BIND": f"0.0.0.0:{port}"}
    return subprocess.run(
        [sys.executable, str(REPO / "deploy/healthcheck.py")], env=env, capture_output=True
    ).returncode


def test_the_health_check_passes_with_the_allowed_hosts_of_the_example_env(site):
    example = (REPO / "deploy/.env.example").read_text()
    allowed = next(line for line in example.splitlines() if line.startswith("ALLOWED_HOSTS="))

    assert check(site, allowed.partition("=")[2]) == 0
    assert Healthz.hosts == ["lms.example.kz"]


@pytest.mark.parametrize(
    ("allowed_hosts", "sent"),
    [
        ("lms.example.kz, www.lms.example.kz", "lms.example.kz"),
        (".lms.example.kz", "lms.example.kz"),
    ],
)
def test_the_health_check_sends_the_first_allowed_name(site, allowed_hosts, sent):
    assert check(site, allowed_hosts) == 0
    assert Healthz.hosts == [sent]


def test_the_health_check_fails_when_the_site_refuses(site):
    assert check(site, "other.example.kz") == 1
    assert Healthz.hosts == ["other.example.kz"]
