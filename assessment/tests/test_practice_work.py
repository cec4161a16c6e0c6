"""Practice work: drafts, submission, return, resubmission, acceptance, file checks, private file
access by role, optimistic locking and the grading queue."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessment import services
from assessment.models import Submission, SubmissionFile, SubmissionVersion
from cms.models import User
from course.models import Enrolment, TopicCompletion

from .conftest import PDF, PRIVATE_PAGE_READERS, pdf, url
from .factories import TrainerFactory

pytestmark = pytest.mark.django_db


def docx(name="plan.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def submit_form(client, assignment, **data):
    payload = {"text": "ABC record: antecedent, behaviour, consequence.", "action": "submit"}
    payload.update(data)
    return client.post(url("practice_detail", assignment.pk), payload)


def test_submit_return_resubmit_accept(client, trainer, enrolment, assignment):
    client.force_login(enrolment.trainee)
    response = submit_form(client, assignment, anonymised="on", files=[pdf()])
    assert response.status_code == 302
    submission = Submission.objects.get(enrolment=enrolment)
    assert submission.status == "submitted"
    first = submission.versions.get()
    assert first.submitted_at and first.anonymised_confirmed
    assert first.files.get().name == "case.pdf"

    client.force_login(trainer)
    page = client.get(url("submission_review", submission.pk)).text
    assert "Describe the case" in page  # the brief beside the work
    client.post(
        url("submission_review", submission.pk),
        {"decision": "returned", "feedback": "Add the consequence.", "lock_version": 2},
    )
    submission.refresh_from_db()
    assert submission.status == "returned"

    client.force_login(enrolment.trainee)
    page = client.get(url("practice_detail", assignment.pk)).text
    assert "Add the consequence." in page
    submit_form(client, assignment, anonymised="on", text="Revised: consequence added.")
    submission.refresh_from_db()
    assert submission.status == "submitted"
    versions = list(submission.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert versions[0].text.startswith("ABC record")  # the first version never changed
    assert versions[0].decision == "returned"

    client.force_login(trainer)
    client.post(
        url("submission_review", submission.pk),
        {"decision": "accepted", "feedback": "Good.", "lock_version": submission.lock_version},
    )
    submission.refresh_from_db()
    assert submission.status == "accepted"
    completion = TopicCompletion.objects.get(enrolment=enrolment, topic=assignment.topic)
    assert completion.source == "practice_accepted"
    page = client.get(url("submission_review", submission.pk)).text
    assert "Version 1" in page and "Version 2" in page


def test_submitting_without_the_anonymisation_confirmation_is_refused(
    client, enrolment, assignment
):
    client.force_login(enrolment.trainee)
    response = submit_form(client, assignment)
    assert response.status_code == 200
    assert "Confirm that the child is anonymised" in response.text
    assert not Submission.objects.filter(status="submitted").exists()
    assert not SubmissionVersion.objects.filter(submitted_at__isnull=False).exists()


def test_a_file_whose_content_is_not_an_allowed_type_is_refused(client, enrolment, assignment):
    client.force_login(enrolment.trainee)
    fake = SimpleUploadedFile("case.pdf", b"MZ\x90\x00 this is an executable")
    response = submit_form(client, assignment, anonymised="on", files=[fake])
    assert "is not a PDF, DOCX, ODT, XLSX, JPG, PNG file" in response.text
    assert not SubmissionFile.objects.exists()
    assert not Submission.objects.exists()


def test_an_oversized_file_is_refused(client, enrolment, assignment, settings):
    settings.PRIVATE_UPLOAD_MAX_BYTES = 20
    client.force_login(enrolment.trainee)
    response = submit_form(client, assignment, anonymised="on", files=[pdf()])
    assert "files may be at most" in response.text
    assert not SubmissionFile.objects.exists()


def test_file_names_are_sanitised_and_files_are_private(enrolment, assignment):
    version = services.submission_draft_save(
        assignment=assignment,
        enrolment=enrolment,
        text="",
        files=[docx("../../Қолдау <жоспары>.docx")],
    )
    stored = version.files.get()
    assert stored.name == "Қолдау _жоспары.docx"
    path = Path(stored.file.path)
    assert str(path).startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not str(path).startswith(str(settings.MEDIA_ROOT))


def test_a_submitted_version_cannot_change(enrolment, assignment):
    version = services.submission_draft_save(
        assignment=assignment, enrolment=enrolment, text="final text"
    )
    services.submission_submit(submission=version.submission, anonymised_confirmed=True)
    with pytest.raises(ValidationError, match="can no longer be changed"):
        services.submission_draft_save(
            assignment=assignment, enrolment=enrolment, text="sneaky edit"
        )
    version.refresh_from_db()
    assert version.text == "final text"


def test_the_second_of_two_concurrent_reviews_is_refused(
    client, trainer, cohort, enrolment, assignment
):
    other = TrainerFactory()
    cohort.trainers.add(other)
    version = services.submission_draft_save(assignment=assignment, enrolment=enrolment, text="x")
    submission = services.submission_submit(
        submission=version.submission, anonymised_confirmed=True
    ).submission
    seen = Submission.objects.get(pk=submission.pk).lock_version  # both trainers open the page

    client.force_login(trainer)
    client.post(
        url("submission_review", submission.pk),
        {"decision": "accepted", "feedback": "Fine", "lock_version": seen},
    )
    client.force_login(other)
    response = client.post(
        url("submission_review", submission.pk),
        {"decision": "returned", "feedback": "Redo", "lock_version": seen},
    )
    assert "was changed by someone else while you had it open" in response.text
    submission.refresh_from_db()
    assert submission.status == "accepted"
    assert submission.versions.get().feedback == "Fine"


def test_returning_without_feedback_is_refused(client, trainer, enrolment, assignment):
    version = services.submission_draft_save(assignment=assignment, enrolment=enrolment, text="x")
    services.submission_submit(submission=version.submission, anonymised_confirmed=True)
    submission = version.submission
    submission.refresh_from_db()
    client.force_login(trainer)
    response = client.post(
        url("submission_review", submission.pk),
        {"decision": "returned", "feedback": " ", "lock_version": submission.lock_version},
    )
    assert "Write feedback so the trainee knows what to revise." in response.text
    submission.refresh_from_db()
    assert submission.status == "submitted"


def test_the_autosave_keeps_the_draft(client, enrolment, assignment):
    client.force_login(enrolment.trainee)
    response = client.post(url("practice_autosave", assignment.pk), {"text": "half-written"})
    assert response.json()["saved"] is True
    assert SubmissionVersion.objects.get().text == "half-written"


def test_the_save_draft_button_works_without_javascript(client, enrolment, assignment):
    client.force_login(enrolment.trainee)
    client.post(url("practice_detail", assignment.pk), {"text": "draft", "action": "save"})
    version = SubmissionVersion.objects.get()
    assert (version.text, version.submitted_at) == ("draft", None)


@pytest.mark.parametrize(("who", "status"), PRIVATE_PAGE_READERS)
def test_private_files_are_served_only_to_the_author_trainers_and_staff(
    client, enrolment, assignment, person, who, status
):
    version = services.submission_draft_save(
        assignment=assignment, enrolment=enrolment, text="", files=[pdf()]
    )
    stored = version.files.get()
    client.force_login(person(who))
    response = client.get(url("submission_file", stored.pk))
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert "no-store" in response["Cache-Control"]


def test_an_anonymous_visitor_is_sent_to_log_in_for_a_file(client, enrolment, assignment):
    version = services.submission_draft_save(
        assignment=assignment, enrolment=enrolment, text="", files=[pdf()]
    )
    response = client.get(url("submission_file", version.files.get().pk))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["trainee", "trainer"])
def test_others_cannot_review_or_open_someone_elses_submission(
    client, enrolment, assignment, outsiders, who
):
    version = services.submission_draft_save(assignment=assignment, enrolment=enrolment, text="x")
    client.force_login(outsiders[who])
    assert client.get(url("submission_review", version.submission_id)).status_code == 404


def test_the_grading_queue_filters_by_status_and_lateness(client, trainer, enrolment, assignment):
    import datetime as dt

    from django.utils import timezone

    assignment.due_at = timezone.now() - dt.timedelta(days=1)
    assignment.save()
    version = services.submission_draft_save(assignment=assignment, enrolment=enrolment, text="x")
    services.submission_submit(submission=version.submission, anonymised_confirmed=True)
    client.force_login(trainer)
    page = client.get(url("grading_queue")).text
    assert str(enrolment.trainee) in page
    assert "late" in page
    page = client.get(url("grading_queue") + "?status=accepted").text
    assert "Nothing to review." in page
    page = client.get(url("grading_queue") + "?late=on").text
    assert str(enrolment.trainee) in page


def _fill(cohort, assignment, n: int, start: int) -> None:
    from django.utils import timezone

    users = User.objects.bulk_create(
        [User(email=f"q{start + i}@example.kz", first_name=f"Q{start + i}") for i in range(n)]
    )
    enrolments = Enrolment.objects.bulk_create([Enrolment(cohort=cohort, trainee=u) for u in users])
    Submission.objects.bulk_create(
        [
            Submission(
                assignment=assignment,
                enrolment=e,
                status="submitted",
                submitted_at=timezone.now(),
            )
            for e in enrolments
        ]
    )


def _fill_guest_retakes(cohort, n: int, start: int) -> None:
    """n trainees of an earlier cohort whose retake (a draft) this cohort assesses."""
    import datetime as dt

    from assessment.models import FinalResult, Rubric

    from .factories import CohortFactory

    earlier = CohortFactory(
        programme=cohort.programme,
        starts_on=cohort.starts_on - dt.timedelta(days=120),
        ends_on=cohort.starts_on - dt.timedelta(days=30),
    )
    users = User.objects.bulk_create(
        [User(email=f"g{start + i}@example.kz", first_name=f"G{start + i}") for i in range(n)]
    )
    enrolments = Enrolment.objects.bulk_create(
        [Enrolment(cohort=earlier, trainee=u) for u in users]
    )
    rubric = Rubric.objects.get(version=1)
    FinalResult.objects.bulk_create(
        [
            FinalResult(enrolment=e, attempt=attempt, rubric=rubric, status=status, **extra)
            for e in enrolments
            for attempt, status, extra in (
                (1, "finalised", {"total": 30, "band": "fail"}),
                (2, "draft", {"assessing_cohort": cohort}),
            )
        ]
    )


def test_the_grading_queue_needs_the_same_queries_for_10_and_500_trainees(
    client, trainer, cohort, assignment
):
    client.force_login(trainer)
    _fill(cohort, assignment, 10, 0)
    _fill_guest_retakes(cohort, 2, 0)
    client.get(url("grading_queue"))
    with CaptureQueriesContext(connection) as small:
        response = client.get(url("grading_queue"))
    assert "10 submissions" in response.text
    assert response.text.count("retake, from cohort") == 2
    _fill(cohort, assignment, 490, 10)
    _fill_guest_retakes(cohort, 40, 100)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url("grading_queue"))
    assert "500 submissions" in response.text
    assert response.text.count("retake, from cohort") == 42  # 2 + 40
    assert len(large) == len(small)


def test_the_dashboard_shows_deadlines_feedback_and_results(client, trainer, enrolment, assignment):
    import datetime as dt

    from django.utils import timezone

    from course.tests.conftest import url as course_url

    from .factories import finalised_result

    assignment.due_at = timezone.now() + dt.timedelta(days=3)
    assignment.save()
    client.force_login(enrolment.trainee)
    html = client.get(course_url("dashboard")).text
    assert "Practice work due" in html
    version = services.submission_draft_save(assignment=assignment, enrolment=enrolment, text="x")
    submission = services.submission_submit(
        submission=version.submission, anonymised_confirmed=True
    ).submission
    services.submission_review(
        submission=submission,
        reviewer=trainer,
        decision="returned",
        feedback="Describe the consequence.",
        lock_version=Submission.objects.get(pk=submission.pk).lock_version,
    )
    finalised_result(enrolment=enrolment, released=True)
    html = client.get(course_url("dashboard")).text
    assert "Describe the consequence." in html
    assert "80 / 100" in html


def test_a_zip_bomb_posing_as_an_odt_is_refused_and_nothing_is_stored(
    client, enrolment, assignment
):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("mimetype", b"\0" * (4 * 1024 * 1024))
    bomb = SimpleUploadedFile("case.odt", buffer.getvalue())
    private = Path(settings.PRIVATE_MEDIA_ROOT)
    files_before = sorted(private.rglob("*")) if private.exists() else []
    client.force_login(enrolment.trainee)

    response = submit_form(client, assignment, anonymised="on", files=[bomb])

    assert response.status_code == 200
    assert "“case.odt” unpacks to far more data than any document we accept" in response.text
    assert not SubmissionFile.objects.exists()
    assert not Submission.objects.filter(status="submitted").exists()
    assert (sorted(private.rglob("*")) if private.exists() else []) == files_before


def test_the_dashboard_asks_for_works_due_only_when_some_work_is_due_from_today_on(
    client, enrolment, assignment
):
    import datetime as dt

    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from course.tests.conftest import url as course_url

    client.force_login(enrolment.trainee)
    client.get(course_url("dashboard"))  # the outline and the session into the cache
    with CaptureQueriesContext(connection) as none_due:
        before = client.get(course_url("dashboard")).text
    assignment.due_at = timezone.now() + dt.timedelta(days=3)
    assignment.save()
    with CaptureQueriesContext(connection) as one_due:
        after = client.get(course_url("dashboard")).text

    assert "Practice work due" not in before
    assert "Practice work due" in after
    # Read only now: the works due, and their titles in the reader's language (English here).
    assert len(one_due) == len(none_due) + 2
