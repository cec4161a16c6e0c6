"""Site-wide Celery tasks."""

from __future__ import annotations

from celery import shared_task


@shared_task
def ping() -> str:
    """A task with no side effects: proves a worker consumes from the broker (tests, operators)."""
    return "pong"


@shared_task
def child_files_retention() -> int:
    """Daily (beat): delete the files about children that the retention schedule says are due."""
    from cms.retention import child_files_sweep

    return child_files_sweep().total
