"""Celery tasks of the course: each takes ids, loads the object and calls one service."""

from __future__ import annotations

from cms.celery import task


@task("course.tasks.expulsion_notice_send_task")
def expulsion_notice_send_task(event_id: int) -> bool:
    from .models import EnrolmentEvent
    from .services import expulsion_notice_send

    event = EnrolmentEvent.objects.select_related(
        "enrolment__trainee__trainee_profile", "enrolment__cohort"
    ).get(pk=event_id)
    return expulsion_notice_send(event=event)


@task("course.tasks.invitation_send_task")
def invitation_send_task(user_id: int) -> None:
    from cms.models import User

    from .services import invitation_send

    invitation_send(user=User.objects.get(pk=user_id))
