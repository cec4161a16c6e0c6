"""A notification: one message to one person, shown in the site and, if the person keeps that
kind switched on, e-mailed. Its text is written in the recipient's language when it is sent and
never carries a child's data: a case study or a plan is linked to, not quoted."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    kind = models.CharField(_("kind"), max_length=64)
    subject = models.CharField(_("subject"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    # A path on this site (/kk/assessment/practice/3/), made absolute in the e-mail.
    link = models.CharField(_("link"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed at"), null=True, blank=True)
    # Set by a sender that must not repeat itself (a deadline reminder): one row per key and person.
    once_key = models.CharField(_("once key"), max_length=100, blank=True)
    # Files the e-mail carries (a calendar invitation), built by the sending app in the
    # recipient's language: [name, content, MIME type] each. Kept only until the e-mail goes.
    attachments = models.JSONField(_("attachments"), default=list, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "once_key"],
                condition=~Q(once_key=""),
                name="notification_once_per_key",
            )
        ]

    def __str__(self) -> str:
        return self.subject

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class EmailPreference(models.Model):
    """A person's choice for one kind; without a row the kind's default applies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="notification_email_preferences",
    )
    kind = models.CharField(_("kind"), max_length=64)
    email = models.BooleanField(_("by e-mail"))

    class Meta:
        verbose_name = _("e-mail preference")
        verbose_name_plural = _("e-mail preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind"], name="one_email_preference_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.kind}: {self.email}"
