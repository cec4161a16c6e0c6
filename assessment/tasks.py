"""Celery tasks of the assessment app: they take ids and call one service."""

from __future__ import annotations

from cms.celery import task


@task("assessment.tasks.defence_invitation_send_task")
def defence_invitation_send_task(slot_id: int) -> None:
    from .models import DefenceSlot
    from .services import defence_invitation_send

    slot = (
        DefenceSlot.objects.select_related("plan__enrolment__trainee", "scheduled_by")
        .filter(pk=slot_id)
        .first()
    )
    if slot is not None:
        defence_invitation_send(slot=slot)


@task("assessment.tasks.plan_returned_email_task")
def plan_returned_email_task(review_id: int) -> None:
    from .models import PlanReview
    from .services import plan_returned_notify

    review = (
        PlanReview.objects.select_related("plan__enrolment__trainee", "by")
        .filter(pk=review_id)
        .first()
    )
    if review is not None:
        plan_returned_notify(review=review)
