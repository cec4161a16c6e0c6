"""A 500 on a practice or plan form mails ADMINS a report without a word of what was typed."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from assessment import services
from assessment.models import Assignment
from course.models import TopicPage

from .conftest import url

pytestmark = pytest.mark.django_db

CHILD = "Айдос Серікұлы, 7 жаста, үзілісте айқайлайды"
FILE_NAME = "Aidos-Serikuly-ABC.pdf"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def assignment(programme):
    topic = TopicPage.objects.filter(kind="practice", locale__language_code="kk").first()
    return Assignment.objects.create(topic=topic, brief_kk="<p>Кейс</p>")


@pytest.fixture
def production_logging(settings):
    """Production's logging, which mails ADMINS on a server error (development only prints)."""
    import logging.config

    from cms.logs import django_logging

    logging.config.dictConfig(django_logging(level="INFO", json_lines=False, mail_admins=True))
    yield
    logging.config.dictConfig(settings.LOGGING)


@pytest.fixture
def failing_client(settings, enrolment, production_logging):
    settings.ADMINS = [("Ops", "ops@example.kz")]
    client = Client(raise_request_exception=False)
    client.force_login(enrolment.trainee)
    return client


def _report_text(message) -> str:
    return message.body + "".join(str(content) for content, _type in message.alternatives)


def test_a_500_on_the_practice_form_mails_admins_nothing_the_trainee_typed(
    failing_client, assignment, monkeypatch
):
    def fails(**kwargs):
        typed = kwargs["text"]  # a frame variable holding the child's description
        raise RuntimeError(f"the disk is full ({len(typed)} characters lost)")

    monkeypatch.setattr(services, "submission_draft_save", fails)

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
    text = _report_text(report)
    assert "the disk is full" in text  # the report is still useful…
    assert "text = '********************'" in text  # …and names the fields that were sent
    for part in ("Айдос", "Серікұлы", "айқайлайды", "Aidos", "Serikuly"):
        assert part not in text
    assert failing_client.cookies["sessionid"].value not in text


def test_a_500_on_the_plan_form_mails_admins_nothing_the_trainee_typed(failing_client, monkeypatch):
    import course.selectors

    def fails(user):
        raise RuntimeError("the enrolment could not be read")

    monkeypatch.setattr(course.selectors, "enrolment_current", fails)

    response = failing_client.post(
        url("plan_edit"), {"strengths": CHILD, "abc-0-behaviour": CHILD, "action": "save"}
    )

    assert response.status_code == 500
    (report,) = mail.outbox
    text = _report_text(report)
    assert "the enrolment could not be read" in text
    assert "strengths" in text and "abc-0-behaviour" in text
    for part in ("Айдос", "Серікұлы", "айқайлайды"):
        assert part not in text
