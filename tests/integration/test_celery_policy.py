"""Every task retries transient failures with backoff; a final failure is logged and mailed."""

from __future__ import annotations

import logging

import pytest
from celery import shared_task
from django.core import mail
from django.db.utils import DatabaseError, OperationalError

from cms.celery import RetryingTask, _report_task_failure
from cms.tasks import ping_task

attempts: list[int] = []


@shared_task
def flaky_task() -> str:
    attempts.append(1)
    if len(attempts) < 3:
        raise OperationalError("server closed the connection unexpectedly")
    return "done"


@shared_task
def refusing_task() -> None:
    attempts.append(1)
    raise ValueError("a refusal is not transient")


def test_every_task_gets_the_retry_policy():
    assert isinstance(ping_task, RetryingTask)
    # Database errors (OperationalError among them) and OS errors (ConnectionError, TimeoutError,
    # SMTP and storage errors are OSError).
    assert ping_task.autoretry_for == (DatabaseError, OSError)
    assert (ping_task.retry_backoff, ping_task.retry_backoff_max) == (5, 600)
    assert ping_task.retry_jitter is True
    assert ping_task.max_retries == 5


def test_a_transient_database_error_is_retried_until_it_passes(monkeypatch):
    from cms.celery import app

    attempts.clear()
    # Eagerly, each retry runs at once instead of after its backoff; propagating exceptions (the
    # test settings' choice) would stop at the first retry.
    monkeypatch.setitem(app.conf, "task_eager_propagates", False)
    result = flaky_task.apply()

    assert result.get() == "done"
    assert len(attempts) == 3


def test_a_non_transient_error_is_not_retried():
    attempts.clear()

    with pytest.raises(ValueError):
        refusing_task.apply().get()
    assert len(attempts) == 1


@pytest.mark.django_db
def test_a_final_failure_is_logged_with_the_task_and_mailed_to_admins(settings, caplog):
    settings.ADMINS = [("Ops", "ops@example.kz")]
    settings.CELERY_TASK_ALWAYS_EAGER = False  # as on a worker
    caplog.set_level(logging.ERROR, logger="cms.tasks")

    _report_task_failure(
        sender=ping_task, task_id="abc-123", exception=RuntimeError("boom"), args=(42,), kwargs={}
    )

    [record] = [r for r in caplog.records if r.name == "cms.tasks"]
    assert record.levelno == logging.ERROR
    assert record.task_name == "cms.tasks.ping"
    assert record.task_id == "abc-123"
    assert "42" in record.task_args
    [email] = mail.outbox
    assert email.to == ["ops@example.kz"]
    assert "cms.tasks.ping" in email.subject
    assert "boom" in email.body
    from cms.models import FailedTask

    assert FailedTask.objects.get().exception == "RuntimeError: boom"
