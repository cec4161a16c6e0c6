"""Wagtail's django-tasks are handed to Celery after the commit, not run in the request
(cms/task_backend.py, issue 19)."""

from __future__ import annotations

import pytest
from django.db import transaction
from django_tasks import task

from cms.task_backend import django_task_run

pytestmark = pytest.mark.django_db

CELERY_BACKEND = {"default": {"BACKEND": "cms.task_backend.CeleryOnCommitBackend"}}
RAN: list[tuple] = []


@task()
def record_task(first, second=None):
    RAN.append((first, second))
    return first


@pytest.fixture
def handed_over(monkeypatch, settings):
    """What reaches Celery's `delay` (the broker), instead of running it."""
    settings.TASKS = CELERY_BACKEND
    from cms import tasks

    sent = []
    monkeypatch.setattr(tasks.django_task_run_task, "delay", lambda *args: sent.append(args))
    return sent


def test_wagtails_reference_index_task_is_queued_only_when_the_transaction_commits(
    handed_over, django_capture_on_commit_callbacks
):
    from wagtail.tasks import update_reference_index_task

    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        result = update_reference_index_task.enqueue("wagtailcore", "page", "1")
        assert handed_over == []  # nothing before the commit: the worker must see the save
    assert handed_over == [
        ("wagtail.tasks.update_reference_index_task", ["wagtailcore", "page", "1"], {})
    ]
    assert result.status == "READY"


def test_a_task_enqueued_in_a_transaction_rolled_back_is_never_queued(
    handed_over, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        try:
            with transaction.atomic():
                record_task.enqueue("a")
                raise RuntimeError("the save failed")
        except RuntimeError:
            pass
    assert handed_over == []


def test_the_celery_task_runs_the_django_task_it_names(
    settings, django_capture_on_commit_callbacks
):
    # Test settings: Celery eager, so the hand-over runs the task at the commit, in process.
    settings.TASKS = CELERY_BACKEND
    RAN.clear()
    with django_capture_on_commit_callbacks(execute=True):
        record_task.enqueue("a", second="b")
        assert RAN == []
    assert RAN == [("a", "b")]


def test_only_a_declared_django_task_is_run_by_path(tmp_path):
    kept = tmp_path / "kept.txt"
    kept.write_text("x")
    with pytest.raises(TypeError, match=r"os\.remove is not a django-task"):
        django_task_run(path="os.remove", args=[str(kept)], kwargs={})
    assert kept.exists()


def test_a_broker_that_refuses_the_task_is_logged_and_the_commit_stands(
    monkeypatch, settings, django_capture_on_commit_callbacks, caplog
):
    settings.TASKS = CELERY_BACKEND
    from cms import tasks
    from cms.models import User

    def refuse(*args):
        raise ConnectionError("broker down")

    monkeypatch.setattr(tasks.django_task_run_task, "delay", refuse)
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        User.objects.create(email="kept@example.com")
        record_task.enqueue("a")
    assert User.objects.filter(email="kept@example.com").exists()
    assert "broker down" in caplog.text
