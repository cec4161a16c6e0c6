"""The Celery app. Without CELERY_BROKER_URL, tasks run in-process (eagerly).

Failures: every task retries transient errors (database or broker connection lost, timeouts) with
exponential backoff and jitter; a task that still fails is logged at ERROR with its name, id and
arguments (JSON in production, so log search finds it), mailed to ADMINS, and kept with its
traceback (cms.models.FailedTask) where staff and registrars see it in the Wagtail admin ("Failed
background tasks") and can retry it or mark it resolved. A task that could not even be sent (the
broker down when a request committed) is kept there the same way: see `enqueue_on_commit`.
"""

from __future__ import annotations

import logging
import os

from celery import Celery, Task
from celery.schedules import crontab
from celery.signals import before_task_publish, setup_logging, task_failure

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

logger = logging.getLogger("cms.tasks")


def _transient_errors() -> tuple[type[BaseException], ...]:
    # Errors that a later attempt can cure. A validation error ("already issued") is not one of
    # them: retrying it would only repeat the refusal.
    from django.db import InterfaceError, OperationalError

    return (OperationalError, InterfaceError, ConnectionError, TimeoutError)


class RetryingTask(Task):
    """Base class of every task: transient failures retried with exponential backoff."""

    retry_backoff = 5  # seconds before the first retry, then 10, 20, 40 … (with jitter)
    retry_backoff_max = 600
    retry_jitter = True
    max_retries = 5

    def __init__(self) -> None:
        super().__init__()
        if not getattr(self, "autoretry_for", None):
            self.autoretry_for = _transient_errors()


app = Celery("cms", task_cls=RetryingTask)
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

HEARTBEAT_TASK = "cms.tasks.heartbeat"


def beat_schedule_add_site_entries() -> None:
    """The site's own entries of the one beat schedule (each app adds its own in its
    AppConfig.ready(); cms is first). Called from CmsConfig.ready(), once settings are loaded."""
    from django.conf import settings

    app.conf.beat_schedule = {
        **(app.conf.beat_schedule or {}),
        # Beat and a worker each note that they are alive (see _note_beat_heartbeat).
        "cms-heartbeat": {
            "task": HEARTBEAT_TASK,
            "schedule": float(settings.MONITOR_HEARTBEAT_SECONDS),
            # A heartbeat that waited in the queue longer than its interval proves nothing new.
            "options": {"expires": float(settings.MONITOR_HEARTBEAT_SECONDS)},
        },
        # Nightly clean-ups (retention settings in cms/settings/base.py, README).
        "cms-clear-expired-sessions": {
            "task": "cms.tasks.clear_expired_sessions",
            "schedule": crontab(minute=10, hour=3),
        },
        "cms-prune-failed-tasks": {
            "task": "cms.tasks.prune_failed_tasks",
            "schedule": crontab(minute=20, hour=3),
        },
        # Files about children past their retention (cms.retention).
        "cms-child-files-retention": {
            "task": "cms.tasks.child_files_retention",
            "schedule": crontab(minute=30, hour=3),
        },
    }


@setup_logging.connect
def _keep_django_logging(**kwargs) -> None:
    """Connected, this stops Celery from replacing the logging Django configured from
    settings.LOGGING: worker and beat then write the same JSON lines, in UTC, as the web
    process (with worker_hijack_root_logger off as well)."""


@before_task_publish.connect
def _note_beat_heartbeat(sender=None, **kwargs) -> None:
    """Runs in the process that sends a task; only beat sends the heartbeat task, so its sending
    proves beat is alive. Failing to note it must never stop beat from sending."""
    if sender != HEARTBEAT_TASK:
        return
    import socket

    try:
        from cms.services import heartbeat_record

        _replace_broken_connection()
        heartbeat_record(name="beat", detail=socket.gethostname())
    except Exception:
        logger.exception("could not note beat's heartbeat")


def _replace_broken_connection() -> None:
    """Beat serves no requests, so nothing else replaces a connection that broke (a database
    restart) or outlived CONN_MAX_AGE: without this, one failure would repeat for ever. Never
    inside a transaction, whose connection must stay."""
    from django.db import close_old_connections, connection

    if not connection.in_atomic_block:
        close_old_connections()


def _keep_failure(name, task_id, args, kwargs, exception) -> None:
    """Store the failure for the admin's "Failed background tasks". The database may be the very
    thing that failed: then the log line above is the record."""
    import traceback

    from cms.services import failed_task_record

    try:
        failed_task_record(
            task_name=name,
            task_id=task_id or "",
            args=args,
            kwargs=kwargs,
            exception=exception,
            traceback="".join(traceback.format_exception(exception)),
        )
    except Exception:  # reporting a failure must never raise
        logger.exception("could not store the failure of %s[%s]", name, task_id)


@task_failure.connect
def _report_task_failure(sender=None, task_id=None, exception=None, args=None, kwargs=None, **_):
    """A task failed for good (retries exhausted or a non-transient error): make it visible."""
    from django.conf import settings
    from django.core.mail import mail_admins

    name = getattr(sender, "name", str(sender))
    logger.error(
        "task failed: %s[%s]: %r",
        name,
        task_id,
        exception,
        extra={"task_name": name, "task_id": task_id, "task_args": repr(args)[:500]},
        exc_info=exception,
    )
    _keep_failure(name, task_id, args, kwargs, exception)
    if settings.ADMINS and not settings.CELERY_TASK_ALWAYS_EAGER:
        mail_admins(
            subject=f"Task failed: {name}",
            message=f"Task {name}[{task_id}] failed with {exception!r}\nargs={args!r}",
            fail_silently=True,
        )


def enqueue_on_commit(task, *args, **kwargs) -> None:
    """`task.delay(*args, **kwargs)` once the current transaction commits, never failing the
    request that asked for it.

    The work the task follows up is already committed when the broker is asked. If the broker is
    down, raising here would show the person a 500 for work that was in fact saved, and the task
    would be lost without trace. Instead the failure is logged (task name, ids and the error; our
    tasks take record ids, never personal data) and kept as a FailedTask, where staff can retry it
    from the admin; the beat sweeps (e.g. certificates_sweep) also complete what it left undone."""
    from functools import partial

    from django.db import transaction

    transaction.on_commit(partial(_enqueue, task, args, kwargs))


def _enqueue(task, args: tuple, kwargs: dict) -> None:
    if app.conf.task_always_eager:
        # In-process: there is no broker to fail, and the task's own errors must surface as they
        # do in development and tests.
        task.apply_async(args=args, kwargs=kwargs)
        return
    try:
        task.apply_async(args=args, kwargs=kwargs)
    except Exception as exc:  # the broker's errors vary by transport: kombu, redis, socket
        logger.error(
            "could not enqueue %s%r: %s: %s",
            task.name,
            args,
            type(exc).__name__,
            exc,
            extra={"task_name": task.name, "task_args": repr(args)[:500]},
        )
        _keep_failure(task.name, "", args, kwargs, exc)
