"""TLS renewal by certbot's webroot method: the shipped nginx site answers Let's Encrypt's
challenge from the webroot on plain HTTP (never redirected), and the deploy hook deploy/tls
installs reloads nginx after a renewal only when its configuration is sound.

certbot's own `renew --dry-run` needs Let's Encrypt reachable, which the test machines are not; it
is the README's last step on a server."""

from __future__ import annotations

import os
import secrets
import subprocess
from pathlib import Path

import httpx
import pytest

from .conftest import _skip_or_fail
from .nginx_site import require_nginx, running_nginx

pytestmark = pytest.mark.services

REPO = Path(__file__).resolve().parents[2]
WEBROOT = Path("/var/www/certbot")


@pytest.fixture
def challenge():
    """A challenge file where certbot --webroot -w /var/www/certbot writes it."""
    if os.geteuid() != 0:
        _skip_or_fail("root, to write into /var/www/certbot as certbot does")
    folder = WEBROOT / ".well-known" / "acme-challenge"
    folder.mkdir(parents=True, exist_ok=True)
    token = secrets.token_urlsafe(32)
    (folder / token).write_text(f"{token}.account-thumbprint")
    yield token
    (folder / token).unlink()


def test_the_site_answers_the_acme_challenge_from_the_webroot_over_plain_http(challenge, tmp_path):
    require_nginx()
    with (
        running_nginx(root=tmp_path, upstream="127.0.0.1:9", work=tmp_path / "nginx") as site,
        httpx.Client(headers={"Host": "lms.test"}, timeout=10) as client,
    ):
        answer = client.get(f"{site.http}/.well-known/acme-challenge/{challenge}")
        missing = client.get(f"{site.http}/.well-known/acme-challenge/not-issued")
        other = client.get(f"{site.http}/kk/")

    assert answer.status_code == 200
    assert answer.text == f"{challenge}.account-thumbprint"
    assert answer.headers["Content-Type"] == "text/plain"
    assert missing.status_code == 404  # not redirected to HTTPS, not sent to Django
    assert other.status_code == 301


def stubs(folder: Path, nginx_ok: bool) -> dict[str, str]:
    """nginx and systemctl stand-ins that record how they were called."""
    folder.mkdir()
    (folder / "nginx").write_text(
        f'#!/bin/sh\necho "nginx $*" >>{folder}/calls\nexit {0 if nginx_ok else 1}\n'
    )
    (folder / "systemctl").write_text(f'#!/bin/sh\necho "systemctl $*" >>{folder}/calls\n')
    for name in ("nginx", "systemctl"):
        (folder / name).chmod(0o755)
    return {**os.environ, "PATH": f"{folder}:{os.environ['PATH']}"}


@pytest.mark.parametrize(
    ("nginx_ok", "calls"),
    [(True, ["nginx -t -q", "systemctl reload nginx"]), (False, ["nginx -t -q"])],
)
def test_the_renewal_hook_reloads_nginx_only_when_its_configuration_is_sound(
    tmp_path, nginx_ok, calls
):
    hook = tmp_path / "letsencrypt" / "renewal-hooks" / "deploy" / "pa-lms-reload-nginx"
    env = {
        **os.environ,
        "PA_LMS_ACME_WEBROOT": str(tmp_path / "certbot"),
        "PA_LMS_CERTBOT_HOOK": str(hook),
    }

    subprocess.run(["bash", str(REPO / "deploy/tls"), "hook"], env=env, check=True)

    assert (tmp_path / "certbot" / ".well-known" / "acme-challenge").is_dir()
    assert os.access(hook, os.X_OK)
    ran = subprocess.run([str(hook)], env=stubs(tmp_path / "bin", nginx_ok))
    assert (ran.returncode == 0) is nginx_ok
    assert (tmp_path / "bin" / "calls").read_text().splitlines() == calls
