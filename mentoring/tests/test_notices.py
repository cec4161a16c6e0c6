"""Mentors are told a ticket arrived; each side is told of the other's reply. The ticket's subject
and messages are never quoted (a graduate writes about a child there)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.core import mail

from cms.roles import forget_roles
from cms.tests.factories import TrainerFactory
from mentoring import services
from notifications.models import Notification

from .helpers import open_ticket

pytestmark = pytest.mark.django_db

SUBJECT = "Айдостың мінез-құлқы"  # names a child


def test_every_mentor_is_told_that_a_ticket_arrived_in_their_language(
    certificate, graduate, mentor, django_capture_on_commit_callbacks
):
    other = TrainerFactory(email="mentor2@example.kz", preferred_language="ru")
    other.groups.add(Group.objects.get(name="mentor"))
    forget_roles(other)

    with django_capture_on_commit_callbacks(execute=True):
        ticket = open_ticket(certificate, graduate, subject=SUBJECT)

    told = dict(
        Notification.objects.filter(kind="mentoring.ticket_new").values_list(
            "recipient__email", "subject"
        )
    )
    assert told == {
        "mentor@example.kz": "Тәлімгерлік кеңеске жаңа өтінім түсті",
        "mentor2@example.kz": "Поступила новая заявка на наставничество",
    }
    link = Notification.objects.get(recipient=other).link
    assert link == f"/ru/mentoring/tickets/{ticket.pk}/"
    assert sorted(m.to[0] for m in mail.outbox) == ["mentor2@example.kz", "mentor@example.kz"]
    assert all("Айдос" not in m.subject + m.body for m in mail.outbox)


def test_the_graduate_is_told_of_the_mentor_reply_and_the_mentor_of_the_graduate_answer(
    certificate, graduate, mentor, django_capture_on_commit_callbacks
):
    ticket = open_ticket(certificate, graduate, subject=SUBJECT)
    Notification.objects.all().delete()

    with django_capture_on_commit_callbacks(execute=True):
        services.ticket_reply(
            ticket=ticket, author=mentor, body="Айдосқа кезек кестесін көрсетіңіз."
        )
        ticket.refresh_from_db()
        services.ticket_reply(ticket=ticket, author=graduate, body="Айдос екі рет тыңдады.")

    told = list(
        Notification.objects.filter(kind="mentoring.reply")
        .order_by("pk")
        .values_list("recipient__email", "subject")
    )
    assert told == [
        ("graduate@example.kz", "Тәлімгеріңіз өтініміңізге жауап берді"),
        ("mentor@example.kz", "Түлек тәлімгерлік өтінімге жауап жазды"),
    ]
    assert all("Айдос" not in m.subject + m.body for m in mail.outbox)
