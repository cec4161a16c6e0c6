"""Site-wide Celery tasks."""

from __future__ import annotations

from cms.celery import task


@task("cms.tasks.ping")
def ping_task() -> str:
    """A task with no side effects: proves a worker consumes from the broker (tests, operators)."""
    return "pong"


@task("cms.tasks.heartbeat", ignore_result=True)
def heartbeat_task() -> None:
    """Sent by beat every MONITOR_HEARTBEAT_SECONDS; beat notes the sending (cms.celery), the
    worker that runs it notes the running. The status page reads both."""
    import socket

    from cms.services import heartbeat_record

    heartbeat_record(name="worker", detail=socket.gethostname())


@task("cms.tasks.clear_expired_sessions")
def sessions_clear_task() -> None:
    from cms.services import sessions_clear

    sessions_clear()


@task("cms.tasks.prune_failed_tasks")
def failed_tasks_prune_task() -> int:
    from cms.services import failed_tasks_prune

    return failed_tasks_prune()


@task("cms.tasks.child_files_retention")
def child_files_sweep_task() -> int:
    """Daily (beat): delete the files about children that the retention schedule says are due."""
    from cms.retention import child_files_sweep

    return child_files_sweep().total


@task("cms.tasks.django_task_run", idempotent=True)
def django_task_run_task(path: str, args: list, kwargs: dict) -> None:
    """A django-task of Wagtail's (its reference index, a file's deletion), queued by
    cms.task_backend after the commit. Idempotent: each rebuilds or deletes what it names."""
    from cms.task_backend import django_task_run

    django_task_run(path=path, args=args, kwargs=kwargs)
