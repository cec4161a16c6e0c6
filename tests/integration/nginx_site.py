"""deploy/nginx/pa-lms.conf.template rendered and run by a real nginx on free loopback ports, for
tests that need the shipped site in front of something (restore, TLS renewal)."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def nginx_binary() -> str | None:
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    return binary if Path(binary).exists() and shutil.which("openssl") else None


@dataclass
class RunningSite:
    http: str
    https: str
    error_log: Path


@contextlib.contextmanager
def running_nginx(
    *, root: Path, upstream: str, work: Path, user: str | None = None, **extra: str
) -> Iterator[RunningSite]:
    """nginx serving the shipped site for `root` (PA_LMS_ROOT) in front of `upstream`. Workers run
    as `user` (e.g. www-data, as on a server) when given and the test runs as root. `extra` fills
    further ${PA_LMS_*} names of the template."""
    binary = nginx_binary()
    assert binary, "nginx is not installed"
    work.mkdir(parents=True, exist_ok=True)
    http_port, https_port = free_port(), free_port()
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=lms.test", "-keyout", str(work / "key.pem"), "-out", str(work / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    values = {
        "PA_LMS_SERVER_NAME": "lms.test",
        "PA_LMS_UPSTREAM": upstream,
        "PA_LMS_TLS_CERT": str(work / "cert.pem"),
        "PA_LMS_TLS_KEY": str(work / "key.pem"),
        "PA_LMS_ROOT": str(root),
        **extra,
    }
    rendered = subprocess.run(
        ["envsubst", " ".join(f"${name}" for name in values)],
        input=(REPO / "deploy/nginx/pa-lms.conf.template").read_text(),
        env={**os.environ, **values},
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    rendered = re.sub(r"listen \[::\]:\d+[^;]*;", "", rendered)
    rendered = rendered.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
    rendered = rendered.replace("listen 443 ", f"listen 127.0.0.1:{https_port} ")
    (work / "site.conf").write_text(rendered)
    user_line = ""
    if os.geteuid() == 0:
        user_line = f"user {user} {user};" if user else "user root root;"
    (work / "nginx.conf").write_text(
        f"{user_line}\nworker_processes 1;\npid {work}/nginx.pid;\nerror_log {work}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{ include /etc/nginx/mime.types; access_log off;\n"
        f"client_body_temp_path {work}/body; proxy_temp_path {work}/proxy;\n"
        f"fastcgi_temp_path {work}/fcgi; uwsgi_temp_path {work}/uwsgi;\n"
        f"scgi_temp_path {work}/scgi;\ninclude {work}/site.conf; }}\n"
    )
    conf = ["-p", str(work), "-c", str(work / "nginx.conf")]
    test = subprocess.run([binary, "-t", *conf], capture_output=True, text=True)
    assert test.returncode == 0, test.stderr
    server = subprocess.Popen([binary, *conf, "-g", "daemon off;"], stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 20
        while True:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", http_port)):
                break
            assert time.monotonic() < deadline and server.poll() is None, "nginx did not start"
            time.sleep(0.1)
        yield RunningSite(
            f"http://127.0.0.1:{http_port}", f"https://127.0.0.1:{https_port}", work / "error.log"
        )
    finally:
        server.terminate()
        server.wait(timeout=20)
