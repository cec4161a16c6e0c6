"""Writes of notifications: sending one (stored now, e-mailed after the commit), reading, the
e-mail switches, and the retention clean-up."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.functional import Promise

from cms.celery import enqueue_on_commit
from cms.emails import language_of, one_line

from .kinds import kind as kind_of
from .models import EmailPreference, Notification
from .selectors import email_enabled

logger = logging.getLogger(__name__)


def _in_language(value: Any) -> str:
    # Lazy translations (gettext_lazy, reverse_lazy) are evaluated here, in the active language.
    return str(value) if isinstance(value, Promise) else ("" if value is None else str(value))


def date_param(value, fmt: str = "DATE_FORMAT"):
    """A date, or a moment shown in local time, as a `params` value of notification_send: written
    in the format of the recipient's language when the notification is written, not the sender's."""
    import datetime as dt

    from django.utils import formats
    from django.utils.functional import lazy

    def written() -> str:
        shown = timezone.localtime(value) if isinstance(value, dt.datetime) else value
        return formats.date_format(shown, fmt)

    return lazy(written, str)()


def notification_send(
    *,
    kind: str,
    recipient,
    subject: str,
    text: str = "",
    link: str = "",
    params: Mapping[str, Any] | None = None,
    once_key: str = "",
    attachments: Sequence[tuple[str, str, str]] = (),
) -> Notification | None:
    """Store a notification for `recipient` and, once the caller's transaction commits, e-mail it
    if the person keeps `kind` switched on.

    `subject`, `text` and `link` are lazy (gettext_lazy, reverse_lazy): they are written out in the
    recipient's language, and `params` (lazy values too) filled into subject and text after the
    translation. With `once_key`, a second notification with the same key to the same person is
    not sent (returns None): a reminder never goes twice. `attachments` — (file name, text
    content, MIME type) each, e.g. an .ics invitation, already written in the recipient's language
    — go with the e-mail only: they are kept on the row if the e-mail will go, and dropped once
    it went. The text never carries a child's data."""
    kind_of(kind)  # an unknown kind is a programming error, refused before anything is stored
    with translation.override(language_of(recipient)):
        values = {name: _in_language(value) for name, value in (params or {}).items()}
        row = Notification(
            recipient=recipient,
            kind=kind,
            subject=one_line(_in_language(subject) % values if values else _in_language(subject))[
                :200
            ],
            text=_in_language(text) % values if values and text else _in_language(text),
            link=_in_language(link),
            once_key=once_key,
        )
    email = bool(recipient.email) and email_enabled(user=recipient, kind_key=kind)
    if email:
        row.attachments = [[name, content, mimetype] for name, content, mimetype in attachments]
    if once_key:
        try:
            with transaction.atomic():
                row.save()
        except IntegrityError:  # sent already (or by a concurrent run a moment ago)
            return None
    else:
        row.save()
    if email:
        from .tasks import notification_email_send_task

        enqueue_on_commit(notification_email_send_task, row.pk)
    return row


def notification_email_send(*, notification: Notification) -> bool:
    """E-mail one notification: its subject, its text and the link, in the recipient's language.
    Sent once (a retried task finds `emailed_at` set); False when nothing was sent."""
    from django.urls import reverse

    from cms.emails import templated_email

    recipient = notification.recipient
    if notification.emailed_at is not None or not recipient.email or not recipient.is_active:
        return False
    language = language_of(recipient)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    with translation.override(language):
        settings_link = base + reverse("notifications:settings")
    link = base + notification.link if notification.link.startswith("/") else ""
    message = templated_email(
        template="notifications/email/notification",
        context={
            "notification": notification,
            "link": link,
            "settings_link": settings_link,
            "attached": [name for name, _content, _mimetype in notification.attachments],
        },
        language=language,
        to=[recipient.email],
    )
    for name, content, mimetype in notification.attachments:
        message.attach(name, content, mimetype)
    message.send()
    Notification.objects.filter(pk=notification.pk).update(
        emailed_at=timezone.now(), attachments=[]
    )
    return True


def notification_open(*, notification: Notification) -> Notification:
    """The person opened it: it counts as read."""
    if notification.read_at is None:
        notification.read_at = timezone.now()
        Notification.objects.filter(pk=notification.pk, read_at__isnull=True).update(
            read_at=notification.read_at
        )
    return notification


def notifications_mark_all_read(*, user) -> int:
    """Mark every unread notification of `user` read; returns how many changed."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def email_preferences_save(*, user, choices: Mapping[str, bool]) -> None:
    """Keep the person's e-mail switch of each kind in `choices` (kind key -> on/off)."""
    for key, on in choices.items():
        kind_of(key)
        EmailPreference.objects.update_or_create(user=user, kind=key, defaults={"email": on})


def notifications_purge(*, now: dt.datetime | None = None) -> int:
    """Delete notifications older than settings.NOTIFICATION_RETENTION_DAYS; returns how many."""
    now = now or timezone.now()
    cutoff = now - dt.timedelta(days=settings.NOTIFICATION_RETENTION_DAYS)
    deleted, _by_model = Notification.objects.filter(created_at__lt=cutoff).delete()
    logger.info("notifications retention: %s deleted", deleted)
    return deleted
