"""What the operators read: background tasks that failed for good and the workers' heartbeat."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class FailedTask(models.Model):
    """A background task that failed for good (its retries exhausted, or an error no retry can
    cure): kept so staff can see it in the admin, retry it once the cause is mended, or mark it
    resolved. Written by cms.celery on Celery's task_failure signal, in every environment."""

    task_name = models.CharField(_("task"), max_length=200, db_index=True)
    task_id = models.CharField(_("task id"), max_length=64, blank=True)
    # Our tasks take record ids, never personal data; kept so a retry can repeat the call.
    args = models.JSONField(_("arguments"), default=list, blank=True)
    kwargs = models.JSONField(_("keyword arguments"), default=dict, blank=True)
    exception = models.TextField(_("error"))
    traceback = models.TextField(_("traceback"), blank=True)
    failed_at = models.DateTimeField(_("failed at"), default=timezone.now, db_index=True)
    retried_at = models.DateTimeField(_("retried at"), null=True, blank=True)
    retried_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("retried by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    retry_task_id = models.CharField(_("task id of the retry"), max_length=64, blank=True)
    resolved_at = models.DateTimeField(_("resolved at"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resolved by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("failed background task")
        verbose_name_plural = _("failed background tasks")
        ordering = ["-failed_at"]

    def __str__(self) -> str:
        return f"{self.task_name} — {timezone.localtime(self.failed_at):%Y-%m-%d %H:%M}"

    @property
    def is_open(self) -> bool:
        return self.resolved_at is None and self.retried_at is None


class Heartbeat(models.Model):
    """The last sign of life of a background process, written by the process itself ("beat" when
    beat sends the heartbeat task, "worker" when a worker runs it) and read by the status page:
    the web process has no other way to see that the others are alive."""

    name = models.CharField(_("process"), max_length=40, unique=True)
    at = models.DateTimeField(_("last seen at"))
    detail = models.CharField(_("detail"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("heartbeat")
        verbose_name_plural = _("heartbeats")

    def __str__(self) -> str:
        return f"{self.name} {self.at:%Y-%m-%d %H:%M:%S}"
