"""Settings shared by every environment. Everything that differs between machines is read from the
environment, with a default that works for `make run` on a fresh checkout."""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab

from cms.logs import django_logging

BASE_DIR = Path(__file__).resolve().parent.parent.parent
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / "data"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "cms",
    "notifications",
    "course",
    "assessment",
    "certificates",
    "mentoring",
    "credentials",
    "quality",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_prose_editor",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "cms.middleware.QueryLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "cms.middleware.RequireMFAMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last: it serves anonymous visitors' cached course pages after the others have run.
    "cms.page_cache.PageCacheMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"
# One field template and one error summary for every form (cms/renderers.py).
FORM_RENDERER = "cms.renderers.FormRenderer"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "cms.context_processors.site_shell",
            ],
        },
    },
    {
        # Only for the public verification page (cms/jinja2_env.py says why); <app>/jinja2/.
        "NAME": "jinja2",
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "cms.jinja2_env.environment",
            "context_processors": ["cms.jinja2_env.request_helpers"],
        },
    },
]

# Database: DATABASE_URL (e.g. postgres://user:pass@127.0.0.1:5432/pa_lms); SQLite by default.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{DATA_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, minus the health check's round trip on a connection used moments ago.
    DATABASES["default"]["ENGINE"] = "cms.db.postgresql"
    DATABASES["default"]["HEALTH_CHECK_BYPASS_SECONDS"] = float(
        os.environ.get("CONN_HEALTH_CHECK_BYPASS_SECONDS", "0.5")
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "cms.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"

# django-allauth: login by email, verified addresses, MFA (TOTP + recovery codes).
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = os.environ.get("ACCOUNT_EMAIL_VERIFICATION", "mandatory")
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# Brute-force protection: after 5 failed logins for one account in 5 minutes, allauth refuses
# further attempts with "Too many failed login attempts" until the window passes. The per-IP limit
# is looser because a whole school's staff room often shares one address.
ACCOUNT_RATE_LIMITS = {"login_failed": "20/5m/ip,5/5m/key"}
# The client's address behind our own proxy (cms.client_ip): X-Forwarded-For is read only when
# the direct peer is one of TRUSTED_PROXY_ADDRESSES (addresses or networks, "*" for any), and
# TRUSTED_PROXY_COUNT hops deep. 0 (development, no proxy): REMOTE_ADDR as it is.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
TRUSTED_PROXY_ADDRESSES = env_list("TRUSTED_PROXY_ADDRESSES", "127.0.0.1,::1")
# allauth's own reading agrees (the adapter asks cms.client_ip anyway).
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# The consent to personal-data processing is a required field of the sign-up form.
ACCOUNT_FORMS = {"signup": "cms.account_forms.SignupForm"}
ACCOUNT_ADAPTER = "cms.adapters.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
# Trainers, mentors, registrars and staff must activate TOTP, and every session of theirs must
# pass it (owning an authenticator is not enough): cms.middleware.RequireMFAMiddleware.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "PA LMS"
MFA_FORMS = {"activate_totp": "cms.mfa_forms.ActivateTOTPForm"}
# TOTP keys and recovery-code seeds are stored encrypted (cms.mfa_secrets). Comma-separated Fernet
# keys (cryptography's Fernet.generate_key()): the first encrypts, all decrypt (rotation: put the
# new one first). Empty: one derived from SECRET_KEY.
MFA_ADAPTER = "cms.adapters.MFAAdapter"
MFA_ENCRYPTION_KEYS = [k for k in os.environ.get("MFA_ENCRYPTION_KEYS", "").split(",") if k.strip()]

# Languages: Kazakh first and default; Russian and English.
LANGUAGE_CODE = "kk"
LANGUAGES = [
    ("kk", "Қазақша"),
    ("ru", "Русский"),
    ("en", "English"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# cms/admin_locale: Kazakh for the Wagtail admin's own strings (Wagtail ships no Kazakh).
LOCALE_PATHS = [BASE_DIR / "cms" / "locale", BASE_DIR / "cms" / "admin_locale"]
TIME_ZONE = os.environ.get("TIME_ZONE", "Asia/Almaty")
USE_I18N = True
USE_TZ = True
# Django ships no formats for Kazakh: ours are in cms/formats/kk (dates as 15.01.2027).
FORMAT_MODULE_PATH = ["cms.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATICFILES_DIRS = [BASE_DIR / "cms" / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Private files (case studies, support plans, certificate PDFs) never live under MEDIA_ROOT: they
# are served only through views that check permissions.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(PRIVATE_MEDIA_ROOT), "base_url": None},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Email: console in development unless EMAIL_URL-style settings are given.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "noreply@localhost")

# Celery: with no broker configured, tasks run in-process (eagerly) so `make run` needs nothing.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
# Wagtail's own background work (django-tasks: the reference and search index of each saved page,
# a deleted file's removal) goes to Celery after the commit instead of running inside the editor's
# request (cms/task_backend.py; issue 19). "django_tasks.backends.immediate.ImmediateBackend" runs
# it inline.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "cms.task_backend.CeleryOnCommitBackend")
    }
}
CELERY_RESULT_BACKEND = os.environ.get("CELERY_RESULT_BACKEND") or None
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = TIME_ZONE
# Worker and beat keep the logging Django configured (settings.LOGGING): one format everywhere.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# Redis in production, through a backend that serves as an empty cache while Redis is down
# (cms/cache.py): no page needs the cache to answer. Short socket timeouts, so an unreachable
# Redis costs a request REDIS_CACHE_SOCKET_TIMEOUT seconds, not the kernel's minutes.
REDIS_CACHE_SOCKET_TIMEOUT = float(os.environ.get("REDIS_CACHE_SOCKET_TIMEOUT", "1.0"))
CACHE_FAILURE_LOG_INTERVAL_SECONDS = int(os.environ.get("CACHE_FAILURE_LOG_INTERVAL_SECONDS", "60"))
# How long an anonymous visitor's programme, module or topic page is served from the cache
# (cms/page_cache.py). Publishing or editing any page purges it at once; this bounds the rest.
# 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300"))
# The admin's enrolments and live-session lists offer at most this many recent cohorts in their
# cohort filter (course/admin_filters.py): a select of every cohort ever grew with the years.
ADMIN_COHORT_FILTER_CHOICES = int(os.environ.get("ADMIN_COHORT_FILTER_CHOICES", "60"))
# How long the signed Open Badges status list is reused (credentials.selectors). A revocation or
# re-issue clears it at once; this bounds only a write that sends no signal. 0: built per request.
STATUS_LIST_CACHE_SECONDS = int(os.environ.get("STATUS_LIST_CACHE_SECONDS", "60"))
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pa-lms",
    }
    if not os.environ.get("REDIS_CACHE_URL")
    else {
        "BACKEND": "cms.cache.ResilientRedisCache",
        "LOCATION": os.environ["REDIS_CACHE_URL"],
        "OPTIONS": {
            "socket_connect_timeout": REDIS_CACHE_SOCKET_TIMEOUT,
            "socket_timeout": REDIS_CACHE_SOCKET_TIMEOUT,
        },
    }
}

# Sessions are read from the cache and written through to the database (Django's cached_db): a
# signed-in page finds its session without a query (issue 22), and when Redis is down or has
# evicted it, the database still has it, so nobody is signed out. Signing out deletes both.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

WAGTAIL_SITE_NAME = "Педагог-ассистент"
# SITE_URL: scheme and host (e.g. https://lms.example.kz), no path. The one public base of every QR
# code, verification link, Open Badges id and email link. A certificate freezes
# SITE_URL + /verify/<code>/ into its signed PDF at issue, so it must be the real public address
# before the first certificate: `check --deploy` refuses a missing, non-https or loopback value.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").strip().rstrip("/")
WAGTAILADMIN_BASE_URL = SITE_URL
# Every sign-in and password reset goes through allauth (second factor, rate limit, lockout);
# /admin/login/ itself redirects there (cms.urls).
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAIL_PASSWORD_RESET_ENABLED = False
# No Gravatar in the admin: the production CSP's img-src is our own origin (a blocked image on every
# admin page, the live preview's included), and an editor's e-mail hash would go to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Snippets with a menu item of their own are not listed again under "Snippets" (Wagtail's default,
# declared so that code reads it as settings.X: cms/admin_snippets.py).
WAGTAILSNIPPETS_MENU_SHOW_ALL = False
# The database backend: PostgreSQL full text in production, SQLite's in development. Kazakh has no
# PostgreSQL stemmer, so the `simple` configuration (no stemming) is used for every language and
# partial words are found by their beginning (cms.search.search_pages); the indexed text
# is folded (cms.search.fold) so Қ and К find the same word.
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "wagtail.search.backends.database",
        "SEARCH_CONFIG": os.environ.get("SEARCH_CONFIG", "simple"),
    }
}
SEARCH_RESULTS_PER_KIND = int(os.environ.get("SEARCH_RESULTS_PER_KIND", "20"))
SEARCH_QUERY_MAX_LENGTH = 200
# A topic counts as studied when the form at its end is sent with the token the page was opened
# with; an older token (a tab left open for days) asks the trainee to open the topic again.
TOPIC_OPEN_TOKEN_MAX_AGE_SECONDS = int(
    os.environ.get("TOPIC_OPEN_TOKEN_MAX_AGE_SECONDS", str(12 * 60 * 60))
)
# mp4/webm and vtt: self-hosted lecture videos and their captions (course.blocks.VideoFileBlock).
WAGTAILDOCS_EXTENSIONS = [
    *["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"],
    *["mp4", "webm", "vtt"],
]
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = True
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Bounds on an uploaded DOCX/ODT/XLSX's ZIP container (cms.uploads): its members, and the bytes
# it declares or unpacks. A real document has tens to a few hundred members and unpacks to a few
# times its size; a zip bomb of kilobytes declares gigabytes.
UPLOAD_ARCHIVE_MAX_MEMBERS = int(os.environ.get("UPLOAD_ARCHIVE_MAX_MEMBERS", "2000"))
UPLOAD_ARCHIVE_MAX_UNPACKED_BYTES = int(
    os.environ.get("UPLOAD_ARCHIVE_MAX_UNPACKED_BYTES", str(200 * 1024 * 1024))
)
# Error reports (the 500 e-mails to ADMINS) never carry POST values, files, cookies or frame
# variables: case studies and support plans describe children (cms/error_reports.py).
DEFAULT_EXCEPTION_REPORTER = "cms.error_reports.PrivateExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "cms.error_reports.PrivateExceptionReporterFilter"

# Plain lines here, JSON lines in production; UTC time stamps everywhere (cms/logs.py says why).
LOGGING = django_logging(
    level=os.environ.get("LOG_LEVEL", "INFO"), json_lines=False, mail_admins=False
)

# Every certificate and statement PDF is signed (PAdES) before its SHA-256 is taken and stored.
# Keys: CREDENTIALS_SIGNING_KEY / CREDENTIALS_SIGNING_CERT (see deploy/.env.example); with DEBUG on
# a self-signed development pair is made on demand (`manage.py credentials_dev_keys`).
CERTIFICATES_PDF_POSTPROCESSORS = ["credentials.signing.pdf_sign"]
# Where the signing keys are (credentials/conf.py): each path, else a file of that name in
# CREDENTIALS_KEY_DIR, else DATA_DIR/credentials/ (git-ignored). Empty = that fallback.
CREDENTIALS_KEY_DIR = os.environ.get("CREDENTIALS_KEY_DIR", "")
CREDENTIALS_SIGNING_KEY = os.environ.get("CREDENTIALS_SIGNING_KEY", "")
CREDENTIALS_SIGNING_CERT = os.environ.get("CREDENTIALS_SIGNING_CERT", "")
CREDENTIALS_SIGNING_KEY_PASSWORD = os.environ.get("CREDENTIALS_SIGNING_KEY_PASSWORD", "")
CREDENTIALS_VC_KEY = os.environ.get("CREDENTIALS_VC_KEY", "")
# Default: a folder retired-keys beside the signing certificate (never inside the code's folder).
CREDENTIALS_RETIRED_KEY_DIR = os.environ.get("CREDENTIALS_RETIRED_KEY_DIR", "")
# Make a self-signed pair when none is configured: unset = only while DEBUG is on. In production a
# missing key is an error, never silently replaced (every issued credential would stop verifying).
CREDENTIALS_DEV_KEYS = (
    env_bool("CREDENTIALS_DEV_KEYS", False) if os.environ.get("CREDENTIALS_DEV_KEYS") else None
)
# An uploaded PDF to check is refused past this size (certificate PDFs are about 100 KB).
CREDENTIALS_UPLOAD_LIMIT = int(os.environ.get("CREDENTIALS_UPLOAD_LIMIT", str(5 * 1024 * 1024)))

# Public verification: look-ups one address may make per hour before 429 (CONTRACTS: >= 300).
VERIFY_RATE_LIMIT_PER_HOUR = int(os.environ.get("VERIFY_RATE_LIMIT_PER_HOUR", "300"))
# Private uploads (practice work, plans, mentoring attachments) are refused past this size.
PRIVATE_UPLOAD_MAX_BYTES = int(os.environ.get("PRIVATE_UPLOAD_MAX_BYTES", str(20 * 1024 * 1024)))
# Local private files: off = Django streams them (development); on = Django checks permission and
# answers with X-Accel-Redirect to nginx's `internal` location under this prefix (production).
PRIVATE_FILES_X_ACCEL = env_bool("PRIVATE_FILES_X_ACCEL", False)
PRIVATE_FILES_X_ACCEL_PREFIX = os.environ.get("PRIVATE_FILES_X_ACCEL_PREFIX", "/_protected/")
# Totals of the first and second marker may differ by this much before reconciliation.
ASSESSMENT_MARKER_DIFFERENCE_THRESHOLD = int(
    os.environ.get("ASSESSMENT_MARKER_DIFFERENCE_THRESHOLD", "10")
)
# The support plan's PDF font: DejaVu Sans covers every Kazakh letter (Ә Ғ Қ Ң Ө Ұ Ү Һ І).
ASSESSMENT_PDF_FONT = os.environ.get(
    "ASSESSMENT_PDF_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
)
ASSESSMENT_PDF_BOLD_FONT = os.environ.get(
    "ASSESSMENT_PDF_BOLD_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
)

# The beat sweep (certificates.tasks.certificates_sweep) completes what a lost task left undone:
# finalised passes without a certificate, certificates without a stored PDF. It runs every
# CERTIFICATES_SWEEP_EVERY_MINUTES and leaves alone anything younger than
# CERTIFICATES_SWEEP_GRACE_SECONDS, which the task enqueued after commit is still expected to do.
CERTIFICATES_SWEEP_EVERY_MINUTES = int(os.environ.get("CERTIFICATES_SWEEP_EVERY_MINUTES", "15"))
CERTIFICATES_SWEEP_GRACE_SECONDS = int(os.environ.get("CERTIFICATES_SWEEP_GRACE_SECONDS", "600"))
# Years a certificate is valid (the qualification is upgraded this often); the expiry e-mail and
# the validity date both read it.
CERTIFICATE_VALID_YEARS = int(os.environ.get("CERTIFICATE_VALID_YEARS", "3"))
# The approved programme's academic hours, as the site's footer and the quality report print
# them; a test checks that the loaded programme's topic hours add up to it.
COURSE_HOURS = int(os.environ.get("COURSE_HOURS", "80"))
# --- Monitoring (cms/monitoring.py; README "What to monitor") --------------------------------
# /healthz/status.json answers staff, and a monitoring system that sends
# "Authorization: Bearer <MONITOR_STATUS_TOKEN>"; empty = staff only.
MONITOR_STATUS_TOKEN = os.environ.get("MONITOR_STATUS_TOKEN", "")
# Beat sends the heartbeat task every MONITOR_HEARTBEAT_SECONDS; a heartbeat older than the
# warning/critical age means beat or every worker has stopped.
MONITOR_HEARTBEAT_SECONDS = int(os.environ.get("MONITOR_HEARTBEAT_SECONDS", "60"))
MONITOR_HEARTBEAT_WARNING_SECONDS = int(os.environ.get("MONITOR_HEARTBEAT_WARNING_SECONDS", "300"))
MONITOR_HEARTBEAT_CRITICAL_SECONDS = int(
    os.environ.get("MONITOR_HEARTBEAT_CRITICAL_SECONDS", "900")
)
MONITOR_QUEUE_WARNING = int(os.environ.get("MONITOR_QUEUE_WARNING", "100"))
MONITOR_QUEUE_CRITICAL = int(os.environ.get("MONITOR_QUEUE_CRITICAL", "1000"))
# Open failed tasks are a warning; this many in 24 hours is critical (something keeps failing).
MONITOR_FAILED_TASKS_CRITICAL = int(os.environ.get("MONITOR_FAILED_TASKS_CRITICAL", "10"))
MONITOR_DISK_WARNING_PERCENT = float(os.environ.get("MONITOR_DISK_WARNING_PERCENT", "15"))
MONITOR_DISK_CRITICAL_PERCENT = float(os.environ.get("MONITOR_DISK_CRITICAL_PERCENT", "5"))
# deploy/backup writes BACKUP_DIR/pa-lms-<UTC time>/ (with a MANIFEST); empty = not monitored.
BACKUP_DIR = os.environ.get("BACKUP_DIR", "")
MONITOR_BACKUP_WARNING_HOURS = int(os.environ.get("MONITOR_BACKUP_WARNING_HOURS", "26"))
MONITOR_BACKUP_CRITICAL_HOURS = int(os.environ.get("MONITOR_BACKUP_CRITICAL_HOURS", "50"))
# The site's TLS certificate (PEM, e.g. /etc/letsencrypt/live/<host>/fullchain.pem); empty = not
# monitored here (e.g. TLS ends on another machine).
MONITOR_TLS_CERT = os.environ.get("MONITOR_TLS_CERT", "")
MONITOR_TLS_WARNING_DAYS = int(os.environ.get("MONITOR_TLS_WARNING_DAYS", "21"))
MONITOR_TLS_CRITICAL_DAYS = int(os.environ.get("MONITOR_TLS_CRITICAL_DAYS", "7"))
# A new signing certificate takes weeks to obtain from a CA: warn early.
MONITOR_SIGNING_CERT_WARNING_DAYS = int(os.environ.get("MONITOR_SIGNING_CERT_WARNING_DAYS", "90"))
MONITOR_SIGNING_CERT_CRITICAL_DAYS = int(os.environ.get("MONITOR_SIGNING_CERT_CRITICAL_DAYS", "30"))
# Issuing runs on a worker seconds after finalising; past this, a pass without its certificate or
# a certificate without its PDF is reported.
MONITOR_ISSUING_GRACE_MINUTES = int(os.environ.get("MONITOR_ISSUING_GRACE_MINUTES", "30"))

# --- The registrar's worklist on the admin home (cms/worklist.py) ------------------------------
# Cohorts starting or ending within this many days are listed.
REGISTRAR_WORKLIST_COHORT_DAYS = int(os.environ.get("REGISTRAR_WORKLIST_COHORT_DAYS", "14"))
# Valid certificates expiring within this many days are counted (the first reminder goes at 90).
REGISTRAR_WORKLIST_EXPIRY_DAYS = int(os.environ.get("REGISTRAR_WORKLIST_EXPIRY_DAYS", "90"))

# --- Clean-up (beat, daily) ------------------------------------------------------------------
# Failed background tasks older than this are deleted, resolved or not.
FAILED_TASK_RETENTION_DAYS = int(os.environ.get("FAILED_TASK_RETENTION_DAYS", "90"))
# Verification look-ups older than this are deleted: "checked N times" then counts this period.
# Three years: a certificate's validity.
VERIFICATION_LOOKUP_RETENTION_DAYS = int(
    os.environ.get("VERIFICATION_LOOKUP_RETENTION_DAYS", "1095")
)
# Records that outlive an account (README "Personal data"). Academic records (enrolments and their
# history, attendance, results and their audit, certificates and statements, the register) are
# kept this many years after the course ends, under a pseudonym once the person deletes the
# account: 75 years is the period Kazakhstan's list of standard documents with their storage
# periods gives records of a person's education and work history.
ACADEMIC_RECORDS_RETENTION_YEARS = int(os.environ.get("ACADEMIC_RECORDS_RETENTION_YEARS", "75"))
# Files about children (practice, plan and mentoring attachments) are deleted this many months
# after the certificate or statement was issued (or after the cohort ended, without either).
CHILD_FILES_RETENTION_MONTHS = int(os.environ.get("CHILD_FILES_RETENTION_MONTHS", "12"))

# --- The beat schedule: every periodic task, here and nowhere else ----------------------------
# Tasks are named by string (their explicit Celery names, cms.celery.task), so this file imports no
# app. Exactly one beat runs in a deployment. Times are TIME_ZONE's (CELERY_TIMEZONE).
CELERY_BEAT_SCHEDULE = {
    # Beat and a worker each note that they are alive (cms.celery._note_beat_heartbeat); a
    # heartbeat that waited in the queue longer than its interval proves nothing new.
    "cms-heartbeat": {
        "task": "cms.tasks.heartbeat",
        "schedule": float(MONITOR_HEARTBEAT_SECONDS),
        "options": {"expires": float(MONITOR_HEARTBEAT_SECONDS)},
    },
    # Every minute: public look-ups waiting on Redis into the database (certificates/lookups.py).
    "certificates-flush-verification-lookups": {
        "task": "certificates.tasks.flush_verification_lookups",
        "schedule": 60.0,
    },
    # The one certificate sweep: what a lost task left undone (broker down at finalising, a worker
    # killed mid-render) and pending passes whose completion rule is now met (the cohort's end
    # date reached, a missed event).
    "certificates-sweep": {
        "task": "certificates.tasks.certificates_sweep",
        "schedule": CERTIFICATES_SWEEP_EVERY_MINUTES * 60.0,
    },
    # Hourly: mentoring's first-reply reminders and overdue alerts.
    "mentoring-reminders": {
        "task": "mentoring.tasks.send_reminders",
        "schedule": crontab(minute=0),
    },
    # Daily, just after midnight: closed retake windows (statements of attendance).
    "certificates-retake-windows-close": {
        "task": "certificates.tasks.retake_windows_close",
        "schedule": crontab(minute=30, hour=0),
    },
    # Nightly clean-ups (retention settings above; README "What to monitor").
    "cms-clear-expired-sessions": {
        "task": "cms.tasks.clear_expired_sessions",
        "schedule": crontab(minute=10, hour=3),
    },
    "cms-prune-failed-tasks": {
        "task": "cms.tasks.prune_failed_tasks",
        "schedule": crontab(minute=20, hour=3),
    },
    # Files about children past CHILD_FILES_RETENTION_MONTHS (cms.retention).
    "cms-child-files-retention": {
        "task": "cms.tasks.child_files_retention",
        "schedule": crontab(minute=30, hour=3),
    },
    # Look-ups older than VERIFICATION_LOOKUP_RETENTION_DAYS.
    "certificates-prune-verification-lookups": {
        "task": "certificates.tasks.prune_verification_lookups",
        "schedule": crontab(minute=30, hour=3),
    },
    # Daily at 10:15: the quality survey's follow-up invitations, 3 and 6 months after a
    # certificate (quality.services.follow_up_invitations_send).
    "quality-follow-up-invitations": {
        "task": "quality.tasks.follow_up_invitations_send_task",
        "schedule": crontab(minute=15, hour=10),
    },
    # Daily at 08:00: reminders of cohort deadlines within NOTIFY_DEADLINE_DAYS (each sent once).
    "assessment-deadline-reminders": {
        "task": "assessment.tasks.deadline_reminders_send_task",
        "schedule": crontab(minute=0, hour=8),
    },
    # Notifications older than NOTIFICATION_RETENTION_DAYS.
    "notifications-purge": {
        "task": "notifications.tasks.notifications_purge_task",
        "schedule": crontab(minute=40, hour=3),
    },
    # Daily at 09:00: certificate expiry reminders 90 and 30 days ahead.
    "certificates-expiry-reminders": {
        "task": "certificates.tasks.send_expiry_reminders",
        "schedule": crontab(minute=0, hour=9),
    },
}
# quality: order 338 asks qualification-upgrade lecturers for pedagogical experience; a cohort
# trainer with fewer years is flagged to the registrar (cohort page, admin, report).
QUALITY_TRAINER_MIN_EXPERIENCE_YEARS = int(
    os.environ.get("QUALITY_TRAINER_MIN_EXPERIENCE_YEARS", "3")
)
# quality: the "after" self-assessment opens this many days before the cohort ends (or once every
# topic is done) and closes when the final result is finalised.
QUALITY_AFTER_SELF_ASSESSMENT_DAYS = int(os.environ.get("QUALITY_AFTER_SELF_ASSESSMENT_DAYS", "14"))
# A trainer who accepted a practice work by mistake may undo it for this many minutes (the
# trainee is told only after that; after it, a change goes through the registrar).
SUBMISSION_UNDO_MINUTES = int(os.environ.get("SUBMISSION_UNDO_MINUTES", "10"))
# Notifications (README "Notifications"): a trainee is reminded of a practice, plan or theory
# deadline of the cohort this many days ahead (once per deadline); notifications older than
# NOTIFICATION_RETENTION_DAYS are deleted by the daily beat task; the list shows this many a page.
NOTIFY_DEADLINE_DAYS = int(os.environ.get("NOTIFY_DEADLINE_DAYS", "3"))
NOTIFICATION_RETENTION_DAYS = int(os.environ.get("NOTIFICATION_RETENTION_DAYS", "365"))
NOTIFICATIONS_PER_PAGE = int(os.environ.get("NOTIFICATIONS_PER_PAGE", "20"))
# Intermediate control per module: a trainee whose best attempt scores under this share (per
# cent) is shown as behind on the trainer's cohort × module grid.
MODULE_CONTROL_PASS_PERCENT = int(os.environ.get("MODULE_CONTROL_PASS_PERCENT", "60"))
