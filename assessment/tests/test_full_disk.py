"""A full disk never loses typed text: the draft text is saved before the files, the person is told
which files to attach again, and no part-written file is left behind."""

from __future__ import annotations

import errno
import os

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from assessment.models import (
    Assignment,
    PlanAttachment,
    Submission,
    SubmissionFile,
    SubmissionVersion,
    SupportPlan,
)
from course.models import TopicPage

from .conftest import url
from .test_support_plan import complete_post

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
MESSAGE = "Your text is saved, but these files could not be stored"


@pytest.fixture
def full_disk(monkeypatch, settings):
    """The private storage writes part of a file, then the disk is full."""

    def write_then_fail(self, name, content):
        with open(self.path(name), "wb") as partial:
            partial.write(PDF[:10])
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(FileSystemStorage, "_save", write_then_fail)
    os.makedirs(settings.PRIVATE_MEDIA_ROOT, exist_ok=True)
    return settings.PRIVATE_MEDIA_ROOT


def _files_under(root) -> list[str]:
    return [os.path.join(d, f) for d, _dirs, files in os.walk(root) for f in files]


@pytest.fixture
def assignment(programme):
    topic = TopicPage.objects.get(locale__language_code="kk", number="1.5")
    return Assignment.objects.create(topic=topic, brief_kk="<p>Кейс</p>")


def pdf(name="case.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def test_a_full_disk_keeps_the_typed_practice_text_and_leaves_no_file(
    client, enrolment, assignment, full_disk
):
    client.force_login(enrolment.trainee)
    before = _files_under(full_disk)

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
    assert _files_under(full_disk) == before


def test_a_full_disk_keeps_the_typed_plan_and_leaves_no_file(client, enrolment, full_disk):
    client.force_login(enrolment.trainee)
    before = _files_under(full_disk)

    response = client.post(url("plan_edit"), complete_post(files=[pdf("abc-chart.pdf")]))

    assert response.status_code == 200
    assert MESSAGE in response.text and "abc-chart.pdf" in response.text
    plan = SupportPlan.objects.get(enrolment=enrolment)
    assert plan.strengths == "Сурет салуды жақсы көреді."
    assert plan.status != "submitted"
    assert not PlanAttachment.objects.exists()
    assert _files_under(full_disk) == before


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
