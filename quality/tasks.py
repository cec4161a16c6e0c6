from __future__ import annotations

from celery import shared_task


@shared_task
def send_follow_up_invitations() -> int:
    from .services import follow_up_invitations_send

    return follow_up_invitations_send()
