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
from celery.signals import task_failure

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
