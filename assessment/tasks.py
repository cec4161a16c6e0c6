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


@task("assessment.tasks.submission_accepted_notify_task")
def submission_accepted_notify_task(submission_id: int) -> None:
    """Run once the acceptance can no longer be taken back; a taken-back one tells nobody."""
    from .models import Submission
    from .notices import submission_decision_notify

    submission = (
        Submission.objects.select_related("enrolment__trainee", "assignment__topic")
        .filter(pk=submission_id, status=Submission.Status.ACCEPTED)
        .first()
    )
    if submission is not None:
        submission_decision_notify(submission=submission)


@task("assessment.tasks.deadline_reminders_send_task", idempotent=True)
def deadline_reminders_send_task() -> int:
    """Run by Celery beat once a day."""
    from .services.deadline import deadline_reminders_send

    return deadline_reminders_send()
