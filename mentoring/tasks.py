"""Emails of post-course mentoring. Each task takes ids, loads the rows and sends one message."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from cms.celery import task
from cms.emails import language_of, one_line
from cms.ics import ics_event
from cms.roles import REGISTRAR

from .models import Consultation, Ticket
from .selectors import MENTOR_GROUP


def _ticket_url(ticket: Ticket, language: str) -> str:
    with translation.override(language):
        path = reverse("mentoring:ticket", args=[ticket.pk])
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


@task("mentoring.tasks.send_consultation_invitation")
def consultation_invitation_send_task(consultation_id: int) -> None:
    consultation = Consultation.objects.select_related("ticket__graduate", "scheduled_by").get(
        pk=consultation_id
    )
    ticket = consultation.ticket
    language = language_of(ticket.graduate)
    with translation.override(language):
        summary = one_line(_("Mentoring consultation: %(subject)s") % {"subject": ticket.subject})
        when = consultation.starts_at
        body = _(
            "A consultation has been scheduled for %(when)s (%(minutes)s minutes), at: "
            "%(location)s.\nThe ticket: %(url)s"
        ) % {
            "when": when.strftime("%Y-%m-%d %H:%M %Z"),
            "minutes": consultation.duration_minutes,
            "location": consultation.location,
            "url": _ticket_url(ticket, language),
        }
        email = EmailMessage(subject=summary, body=body, to=[ticket.graduate.email])
        email.attach(
            "consultation.ics",
            ics_event(
                uid=f"consultation-{consultation.pk}@pa-lms",
                starts_at=when,
                duration_minutes=consultation.duration_minutes,
                summary=summary,
                location=consultation.location,
                description=ticket.subject,
                organizer_email=consultation.scheduled_by.email
                if consultation.scheduled_by
                else "",
            ),
            "text/calendar; charset=utf-8; method=REQUEST",
        )
        email.send()


def _send_to(users, subject_fn, body_fn) -> None:
    for user in users:
        language = language_of(user)
        with translation.override(language):
            EmailMessage(
                subject=one_line(subject_fn()), body=body_fn(language), to=[user.email]
            ).send()


@task("mentoring.tasks.remind_mentors")
def mentors_remind_task(ticket_id: int) -> None:
    ticket = Ticket.objects.select_related("mentor").get(pk=ticket_id)
    if ticket.first_response_at is not None or ticket.is_closed:
        return
    if ticket.mentor is not None:
        mentors = [ticket.mentor]
    else:
        mentors = list(get_user_model().objects.filter(groups__name=MENTOR_GROUP, is_active=True))
    _send_to(
        mentors,
        lambda: _("Reminder: a mentoring ticket awaits its first reply"),
        lambda language: (
            _("“%(subject)s” should be answered by %(due)s: %(url)s")
            % {
                "subject": ticket.subject,
                "due": ticket.first_reply_due.strftime("%Y-%m-%d %H:%M"),
                "url": _ticket_url(ticket, language),
            }
        ),
    )


@task("mentoring.tasks.alert_registrars_of_overdue")
def overdue_alert_registrars_task(ticket_id: int) -> None:
    ticket = Ticket.objects.get(pk=ticket_id)
    if ticket.first_response_at is not None or ticket.is_closed:
        return
    registrars = get_user_model().objects.filter(groups__name=REGISTRAR, is_active=True)
    _send_to(
        registrars,
        lambda: _("Overdue mentoring ticket: no reply by the target"),
        lambda language: (
            _("“%(subject)s” was due for a first reply by %(due)s: %(url)s")
            % {
                "subject": ticket.subject,
                "due": ticket.first_reply_due.strftime("%Y-%m-%d %H:%M"),
                "url": _ticket_url(ticket, language),
            }
        ),
    )


@task("mentoring.tasks.send_reminders")
def reminders_send_task() -> dict[str, int]:
    """Run by Celery beat every hour."""
    from .services import reminders_send

    return reminders_send()
