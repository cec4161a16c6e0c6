"""Mentoring's notifications (notifications app): a new ticket for the mentors, a reply for the
other side of the ticket. The ticket's subject is never quoted: graduates write about children
there, so the notification only links to the ticket."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from cms.roles import is_registrar
from notifications.kinds import register_kind
from notifications.services import date_param, notification_send

from .selectors import MENTOR_GROUP, is_mentor

TICKET_NEW = "mentoring.ticket_new"
REPLY = "mentoring.reply"
CONSULTATION = "mentoring.consultation"
REPLY_DUE = "mentoring.reply_due"
REPLY_OVERDUE = "mentoring.reply_overdue"


def register() -> None:
    register_kind(
        key=TICKET_NEW,
        label=_("A mentoring ticket arrived"),
        description=_("A graduate asked the mentors a question."),
        order=50,
        shown_to=is_mentor,
    )
    register_kind(
        key=REPLY,
        label=_("A reply in a mentoring ticket"),
        description=_("The mentor or the graduate wrote in a ticket of yours."),
        order=51,
    )
    register_kind(
        key=CONSULTATION,
        label=_("A mentoring consultation is scheduled"),
        description=_("The time and place of a consultation; the e-mail carries a calendar file."),
        order=52,
    )
    register_kind(
        key=REPLY_DUE,
        label=_("A ticket awaits its first reply"),
        description=_("A working day before the first reply to a ticket is due."),
        order=53,
        shown_to=is_mentor,
    )
    register_kind(
        key=REPLY_OVERDUE,
        label=_("A ticket is overdue"),
        description=_("No mentor replied to a ticket by the target time."),
        order=54,
        shown_to=is_registrar,
    )


def _mentors_of(ticket) -> list:
    if ticket.mentor_id is not None:
        return [ticket.mentor]
    return list(get_user_model().objects.filter(groups__name=MENTOR_GROUP, is_active=True))


def ticket_opened_notify(*, ticket) -> None:
    for mentor in _mentors_of(ticket):
        notification_send(
            kind=TICKET_NEW,
            recipient=mentor,
            subject=_("A new mentoring ticket arrived"),
            text=_("Read it and answer it in the mentor queue."),
            link=reverse_lazy("mentoring:ticket", args=[ticket.pk]),
        )


def ticket_replied_notify(*, message) -> None:
    """The mentor's reply goes to the graduate; the graduate's to the ticket's mentor (or, before
    one took it, to every mentor)."""
    ticket = message.ticket
    if message.by_mentor:
        recipients = [ticket.graduate]
        subject = _("Your mentor answered your ticket")
    else:
        recipients = [m for m in _mentors_of(ticket) if m.pk != message.author_id]
        subject = _("The graduate replied in a mentoring ticket")
    for recipient in recipients:
        notification_send(
            kind=REPLY,
            recipient=recipient,
            subject=subject,
            text=_("Read the message and reply on the ticket's page."),
            link=reverse_lazy("mentoring:ticket", args=[ticket.pk]),
        )


def _ticket_link(ticket):
    return reverse_lazy("mentoring:ticket", args=[ticket.pk])


def consultation_scheduled_notify(*, consultation) -> None:
    """Invite the graduate to the consultation: the in-site entry, and the e-mail with the .ics
    calendar file in her language. Neither quotes the ticket's subject."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation
    from django.utils.translation import gettext

    from cms.emails import language_of
    from cms.ics import CALENDAR_MIME, ics_event

    ticket = consultation.ticket
    graduate = ticket.graduate
    with translation.override(language_of(graduate)):
        ticket_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse(
            "mentoring:ticket", args=[ticket.pk]
        )
        calendar = ics_event(
            uid=f"consultation-{consultation.pk}@pa-lms",
            starts_at=consultation.starts_at,
            duration_minutes=consultation.duration_minutes,
            summary=gettext("Mentoring consultation"),
            location=consultation.location,
            description=ticket_url,
            organizer_email=consultation.scheduled_by.email if consultation.scheduled_by else "",
        )
    notification_send(
        kind=CONSULTATION,
        recipient=graduate,
        subject=_("A mentoring consultation on %(when)s"),
        text=_("The consultation lasts %(minutes)s minutes. Place: %(location)s."),
        params={
            "when": date_param(consultation.starts_at, "DATETIME_FORMAT"),
            "minutes": consultation.duration_minutes,
            "location": consultation.location,
        },
        link=_ticket_link(ticket),
        attachments=[
            ("consultation.ics", calendar, CALENDAR_MIME),
        ],
    )


def reply_due_notify(*, ticket) -> None:
    """Remind the ticket's mentor (or, before one took it, every mentor) that the first reply is
    due within a working day. Once per ticket."""
    for mentor in _mentors_of(ticket):
        notification_send(
            kind=REPLY_DUE,
            recipient=mentor,
            subject=_("Reminder: a mentoring ticket awaits its first reply"),
            text=_("The first reply is due by %(due)s."),
            params={"due": date_param(ticket.first_reply_due, "SHORT_DATETIME_FORMAT")},
            link=_ticket_link(ticket),
            once_key=f"mentoring-reply-due:{ticket.pk}",
        )


def reply_overdue_notify(*, ticket) -> None:
    """Alert every registrar that nobody replied to the ticket by the target. Once per ticket."""
    from cms.roles import REGISTRAR

    registrars = get_user_model().objects.filter(groups__name=REGISTRAR, is_active=True)
    for registrar in registrars:
        notification_send(
            kind=REPLY_OVERDUE,
            recipient=registrar,
            subject=_("Overdue mentoring ticket: no reply by the target"),
            text=_("The first reply was due by %(due)s."),
            params={"due": date_param(ticket.first_reply_due, "SHORT_DATETIME_FORMAT")},
            link=_ticket_link(ticket),
            once_key=f"mentoring-reply-overdue:{ticket.pk}",
        )
