"""Mentoring tickets: allowance and period, targeting, refusals, the thread, permissions."""

from __future__ import annotations

import datetime
import io
import zipfile

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from certificates.models import Certificate
from cms.tests.factories import TraineeFactory, TrainerFactory
from course.models import TopicPage
from mentoring import selectors, services
from mentoring.models import MentoringPolicy, Ticket, Topic

from .helpers import open_ticket, url

pytestmark = pytest.mark.django_db


def docx_file(name="plan.docx"):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    return SimpleUploadedFile(name, buffer.getvalue())


def test_a_certificate_brings_three_tickets_for_twelve_months(certificate):
    allowance = selectors.allowance_for(certificate=certificate)
    assert (allowance.total, allowance.used, allowance.remaining) == (3, 0, 3)
    assert allowance.period_ends_on == selectors.add_months(certificate.issued_on, 12)
    assert allowance.can_open


def test_the_registrar_sets_tickets_and_period_per_programme(certificate, programme):
    MentoringPolicy.objects.create(programme=programme, tickets_per_certificate=5, support_months=6)
    allowance = selectors.allowance_for(certificate=certificate)
    assert allowance.total == 5
    assert allowance.period_ends_on == selectors.add_months(certificate.issued_on, 6)


def test_opening_tickets_uses_the_allowance_and_the_fourth_is_refused(certificate, graduate):
    for _ in range(3):
        open_ticket(certificate, graduate)
    with pytest.raises(ValidationError) as excinfo:
        open_ticket(certificate, graduate)
    assert "All 3 mentoring tickets of this certificate have been used." in excinfo.value.messages
    assert Ticket.objects.count() == 3


def test_a_ticket_after_the_support_period_is_refused(certificate, graduate):
    later = timezone.now() + datetime.timedelta(days=400)
    with time_machine.travel(later, tick=False), pytest.raises(ValidationError) as excinfo:
        open_ticket(certificate, graduate)
    assert "The post-course support period ended on" in excinfo.value.messages[0]
    assert not Ticket.objects.exists()


def test_a_revoked_certificate_gets_no_ticket(certificate, graduate):
    Certificate.objects.filter(pk=certificate.pk).update(
        status=Certificate.Status.REVOKED,
        revoked_on=datetime.date(2026, 11, 1),
        revocation_code="issued_in_error",
    )
    certificate.refresh_from_db()
    with pytest.raises(ValidationError) as excinfo:
        open_ticket(certificate, graduate)
    assert "This certificate was revoked on" in excinfo.value.messages[0]
    assert not Ticket.objects.exists()


def test_an_expired_certificate_gets_no_ticket(graduate, make_certificate):
    certificate = make_certificate(graduate, issued_on=datetime.date(2022, 5, 10))
    with pytest.raises(ValidationError) as excinfo:
        open_ticket(certificate, graduate)
    assert "This certificate expired on" in excinfo.value.messages[0]
    assert not Ticket.objects.exists()


def test_weak_criteria_become_suggestions_weakest_first(certificate):
    suggestions = selectors.suggestions_for(certificate=certificate)
    # practice 18/30 = 60 %, plan 20/30 = 67 %: both below 70 %; theory 90 % is not.
    assert [s.criterion for s in suggestions] == ["practice", "plan"]
    assert suggestions[0].topic == Topic.TOOLS
    assert suggestions[0].comment == "Choose tools from the ABC record, not by habit."


def test_the_threshold_of_weak_criteria_is_configurable(certificate, programme):
    MentoringPolicy.objects.create(programme=programme, weak_share_percent=95)
    codes = [s.criterion for s in selectors.suggestions_for(certificate=certificate)]
    # Ties (90 %) are ordered by code.
    assert codes == ["practice", "plan", "defence", "participation", "theory"]


def test_the_first_ticket_form_is_prefilled_with_the_weakest_criterion(
    client, graduate, certificate
):
    client.force_login(graduate)
    response = client.get(url("ticket_new", certificate.code))
    form = response.context["form"]
    assert response.status_code == 200
    assert form.initial["topic"] == Topic.TOOLS
    assert "18 of 30" in form.initial["subject"]
    assert "Choose tools from the ABC record" in form.initial["description"]


def test_a_graduate_opens_a_ticket_with_a_private_attachment(client, graduate, certificate):
    client.force_login(graduate)
    topic = TopicPage.objects.get(locale__language_code="en", number="3.5")
    response = client.post(
        url("ticket_new", certificate.code),
        {
            "topic": Topic.TOOLS,
            "course_topic": topic.pk,
            "subject": "Visual schedule",
            "description": "How to fade the visual schedule?",
            "preferred_format": "video",
            "files": [docx_file()],
            "anonymised_confirmed": "on",
        },
    )
    ticket = Ticket.objects.get()
    assert response.status_code == 302
    assert ticket.course_topic == topic
    attachment = ticket.attachments.get()
    assert attachment.original_name == "plan.docx"
    # Stored in the private storage, outside MEDIA_ROOT: no public URL can reach it.
    from django.conf import settings

    assert str(settings.PRIVATE_MEDIA_ROOT) in attachment.file.path
    assert str(settings.MEDIA_ROOT) not in attachment.file.path


def test_attachments_without_the_anonymisation_confirmation_are_refused(
    client, graduate, certificate
):
    client.force_login(graduate)
    response = client.post(
        url("ticket_new", certificate.code),
        {
            "topic": Topic.TOOLS,
            "subject": "Visual schedule",
            "description": "…",
            "preferred_format": "written",
            "files": [docx_file()],
        },
        follow=True,
    )
    assert "Confirm that the files contain no child" in response.content.decode()
    assert not Ticket.objects.exists()


def test_a_file_of_the_wrong_type_is_refused(client, graduate, certificate):
    client.force_login(graduate)
    response = client.post(
        url("ticket_new", certificate.code),
        {
            "topic": Topic.TOOLS,
            "subject": "x",
            "description": "y",
            "preferred_format": "written",
            "files": [SimpleUploadedFile("run.pdf", b"MZ\x90binary")],
            "anonymised_confirmed": "on",
        },
        follow=True,
    )
    assert "is not a PDF, DOCX, ODT, XLSX, JPG, PNG file" in response.content.decode()
    assert not Ticket.objects.exists()


def test_another_graduate_cannot_open_a_ticket_on_my_certificate(client, certificate):
    client.force_login(TraineeFactory())
    assert client.get(url("ticket_new", certificate.code)).status_code == 404


def test_a_mentor_replies_and_the_graduate_is_emailed(
    client, mentor, graduate, certificate, django_capture_on_commit_callbacks
):
    ticket = open_ticket(certificate, graduate)
    client.force_login(mentor)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("ticket", ticket.pk), {"body": "Try a first-then board."})
    ticket.refresh_from_db()
    assert response.status_code == 302
    assert ticket.status == Ticket.Status.ANSWERED
    assert ticket.first_response_at is not None
    assert ticket.mentor == mentor
    assert mail.outbox[-1].to == ["graduate@example.kz"]


def test_the_graduate_answer_puts_the_ticket_back_to_the_mentor(mentor, graduate, certificate):
    ticket = open_ticket(certificate, graduate)
    services.ticket_reply(ticket=ticket, author=mentor, body="Try a first-then board.")
    services.ticket_reply(ticket=ticket, author=graduate, body="It worked twice, then not.")
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.WAITING_FOR_MENTOR
    waiting = selectors.mentor_queue(user=mentor, view="waiting")
    assert list(waiting) == [ticket]


def test_a_consultation_is_emailed_with_a_calendar_file(
    client, mentor, graduate, certificate, django_capture_on_commit_callbacks
):
    ticket = open_ticket(certificate, graduate)
    client.force_login(mentor)
    starts = (timezone.localtime() + datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("consultation_new", ticket.pk),
            {"starts_at": starts, "duration_minutes": 45, "location": "https://meet.example/abc"},
        )
    email = mail.outbox[-1]
    name, content, mimetype = email.attachments[0]
    assert name == "consultation.ics"
    assert "BEGIN:VEVENT" in content and "LOCATION:https://meet.example/abc" in content
    assert mimetype.startswith("text/calendar")


def test_a_consultation_in_the_past_is_refused(mentor, graduate, certificate):
    ticket = open_ticket(certificate, graduate)
    with pytest.raises(ValidationError) as excinfo:
        services.consultation_schedule(
            ticket=ticket,
            by=mentor,
            starts_at=timezone.now() - datetime.timedelta(hours=1),
            duration_minutes=30,
            location="Room 5",
        )
    assert "Choose a time in the future." in excinfo.value.messages
    assert not ticket.consultations.exists()


def test_closing_needs_a_summary_and_then_the_graduate_can_rate(mentor, graduate, certificate):
    ticket = open_ticket(certificate, graduate)
    with pytest.raises(ValidationError):
        services.ticket_close(ticket=ticket, by=mentor, summary=" ")
    services.ticket_close(ticket=ticket, by=mentor, summary="Advised a first-then board.")
    services.ticket_rate(ticket=ticket, by=graduate, rating=5, comment="Helpful")
    ticket.refresh_from_db()
    assert (ticket.status, ticket.rating) == (Ticket.Status.CLOSED, 5)


@pytest.mark.parametrize("rating", [0, 6, 2.5, True])
def test_a_rating_outside_one_to_five_is_refused(mentor, graduate, certificate, rating):
    ticket = open_ticket(certificate, graduate)
    services.ticket_close(ticket=ticket, by=mentor, summary="Done.")
    with pytest.raises(ValidationError) as excinfo:
        services.ticket_rate(ticket=ticket, by=graduate, rating=rating)
    assert "A rating is a whole number from 1 to 5." in excinfo.value.messages
    ticket.refresh_from_db()
    assert ticket.rating is None


def test_the_graduate_can_reopen_within_fourteen_days_but_not_after(mentor, graduate, certificate):
    ticket = open_ticket(certificate, graduate)
    services.ticket_close(ticket=ticket, by=mentor, summary="Done.")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=13)):
        services.ticket_reopen(ticket=ticket, by=graduate)
    assert ticket.status == Ticket.Status.WAITING_FOR_MENTOR
    services.ticket_close(ticket=ticket, by=mentor, summary="Done again.")
    with (
        time_machine.travel(timezone.now() + datetime.timedelta(days=15)),
        pytest.raises(ValidationError) as excinfo,
    ):
        services.ticket_reopen(ticket=ticket, by=graduate)
    assert "can be reopened within 14 days" in excinfo.value.messages[0]
    ticket.refresh_from_db()
    assert ticket.status == Ticket.Status.CLOSED and ticket.times_reopened == 1


def test_reopening_does_not_use_another_ticket(mentor, graduate, certificate):
    ticket = open_ticket(certificate, graduate)
    services.ticket_close(ticket=ticket, by=mentor, summary="Done.")
    services.ticket_reopen(ticket=ticket, by=graduate)
    assert selectors.allowance_for(certificate=certificate).remaining == 2


@pytest.mark.parametrize("who", ["other_graduate", "plain_trainer", "anonymous"])
def test_nobody_else_sees_a_ticket_or_its_attachment(client, graduate, certificate, who):
    ticket = open_ticket(certificate, graduate, files=[docx_file()], anonymised_confirmed=True)
    attachment = ticket.attachments.get()
    if who == "other_graduate":
        client.force_login(TraineeFactory())
    elif who == "plain_trainer":
        client.force_login(TrainerFactory())
    for target in (url("ticket", ticket.pk), url("attachment", attachment.pk)):
        response = client.get(target)
        if who == "anonymous":
            assert response.status_code == 302 and "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == 404


def test_the_graduate_and_a_mentor_download_the_attachment(client, graduate, mentor, certificate):
    ticket = open_ticket(certificate, graduate, files=[docx_file()], anonymised_confirmed=True)
    attachment = ticket.attachments.get()
    for user in (graduate, mentor):
        client.force_login(user)
        response = client.get(url("attachment", attachment.pk))
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"PK")


def test_a_plain_trainer_cannot_see_the_mentor_queue(client):
    client.force_login(TrainerFactory())
    assert client.get(url("queue")).status_code == 403


def test_the_queue_shows_new_mine_and_overdue(mentor, graduate, certificate):
    first = open_ticket(certificate, graduate)
    second = open_ticket(certificate, graduate)
    services.ticket_assign(ticket=second, mentor=mentor, by=mentor)
    assert list(selectors.mentor_queue(user=mentor, view="new")) == [first]
    assert list(selectors.mentor_queue(user=mentor, view="mine")) == [second]
    later = timezone.now() + datetime.timedelta(days=10)
    overdue = selectors.mentor_queue(user=mentor, view="overdue", now=later)
    assert set(overdue) == {first, second}
