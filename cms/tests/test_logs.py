"""One log format (JSON lines) and one time zone (UTC) for Django, Celery and gunicorn, each
checked in a process of its own configured as production configures it; and no mail for what
is expected (a foreign Host header, a failing /healthz)."""

from __future__ import annotations

import datetime
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core import mail
from django.db.utils import OperationalError
from django.test import override_settings
from django.utils.log import AdminEmailHandler

from cms.logs import django_logging

REPO = Path(__file__).resolve().parents[2]
UTC_ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+00:00$")
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "cms.settings.production",
    "SECRET_KEY": "log-test-key",
    "DATABASE_URL": "postgres://pa_lms:x@127.0.0.1:9/pa_lms",
    "CELERY_BROKER_URL": "redis://127.0.0.1:9/0",
    # A site in Almaty: the logs must still say UTC.
    "TIME_ZONE": "Asia/Almaty",
    "LOG_LEVEL": "INFO",
}


def _run(code: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update(PRODUCTION, TZ="Asia/Almaty")
    return subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=120
    )


def _json_lines(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def _assert_utc_now(stamp: str) -> None:
    assert UTC_ISO.match(stamp), stamp
    when = datetime.datetime.fromisoformat(stamp)
    assert abs((datetime.datetime.now(datetime.UTC) - when).total_seconds()) < 120


def test_a_django_log_record_in_production_is_a_json_line_with_a_utc_time():
    result = _run(
        "import django, logging; django.setup(); "
        "logging.getLogger('cms.views').warning('healthz: %s', 'down')"
    )
    assert result.returncode == 0, result.stderr
    (line,) = _json_lines(result.stderr)
    assert line["message"] == "healthz: down"
    assert (line["level"], line["logger"]) == ("WARNING", "cms.views")
    _assert_utc_now(line["time"])


def test_a_celery_log_record_keeps_django_s_json_lines_with_a_utc_time():
    result = _run(
        "import django; django.setup()\n"
        "from cms.celery import app\n"
        "assert app.conf.worker_hijack_root_logger is False\n"
        # What a worker and beat do at start: Celery sets up logging unless told not to.
        "app.log.setup(loglevel='INFO', redirect_stdouts=False)\n"
        "from celery.utils.log import get_task_logger\n"
        "get_task_logger('cms.tasks').error('task failed: %s', 'x')\n"
    )
    assert result.returncode == 0, result.stderr
    (line,) = _json_lines(result.stderr)
    assert line["message"] == "task failed: x"
    assert (line["level"], line["logger"]) == ("ERROR", "cms.tasks")
    _assert_utc_now(line["time"])


GUNICORN = """
import datetime, runpy, types
from gunicorn.config import Config
from gunicorn.glogging import Logger
conf = runpy.run_path("deploy/gunicorn.conf.py")
cfg = Config()
for name in ("accesslog", "errorlog", "loglevel", "logconfig_dict", "access_log_format"):
    cfg.set(name, conf[name])
log = Logger(cfg)
log.info("Booting worker with pid: %s", 4242)
response = types.SimpleNamespace(status="200 OK", sent=1234, headers=[])
request = types.SimpleNamespace(headers=[("X-FORWARDED-FOR", "203.0.113.7")])
environ = {"REQUEST_METHOD": "GET", "RAW_URI": "/verify/", "SERVER_PROTOCOL": "HTTP/1.1",
           "PATH_INFO": "/verify/", "HTTP_USER_AGENT": "curl/8"}
log.access(response, request, environ, datetime.timedelta(milliseconds=12))
import sys
# The master must not import the cms package (its workers would keep it across a reload).
assert not any(name == "cms" or name.startswith("cms.") for name in sys.modules), "cms imported"
"""


def test_gunicorn_error_and_access_records_are_json_lines_with_a_utc_time():
    result = _run(GUNICORN)
    assert result.returncode == 0, result.stderr
    (error,) = _json_lines(result.stderr)
    assert error["message"] == "Booting worker with pid: 4242"
    assert (error["level"], error["logger"]) == ("INFO", "gunicorn.error")
    _assert_utc_now(error["time"])
    (access,) = _json_lines(result.stdout)
    _assert_utc_now(access["time"])
    assert access["logger"] == "gunicorn.access"
    assert "message" not in access
    assert {k: access[k] for k in ("remote", "method", "path", "status", "duration_ms")} == {
        "remote": "203.0.113.7",
        "method": "GET",
        "path": "/verify/",
        "status": 200,
        "duration_ms": 12,
    }


def test_development_lines_are_plain_text_with_the_same_utc_time(caplog):
    config = django_logging(level="INFO", json_lines=False, mail_admins=False)
    from cms.logs import UtcFormatter

    formatter = UtcFormatter(fmt=config["formatters"]["plain"]["fmt"])
    record = logging.LogRecord("cms", logging.INFO, __file__, 1, "hello", None, None)
    record.created = datetime.datetime(2026, 12, 5, 4, 0, tzinfo=datetime.UTC).timestamp()
    assert formatter.format(record) == "2026-12-05T04:00:00.000+00:00 INFO cms hello"


# --- No mail storms ----------------------------------------------------------------------------


@pytest.fixture
def admins_mailed(settings):
    """ADMINS set and the production mail handler on Django's request and security loggers."""
    settings.ADMINS = [("Ops", "ops@example.kz")]
    config = django_logging(level="INFO", json_lines=True, mail_admins=True)
    names = ("django.request", "django.security", "django.security.DisallowedHost")
    saved = {
        name: (logging.getLogger(name).handlers[:], logging.getLogger(name).propagate)
        for name in names
    }
    for name in names:
        logger = logging.getLogger(name)
        configured = config["loggers"].get(name)
        # A logger the configuration leaves out passes its records up (to django.security).
        handlers = configured["handlers"] if configured else []
        logger.handlers = [AdminEmailHandler() for handler in handlers if handler == "mail_admins"]
        logger.propagate = configured is None
    yield
    for name, (handlers, propagate) in saved.items():
        logging.getLogger(name).handlers = handlers
        logging.getLogger(name).propagate = propagate


@pytest.mark.django_db
def test_a_failing_healthz_answers_503_logs_a_warning_and_mails_nobody(
    client, admins_mailed, caplog
):
    with (
        mock.patch("cms.views.connection.cursor", side_effect=OperationalError("down")),
        caplog.at_level(logging.WARNING, logger="cms.views"),
    ):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert mail.outbox == []
    warnings = [r for r in caplog.records if r.name == "cms.views"]
    assert [r.levelname for r in warnings] == ["WARNING", "WARNING"]
    assert "healthz: 503" in warnings[-1].getMessage()


@pytest.mark.django_db
def test_a_server_error_is_still_mailed(client, admins_mailed):
    """The silence is for /healthz alone: a real 500 still reaches ADMINS."""
    with mock.patch("cms.views.render", side_effect=RuntimeError("boom")):
        client.raise_request_exception = False
        response = client.get("/kk/privacy/")
    assert response.status_code == 500
    assert len(mail.outbox) == 1


@pytest.mark.django_db
def test_a_foreign_host_header_is_refused_and_mails_nobody(client, admins_mailed, caplog):
    with (
        override_settings(ALLOWED_HOSTS=["lms.example.kz"]),
        caplog.at_level(logging.WARNING, logger="django.security.DisallowedHost"),
    ):
        response = client.get("/healthz", HTTP_HOST="scanner.example.com")
    assert response.status_code == 400
    assert mail.outbox == []
    assert "scanner.example.com" in caplog.records[-1].getMessage()


@pytest.mark.django_db
def test_other_security_events_are_still_mailed(admins_mailed):
    logging.getLogger("django.security.csrf").error("Forbidden (CSRF token missing.)")
    assert len(mail.outbox) == 1
