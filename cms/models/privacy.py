"""Personal-data records: the privacy notice, consents, deletion requests and retention runs."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField


class PrivacyNotice(models.Model):
    """One published version of the privacy notice, in Kazakh, Russian and English. Never edited:
    publishing a change makes the next version, so what a person consented to can be shown later
    word for word."""

    LANGUAGES = ("kk", "ru", "en")

    version = models.PositiveIntegerField(_("version"), unique=True, editable=False)
    text_kk = RichTextField(_("text (Kazakh)"), blank=True)
    text_ru = RichTextField(_("text (Russian)"), blank=True)
    text_en = RichTextField(_("text (English)"), blank=True)
    published_at = models.DateTimeField(_("published at"), default=timezone.now, editable=False)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    panels = [FieldPanel("text_kk"), FieldPanel("text_ru"), FieldPanel("text_en")]

    class Meta:
        verbose_name = _("privacy notice")
        verbose_name_plural = _("privacy notices")
        ordering = ["-version"]

    def __str__(self) -> str:
        return str(_("Privacy notice, version %(version)s") % {"version": self.version})

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise ValueError("A published privacy notice is never edited; publish a new version.")
        if self.version is None:
            last = PrivacyNotice.objects.order_by("-version").values_list("version", flat=True)
            self.version = (last.first() or 0) + 1
        super().save(*args, **kwargs)

    @property
    def is_blank(self) -> bool:
        return not any(self.text(language).strip() for language in self.LANGUAGES)

    def text(self, language: str) -> str:
        return getattr(self, f"text_{language}", "") or ""

    def text_for(self, language: str) -> tuple[str, str]:
        """(text, language it is in): the reader's language, else Kazakh, Russian, English."""
        for candidate in (language, *self.LANGUAGES):
            if self.text(candidate).strip():
                return self.text(candidate), candidate
        return "", language


class PersonalDataConsent(models.Model):
    """A person's consent to the processing of their personal data, to one version of the notice."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="personal_data_consents",
    )
    notice_version = models.CharField(_("privacy notice version"), max_length=20)
    # The exact text consented to (null only for consents given before notices were versioned).
    notice = models.ForeignKey(
        PrivacyNotice,
        verbose_name=_("privacy notice"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consents",
    )
    accepted_at = models.DateTimeField(_("accepted at"), default=timezone.now)

    class Meta:
        verbose_name = _("personal data consent")
        verbose_name_plural = _("personal data consents")
        ordering = ["-accepted_at"]

    def __str__(self) -> str:
        return f"{self.user} — v{self.notice_version} — {self.accepted_at:%Y-%m-%d %H:%M}"


class AccountDeletionRequest(models.Model):
    """A person with academic records asked to delete the account. A registrar reviews what will be
    kept and what removed, then approves: the login and contact data go, and the records stay
    under a pseudonym for the retention period (settings.ACADEMIC_RECORDS_RETENTION_YEARS)."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for review")
        APPROVED = "approved", _("Approved: account pseudonymised")

    # The account row itself stays (pseudonymised), so the request stays with it as evidence.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="deletion_requests",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    requested_at = models.DateTimeField(_("requested at"), default=timezone.now)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("account deletion request")
        verbose_name_plural = _("account deletion requests")
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(status="pending"),
                name="one_pending_deletion_request_per_user",
            )
        ]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_status_display()}"


class RetentionRun(models.Model):
    """One run of the file retention schedule: how many files about children it deleted, of each
    kind. Kept so staff can see that the schedule runs and what it removed (names stay out)."""

    ran_at = models.DateTimeField(_("ran at"), default=timezone.now, db_index=True)
    removed = models.JSONField(_("files deleted, by kind"), default=dict)
    total = models.PositiveIntegerField(_("files deleted"), default=0)

    class Meta:
        verbose_name = _("file retention run")
        verbose_name_plural = _("file retention runs")
        ordering = ["-ran_at"]

    def __str__(self) -> str:
        return f"{timezone.localtime(self.ran_at):%Y-%m-%d %H:%M} — {self.total}"
