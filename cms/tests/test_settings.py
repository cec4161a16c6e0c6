"""Settings come from the environment; without a secret key only a DEBUG run may start."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _django_setup(settings_module: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    clean.update(env, DJANGO_SETTINGS_MODULE=settings_module)
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); print('started')"],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = _django_setup("cms.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_secret_key_postgresql_and_a_broker():
    result = _django_setup(
        "cms.settings.production",
        SECRET_KEY="x" * 50,
        DATABASE_URL="postgres://u:p@127.0.0.1:5999/x",
        CELERY_BROKER_URL="redis://127.0.0.1:6399/0",
        ALLOWED_HOSTS="lms.example.kz",
    )
    assert result.returncode == 0, result.stderr
    assert "started" in result.stdout


def test_development_uses_a_fallback_key_only_when_debug_is_on():
    assert _django_setup("cms.settings.dev").returncode == 0
    refused = _django_setup("cms.settings.dev", DEBUG="0")
    assert refused.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in refused.stderr


def test_the_database_comes_from_database_url():
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="cms.settings.dev",
        DATABASE_URL="postgres://u:p@127.0.0.1:5999/x",
    )
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup(); " + code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.strip() == "cms.db.postgresql"


# Code outside settings that reads a knob with a default of its own hides a typo and a second
# default; every knob is declared in cms/settings/base.py and read as settings.X.
_APPS = (
    "cms",
    "notifications",
    "course",
    "assessment",
    "certificates",
    "mentoring",
    "credentials",
    "quality",
)


def _app_sources() -> list[Path]:
    return [
        path
        for app in _APPS
        for path in (ROOT / app).rglob("*.py")
        if "tests" not in path.parts and "migrations" not in path.parts
    ]


def test_no_code_reads_a_setting_with_a_default_of_its_own():
    readers = sorted(
        str(path.relative_to(ROOT))
        for path in _app_sources()
        if "getattr(settings," in path.read_text()
    )
    assert readers == []


def test_only_settings_read_the_environment():
    allowed = {"cms/celery.py", "cms/wsgi.py", "cms/asgi.py"}  # DJANGO_SETTINGS_MODULE's default
    readers = {
        str(path.relative_to(ROOT))
        for path in _app_sources()
        if "os.environ" in path.read_text() and "settings" not in path.relative_to(ROOT).parts[:2]
    }
    assert readers - allowed == set()


def test_the_knobs_code_reads_are_declared_with_their_defaults():
    from django.conf import settings

    from cms.settings import base

    assert base.VERIFY_RATE_LIMIT_PER_HOUR == 300
    assert base.PRIVATE_UPLOAD_MAX_BYTES == 20 * 1024 * 1024
    assert base.CREDENTIALS_UPLOAD_LIMIT == 5 * 1024 * 1024
    assert base.ASSESSMENT_MARKER_DIFFERENCE_THRESHOLD == 10
    assert base.PRIVATE_FILES_X_ACCEL is False
    assert base.PRIVATE_FILES_X_ACCEL_PREFIX == "/_protected/"
    assert base.CREDENTIALS_DEV_KEYS is None  # unset: follows DEBUG
    assert base.ASSESSMENT_PDF_FONT.endswith("DejaVuSans.ttf")
    assert settings.CERTIFICATES_PDF_POSTPROCESSORS == ["credentials.signing.pdf_sign"]
