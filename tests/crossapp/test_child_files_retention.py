"""Files about children (practice, plan and mentoring attachments) are deleted by a daily beat task
CHILD_FILES_RETENTION_MONTHS (12) months after the certificate or statement, or after the cohort
ended when neither was issued; the row stays, marked, and each run is recorded for staff."""

from __future__ import annotations

import datetime
import logging
import os

import pytest
import time_machine
from django.core.files.base import ContentFile
from django.utils import timezone

from cms.models import RetentionRun
from cms.retention import add_months, child_files_sweep
from cms.tests.factories import TraineeFactory

pytestmark = pytest.mark.django_db

ISSUED = datetime.date(2025, 1, 10)


def _practice_file(enrolment, name="case.pdf"):
    from assessment.models import Assignment, Submission, SubmissionFile, SubmissionVersion
    from course.models import TopicPage

    topic = TopicPage.objects.get(locale__language_code="kk", number="1.5")
    assignment = Assignment.objects.create(topic=topic, brief_kk="…")
    submission = Submission.objects.create(assignment=assignment, enrolment=enrolment)
    version = SubmissionVersion.objects.create(
        submission=submission, number=1, text="…", submitted_at=timezone.now()
    )
    row = SubmissionFile(version=version, name=name, size=9)
    row.file.save(name, ContentFile(b"%PDF-1.7\n"), save=False)
    row.save()
    return row


def _plan_file(enrolment):
    from assessment.models import PlanAttachment, SupportPlan

    plan, _created = SupportPlan.objects.get_or_create(
        enrolment=enrolment, defaults={"learner_code": "L-1"}
    )
    row = PlanAttachment(plan=plan, name="abc.pdf", size=9)
    row.file.save("abc.pdf", ContentFile(b"%PDF-1.7\n"), save=False)
    row.save()
    return row


@pytest.fixture
def certified(programme):
    """A completed enrolment with a certificate issued on 10 January 2025, a practice file and a
    plan attachment."""
    from certificates.services import certificate_issue
    from certificates.tests.factories import EnrolmentFactory
    from course.models import Enrolment

    # A trainee of a finished cohort who met the completion rule.
    enrolment = EnrolmentFactory(trainee=TraineeFactory(), status=Enrolment.Status.COMPLETED)
    certificate = certificate_issue(
        enrolment=enrolment, score=88, band="excellent", issued_on=ISSUED
    )
    return enrolment, certificate, _practice_file(enrolment), _plan_file(enrolment)


def _sweep(capture, day: datetime.date):
    moment = datetime.datetime.combine(day, datetime.time(3, 30))
    with time_machine.travel(moment, tick=False), capture(execute=True):
        return child_files_sweep()


def test_twelve_months_are_counted_in_calendar_months():
    assert add_months(datetime.date(2025, 1, 10), 12) == datetime.date(2026, 1, 10)
    assert add_months(datetime.date(2025, 1, 31), 1) == datetime.date(2025, 2, 28)
    assert add_months(datetime.date(2023, 11, 30), 3) == datetime.date(2024, 2, 29)


def test_nothing_is_deleted_the_day_before_twelve_months_after_the_certificate(
    certified, django_capture_on_commit_callbacks
):
    _enrolment, _certificate, practice, plan = certified

    run = _sweep(django_capture_on_commit_callbacks, datetime.date(2026, 1, 9))

    assert run.total == 0
    assert os.path.exists(practice.file.path) and os.path.exists(plan.file.path)


def test_twelve_months_after_the_certificate_the_files_go_and_the_rows_stay_marked(
    certified, django_capture_on_commit_callbacks, caplog
):
    from assessment.models import PlanAttachment, SubmissionFile

    _enrolment, _certificate, practice, plan = certified
    paths = [practice.file.path, plan.file.path]

    with caplog.at_level(logging.INFO, logger="cms.retention"):
        run = _sweep(django_capture_on_commit_callbacks, datetime.date(2026, 1, 10))

    assert not any(os.path.exists(path) for path in paths)
    kept_practice = SubmissionFile.objects.get(pk=practice.pk)
    kept_plan = PlanAttachment.objects.get(pk=plan.pk)
    assert (kept_practice.name, kept_practice.file.name) == ("case.pdf", "")
    assert timezone.localdate(kept_practice.file_deleted_at) == datetime.date(2026, 1, 10)
    assert kept_plan.file_deleted_at is not None and not kept_plan.file
    assert run.removed == {
        "mentoring attachments": 0,
        "plan attachments": 1,
        "practice attachments": 1,
    }
    assert RetentionRun.objects.get().total == 2
    assert "child files retention: 2 file(s) deleted" in caplog.text
    # A second run finds nothing left to do.
    assert _sweep(django_capture_on_commit_callbacks, datetime.date(2026, 1, 11)).total == 0


def test_without_a_certificate_the_cohort_end_counts_and_a_studying_trainee_is_never_touched(
    programme, django_capture_on_commit_callbacks
):
    from course.models import Enrolment
    from course.tests.factories import CohortFactory, EnrolmentFactory

    cohort = CohortFactory(starts_on=datetime.date(2025, 2, 1), ends_on=datetime.date(2025, 3, 31))
    failed = EnrolmentFactory(
        cohort=cohort, trainee=TraineeFactory(), status=Enrolment.Status.NOT_PASSED
    )
    studying = EnrolmentFactory(cohort=cohort, trainee=TraineeFactory())
    failed_file, studying_file = _practice_file(failed), _practice_file(studying)

    assert _sweep(django_capture_on_commit_callbacks, datetime.date(2026, 3, 30)).total == 0
    run = _sweep(django_capture_on_commit_callbacks, datetime.date(2026, 3, 31))

    assert run.removed["practice attachments"] == 1
    assert not os.path.exists(failed_file.file.path)
    assert os.path.exists(studying_file.file.path)


def test_a_mentoring_file_goes_twelve_months_after_its_closed_ticket_and_an_open_one_stays(
    certified, django_capture_on_commit_callbacks
):
    from mentoring.models import Attachment, Ticket

    enrolment, certificate, *_ = certified

    def ticket_with_file(closed_at):
        ticket = Ticket.objects.create(
            certificate=certificate,
            graduate=enrolment.trainee,
            topic="behaviour",
            subject="Meltdowns at break",
            description="…",
            created_at=timezone.now(),
            first_reply_due=timezone.now(),
            closed_at=closed_at,
            status="closed" if closed_at else "new",
        )
        row = Attachment(ticket=ticket, original_name="abc.pdf", size=9, uploaded_at=timezone.now())
        row.file.save("abc.pdf", ContentFile(b"%PDF-1.7\n"), save=False)
        row.save()
        return row

    closed_later = ticket_with_file(timezone.make_aware(datetime.datetime(2025, 6, 1, 12, 0)))
    still_open = ticket_with_file(None)

    # Twelve months after the certificate, the ticket closed in June is not due yet.
    assert (
        _sweep(django_capture_on_commit_callbacks, datetime.date(2026, 1, 10)).removed[
            "mentoring attachments"
        ]
        == 0
    )
    run = _sweep(django_capture_on_commit_callbacks, datetime.date(2026, 6, 1))

    assert run.removed["mentoring attachments"] == 1
    assert Attachment.objects.get(pk=closed_later.pk).file_deleted_at is not None
    assert os.path.exists(still_open.file.path)


def test_the_trainee_sees_the_deletion_date_and_the_file_can_no_longer_be_downloaded(
    client, certified, django_capture_on_commit_callbacks
):
    enrolment, _certificate, practice, plan = certified
    _sweep(django_capture_on_commit_callbacks, datetime.date(2026, 1, 10))
    client.force_login(enrolment.trainee)

    page = client.get(f"/en/assessment/plans/{plan.plan_id}/").content.decode()

    assert "abc.pdf: file deleted on 10.01.2026 by the retention schedule" in page
    assert client.get(f"/en/assessment/plans/files/{plan.pk}/").status_code == 404
    assert client.get(f"/en/assessment/files/{practice.pk}/").status_code == 404


def test_staff_see_each_run_in_the_admin(client, certified, django_capture_on_commit_callbacks):
    from cms.tests.factories import RegistrarFactory

    _sweep(django_capture_on_commit_callbacks, datetime.date(2026, 1, 10))
    client.force_login(RegistrarFactory())

    listing = client.get("/admin/people/file-retention/")

    assert listing.status_code == 200
    assert "practice attachments" in listing.content.decode()


def test_the_task_is_on_the_beat_schedule_daily():
    from cms.celery import app

    entry = app.conf.beat_schedule["cms-child-files-retention"]
    assert entry["task"] == "cms.tasks.child_files_retention"
    assert entry["schedule"].hour == {3} and entry["schedule"].minute == {30}
