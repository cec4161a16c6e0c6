"""Site-wide Celery tasks."""

from __future__ import annotations

from celery import shared_task


@shared_task
def ping() -> str:
    """A task with no side effects: proves a worker consumes from the broker (tests, operators)."""
    return "pong"


@shared_task(ignore_result=True)
def heartbeat() -> None:
    """Sent by beat every MONITOR_HEARTBEAT_SECONDS; beat notes the sending (cms.celery), the
    worker that runs it notes the running. The status page reads both."""
    import socket

    from cms.services import heartbeat_record

    heartbeat_record(name="worker", detail=socket.gethostname())


@shared_task
def clear_expired_sessions() -> None:
    from cms.services import sessions_clear

    sessions_clear()


@shared_task
def prune_failed_tasks() -> int:
    from cms.services import failed_tasks_prune

    return failed_tasks_prune()


@shared_task
def child_files_retention() -> int:
    """Daily (beat): delete the files about children that the retention schedule says are due."""
    from cms.retention import child_files_sweep

    return child_files_sweep().total
