"""Settings of the site the browser tests drive: `make run`'s development settings, but on a copy
of the test database, with every written file and email kept in the test run's temporary folder.

The server runs in its own process (see conftest.py), so it commits for real: `on_commit` hooks
fire, Celery tasks run eagerly after commit, and nothing the journeys do leaks into the rest of the
suite, which keeps using its own in-memory database."""

from __future__ import annotations

import os
from pathlib import Path

from cms.settings.dev import *  # noqa: F403

_root = Path(os.environ["E2E_ROOT"])

DEBUG = True  # runserver serves the static files only with DEBUG on; seed_demo needs it too
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(_root / "db.sqlite3")}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Emails land as files; the tests open them to follow the links a person would click.
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = str(_root / "mail")
MEDIA_ROOT = _root / "media"
PRIVATE_MEDIA_ROOT = _root / "private"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CELERY_BROKER_URL = ""
CELERY_TASK_ALWAYS_EAGER = True
SITE_URL = WAGTAILADMIN_BASE_URL = os.environ.get("E2E_BASE_URL", "http://127.0.0.1")
# The journeys sign in many times from one address; allauth's limits would lock them out.
ACCOUNT_RATE_LIMITS = False
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# A browser test types the TOTP code a moment after computing it; on a loaded machine that moment
# can cross into the next 30-second step. Accept the neighbouring step, as phones' clocks need too.
MFA_TOTP_TOLERANCE = 1

# The production Content-Security-Policy and its middleware, as cms.settings.production sets them,
# so the browser tests meet the policy deployed (the editor's live preview above all).
from cms.csp_policy import production_policy  # noqa: E402

CONTENT_SECURITY_POLICY = production_policy(media_origins=[])
X_FRAME_OPTIONS = "DENY"
INSTALLED_APPS = [*INSTALLED_APPS, "csp"]  # noqa: F405
MIDDLEWARE = [*MIDDLEWARE]  # noqa: F405
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "cms.csp.SiteCSPMiddleware",
)
