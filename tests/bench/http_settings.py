"""Settings for the HTTP load benchmark: production settings as deployed (PostgreSQL with
persistent connections, Redis cache and broker, CSP, JSON logs), with three differences a
loopback benchmark needs: plain HTTP, static files without a manifest (nginx serves them in
production), and a bare view to measure against."""

from __future__ import annotations

from cms.settings.production import *  # noqa: F403
from cms.settings.production import STORAGES

SECURE_SSL_REDIRECT = False
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
ROOT_URLCONF = "tests.bench.http_urls"
# One client address sends every request: the per-address verification limit would answer 429.
VERIFY_RATE_LIMIT_PER_HOUR = 10**9
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
