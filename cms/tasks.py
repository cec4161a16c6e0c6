"""Site-wide Celery tasks."""

from __future__ import annotations

from celery import shared_task


@shared_task
def ping() -> str:
    """A task with no side effects: proves a worker consumes from the broker (tests, operators)."""
    return "pong"
