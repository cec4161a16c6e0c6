"""deploy/nginx/pa-lms.conf.template rendered and run by a real nginx on free loopback ports: the
one way every integration test puts the shipped site in front of something (private files, client
addresses, the default server, restore, TLS). The site is changed only as far as a test machine
needs: loopback ports instead of 80/443 (and no IPv6 listener), logs in the test's folder."""

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
    found = Path(binary).exists() and shutil.which("openssl") and shutil.which("envsubst")
    return binary if found else None


def require_nginx() -> None:
    from .conftest import _skip_or_fail

    if not nginx_binary():
        _skip_or_fail("nginx, openssl and envsubst (Debian packages nginx, openssl, gettext-base)")


def on_ports(text: str, http_port: int, https_port: int) -> str:
    """A shipped nginx file moved to loopback ports."""
    text = re.sub(r"listen \[::\]:\d+[^;]*;", "", text)
    text = re.sub(r"listen 80( default_server)?;", rf"listen 127.0.0.1:{http_port}\1;", text)
    return text.replace("listen 443 ", f"listen 127.0.0.1:{https_port} ")


@dataclass
class RunningSite:
    http: str
    https: str
    error_log: Path
    access_log: Path
    http_port: int
    https_port: int


@contextlib.contextmanager
def running_nginx(
    *,
    root: Path,
    upstream: str,
    work: Path,
    user: str | None = None,
    default_server: bool = False,
    **extra: str,
) -> Iterator[RunningSite]:
    """nginx serving the shipped site for `root` (PA_LMS_ROOT) in front of `upstream`. Workers run
    as `user` (e.g. www-data, as on a server) when given and the test runs as root. With
    `default_server`, deploy/nginx/default-server.conf beside it, as the README enables it.
    `extra` fills further ${PA_LMS_*} names of the template, or replaces the test's own
    self-signed PA_LMS_TLS_CERT / PA_LMS_TLS_KEY."""
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
    rendered = on_ports(rendered, http_port, https_port).replace("/var/log/nginx/", f"{work}/")
    (work / "site.conf").write_text(rendered)
    includes = f"include {work}/site.conf;"
    if default_server:
        default = (REPO / "deploy/nginx/default-server.conf").read_text()
        (work / "default.conf").write_text(on_ports(default, http_port, https_port))
        includes = f"include {work}/default.conf; {includes}"
    user_line = ""
    if os.geteuid() == 0:
        user_line = f"user {user} {user};" if user else "user root root;"
    (work / "nginx.conf").write_text(
        f"{user_line}\nworker_processes 1;\npid {work}/nginx.pid;\nerror_log {work}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{ include /etc/nginx/mime.types; access_log off;\n"
        f"client_body_temp_path {work}/body; proxy_temp_path {work}/proxy;\n"
        f"fastcgi_temp_path {work}/fcgi; uwsgi_temp_path {work}/uwsgi;\n"
        f"scgi_temp_path {work}/scgi;\n{includes} }}\n"
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
            http=f"http://127.0.0.1:{http_port}",
            https=f"https://127.0.0.1:{https_port}",
            error_log=work / "error.log",
            access_log=work / "access.log",
            http_port=http_port,
            https_port=https_port,
        )
    finally:
        server.terminate()
        server.wait(timeout=20)
