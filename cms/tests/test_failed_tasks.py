"""Failed background tasks: kept when a task fails for good, listed for staff and registrars in
the admin, retried with the same arguments or marked resolved — each at most once."""

from __future__ import annotations

import pytest
from celery import shared_task
from django.utils import translation

from cms.celery import _report_task_failure
from cms.models import FailedTask
from cms.tests.factories import RegistrarFactory, TraineeFactory, TrainerFactory

pytestmark = pytest.mark.django_db

calls: list[tuple] = []


@shared_task(name="cms.tests.record_call")
def record_call(enrolment_id: int, *, notify: bool = False) -> None:
    calls.append((enrolment_id, notify))


def _failure(**fields) -> FailedTask:
    values = {
        "task_name": "cms.tests.record_call",
        "task_id": "first-run",
        "args": [42],
        "kwargs": {"notify": True},
        "exception": "OperationalError: server closed the connection",
        "traceback": 'Traceback (most recent call last):\n  File "x.py"\nOperationalError',
    }
    return FailedTask.objects.create(**(values | fields))


def test_a_task_that_fails_for_good_is_kept_with_its_arguments_and_traceback():
    try:
        raise RuntimeError("the PDF could not be stored")
    except RuntimeError as error:
        _report_task_failure(
            sender=record_call, task_id="abc-123", exception=error, args=(7,), kwargs={"x": 1}
        )

    failed = FailedTask.objects.get()
    assert failed.task_name == "cms.tests.record_call"
    assert failed.task_id == "abc-123"
    assert (failed.args, failed.kwargs) == ([7], {"x": 1})
    assert failed.exception == "RuntimeError: the PDF could not be stored"
    assert "Traceback" in failed.traceback and "the PDF could not be stored" in failed.traceback
    assert failed.is_open


def test_a_registrar_sees_the_failures_listed_and_one_in_detail(client):
    failed = _failure()
    client.force_login(RegistrarFactory())

    listing = client.get("/admin/failed-tasks/")
    detail = client.get(f"/admin/failed-tasks/inspect/{failed.pk}/")

    assert listing.status_code == 200
    assert "cms.tests.record_call" in listing.content.decode()
    assert detail.status_code == 200
    page = detail.content.decode()
    assert "OperationalError: server closed the connection" in page
    assert "Traceback (most recent call last)" in page
    assert f"/admin/failed-tasks/retry/{failed.pk}/" in page


@pytest.mark.parametrize("factory", [TraineeFactory, TrainerFactory])
def test_trainees_and_trainers_cannot_see_or_retry_failures(client, factory):
    failed = _failure()
    client.force_login(factory())

    assert client.get("/admin/failed-tasks/").status_code in (302, 403)
    assert client.get(f"/admin/failed-tasks/inspect/{failed.pk}/").status_code in (302, 403)
    assert client.post(f"/admin/failed-tasks/retry/{failed.pk}/").status_code in (302, 403)
    failed.refresh_from_db()
    assert failed.is_open


def test_the_generic_admin_cannot_edit_or_delete_a_failure(client):
    failed = _failure()
    client.force_login(RegistrarFactory())

    assert client.get(f"/admin/failed-tasks/edit/{failed.pk}/").status_code in (302, 403)
    assert client.post(f"/admin/failed-tasks/delete/{failed.pk}/").status_code in (302, 403)
    assert FailedTask.objects.filter(pk=failed.pk).exists()


def test_a_registrar_retries_a_failure_with_the_same_arguments(client):
    calls.clear()
    failed = _failure()
    registrar = RegistrarFactory()
    client.force_login(registrar)

    with translation.override("en"):
        response = client.post(
            f"/admin/failed-tasks/retry/{failed.pk}/", HTTP_ACCEPT_LANGUAGE="en", follow=True
        )

    assert calls == [(42, True)]
    failed.refresh_from_db()
    assert failed.retried_by == registrar and failed.retried_at is not None
    assert failed.retry_task_id
    assert not failed.is_open
    assert "The task was sent again." in [str(m) for m in response.context["messages"]]


def test_a_failure_is_retried_only_once(client):
    calls.clear()
    failed = _failure()
    client.force_login(RegistrarFactory())
    client.post(f"/admin/failed-tasks/retry/{failed.pk}/")
    failed.refresh_from_db()
    retried_at = failed.retried_at

    with translation.override("en"):
        response = client.post(
            f"/admin/failed-tasks/retry/{failed.pk}/", HTTP_ACCEPT_LANGUAGE="en", follow=True
        )

    assert calls == [(42, True)]
    failed.refresh_from_db()
    assert failed.retried_at == retried_at
    messages = [str(m) for m in response.context["messages"]]
    assert "This task was already retried." in messages


def test_a_task_that_no_longer_exists_is_not_retried(client):
    failed = _failure(task_name="cms.tasks.removed_long_ago")
    client.force_login(RegistrarFactory())

    with translation.override("en"):
        response = client.post(
            f"/admin/failed-tasks/retry/{failed.pk}/", HTTP_ACCEPT_LANGUAGE="en", follow=True
        )

    messages = [str(m) for m in response.context["messages"]]
    assert any("cms.tasks.removed_long_ago" in m and "cannot be retried" in m for m in messages)
    failed.refresh_from_db()
    assert failed.is_open


def test_a_registrar_marks_a_failure_resolved_and_it_cannot_then_be_retried(client):
    calls.clear()
    failed = _failure()
    registrar = RegistrarFactory()
    client.force_login(registrar)

    client.post(f"/admin/failed-tasks/resolve/{failed.pk}/")
    with translation.override("en"):
        response = client.post(
            f"/admin/failed-tasks/retry/{failed.pk}/", HTTP_ACCEPT_LANGUAGE="en", follow=True
        )

    failed.refresh_from_db()
    assert failed.resolved_by == registrar and failed.retried_at is None
    assert calls == []
    messages = [str(m) for m in response.context["messages"]]
    assert "This task is already marked as resolved." in messages


def test_the_retry_and_resolve_actions_accept_only_post(client):
    failed = _failure()
    client.force_login(RegistrarFactory())

    assert client.get(f"/admin/failed-tasks/retry/{failed.pk}/").status_code == 405
    assert client.get(f"/admin/failed-tasks/resolve/{failed.pk}/").status_code == 405
    failed.refresh_from_db()
    assert failed.is_open
