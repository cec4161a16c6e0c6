"""Practice work: error reports that leave out what the trainee typed, files removed only once
the change commits, and a full disk that keeps the typed text."""

from __future__ import annotations

import errno
import os

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from assessment import services
from assessment.models import (
    Assignment,
    Submission,
    SubmissionFile,
    SubmissionVersion,
)
from course.models import TopicPage

from .conftest import CHILD, MESSAGE, PDF, files_under, pdf, report_text, url

pytestmark = pytest.mark.django_db


FILE_NAME = "Aidos-Serikuly-ABC.pdf"


@pytest.fixture
def assignment(programme):
    topic = TopicPage.objects.get(locale__language_code="kk", number="1.5")
    return Assignment.objects.create(topic=topic, brief_kk="<p>Кейс</p>")


def test_a_500_on_the_practice_form_mails_admins_nothing_the_trainee_typed(
    failing_client, assignment, monkeypatch
):
    def fails(**kwargs):
        typed = kwargs["text"]  # a frame variable holding the child's description
        raise RuntimeError(f"the disk is full ({len(typed)} characters lost)")

    monkeypatch.setattr(services, "submission_page_save", fails)

    response = failing_client.post(
        url("practice_detail", assignment.pk),
        {
            "text": CHILD,
            "action": "save",
            "files": [SimpleUploadedFile(FILE_NAME, PDF, content_type="application/pdf")],
        },
    )

    assert response.status_code == 500
    (report,) = mail.outbox
    assert report.to == ["ops@example.kz"]
    text = report_text(report)
    assert "the disk is full" in text  # the report is still useful…
    assert "text = '********************'" in text  # …and names the fields that were sent
    for part in ("Айдос", "Серікұлы", "айқайлайды", "Aidos", "Serikuly"):
        assert part not in text
    assert failing_client.cookies["sessionid"].value not in text


def _post_removing_the_stored_file(client, enrolment, assignment, capture, *, action: str):
    """A draft with one file is saved; the trainee posts the page with `action`, asking to remove
    the file, and the on-commit callbacks run. Returns the stored file and the response."""
    version = services.submission_draft_save(
        assignment=assignment, enrolment=enrolment, text="Draft.", files=[pdf()]
    )
    stored = version.files.get()
    client.force_login(enrolment.trainee)
    with capture(execute=True):
        response = client.post(
            url("practice_detail", assignment.pk),
            {"text": "Draft.", "action": action, "remove_file": str(stored.pk)},
        )
    return stored, response


def test_a_refused_practice_submit_keeps_the_file_it_asked_to_remove(
    client,
    enrolment,
    assignment,
    django_capture_on_commit_callbacks,
):
    stored, response = _post_removing_the_stored_file(
        client, enrolment, assignment, django_capture_on_commit_callbacks, action="submit"
    )
    path = stored.file.path

    assert response.status_code == 200
    assert "Confirm that the child is anonymised" in response.text
    assert SubmissionFile.objects.filter(pk=stored.pk).exists()
    with open(path, "rb") as kept:
        assert kept.read() == PDF


def test_a_saved_practice_draft_removes_the_file_once_it_commits(
    client,
    enrolment,
    assignment,
    django_capture_on_commit_callbacks,
):
    stored, response = _post_removing_the_stored_file(
        client, enrolment, assignment, django_capture_on_commit_callbacks, action="save"
    )

    assert response.status_code == 302
    assert not SubmissionFile.objects.filter(pk=stored.pk).exists()
    assert not stored.file.storage.exists(stored.file.name)


def test_a_full_disk_keeps_the_typed_practice_text_and_leaves_no_file(
    client, enrolment, assignment, full_disk
):
    client.force_login(enrolment.trainee)
    before = files_under(full_disk)

    response = client.post(
        url("practice_detail", assignment.pk),
        {"text": "Three hours of typing.", "action": "submit", "anonymised": "on",
         "files": [pdf("observation.pdf")]},
    )  # fmt: skip

    assert response.status_code == 200
    assert MESSAGE in response.text and "observation.pdf" in response.text
    version = SubmissionVersion.objects.get(submission__enrolment=enrolment)
    assert (
        version.text == "<p>Three hours of typing.</p>" or "Three hours of typing." in version.text
    )
    assert version.submitted_at is None
    assert Submission.objects.get().status == "draft"
    assert not SubmissionFile.objects.exists()
    assert files_under(full_disk) == before


def test_the_files_written_before_the_disk_filled_are_removed_too(
    enrolment, assignment, monkeypatch, settings
):
    from assessment import services

    real_save = FileSystemStorage._save
    calls = []

    def second_write_fails(self, name, content):
        calls.append(name)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_save(self, name, content)

    monkeypatch.setattr(FileSystemStorage, "_save", second_write_fails)

    version = services.submission_draft_save(
        assignment=assignment,
        enrolment=enrolment,
        text="Kept.",
        files=[pdf("one.pdf"), pdf("two.pdf")],
    )

    assert version.unstored_files == ["one.pdf", "two.pdf"]
    assert not SubmissionFile.objects.exists()
    assert not any(
        os.path.exists(os.path.join(settings.PRIVATE_MEDIA_ROOT, name)) for name in calls
    )
    assert SubmissionVersion.objects.get().text == "Kept."


def test_a_refused_submit_on_the_practice_page_undoes_the_draft_saved_with_it(
    enrolment, assignment
):
    with pytest.raises(ValidationError) as refused:
        services.submission_page_save(
            assignment=assignment,
            enrolment=enrolment,
            text="<p>Менің жауабым</p>",
            submit=True,
            anonymised_confirmed=False,
        )
    assert refused.value.message_dict["anonymised"] == [
        "Confirm that the child is anonymised: no name, school, photo or scanned PMPK conclusion."
    ]
    assert not Submission.objects.filter(assignment=assignment, enrolment=enrolment).exists()


def test_the_practice_page_saves_and_submits_in_one_call(enrolment, assignment):
    version = services.submission_page_save(
        assignment=assignment,
        enrolment=enrolment,
        text="<p>Менің жауабым</p>",
        submit=True,
        anonymised_confirmed=True,
    )
    version.submission.refresh_from_db()
    assert version.submission.status == Submission.Status.SUBMITTED
    assert version.submission.versions.count() == 1
