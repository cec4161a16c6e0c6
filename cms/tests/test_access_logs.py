"""Access logs keep no client address next to a certificate code: gunicorn's logger
(cms.gunicorn_logger) and the shipped nginx site (deploy/nginx/), checked with `nginx -t`. A real
request through nginx is in tests/integration/test_nginx_client_address.py."""

from __future__ import annotations

import datetime
import json
import os
import re
import runpy
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from gunicorn.config import Config

REPO = Path(__file__).resolve().parents[2]
CLIENT = "203.0.113.77"


@pytest.fixture
def gunicorn_log(tmp_path):
    """gunicorn's logger as deploy/gunicorn.conf.py configures it, writing to a file."""
    shipped = runpy.run_path(str(REPO / "deploy/gunicorn.conf.py"))
    config = Config()
    config.set("logger_class", shipped["logger_class"])
    config.set("access_log_format", shipped["access_log_format"])
    config.set("accesslog", str(tmp_path / "access.log"))
    logger = config.logger_class(config)

    def request(path: str, referer: str = "-") -> dict:
        environ = {
            "REQUEST_METHOD": "GET",
            "RAW_URI": path,
            "PATH_INFO": path,
            "QUERY_STRING": "",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_X_FORWARDED_FOR": CLIENT,
            "HTTP_USER_AGENT": "phone",
            "HTTP_REFERER": referer,
        }
        req = SimpleNamespace(headers=[("X-FORWARDED-FOR", CLIENT), ("X-REAL-IP", CLIENT)])
        resp = SimpleNamespace(status="200 OK", sent=42, headers=[])
        logger.access(resp, req, environ, datetime.timedelta(milliseconds=12))
        for handler in logger.access_log.handlers:
            handler.flush()
        last = (tmp_path / "access.log").read_text().splitlines()[-1]
        return json.loads(last)

    return request


def test_the_shipped_gunicorn_config_uses_the_masking_logger_without_importing_cms():
    from gunicorn.glogging import Logger

    sys.modules.pop("cms.gunicorn_logger", None)
    shipped = runpy.run_path(str(REPO / "deploy/gunicorn.conf.py"))
    config = Config()
    config.set("logger_class", shipped["logger_class"])

    assert config.logger_class.__name__ == "AccessLogger"
    assert issubclass(config.logger_class, Logger)
    assert "cms.gunicorn_logger" not in sys.modules


@pytest.mark.parametrize(
    "path",
    [
        "/verify/KZ7Q-2M4P-XW9D/",
        "/verify/KZ7Q-2M4P-XW9D.json",
        "/credentials/KZ7Q-2M4P-XW9D/ob3.json",
        "/kk/credentials/",
    ],
)
def test_gunicorn_logs_a_certificate_look_up_without_the_address(gunicorn_log, path):
    line = gunicorn_log(path)

    assert line["remote"] == "-"
    assert line["path"] == path
    assert line["status"] == 200
    assert CLIENT not in json.dumps(line)


def test_gunicorn_drops_the_address_of_a_request_coming_from_a_verification_page(gunicorn_log):
    line = gunicorn_log("/static/site.css", referer="https://lms.example.kz/verify/KZ7Q-2M4P/")

    assert line["remote"] == "-"


def test_gunicorn_keeps_the_address_of_other_requests(gunicorn_log):
    assert gunicorn_log("/kk/study/")["remote"] == CLIENT


def _render_nginx_site(tmp_path) -> str:
    rendered = subprocess.run(
        ["envsubst", "$PA_LMS_SERVER_NAME $PA_LMS_UPSTREAM $PA_LMS_TLS_CERT $PA_LMS_TLS_KEY "
         "$PA_LMS_ROOT"],
        input=(REPO / "deploy/nginx/pa-lms.conf.template").read_text(),
        env={**os.environ, "PA_LMS_SERVER_NAME": "lms.test", "PA_LMS_UPSTREAM": "127.0.0.1:9",
             "PA_LMS_TLS_CERT": str(tmp_path / "cert.pem"),
             "PA_LMS_TLS_KEY": str(tmp_path / "key.pem"), "PA_LMS_ROOT": str(tmp_path)},
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return rendered


def test_nginx_logs_certificate_look_ups_with_the_masked_address_format(tmp_path):
    site = _render_nginx_site(tmp_path)

    log_format = re.search(r"log_format pa_lms (.*?);", site, re.S).group(1)
    assert "$remote_addr" not in log_format
    assert "$pa_lms_log_address" in log_format
    mapping = re.search(r"map (\"[^\"]*\"|\S+) \$pa_lms_log_address \{(.*?)\}", site, re.S)
    assert mapping.group(1) == '"$request_uri $http_referer"'
    assert '"~/(?:verify|credentials)(?:/|\\.json|$)" "-";' in mapping.group(2)
    assert "default $remote_addr;" in mapping.group(2)
    # Every access log of the site uses that format (static files are not logged at all).
    for directive in re.findall(r"access_log ([^;]*);", site):
        assert directive == "off" or directive.endswith(" pa_lms"), directive


def test_the_shipped_nginx_site_passes_nginx_t(tmp_path):
    binary = shutil.which("nginx") or "/usr/sbin/nginx"
    if not Path(binary).exists() or not shutil.which("openssl"):
        pytest.skip("nginx and openssl are not installed")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=lms.test", "-keyout", str(tmp_path / "key.pem"),
         "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    site = _render_nginx_site(tmp_path)
    site = site.replace("/var/log/nginx/", f"{tmp_path}/")
    (tmp_path / "site.conf").write_text(site)
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\n"
        "events { worker_connections 64; }\n"
        f"http {{ include /etc/nginx/mime.types; include {tmp_path}/site.conf; }}\n"
    )

    result = subprocess.run(
        [binary, "-t", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf")],
        capture_output=True, text=True,
    )  # fmt: skip

    assert result.returncode == 0, result.stderr
