"""Tasks are declared one way (cms.celery.task): a function named `<entity>_<action>_task`, its
Celery name written out, the one retry policy; every periodic task on the one beat schedule in
cms/settings/base.py, naming a registered task."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest
from django.conf import settings

from cms.apps_list import project_apps
from cms.celery import RetryingTask, app

ROOT = Path(__file__).resolve().parents[2]
APPS = project_apps()


def _our_tasks() -> dict:
    import importlib

    for app_name in APPS:  # what the worker's autodiscovery imports
        if (ROOT / app_name / "tasks.py").exists():
            importlib.import_module(f"{app_name}.tasks")
    return {name: task for name, task in app.tasks.items() if name.split(".")[0] in APPS}


def _decorators(path: Path) -> list[tuple[str, ast.expr]]:
    tree = ast.parse(path.read_text())
    return [
        (node.name, decorator)
        for node in tree.body
        if isinstance(node, ast.FunctionDef)
        for decorator in node.decorator_list
    ]


def _task_modules() -> list[Path]:
    return [path for app_name in APPS for path in (ROOT / app_name).glob("tasks*.py")]


def test_every_task_is_declared_with_the_one_decorator_and_its_name_written_out():
    declared = []
    for path in _task_modules():
        for function, decorator in _decorators(path):
            call = decorator if isinstance(decorator, ast.Call) else None
            assert call is not None and getattr(call.func, "id", "") == "task", (path, function)
            assert isinstance(call.args[0], ast.Constant), (path, function)
            assert function.endswith("_task"), (path, function)
            declared.append(call.args[0].value)
    # The 24 of this writing, no fewer: the check reads the real files.
    assert len(declared) >= 24
    assert set(declared) <= set(_our_tasks())


def test_no_task_configures_retries_of_its_own():
    for name, task in _our_tasks().items():
        if name.startswith("cms.tests."):
            continue
        assert isinstance(task, RetryingTask), name
        assert (task.max_retries, task.retry_backoff, task.retry_backoff_max) == (5, 5, 600), name
        source = inspect.getsource(inspect.getmodule(task.run))
        assert "autoretry_for" not in source and "max_retries" not in source, name


@pytest.mark.django_db
def test_renamed_functions_keep_the_names_queued_messages_and_failed_tasks_carry():
    from certificates.tasks import certificate_issue_task, certificates_issue_pending_task
    from cms.tasks import heartbeat_task

    assert certificate_issue_task.name == "certificates.tasks.issue_certificate"
    assert heartbeat_task.name == "cms.tasks.heartbeat"
    # The old daily sweep's name still runs the one sweep (a beat of the previous release).
    assert certificates_issue_pending_task.name == "certificates.tasks.certificates_issue_pending"
    assert certificates_issue_pending_task.apply().get() == {
        "pdfs_stored": 0,
        "issued": 0,
        "pending": 0,
        "refused": 0,
        "failed": 0,
        "locked": 0,
    }


def test_every_periodic_task_is_on_the_one_schedule_and_names_a_registered_task():
    schedule = settings.CELERY_BEAT_SCHEDULE
    assert app.conf.beat_schedule == schedule
    assert {entry["task"] for entry in schedule.values()} <= set(_our_tasks())
    assert sorted(schedule) == [
        "assessment-deadline-reminders",
        "certificates-expiry-reminders",
        "certificates-flush-verification-lookups",
        "certificates-prune-verification-lookups",
        "certificates-retake-windows-close",
        "certificates-sweep",
        "cms-child-files-retention",
        "cms-clear-expired-sessions",
        "cms-heartbeat",
        "cms-prune-failed-tasks",
        "mentoring-reminders",
        "notifications-purge",
        "quality-follow-up-invitations",
    ]
    # Nothing adds entries elsewhere.
    sources = [
        p.read_text() for a in APPS for p in (ROOT / a).rglob("*.py") if "tests" not in p.parts
    ]
    assert not [s for s in sources if "beat_schedule" in s and "CELERY_BEAT_SCHEDULE" not in s]
