"""Production: PostgreSQL, Redis-backed Celery workers, gunicorn behind nginx.

Refuses to start without SECRET_KEY, DATABASE_URL (PostgreSQL) and CELERY_BROKER_URL. Every value
is read from the environment; deploy/.env.example documents each one."""

from __future__ import annotations

import os
from email.utils import getaddresses

from django.core.exceptions import ImproperlyConfigured

from cms.csp_policy import production_policy
from cms.logs import django_logging

from .base import *  # noqa: F403
from .base import DATABASES, INSTALLED_APPS, MIDDLEWARE, STORAGES, env_bool, env_list


def _required(name: str) -> str:
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(f"{name} must be set in production (see deploy/.env.example).")
    return value


DEBUG = False
SECRET_KEY = _required("SECRET_KEY")
if DATABASES["default"]["ENGINE"] != "cms.db.postgresql":
    raise ImproperlyConfigured("DATABASE_URL must point at PostgreSQL in production.")

# Persistent connections: without them PostgreSQL serves ~10x fewer requests per second here.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("CONN_MAX_AGE", "600"))

# --- HTTPS and security headers -------------------------------------------------------------
# nginx terminates TLS and sets X-Forwarded-Proto; it must overwrite (not pass through) that header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# nginx is one trusted hop: it overwrites X-Forwarded-For with the address it saw (cms.client_ip).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "1"))
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Load balancers and monitoring probe /healthz over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp 4). Our pages load scripts and styles from our own origin
# only (cms.csp adds 'unsafe-inline' to script-src under /admin/ alone, for Wagtail's inline
# scripts); Wagtail's admin also needs inline styles. Topic video embeds: YouTube/Vimeo.
# CSP_REPORT_ONLY=true sends the same policy as Content-Security-Policy-Report-Only, to try a
# change on the live site without breaking it.
_media_origins = env_list("CSP_EXTRA_MEDIA_ORIGINS")  # e.g. the S3 endpoint serving media
# The directives live in cms.csp_policy, so tests apply the very policy deployed.
_csp = production_policy(media_origins=_media_origins)
if env_bool("CSP_REPORT_ONLY", False):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _csp
else:
    CONTENT_SECURITY_POLICY = _csp
INSTALLED_APPS = [*INSTALLED_APPS, "csp", "django_celery_results"]
MIDDLEWARE = [*MIDDLEWARE]
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "cms.csp.SiteCSPMiddleware",
)
# The admin (Wagtail's and Django's) is behind allauth MFA: cms.middleware.RequireMFAMiddleware
# (in base settings) refuses a staff session that did not pass its second factor. Refuse to start
# without it.
if "cms.middleware.RequireMFAMiddleware" not in MIDDLEWARE:
    raise ImproperlyConfigured("cms.middleware.RequireMFAMiddleware must protect the admin.")

# --- Files -----------------------------------------------------------------------------------
# Local disk by default (MEDIA_ROOT, PRIVATE_MEDIA_ROOT); S3-compatible storage when
# AWS_STORAGE_BUCKET_NAME is set. Private files then live in a separate private bucket and are
# handed out as signed URLs valid for AWS_QUERYSTRING_EXPIRE seconds (cms.private_files).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    _s3_common = {
        "access_key": os.environ.get("AWS_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("AWS_SECRET_ACCESS_KEY") or None,
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
        "signature_version": "s3v4",
        "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
        "file_overwrite": False,
    }
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_common,
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Public CMS images and documents: plain URLs, cacheable by browsers.
            "querystring_auth": False,
            "default_acl": None,
        },
    }
    STORAGES["private"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3_common,
            "bucket_name": _required("AWS_PRIVATE_BUCKET_NAME"),
            "querystring_auth": True,
            "querystring_expire": int(os.environ.get("AWS_QUERYSTRING_EXPIRE", "300")),
            "default_acl": "private",
            "custom_domain": None,  # a custom domain would drop the signature
        },
    }
    if STORAGES["private"]["OPTIONS"]["bucket_name"] == AWS_STORAGE_BUCKET_NAME:
        raise ImproperlyConfigured("AWS_PRIVATE_BUCKET_NAME must differ from the public bucket.")

# Local private files go out through nginx: Django checks permission and answers with
# X-Accel-Redirect to nginx's `internal` location (deploy/nginx/pa-lms.conf).
PRIVATE_FILES_X_ACCEL = env_bool("PRIVATE_FILES_X_ACCEL", True)

# --- Celery ----------------------------------------------------------------------------------
CELERY_BROKER_URL = _required("CELERY_BROKER_URL")
CELERY_TASK_ALWAYS_EAGER = False
# Task outcomes (with tracebacks) in the database, where staff see failures in the admin.
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND", "django-db")
CELERY_RESULT_EXTENDED = True
CELERY_RESULT_EXPIRES = 60 * 60 * 24 * 30
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_SEND_TASK_EVENTS = True
CELERY_TASK_SEND_SENT_EVENT = True

# --- Email, admins ---------------------------------------------------------------------------
# ADMINS="Ops <ops@example.kz>, Registrar <reg@example.kz>": failed tasks and 500s are mailed there.
ADMINS = getaddresses([os.environ.get("ADMINS", "")]) if os.environ.get("ADMINS") else []
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)  # noqa: F405

# --- Logs: one JSON object per line on stderr, for journald / docker / a log shipper -----------
# Time stamps in UTC; a foreign Host header is logged, never mailed (cms/logs.py).
LOGGING = django_logging(
    level=os.environ.get("LOG_LEVEL", "INFO"), json_lines=True, mail_admins=True
)
