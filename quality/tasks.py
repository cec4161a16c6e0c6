from __future__ import annotations

from cms.celery import task


@task("quality.tasks.follow_up_invitations_send_task", idempotent=True)
def follow_up_invitations_send_task() -> int:
    """Daily (settings.CELERY_BEAT_SCHEDULE): the 3- and 6-month follow-up invitations that are
    due. Idempotent: one invitation per enrolment and month (a constraint)."""
    from .services import follow_up_invitations_send

    return follow_up_invitations_send()
