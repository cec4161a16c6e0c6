"""gunicorn settings for the web process (systemd unit and Docker image both use this file).

Every value can be overridden from the environment (GUNICORN_*), see deploy/.env.example."""

from __future__ import annotations

import importlib.util
import multiprocessing
import os
from pathlib import Path

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: the views are short and database-bound; 2 x cores + 1 is gunicorn's advice.
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Each worker signals it is alive by touching a temporary file after every request; on a disk
# (a container's overlay filesystem above all) that can block the worker. gunicorn's advice: a
# RAM-backed folder.
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR") or (
    "/dev/shm" if os.path.isdir("/dev/shm") else None
)
# Recycle workers now and then so a slow leak cannot grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# nginx on the same host (or the compose network) is the only client; trust its X-Forwarded-*.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")
accesslog = "-"
# No client address next to a certificate code (/verify/, /credentials/): cms/gunicorn_logger.py.
# Loaded by its path, never imported as `cms.gunicorn_logger`: the `cms` package imported into
# the master would be inherited by every worker it forks (and outlive a graceful reload).
_access_spec = importlib.util.spec_from_file_location(
    "pa_lms_gunicorn_access", Path(__file__).resolve().parent.parent / "cms" / "gunicorn_logger.py"
)
_access = importlib.util.module_from_spec(_access_spec)
_access_spec.loader.exec_module(_access)
logger_class = _access.AccessLogger
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# Error and access logs as JSON lines with UTC time stamps, like Django's and Celery's
# (cms/logs.py): each access line carries access_log_format's fields below. cms/logs.py is loaded
# by its path, never imported as `cms.logs`: the `cms` package imported into the master would be
# inherited by every worker it forks, so after a graceful reload (HUP) onto a new release the
# workers would still run the old release's code.
_logs_spec = importlib.util.spec_from_file_location(
    "pa_lms_gunicorn_logs", Path(__file__).resolve().parent.parent / "cms" / "logs.py"
)
_logs = importlib.util.module_from_spec(_logs_spec)
_logs_spec.loader.exec_module(_logs)
logconfig_dict = _logs.gunicorn_logging(level=loglevel)
access_log_format = (
    '{"time": "%(t)s", "logger": "gunicorn.access", "remote": "%({x-forwarded-for}i)s", '
    '"method": "%(m)s", "path": "%(U)s", "status": %(s)s, "bytes": "%(B)s", '
    '"duration_ms": %(M)s, "user_agent": "%(a)s"}'
)
