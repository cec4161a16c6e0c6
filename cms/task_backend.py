"""Wagtail's background tasks (django-tasks) handed to Celery after the commit.

Wagtail enqueues some of its own work as django-tasks: the reference index and the search index of
every saved page, snippet or document (`wagtail.tasks.update_reference_index_task`,
`modelsearch.tasks.insert_or_update_object_task`: two of each per publish of a topic, the search
one rendering the topic's whole body to text). With no TASKS setting, django-tasks runs them
inline ("immediate"), inside the editor's request: a quarter of a publish's time in the Wagtail
admin (issue 19). This backend queues each one as a Celery task once the transaction commits (so
the worker reads what was saved), as the project's own tasks are queued.

What may lag by the few seconds a worker takes: the admin's "usage" lists (reference index) and
site search finding the new wording of a page. Nothing else waits: the page itself, its
revisions and the page cache's purge are written in the request, so a published page is seen at
once; a search result that still shows the old wording for a moment misleads no one.

Only `enqueue` is supported (no result is kept; Wagtail reads none)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django_tasks.backends.base import BaseTaskBackend
from django_tasks.base import TaskResult, TaskResultStatus
from django_tasks.utils import get_random_id


class CeleryOnCommitBackend(BaseTaskBackend):
    supports_defer = False
    supports_async_task = False
    supports_get_result = False
    supports_priority = False

    def enqueue(self, task, args, kwargs):
        self.validate_task(task)
        from cms.tasks import django_task_run_task

        path, args, kwargs = task.module_path, list(args), dict(kwargs)
        # robust: a broker that cannot take it is logged, not raised into the editor's publish,
        # which has committed (the indexes are rebuilt by `update_index` and
        # `rebuild_references_index`).
        transaction.on_commit(lambda: django_task_run_task.delay(path, args, kwargs), robust=True)
        return TaskResult(
            task=task,
            id=get_random_id(),
            status=TaskResultStatus.READY,
            enqueued_at=timezone.now(),
            started_at=None,
            last_attempted_at=None,
            finished_at=None,
            args=args,
            kwargs=kwargs,
            backend=self.alias,
            errors=[],
            worker_ids=[],
        )


def django_task_run(*, path: str, args: list, kwargs: dict):
    """Run the django-task at `path` (e.g. wagtail.tasks.update_reference_index_task) now."""
    from django.utils.module_loading import import_string
    from django_tasks.base import Task

    task = import_string(path)
    if not isinstance(task, Task):  # only what was declared a task travels this way
        raise TypeError(f"{path} is not a django-task")
    return task.call(*args, **kwargs)
