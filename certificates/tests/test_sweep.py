"""No lost certificates: a broker that is down when a pass is finalised, and a worker killed
while rendering, leave records that the beat sweep completes through the issuing service."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from django.urls import reverse
from django.utils import timezone
from kombu.exceptions import OperationalError

from assessment.tests.factories import TrainerFactory, finalised_result
from assessment.tests.test_scoring_views import GOOD, form_data
from certificates import tasks
from certificates.models import Certificate
from certificates.services import certificates_sweep
from cms.celery import app
from cms.models import FailedTask

from .factories import CohortFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db

NOW = dt.timedelta(0)


@pytest.fixture
def broker_down(monkeypatch):
    """As in production (tasks go to a broker), with the broker refusing every connection."""
    monkeypatch.setitem(app.conf, "task_always_eager", False)

    def refuse(*args, **kwargs):
        raise OperationalError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(tasks.certificate_issue_task, "apply_async", refuse)


def test_a_pass_finalised_while_the_broker_is_down_succeeds_and_the_failure_is_recorded(
    client, programme, broker_down, caplog, django_capture_on_commit_callbacks
):
    trainer = TrainerFactory()
    enrolment = EnrolmentFactory(cohort=CohortFactory(trainers=[trainer]))
    client.force_login(trainer)
    caplog.set_level(logging.ERROR, logger="cms.tasks")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("assessment:score", args=[enrolment.pk]),
            form_data(GOOD, action="finalise", confirm="yes"),
        )

    assert response.status_code == 302
    assert enrolment.final_results.get().status == "finalised"
    failed = FailedTask.objects.get()
    assert failed.task_name == "certificates.tasks.issue_certificate"
    assert failed.args == [enrolment.pk]
    assert failed.exception.startswith("OperationalError: Error 111")
    [record] = caplog.records
    assert record.getMessage() == (
        f"could not enqueue certificates.tasks.issue_certificate({enrolment.pk},): "
        "OperationalError: Error 111 connecting to 127.0.0.1:6379. Connection refused."
    )
    assert enrolment.trainee.last_name not in caplog.text
    assert not Certificate.objects.exists()


def test_the_sweep_issues_one_certificate_with_its_pdf_for_a_pass_without_one(programme):
    enrolment = EnrolmentFactory()
    finalised_result(enrolment=enrolment, scores=GOOD)

    counts = certificates_sweep(grace=NOW)

    certificate = Certificate.objects.get(enrolment=enrolment)
    assert counts == {
        "pdfs_stored": 0,
        "issued": 1,
        "pending": 0,
        "refused": 0,
        "failed": 0,
        "locked": 0,
    }
    assert (certificate.score, certificate.band) == (74, "good")
    assert certificate.pdf and len(certificate.pdf_sha256) == 64


def test_running_the_sweep_twice_changes_nothing(programme):
    finalised_result(enrolment=EnrolmentFactory(), scores=GOOD)
    certificates_sweep(grace=NOW)
    before = list(Certificate.objects.values_list("serial", "code", "pdf", "pdf_sha256"))

    counts = certificates_sweep(grace=NOW)

    assert counts == {
        "pdfs_stored": 0,
        "issued": 0,
        "pending": 0,
        "refused": 0,
        "failed": 0,
        "locked": 0,
    }
    assert list(Certificate.objects.values_list("serial", "code", "pdf", "pdf_sha256")) == before


def test_a_certificate_left_without_its_pdf_gets_it_rendered_from_the_frozen_record(
    programme, issue
):
    certificate = issue(EnrolmentFactory())
    certificate.pdf.storage.delete(certificate.pdf.name)
    Certificate.objects.filter(pk=certificate.pk).update(pdf="", pdf_sha256="")
    # A later edit of the holder's name must not reach the issued document.
    certificate.holder.last_name = "Changed"
    certificate.holder.save()

    counts = certificates_sweep(grace=NOW)

    rendered = Certificate.objects.get()
    assert counts["pdfs_stored"] == 1 and counts["issued"] == 0
    assert (rendered.serial, rendered.code) == (certificate.serial, certificate.code)
    assert rendered.holder_name_kk == certificate.holder_name_kk
    assert rendered.pdf.storage.exists(rendered.pdf.name) and len(rendered.pdf_sha256) == 64


def test_the_sweep_leaves_a_pass_finalised_within_the_grace_period_to_its_task(programme, settings):
    settings.CERTIFICATES_SWEEP_GRACE_SECONDS = 600
    finalised_result(enrolment=EnrolmentFactory(), scores=GOOD)
    old = finalised_result(
        enrolment=EnrolmentFactory(),
        scores=GOOD,
        finalised_at=timezone.now() - dt.timedelta(minutes=11),
    )

    counts = certificates_sweep()

    assert counts["issued"] == 1
    assert list(Certificate.objects.values_list("enrolment", flat=True)) == [old.enrolment_id]


def test_the_sweep_issues_nothing_for_a_failed_result_or_a_revoked_certificate(programme, issue):
    finalised_result(enrolment=EnrolmentFactory(), scores={"theory": 2, "practice": 5})
    revoked_enrolment = EnrolmentFactory()
    finalised_result(enrolment=revoked_enrolment, scores=GOOD)
    certificate = issue(revoked_enrolment)
    Certificate.objects.filter(pk=certificate.pk).update(status=Certificate.Status.REVOKED)

    counts = certificates_sweep(grace=NOW)

    assert counts == {
        "pdfs_stored": 0,
        "issued": 0,
        "pending": 0,
        "refused": 0,
        "failed": 0,
        "locked": 0,
    }
    assert Certificate.objects.count() == 1


def test_a_refusal_of_the_issuing_service_is_counted_and_issues_nothing(programme, monkeypatch):
    """The sweep goes through certificate_issue, so a rule checked there applies to it too."""
    from certificates.services import CertificateError, sweep

    def refuse(*, enrolment, **kwargs):
        raise CertificateError("The completion rule is not met.")

    finalised_result(enrolment=EnrolmentFactory(), scores=GOOD)
    monkeypatch.setattr(sweep, "certificate_issue", refuse)

    counts = certificates_sweep(grace=NOW)

    assert counts["refused"] == 1 and counts["issued"] == 0
    assert not Certificate.objects.exists()


def test_a_second_sweep_while_one_runs_does_nothing(programme):
    from cms.locks import job_lock

    finalised_result(enrolment=EnrolmentFactory(), scores=GOOD)

    with job_lock("certificates_sweep") as held:
        counts = certificates_sweep(grace=NOW)

    assert held is True
    assert counts == {
        "pdfs_stored": 0,
        "issued": 0,
        "pending": 0,
        "refused": 0,
        "failed": 0,
        "locked": 1,
    }
    assert not Certificate.objects.exists()


def test_the_issuing_tasks_are_redelivered_when_their_worker_dies():
    for task in (
        tasks.certificate_issue_task,
        tasks.cohort_bulk_issue_task,
        tasks.certificates_sweep_task,
    ):
        assert task.acks_late is True, task.name
        assert task.reject_on_worker_lost is True, task.name


def test_a_task_that_is_not_idempotent_keeps_celerys_default():
    assert not tasks.certificate_flag_for_review_task.reject_on_worker_lost


def test_the_sweep_is_on_the_beat_schedule(settings):
    entry = app.conf.beat_schedule["certificates-sweep"]
    assert entry["task"] == "certificates.tasks.certificates_sweep"
    assert entry["schedule"] == settings.CERTIFICATES_SWEEP_EVERY_MINUTES * 60 == 900


def test_the_sweep_task_calls_the_service_with_the_configured_grace(programme):
    finalised_result(enrolment=EnrolmentFactory(), scores=GOOD)
    finalised_result(
        enrolment=EnrolmentFactory(),
        scores=GOOD,
        finalised_at=timezone.now() - dt.timedelta(minutes=11),
    )

    counts = tasks.certificates_sweep_task.apply().get()

    assert counts["issued"] == 1
    assert Certificate.objects.count() == 1


def test_the_sweep_command_renders_a_missing_pdf_at_once_and_says_what_it_did(programme, issue):
    """deploy/restore runs `manage.py certificates_sweep` for certificates dumped before their PDF
    was stored: no grace period, the same serial, and one JSON line for the operator's log."""
    import io
    import json

    from django.core.management import call_command

    certificate = issue(EnrolmentFactory())
    certificate.pdf.storage.delete(certificate.pdf.name)
    Certificate.objects.filter(pk=certificate.pk).update(pdf="", pdf_sha256="")
    out = io.StringIO()

    call_command("certificates_sweep", stdout=out)

    assert json.loads(out.getvalue())["pdfs_stored"] == 1
    certificate.refresh_from_db()
    assert certificate.pdf and len(certificate.pdf_sha256) == 64
