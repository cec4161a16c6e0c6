"""Scheduled clean-up: expired sessions cleared, failed-task records pruned past their
retention (beat, nightly)."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session

from cms.models import FailedTask
from cms.tasks import failed_tasks_prune_task, sessions_clear_task

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 1, 10, 3, 0, tzinfo=datetime.UTC)


def _failure(at: datetime.datetime, **fields) -> FailedTask:
    return FailedTask.objects.create(
        task_name="cms.tasks.ping", exception="E", failed_at=at, **fields
    )


def test_failed_tasks_older_than_the_retention_are_pruned_open_or_resolved(settings):
    settings.FAILED_TASK_RETENTION_DAYS = 90
    now = START + datetime.timedelta(days=200)
    _failure(now - datetime.timedelta(days=91))
    _failure(now - datetime.timedelta(days=120), resolved_at=now - datetime.timedelta(days=119))
    kept = [
        _failure(now - datetime.timedelta(days=89)),
        _failure(now - datetime.timedelta(hours=1)),
    ]

    with time_machine.travel(now, tick=False):
        assert failed_tasks_prune_task.apply().get() == 2

    assert sorted(FailedTask.objects.values_list("pk", flat=True)) == sorted(f.pk for f in kept)


def test_the_failed_task_retention_is_read_from_the_setting(settings):
    settings.FAILED_TASK_RETENTION_DAYS = 7
    now = START + datetime.timedelta(days=30)
    _failure(now - datetime.timedelta(days=8))
    _failure(now - datetime.timedelta(days=6))
    with time_machine.travel(now, tick=False):
        failed_tasks_prune_task.apply()
    assert FailedTask.objects.count() == 1


def test_expired_sessions_are_cleared_and_live_ones_kept(settings):
    settings.SESSION_COOKIE_AGE = 14 * 24 * 3600
    with time_machine.travel(START, tick=False):
        old = SessionStore()
        old["x"] = 1
        old.create()
    with time_machine.travel(START + datetime.timedelta(days=10), tick=False):
        recent = SessionStore()
        recent["x"] = 2
        recent.create()

    with time_machine.travel(START + datetime.timedelta(days=15), tick=False):
        sessions_clear_task.apply()

    assert list(Session.objects.values_list("session_key", flat=True)) == [recent.session_key]
