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


# --- the consultation invitation, the mentors' reminder, the registrars' alert ---------------


def _consultation(certificate, graduate, mentor, capture):
    """Schedule a consultation; its invitation goes after the commit."""
    import datetime

    from django.utils import timezone

    with capture(execute=True):
        ticket = open_ticket(certificate, graduate, subject=SUBJECT)
    mail.outbox.clear()  # the mentors' "a ticket arrived"
    with capture(execute=True):
        return services.consultation_schedule(
            ticket=ticket,
            by=mentor,
            starts_at=timezone.now() + datetime.timedelta(days=2),
            duration_minutes=45,
            location="https://meet.example/abc",
        )


@pytest.mark.parametrize(
    ("language", "subject", "text", "summary"),
    [
        (
            "kk",
            "Тәлімгердің кеңесі: ",
            "Кеңестің ұзақтығы – 45 минут. Өтетін орны: https://meet.example/abc.",
            "SUMMARY:Тәлімгердің кеңесі\r\n",
        ),
        (
            "ru",
            "Консультация наставника: ",
            "Продолжительность консультации — 45 мин. Место: https://meet.example/abc.",
            "SUMMARY:Консультация наставника\r\n",
        ),
    ],
)
def test_the_consultation_invitation_is_a_notification_with_its_calendar_file(
    language,
    subject,
    text,
    summary,
    certificate,
    graduate,
    mentor,
    django_capture_on_commit_callbacks,
):
    graduate.preferred_language = language
    graduate.save(update_fields=["preferred_language"])

    consultation = _consultation(certificate, graduate, mentor, django_capture_on_commit_callbacks)

    notification = Notification.objects.get(recipient=graduate, kind="mentoring.consultation")
    assert notification.subject.startswith(subject)
    assert notification.text == text
    assert notification.link == f"/{language}/mentoring/tickets/{consultation.ticket_id}/"
    (sent,) = mail.outbox
    assert sent.to == ["graduate@example.kz"]
    ((name, calendar, mimetype),) = sent.attachments
    assert name == "consultation.ics" and mimetype.startswith("text/calendar")
    assert summary in calendar and "LOCATION:https://meet.example/abc" in calendar
    assert SUBJECT not in notification.subject + notification.text + sent.body + calendar


def test_a_graduate_who_switched_consultations_off_gets_no_e_mail(
    certificate, graduate, mentor, django_capture_on_commit_callbacks
):
    from notifications.services import email_preferences_save

    email_preferences_save(user=graduate, choices={"mentoring.consultation": False})
    _consultation(certificate, graduate, mentor, django_capture_on_commit_callbacks)

    assert mail.outbox == []
    notification = Notification.objects.get(recipient=graduate, kind="mentoring.consultation")
    assert (notification.emailed_at, notification.attachments) == (None, [])


def test_the_reminder_and_the_overdue_alert_are_notifications_that_never_quote_the_subject(
    certificate, graduate, mentor, registrar, django_capture_on_commit_callbacks
):
    from mentoring.tasks import mentors_remind_task, overdue_alert_registrars_task

    with django_capture_on_commit_callbacks(execute=True):
        ticket = open_ticket(certificate, graduate, subject=SUBJECT)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        mentors_remind_task(ticket.pk)
        mentors_remind_task(ticket.pk)  # a retried task: still one reminder
        overdue_alert_registrars_task(ticket.pk)

    link = f"/kk/mentoring/tickets/{ticket.pk}/"
    reminder = Notification.objects.get(recipient=mentor, kind="mentoring.reply_due")
    alert = Notification.objects.get(recipient=registrar, kind="mentoring.reply_overdue")
    assert reminder.subject == "Еске салу: тәлімгерлік кеңеске өтінім алғашқы жауапты күтуде"
    assert alert.subject == "Мерзімі өткен өтінім: белгіленген мерзімде жауап берілмеді"
    assert reminder.text.startswith("Алғашқы жауапты ") and alert.text.startswith("Алғашқы жауап ")
    assert (reminder.link, alert.link) == (link, link)
    assert sorted(m.to[0] for m in mail.outbox) == ["mentor@example.kz", "registrar@example.kz"]
    assert all(SUBJECT not in m.subject + m.body for m in mail.outbox)


def test_a_mentor_who_switched_the_reminder_off_is_reminded_in_the_site_only(
    certificate, graduate, mentor, django_capture_on_commit_callbacks
):
    from mentoring.tasks import mentors_remind_task
    from notifications.services import email_preferences_save

    email_preferences_save(user=mentor, choices={"mentoring.reply_due": False})
    with django_capture_on_commit_callbacks(execute=True):
        ticket = open_ticket(certificate, graduate, subject=SUBJECT)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        mentors_remind_task(ticket.pk)

    assert mail.outbox == []
    assert Notification.objects.filter(recipient=mentor, kind="mentoring.reply_due").count() == 1
    ticket.refresh_from_db()
    assert ticket.first_response_at is None and not ticket.is_closed
