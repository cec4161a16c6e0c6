"""Tests: fast hashing, in-memory email, eager Celery, private files in a temporary folder."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
# Tests change pages behind Wagtail's back (queryset updates, rolled-back transactions) and read
# them again: the anonymous page cache is off, and on in its own tests (cms/tests/test_page_cache).
PAGE_CACHE_SECONDS = 0
CELERY_BROKER_URL = ""
# Wagtail's django-tasks inline: most tests never commit, so work queued on commit would not run
# (cms/tests/test_task_backend.py tests the Celery hand-over; the staff-actions bench uses it).
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}
_tmp = Path(tempfile.mkdtemp(prefix="pa-lms-test-"))
MEDIA_ROOT = _tmp / "media"
PRIVATE_MEDIA_ROOT = _tmp / "private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Tests use SQLite in memory unless DATABASE_URL points at PostgreSQL.
if not os.environ.get("DATABASE_URL"):
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    # `make test-fast`: the test database in this file, which pytest-django's --reuse-db keeps
    # between runs (migrations and the programme tree are then not rebuilt: about 30 s saved per
    # run). Unset (CI, `make test`): in memory, built afresh.
    if os.environ.get("TEST_DATABASE_FILE"):
        DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_FILE"]}
WAGTAILADMIN_BASE_URL = "http://testserver"
# The public base printed in QR codes: a real-looking https host, as production prints.
SITE_URL = "https://lms.example.kz"
# Signing keys for tests: a self-signed pair made once per run in the temporary folder.
CREDENTIALS_DEV_KEYS = True
CREDENTIALS_KEY_DIR = str(_tmp / "credential-keys")
