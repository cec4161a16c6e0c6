"""The runbook's first TLS certificate (`deploy/tls issue`), run end to end on loopback: a real
nginx with no site yet, the script's bootstrap server answering the HTTP-01 challenge from the
webroot, then the shipped site served with the certificate obtained.

What stands in for what, and what this cannot show offline:
- certbot is a stand-in that does what `certbot certonly --webroot` does on our side: writes the
  challenge file under --webroot-path, has it fetched over plain HTTP with the domain's Host
  header exactly as Let's Encrypt's validator fetches it (but from loopback), and on success
  writes a key and a certificate (self-signed) into live/<domain>/.
- systemctl is a stand-in whose `reload nginx` sends the real nginx its reload signal.
- Not tested here: Let's Encrypt reaching the server from the internet (DNS, port 80 open in the
  firewall), certbot's account, its renewal configuration and `certbot renew --dry-run` against
  the staging server, and certbot.timer — the README's last step on a real server."""

from __future__ import annotations

import contextlib
import os
import socket
import ssl
import subprocess
import sys
import time
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives.serialization import Encoding

from .nginx_site import free_port, nginx_binary, require_nginx, running_nginx

pytestmark = pytest.mark.services

DER = Encoding.DER

REPO = Path(__file__).resolve().parents[2]

CERTBOT = r"""
import os, secrets, subprocess, sys, urllib.request
args = sys.argv[1:]
with open(os.environ["STUB_CALLS"], "a") as calls:
    calls.write("certbot " + " ".join(args) + "\n")
webroot = args[args.index("--webroot-path") + 1]
domain = args[args.index("--domain") + 1]
token = secrets.token_urlsafe(32)
challenge = os.path.join(webroot, ".well-known", "acme-challenge")
os.makedirs(challenge, exist_ok=True)
with open(os.path.join(challenge, token), "w") as f:
    f.write(token + ".thumbprint")
request = urllib.request.Request(
    f"http://127.0.0.1:{os.environ['STUB_HTTP_PORT']}/.well-known/acme-challenge/{token}",
    headers={"Host": domain},
)
try:
    answer = urllib.request.urlopen(request, timeout=10).read().decode()
except Exception as exc:
    sys.exit(f"Challenge failed for domain {domain}: {exc}")
finally:
    os.remove(os.path.join(challenge, token))
if answer != token + ".thumbprint":
    sys.exit(f"Challenge failed for domain {domain}: wrong answer")
live = os.path.join(os.environ["STUB_LIVE"], domain)
os.makedirs(live, exist_ok=True)
subprocess.run(
    ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "90",
     "-subj", "/CN=" + domain, "-addext", "subjectAltName=DNS:" + domain,
     "-keyout", os.path.join(live, "privkey.pem"), "-out", os.path.join(live, "fullchain.pem")],
    check=True, capture_output=True,
)
"""


@contextlib.contextmanager
def nginx_without_a_site(work: Path, http_port: int):
    """A fresh server's nginx: none of our sites; conf.d (the bootstrap's place) included."""
    (work / "conf.d").mkdir(parents=True)
    user = "user root root;" if os.geteuid() == 0 else ""
    (work / "nginx.conf").write_text(
        f"{user}\nworker_processes 1;\npid {work}/nginx.pid;\nerror_log {work}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{ access_log off; client_body_temp_path {work}/body;\n"
        f"proxy_temp_path {work}/proxy; fastcgi_temp_path {work}/fcgi;\n"
        f"uwsgi_temp_path {work}/uwsgi; scgi_temp_path {work}/scgi;\n"
        f"include {work}/conf.d/*.conf; }}\n"
    )
    conf = ["-p", str(work), "-c", str(work / "nginx.conf")]
    server = subprocess.Popen([nginx_binary(), *conf, "-g", "daemon off;"])
    try:
        deadline = time.monotonic() + 20
        while not (work / "nginx.pid").exists():
            assert time.monotonic() < deadline and server.poll() is None, "nginx did not start"
            time.sleep(0.1)
        yield conf
    finally:
        server.terminate()
        server.wait(timeout=20)


def stubs(folder: Path, *, conf: list[str], bootstrap: Path, http_port: int) -> None:
    """`nginx` runs the real one on the test's configuration, with the script's bootstrap file
    moved to the test's port (as nginx_site does with the site); `systemctl reload nginx` reloads
    it; `certbot` is the stand-in above."""
    folder.mkdir()
    real, copy = nginx_binary(), Path(conf[1]) / "conf.d" / "bootstrap.conf"
    (folder / "nginx").write_text(
        f'#!/bin/sh\necho "nginx $*" >>"$STUB_CALLS"\n'
        f'if [ -f {bootstrap} ]; then sed -e "s/listen 80;/listen 127.0.0.1:{http_port};/" '
        f'-e "/listen \\[::\\]/d" {bootstrap} >{copy}; else rm -f {copy}; fi\n'
        f'exec {real} {" ".join(conf)} "$@"\n'
    )
    (folder / "systemctl").write_text(
        f'#!/bin/sh\necho "systemctl $*" >>"$STUB_CALLS"\n'
        f'[ "$*" = "reload nginx" ] && {real} {" ".join(conf)} -s reload && sleep 1\nexit 0\n'
    )
    (folder / "certbot").write_text(f"#!{sys.executable}\n{CERTBOT}")
    for name in ("nginx", "systemctl", "certbot"):
        (folder / name).chmod(0o755)


def served_certificate(port: int, name: str) -> bytes:
    context = ssl.create_default_context()
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    with (
        socket.create_connection(("127.0.0.1", port), timeout=10) as raw,
        context.wrap_socket(raw, server_hostname=name) as tls,
    ):
        return tls.getpeercert(binary_form=True)


def test_the_first_certificate_is_obtained_through_the_bootstrap_then_the_site_serves_it(tmp_path):
    require_nginx()
    http_port = free_port()
    bootstrap = tmp_path / "etc-nginx-conf.d" / "pa-lms-acme-bootstrap.conf"
    bootstrap.parent.mkdir()
    calls, live = tmp_path / "calls", tmp_path / "letsencrypt" / "live"
    hook = tmp_path / "letsencrypt" / "renewal-hooks" / "deploy" / "pa-lms-reload-nginx"

    with nginx_without_a_site(tmp_path / "nginx", http_port) as conf:
        stubs(tmp_path / "bin", conf=conf, bootstrap=bootstrap, http_port=http_port)
        env = {
            **os.environ,
            "PATH": f"{tmp_path / 'bin'}:{os.environ['PATH']}",
            "PA_LMS_ACME_WEBROOT": str(tmp_path / "certbot"),
            "PA_LMS_CERTBOT_HOOK": str(hook),
            "PA_LMS_ACME_BOOTSTRAP": str(bootstrap),
            "STUB_CALLS": str(calls),
            "STUB_HTTP_PORT": str(http_port),
            "STUB_LIVE": str(live),
        }
        issued = subprocess.run(
            ["bash", str(REPO / "deploy/tls"), "issue", "lms.test", "ops@example.kz"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

        assert issued.returncode == 0, issued.stderr
        assert "certificate for lms.test" in issued.stdout
        # The bootstrap answered the challenge while it existed; it is gone afterwards, and nginx
        # was reloaded both times after a configuration test.
        assert not bootstrap.exists()
        assert not (tmp_path / "nginx" / "conf.d" / "bootstrap.conf").exists()
        made = [line.split(" --")[0] for line in calls.read_text().splitlines()]
        assert made == [
            "nginx -t -q",
            "systemctl reload nginx",
            "certbot certonly",
            "nginx -t -q",
            "systemctl reload nginx",
        ]
        assert "--webroot --webroot-path " + str(tmp_path / "certbot") in calls.read_text()
        assert os.access(hook, os.X_OK)

    certificate = live / "lms.test" / "fullchain.pem"
    with running_nginx(
        root=tmp_path,
        upstream="127.0.0.1:9",
        work=tmp_path / "site",
        PA_LMS_TLS_CERT=str(certificate),
        PA_LMS_TLS_KEY=str(live / "lms.test" / "privkey.pem"),
    ) as site:
        served = served_certificate(site.https_port, "lms.test")

    issued_der = x509.load_pem_x509_certificate(certificate.read_bytes()).public_bytes(DER)
    assert served == issued_der


def test_a_challenge_the_bootstrap_cannot_answer_fails_the_request_and_still_removes_it(tmp_path):
    require_nginx()
    http_port = free_port()
    bootstrap = tmp_path / "conf.d-real" / "pa-lms-acme-bootstrap.conf"
    bootstrap.parent.mkdir()
    with nginx_without_a_site(tmp_path / "nginx", http_port) as conf:
        stubs(tmp_path / "bin", conf=conf, bootstrap=bootstrap, http_port=http_port)
        env = {
            **os.environ,
            "PATH": f"{tmp_path / 'bin'}:{os.environ['PATH']}",
            "PA_LMS_ACME_WEBROOT": str(tmp_path / "certbot"),
            "PA_LMS_CERTBOT_HOOK": str(tmp_path / "hook"),
            "PA_LMS_ACME_BOOTSTRAP": str(bootstrap),
            "STUB_CALLS": str(tmp_path / "calls"),
            "STUB_HTTP_PORT": str(free_port()),  # the validator knocks where nothing answers
            "STUB_LIVE": str(tmp_path / "live"),
        }
        failed = subprocess.run(
            ["bash", str(REPO / "deploy/tls"), "issue", "lms.test", "ops@example.kz"],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )

    assert failed.returncode != 0
    assert "Challenge failed for domain lms.test" in failed.stderr
    assert not bootstrap.exists()
    assert not (tmp_path / "live").exists()
