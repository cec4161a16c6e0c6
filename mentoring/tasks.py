"""Messages of post-course mentoring. Each task takes ids, loads the rows and sends one
notification (mentoring/notices.py): in the site, and by e-mail unless switched off."""

from __future__ import annotations

from cms.celery import task

from .models import Consultation, Ticket


@task("mentoring.tasks.send_consultation_invitation")
def consultation_invitation_send_task(consultation_id: int) -> None:
    from .notices import consultation_scheduled_notify

    consultation = Consultation.objects.select_related("ticket__graduate", "scheduled_by").get(
        pk=consultation_id
    )
    consultation_scheduled_notify(consultation=consultation)


@task("mentoring.tasks.remind_mentors")
def mentors_remind_task(ticket_id: int) -> None:
    from .notices import reply_due_notify

    ticket = Ticket.objects.select_related("mentor").get(pk=ticket_id)
    if ticket.first_response_at is not None or ticket.is_closed:
        return
    reply_due_notify(ticket=ticket)


@task("mentoring.tasks.alert_registrars_of_overdue")
def overdue_alert_registrars_task(ticket_id: int) -> None:
    from .notices import reply_overdue_notify

    ticket = Ticket.objects.get(pk=ticket_id)
    if ticket.first_response_at is not None or ticket.is_closed:
        return
    reply_overdue_notify(ticket=ticket)


@task("mentoring.tasks.send_reminders")
def reminders_send_task() -> dict[str, int]:
    """Run by Celery beat every hour."""
    from .services import reminders_send

    return reminders_send()
