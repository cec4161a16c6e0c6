"""A CR or LF typed into a ticket's subject never breaks (or adds headers to) its e-mails."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from mentoring import services, tasks
from mentoring.forms import TicketForm
from mentoring.models import Ticket, Topic

from .helpers import open_ticket

pytestmark = pytest.mark.django_db

TYPED = "Help\r\nBcc: someone@example.org\nwith\ttransitions"
ONE_LINE = "Help Bcc: someone@example.org with transitions"


def test_one_line_turns_every_line_break_and_tab_into_one_space():
    from cms.emails import one_line

    assert one_line(TYPED) == ONE_LINE
    assert one_line("  a\u2028b\x0bc\r ") == "a b c"


def test_the_ticket_form_keeps_the_subject_on_one_line(programme):
    form = TicketForm(
        data={
            "topic": Topic.BEHAVIOUR,
            "subject": TYPED,
            "description": "Line one.\nLine two.",
            "preferred_format": "written",
        }
    )

    assert form.is_valid(), form.errors
    assert form.cleaned_data["subject"] == ONE_LINE
    assert form.cleaned_data["description"] == "Line one.\nLine two."  # the body keeps its lines


def test_the_service_stores_the_subject_on_one_line(certificate, graduate):
    ticket = open_ticket(certificate, graduate, subject=TYPED)

    assert Ticket.objects.get(pk=ticket.pk).subject == ONE_LINE


def test_a_reply_e_mail_never_carries_the_typed_subject_and_adds_no_header(
    certificate, graduate, mentor, django_capture_on_commit_callbacks
):
    # A ticket written before the one-line rule (or by another path) still holds the line breaks;
    # the reply's notification links to the ticket and never quotes its subject (it may name a
    # child).
    ticket = open_ticket(certificate, graduate)
    Ticket.objects.filter(pk=ticket.pk).update(subject=TYPED)
    ticket.refresh_from_db()

    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_reply(ticket=ticket, author=mentor, body="Try a first-then board.")

    sent = mail.outbox[-1]
    assert sent.subject == "Тәлімгеріңіз өтініміңізге жауап берді"  # the graduate reads Kazakh
    assert "Help" not in sent.subject and "Help" not in sent.body
    assert sent.message()["Bcc"] is None
    assert sent.recipients() == ["graduate@example.kz"]


def test_the_consultation_invitation_and_its_calendar_never_quote_the_typed_subject(
    certificate, graduate, mentor, django_capture_on_commit_callbacks
):
    # The subject may name a child, and the notification is kept in the site's list: the
    # invitation and its calendar file say "Mentoring consultation" and link to the ticket.
    ticket = open_ticket(certificate, graduate)
    Ticket.objects.filter(pk=ticket.pk).update(subject="Plan\rreview")
    ticket.refresh_from_db()
    consultation = services.consultation_schedule(
        ticket=ticket,
        by=mentor,
        starts_at=timezone.now() + datetime.timedelta(days=2),
        duration_minutes=45,
        location="https://meet.example/abc",
    )

    with django_capture_on_commit_callbacks(execute=True):
        tasks.consultation_invitation_send_task(consultation.pk)

    sent = mail.outbox[-1]
    assert sent.subject.startswith("Тәлімгердің кеңесі: ")
    assert "\r" not in sent.subject and "\n" not in sent.subject
    calendar = sent.attachments[0][1]
    assert "SUMMARY:Тәлімгердің кеңесі\r\n" in calendar
    assert "review" not in sent.subject + sent.body + calendar
