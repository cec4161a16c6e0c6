"""The notification e-mail and the nightly retention clean-up. Tasks take ids and call one
service (cms.celery.task)."""

from __future__ import annotations

from cms.celery import task


@task("notifications.tasks.notification_email_send_task", idempotent=True)
def notification_email_send_task(notification_id: int) -> None:
    from .models import Notification
    from .services import notification_email_send

    notification = (
        Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    )
    if notification is not None:  # purged or erased with its account meanwhile
        notification_email_send(notification=notification)


@task("notifications.tasks.notifications_purge_task")
def notifications_purge_task() -> int:
    """Run by Celery beat once a day."""
    from .services import notifications_purge

    return notifications_purge()
