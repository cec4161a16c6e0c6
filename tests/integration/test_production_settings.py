"""cms.settings.production with the environment documented in deploy/.env.example."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.test import RequestFactory

from cms.private_files import serve_private_file

REPO = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = REPO / "deploy" / ".env.example"


def documented_env() -> dict[str, str]:
    env = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value
    return env


def run_production(code: str, **overrides: str | None) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items() if not key.startswith("PA_LMS_")}
    env.pop("DATABASE_URL", None)
    env.update(documented_env())
    env["SECRET_KEY"] = secrets.token_urlsafe(50)
    # Error emails to ADMINS must not try the example SMTP host: loopback only.
    env["EMAIL_BACKEND"] = "django.core.mail.backends.locmem.EmailBackend"
    for key, value in overrides.items():
        if value is None:
            env.pop(key, None)
        else:
            env[key] = value
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_example_env_documents_every_variable_production_reads():
    documented = set(documented_env()) | {
        line.lstrip("# ").partition("=")[0]
        for line in ENV_EXAMPLE.read_text().splitlines()
        if line.startswith("# ") and "=" in line.split()[1]
    }
    source = (REPO / "cms/settings/production.py").read_text()
    source += (REPO / "cms/settings/base.py").read_text()
    source += (REPO / "deploy/gunicorn.conf.py").read_text()
    pattern = r'(?:environ\.get|env_bool|env_list|_required)\(\s*"([A-Z_]+)"'
    read = set(re.findall(pattern, source))
    assert {"CREDENTIALS_SIGNING_KEY", "CREDENTIALS_VC_KEY", "GUNICORN_WORKERS"} <= read
    # Production forces DEBUG off; DATA_DIR only locates the development SQLite file.
    assert read - documented - {"DEBUG", "DATA_DIR"} == set()


def _check_deploy(**overrides: str) -> subprocess.CompletedProcess:
    env = {**os.environ, **documented_env(), "SECRET_KEY": secrets.token_urlsafe(50), **overrides}
    env.pop("PA_LMS_REDIS_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def signing_keys(settings, tmp_path) -> dict[str, str]:
    """Key files where the documented variables say, made as development keys are."""
    from credentials.keys import dev_keys_ensure

    paths = {
        "CREDENTIALS_SIGNING_KEY": tmp_path / "pdf-signing-key.pem",
        "CREDENTIALS_SIGNING_CERT": tmp_path / "pdf-signing-cert.pem",
        "CREDENTIALS_VC_KEY": tmp_path / "vc-ed25519-key.pem",
    }
    for name, path in paths.items():
        setattr(settings, name, str(path))
    dev_keys_ensure()
    return {name: str(path) for name, path in paths.items()}


def test_check_deploy_reports_nothing_with_the_documented_environment(signing_keys):
    result = _check_deploy(**signing_keys)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_names_missing_signing_keys(signing_keys, tmp_path):
    result = _check_deploy(**{**signing_keys, "CREDENTIALS_VC_KEY": str(tmp_path / "absent.pem")})

    assert result.returncode != 0
    assert "credentials.E001" in result.stderr
    assert "absent.pem" in result.stderr
    assert "pdf-signing-key.pem" not in result.stderr


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"SECRET_KEY": ""}, "SECRET_KEY must be set in production"),
        ({"CELERY_BROKER_URL": None}, "CELERY_BROKER_URL must be set in production"),
        ({"DATABASE_URL": "sqlite:////tmp/x.sqlite3"}, "DATABASE_URL must point at PostgreSQL"),
        (
            {"AWS_STORAGE_BUCKET_NAME": "public", "AWS_PRIVATE_BUCKET_NAME": None},
            "AWS_PRIVATE_BUCKET_NAME must be set",
        ),
        (
            {"AWS_STORAGE_BUCKET_NAME": "same", "AWS_PRIVATE_BUCKET_NAME": "same"},
            "must differ from the public bucket",
        ),
    ],
)
def test_it_refuses_to_start_without_what_production_needs(overrides, message):
    result = run_production("", **overrides)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_responses_carry_the_security_headers_and_csp():
    result = run_production(
        "from django.test import Client\n"
        "r = Client().get('/healthz', secure=True)\n"
        "a = Client(raise_request_exception=False).get('/admin/login/', secure=True)\n"
        "import json; print(json.dumps([dict(r.headers), a['Content-Security-Policy']]))",
        ALLOWED_HOSTS="testserver",
    )
    assert result.returncode == 0, result.stderr
    headers, admin_csp = json.loads(result.stdout.strip().splitlines()[-1])

    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    directives = {d.strip().split(" ", 1)[0]: d.strip() for d in csp.split(";") if d.strip()}
    # No inline script on the public site (the directives' order is not fixed).
    assert directives["script-src"] == "script-src 'self'"
    assert "script-src 'self' 'unsafe-inline'" in admin_csp  # Wagtail's inline scripts
    assert "frame-ancestors 'none'" in csp
    assert "object-src 'none'" in csp
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Referrer-Policy"] == "same-origin"


def test_plain_http_is_redirected_to_https_except_the_health_check():
    result = run_production(
        "from django.test import Client\n"
        "c = Client()\n"
        "print(c.get('/kk/').status_code, c.get('/kk/')['Location'],"
        " c.get('/healthz').status_code)",
        ALLOWED_HOSTS="testserver",
    )
    assert result.returncode == 0, result.stderr
    redirect_status, location, health_status = result.stdout.split()

    assert (redirect_status, location) == ("301", "https://testserver/kk/")
    assert health_status in {"200", "503"}  # answered, not redirected


def test_logs_are_one_json_object_per_line():
    result = run_production(
        "import logging\n"
        "logging.getLogger('cms.tasks').error('task failed', extra={'task_id': 'x1'})"
    )
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stderr.strip().splitlines()[-1])

    assert record["level"] == "ERROR"
    assert record["logger"] == "cms.tasks"
    assert record["message"] == "task failed"
    assert record["task_id"] == "x1"


def test_the_admin_is_behind_mfa_and_task_results_are_kept():
    result = run_production(
        "from django.conf import settings\n"
        "print('cms.middleware.RequireMFAMiddleware' in settings.MIDDLEWARE,"
        " 'django_celery_results' in settings.INSTALLED_APPS, settings.CELERY_RESULT_BACKEND,"
        " settings.CELERY_TASK_ALWAYS_EAGER)"
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "True", "django-db", "False"]


@pytest.fixture
def s3_storages():
    result = run_production(
        "import json; from django.conf import settings; print(json.dumps(settings.STORAGES))",
        AWS_STORAGE_BUCKET_NAME="pa-lms-public",
        AWS_PRIVATE_BUCKET_NAME="pa-lms-private",
        AWS_ACCESS_KEY_ID="AKIATEST",
        AWS_SECRET_ACCESS_KEY="secret",
        AWS_S3_ENDPOINT_URL="https://storage.example.kz",
        AWS_S3_REGION_NAME="kz-1",
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_on_s3_private_files_go_out_as_short_lived_signed_urls(settings, s3_storages):
    # Presigning is local computation: no request reaches the (fictitious) endpoint.
    settings.STORAGES = {**settings.STORAGES, "private": s3_storages["private"]}
    settings.PRIVATE_FILES_X_ACCEL = True  # ignored for S3: nginx never sees these files

    response = serve_private_file(
        RequestFactory().get("/"), "private", "certificates/abc.pdf", "Сертификат.pdf"
    )

    assert response.status_code == 302
    url = urlsplit(response["Location"])
    query = parse_qs(url.query)
    assert url.netloc == "storage.example.kz"
    assert "pa-lms-private" in url.path
    assert query["X-Amz-Expires"] == ["300"]
    assert "X-Amz-Signature" in query
    assert query["response-content-disposition"][0].startswith("attachment; filename*=utf-8''")
    assert "no-store" in response["Cache-Control"]


def test_on_s3_public_media_has_plain_urls_in_another_bucket(settings, s3_storages):
    settings.STORAGES = {**settings.STORAGES, "default": s3_storages["default"]}
    from django.core.files.storage import storages

    url = urlsplit(storages["default"].url("images/logo.png"))

    assert "pa-lms-public" in url.path
    assert url.query == ""


def test_deploy_manage_reads_the_env_file_as_written_and_the_environment_wins(tmp_path):
    env_file = tmp_path / "env"
    env_file.write_text(
        ENV_EXAMPLE.read_text().replace(
            "SECRET_KEY=\n", f"SECRET_KEY={secrets.token_urlsafe(50)}\n"
        )
    )
    env = {k: v for k, v in os.environ.items() if k not in documented_env()}
    env.update(
        ENV_FILE=str(env_file),
        SITE_URL="https://override.example.kz",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )

    result = subprocess.run(
        [
            str(REPO / "deploy" / "manage"),
            "shell",
            "-c",
            "from django.conf import settings as s; print(s.DEFAULT_FROM_EMAIL, '|', s.ADMINS, "
            "'|', s.WAGTAILADMIN_BASE_URL, '|', s.DEBUG)",
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == (
        "LMS <noreply@example.kz> | [('Operations', 'ops@example.kz')] | "
        "https://override.example.kz | False"
    )


@pytest.mark.parametrize(
    ("environment", "expected"),
    [({}, "/dev/shm"), ({"GUNICORN_WORKER_TMP_DIR": "/run/pa-lms"}, "/run/pa-lms")],
    ids=["default", "from the environment"],
)
def test_gunicorn_workers_keep_their_heartbeat_files_in_memory(monkeypatch, environment, expected):
    import runpy

    monkeypatch.delenv("GUNICORN_WORKER_TMP_DIR", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)

    config = runpy.run_path(str(REPO / "deploy/gunicorn.conf.py"))

    assert config["worker_tmp_dir"] == expected
