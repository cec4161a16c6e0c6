"""Mentoring's notifications (notifications app): a new ticket for the mentors, a reply for the
other side of the ticket. The ticket's subject is never quoted: graduates write about children
there, so the notification only links to the ticket."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from notifications.kinds import register_kind
from notifications.services import notification_send

from .selectors import MENTOR_GROUP, is_mentor

TICKET_NEW = "mentoring.ticket_new"
REPLY = "mentoring.reply"


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
