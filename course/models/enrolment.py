"""A trainee's place in a cohort: the course agreement, the enrolment and its history."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

# Migrations name the storage by the package's attribute: course.models._private_storage.
from cms.private_files import private_storage as _private_storage

from .cohort import Cohort


class CourseAgreement(models.Model):
    """The course agreement a trainee accepts on joining. The newest version is the one shown;
    each enrolment keeps the version it accepted."""

    version = models.CharField(_("version"), max_length=20, unique=True)
    text_kk = RichTextField(_("text (Kazakh)"))
    text_ru = RichTextField(_("text (Russian)"))
    text_en = RichTextField(_("text (English)"), blank=True)
    published_at = models.DateTimeField(_("published at"), auto_now_add=True)

    panels = [
        FieldPanel("version"),
        FieldPanel("text_kk"),
        FieldPanel("text_ru"),
        FieldPanel("text_en"),
    ]

    class Meta:
        verbose_name = _("course agreement")
        verbose_name_plural = _("course agreements")
        ordering = ["-published_at", "-pk"]

    def __str__(self) -> str:
        return str(_("Course agreement, version %(version)s") % {"version": self.version})

    def text_for(self, language: str) -> str:
        return (
            {"kk": self.text_kk, "ru": self.text_ru}.get(language) or self.text_en or self.text_ru
        )

    def clean(self):
        # What a trainee accepted is fixed: a version someone accepted is never rewritten (the
        # enrolment names the version); a change is published as a new version.
        super().clean()
        if self.pk is None:
            return
        before = CourseAgreement.objects.filter(pk=self.pk).first()
        if (
            before is None
            or not Enrolment.objects.filter(agreement_version=before.version).exists()
        ):
            return
        fields = ("version", "text_kk", "text_ru", "text_en")
        if any(getattr(before, name) != getattr(self, name) for name in fields):
            raise ValidationError(
                _(
                    "Trainees have accepted version %(version)s, so it cannot be changed. Copy it "
                    "and save the copy with a new version number instead."
                )
                % {"version": before.version}
            )


class Enrolment(models.Model):
    """One trainee in one cohort."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Studying")
        COMPLETED = "completed", _("Completed (passed)")
        NOT_PASSED = "not_passed", _("Not passed")
        TRANSFERRED = "transferred", _("Transferred")
        EXPELLED = "expelled", _("Expelled")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    cohort = models.ForeignKey(
        Cohort, verbose_name=_("cohort"), on_delete=models.PROTECT, related_name="enrolments"
    )
    trainee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainee"),
        on_delete=models.CASCADE,
        related_name="enrolments",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.ACTIVE
    )
    enrolled_at = models.DateTimeField(_("enrolled at"), auto_now_add=True)
    agreement_accepted_at = models.DateTimeField(_("agreement accepted at"), null=True, blank=True)
    agreement_version = models.CharField(_("agreement version"), max_length=20, blank=True)
    transferred_to = models.ForeignKey(
        "self",
        verbose_name=_("transferred to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="transferred_from",
    )

    class Meta:
        verbose_name = _("enrolment")
        verbose_name_plural = _("enrolments")
        ordering = ["cohort", "trainee"]
        constraints = [
            models.UniqueConstraint(fields=["cohort", "trainee"], name="one_enrolment_per_cohort"),
            # One person studies the course once at a time: a second active enrolment would lead
            # to a second certificate for the same course. (The LMS runs one programme; its
            # versions are the same course, so the rule is per person.)
            models.UniqueConstraint(
                fields=["trainee"],
                condition=models.Q(status="active"),
                name="one_active_enrolment_per_person",
                violation_error_message=_("This person is already studying in another cohort."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trainee} @ {self.cohort.code}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE


class EnrolmentEvent(models.Model):
    """One change of an enrolment's status: the history the registrar and auditors read."""

    enrolment = models.ForeignKey(
        Enrolment, verbose_name=_("enrolment"), on_delete=models.CASCADE, related_name="events"
    )
    from_status = models.CharField(
        _("from"), max_length=20, choices=Enrolment.Status.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=20, choices=Enrolment.Status.choices)
    at = models.DateTimeField(_("when"), default=timezone.now)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(_("reason"), blank=True)
    # Expulsion: the order and the commission's decision.
    order_number = models.CharField(_("order number"), max_length=60, blank=True)
    decision_date = models.DateField(_("commission decision date"), null=True, blank=True)
    # Expulsion: whether and when the employer's contact was e-mailed (null: not sent — the
    # profile had no employer address, so the registrar prints the letter instead).
    notice_sent_at = models.DateTimeField(_("employer notified at"), null=True, blank=True)
    notice_sent_to = models.EmailField(_("employer notified at address"), blank=True)
    # Transfer: the supporting document may name a child or a diagnosis, so it is private.
    document = models.FileField(
        _("supporting document"),
        storage=_private_storage,
        upload_to="transfers/%Y/",
        blank=True,
    )
    to_cohort = models.ForeignKey(
        Cohort,
        verbose_name=_("to cohort"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("enrolment event")
        verbose_name_plural = _("enrolment events")
        ordering = ["at", "pk"]
        # The status history's admin list sorts by date, newest first, over every year kept.
        indexes = [models.Index(fields=["at", "id"], name="enrolment_event_at")]

    def __str__(self) -> str:
        return f"{self.enrolment_id}: {self.from_status or '—'} → {self.to_status}"
