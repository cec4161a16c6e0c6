"""One log format for every process: Django (web), Celery (worker, beat) and gunicorn.

Production writes one JSON object per line on stderr (journald or Docker keep it; a log shipper
reads it without parsing rules); development writes plain lines. Every time stamp is UTC in ISO
8601 with its offset (2026-12-05T10:52:01.123+00:00), whatever TIME_ZONE the site shows: logs of
several machines, and of the servers beside them, then sort and compare without conversions.

Imports nothing but the standard library and python-json-logger: gunicorn's master process
loads this file by its path (deploy/gunicorn.conf.py says why) before any Django setting exists."""

from __future__ import annotations

import datetime
import json
import logging

from pythonjsonlogger.json import JsonFormatter

JSON_FIELDS = "%(asctime)s %(levelname)s %(name)s %(message)s %(process)d"
RENAMED = {"asctime": "time", "levelname": "level", "name": "logger"}


def utc_iso(created: float) -> str:
    return datetime.datetime.fromtimestamp(created, tz=datetime.UTC).isoformat(
        timespec="milliseconds"
    )


class UtcFormatter(logging.Formatter):
    """Plain lines (development) with the same UTC time stamps as production."""

    def formatTime(self, record, datefmt=None):
        return utc_iso(record.created)


class UtcJsonFormatter(JsonFormatter):
    """JSON lines: time (UTC), level, logger, message, process, and any `extra` fields."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", JSON_FIELDS)
        kwargs.setdefault("rename_fields", RENAMED)
        super().__init__(*args, **kwargs)

    def formatTime(self, record, datefmt=None):
        return utc_iso(record.created)


class GunicornAccessJsonFormatter(UtcJsonFormatter):
    """gunicorn's access lines: its access_log_format (deploy/gunicorn.conf.py) renders a JSON
    object of the request's fields; they become fields of the line itself, beside the UTC time
    (the format's own local "time" gives way to it). A message that is not a JSON object (a
    changed access_log_format) stays the message."""

    def add_fields(self, log_data, record, message_dict):
        super().add_fields(log_data, record, message_dict)
        try:
            fields = json.loads(log_data.get("message") or "")
        except ValueError:
            return
        if isinstance(fields, dict):
            del log_data["message"]
            for key, value in fields.items():
                log_data.setdefault(key, value)


def django_logging(*, level: str, json_lines: bool, mail_admins: bool) -> dict:
    """settings.LOGGING. With mail_admins, errors of requests and security events are mailed to
    ADMINS — except a foreign Host header (django.security.DisallowedHost): every scanner on
    the internet sends those, nginx's default server drops most, and the rest are only logged."""
    handlers = {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json" if json_lines else "plain",
        }
    }
    mailed = ["console"]
    if mail_admins:
        handlers["mail_admins"] = {
            "class": "django.utils.log.AdminEmailHandler",
            "level": "ERROR",
            "include_html": False,
        }
        mailed.append("mail_admins")
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {
            "plain": {
                "()": "cms.logs.UtcFormatter",
                "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            },
            "json": {"()": "cms.logs.UtcJsonFormatter"},
        },
        "handlers": handlers,
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            "django.request": {"handlers": mailed, "level": "ERROR", "propagate": False},
            "django.security": {"handlers": mailed, "level": "WARNING", "propagate": False},
            "django.security.DisallowedHost": {
                "handlers": ["console"],
                "level": "WARNING",
                "propagate": False,
            },
            # Wagtail logs every page action and its background tasks at INFO: too chatty.
            "wagtail": {"level": "WARNING"},
            "django_tasks": {"level": "WARNING"},
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
        },
    }


def gunicorn_logging(*, level: str) -> dict:
    """gunicorn's logconfig_dict: its error log and access log as JSON lines on stderr/stdout
    (the two loggers gunicorn writes to; its own defaults fill in the rest)."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        # The classes themselves, not dotted names: gunicorn's master must not import `cms`.
        "formatters": {
            "json": {"()": UtcJsonFormatter},
            "access_json": {"()": GunicornAccessJsonFormatter},
        },
        "handlers": {
            "error_console": {
                "class": "logging.StreamHandler",
                "formatter": "json",
                "stream": "ext://sys.stderr",
            },
            "console": {
                "class": "logging.StreamHandler",
                "formatter": "access_json",
                "stream": "ext://sys.stdout",
            },
        },
        "root": {"level": "INFO", "handlers": ["error_console"]},
        "loggers": {
            "gunicorn.error": {
                "level": level.upper(),
                "handlers": ["error_console"],
                "propagate": False,
                "qualname": "gunicorn.error",
            },
            "gunicorn.access": {
                "level": "INFO",
                "handlers": ["console"],
                "propagate": False,
                "qualname": "gunicorn.access",
            },
        },
    }
