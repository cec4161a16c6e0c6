"""A refused submit keeps the file that the same post asked to remove: the removal belonged to a
transaction that was rolled back (cms.private_files.delete_file_on_commit)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from assessment import services
from assessment.models import Assignment, PlanAttachment, SubmissionFile
from course.models import TopicPage

from .conftest import url
from .test_support_plan import complete_post

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def assignment(programme):
    topic = TopicPage.objects.get(locale__language_code="kk", number="1.5")
    return Assignment.objects.create(topic=topic, brief_kk="<p>Кейс</p>")


def pdf():
    return SimpleUploadedFile("case.pdf", PDF, content_type="application/pdf")


def test_a_refused_practice_submit_keeps_the_file_it_asked_to_remove(
    client,
    enrolment,
    assignment,
    django_capture_on_commit_callbacks,
):
    version = services.submission_draft_save(
        assignment=assignment, enrolment=enrolment, text="Draft.", files=[pdf()]
    )
    stored = version.files.get()
    path = stored.file.path
    client.force_login(enrolment.trainee)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("practice_detail", assignment.pk),
            {"text": "Draft.", "action": "submit", "remove_file": str(stored.pk)},
        )

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
    version = services.submission_draft_save(
        assignment=assignment, enrolment=enrolment, text="Draft.", files=[pdf()]
    )
    stored = version.files.get()
    client.force_login(enrolment.trainee)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("practice_detail", assignment.pk),
            {"text": "Draft.", "action": "save", "remove_file": str(stored.pk)},
        )

    assert response.status_code == 302
    assert not SubmissionFile.objects.filter(pk=stored.pk).exists()
    assert not stored.file.storage.exists(stored.file.name)


def test_a_refused_plan_submit_keeps_the_attachment_it_asked_to_remove(
    client, enrolment, django_capture_on_commit_callbacks
):
    plan = services.plan_save(enrolment=enrolment, data={"learner_code": "L-1"}, files=[pdf()])
    attachment = plan.attachments.get()
    client.force_login(enrolment.trainee)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("plan_edit"), complete_post(anonymised="", remove_file=str(attachment.pk))
        )

    assert response.status_code == 200
    assert "Confirm that the child is anonymised" in response.text
    assert PlanAttachment.objects.filter(pk=attachment.pk).exists()
    assert attachment.file.storage.exists(attachment.file.name)
