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
from celery.signals import before_task_publish, setup_logging, task_failure

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings.dev")

logger = logging.getLogger("cms.tasks")


def _transient_errors() -> tuple[type[BaseException], ...]:
    # Errors that a later attempt can cure: the database (connection lost, a lock timeout, a race
    # that an idempotent task answers on its next run) and the operating system (storage, SMTP,
    # broker and socket errors are all OSError). A refusal ("already issued", ValidationError) is
    # not one of them: retrying it would only repeat the refusal.
    from django.db import DatabaseError

    return (DatabaseError, OSError)


class RetryingTask(Task):
    """Base class of every task, and the one retry policy: transient failures retried with
    exponential backoff. No task configures retries of its own."""

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


def task(name: str, *, idempotent: bool = False, bind: bool = False, ignore_result: bool = False):
    """The one way to declare a task: `@task("certificates.tasks.issue_certificate")` above a
    function named `<entity>_<action>_task` that takes ids and calls one service.

    `name` is what travels on the broker, is kept in failed-task records (retried from the admin
    by it), in task results, on the beat schedule (settings.CELERY_BEAT_SCHEDULE) and in the
    README: it is written out so that renaming or moving the function (a module becoming a
    package) never orphans a queued message. A new task is named `<app>.tasks.<function>`;
    a renamed one keeps the name it had. Retries: RetryingTask's policy. `idempotent`: running it
    twice does no harm, so a message whose worker died (killed, out of memory) is put back on the
    queue and done again (late acknowledgement, reject on worker lost). `ignore_result`: no row
    in the task results (a task every minute whose outcome nobody reads)."""
    from celery import shared_task

    options: dict = {"name": name, "bind": bind, "ignore_result": ignore_result}
    if idempotent:
        options.update(acks_late=True, reject_on_worker_lost=True)
    return shared_task(**options)


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
