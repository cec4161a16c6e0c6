"""Post-course mentoring (programme section 9): each certificate brings a few consultation tickets
that a graduate can use during the support period; mentors answer them; the institute learns from
them and, with the graduate's consent, publishes anonymised cases for current trainees."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Migrations name the storage by this module's attribute: mentoring.models.private_storage.
from cms.private_files import private_storage


class MentoringPolicy(models.Model):
    """What a certificate of one programme brings. Without a row the defaults apply."""

    programme = models.OneToOneField(
        "course.ProgrammePage",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="mentoring_policy",
    )
    tickets_per_certificate = models.PositiveSmallIntegerField(
        _("tickets per certificate"), default=3
    )
    support_months = models.PositiveSmallIntegerField(
        _("support period, months"), default=12, validators=[MinValueValidator(1)]
    )
    weak_share_percent = models.PositiveSmallIntegerField(
        _("weak criterion threshold (percent of the maximum)"),
        default=70,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text=_("Criteria scored below this share become suggested consultation topics."),
    )
    first_reply_working_days = models.PositiveSmallIntegerField(
        _("first reply within, working days"), default=3, validators=[MinValueValidator(1)]
    )
    reopen_days = models.PositiveSmallIntegerField(
        _("a closed ticket can be reopened within, days"), default=14
    )

    class Meta:
        verbose_name = _("mentoring policy")
        verbose_name_plural = _("mentoring policies")

    def __str__(self) -> str:
        return str(self.programme)


class Topic(models.TextChoices):
    """The aims of post-course support listed in section 9 of the programme."""

    PRACTICE = "practice", _("Applying the course in school practice")
    BEHAVIOUR = "behaviour", _("Behaviour support")
    EMOTIONS = "emotions", _("Emotional regulation")
    ADAPTATION = "adaptation", _("Adapting tasks")
    ENVIRONMENT = "environment", _("Organising the environment")
    TOOLS = "tools", _("Visual and communication tools")
    PLAN = "plan", _("Improving an individual support plan")
    MATERIALS = "materials", _("Methodical materials and presentations")
    EXCHANGE = "exchange", _("Exchange of experience")
    MONITORING = "monitoring", _("Monitoring skills and a learner's progress")


class Format(models.TextChoices):
    WRITTEN = "written", _("Written answer")
    VIDEO = "video", _("Video consultation")
    VISIT = "visit", _("Visit")


class Ticket(models.Model):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        WAITING_FOR_MENTOR = "waiting_mentor", _("Waiting for the mentor")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    certificate = models.ForeignKey(
        "certificates.Certificate",
        verbose_name=_("certificate"),
        on_delete=models.PROTECT,
        related_name="mentoring_tickets",
    )
    graduate = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("graduate"),
        on_delete=models.CASCADE,
        related_name="mentoring_tickets",
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    course_topic = models.ForeignKey(
        "course.TopicPage",
        verbose_name=_("course topic it relates to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    subject = models.CharField(_("subject"), max_length=200)
    description = models.TextField(_("description"))
    preferred_format = models.CharField(
        _("preferred format"), max_length=10, choices=Format.choices, default=Format.WRITTEN
    )
    suggested_criterion = models.CharField(
        _("suggested from the weak criterion"), max_length=20, blank=True
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW, db_index=True
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("mentor"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="mentored_tickets",
    )
    created_at = models.DateTimeField(_("opened at"), db_index=True)
    first_reply_due = models.DateTimeField(_("first reply due"))
    first_response_at = models.DateTimeField(_("first reply at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    summary = models.TextField(_("closing summary"), blank=True)
    times_reopened = models.PositiveSmallIntegerField(_("times reopened"), default=0)
    rating = models.PositiveSmallIntegerField(
        _("rating"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    rating_comment = models.TextField(_("rating comment"), blank=True)
    publish_consent_at = models.DateTimeField(
        _("graduate consented to anonymised publication at"), null=True, blank=True
    )
    mentor_reminded_at = models.DateTimeField(null=True, blank=True)
    registrar_alerted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("mentoring ticket")
        verbose_name_plural = _("mentoring tickets")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__isnull=True) | models.Q(rating__range=(1, 5)),
                name="ticket_rating_1_to_5",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.subject}"

    @property
    def is_closed(self) -> bool:
        return self.status == self.Status.CLOSED

    def is_overdue(self, now: datetime.datetime) -> bool:
        return self.first_response_at is None and not self.is_closed and now > self.first_reply_due


class Message(models.Model):
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    by_mentor = models.BooleanField(default=False)
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("written at"))

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("message")

    def __str__(self) -> str:
        return f"{self.ticket_id}: {self.body[:40]}"


class Attachment(models.Model):
    """A private file: only the graduate, mentors and staff can download it."""

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="attachments")
    message = models.ForeignKey(
        Message, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(storage=private_storage, upload_to="mentoring/%Y/%m/", max_length=200)
    original_name = models.CharField(max_length=200)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField()
    # Set when the retention schedule deleted the file (cms.retention); the row stays as a record.
    file_deleted_at = models.DateTimeField(_("file deleted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("attachment")

    def __str__(self) -> str:
        return self.original_name


class Consultation(models.Model):
    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="consultations")
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration, minutes"), default=45, validators=[MinValueValidator(10)]
    )
    location = models.CharField(_("link or place"), max_length=300)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["starts_at"]
        verbose_name = _("consultation")

    def __str__(self) -> str:
        return f"{self.ticket_id} @ {self.starts_at:%Y-%m-%d %H:%M}"


class Case(models.Model):
    """An anonymised case for the library, written from a closed ticket whose graduate consented."""

    ticket = models.OneToOneField(
        Ticket, null=True, blank=True, on_delete=models.SET_NULL, related_name="case"
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices, db_index=True)
    course_topic = models.ForeignKey(
        "course.TopicPage",
        verbose_name=_("course topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=200)
    situation = models.TextField(_("situation (anonymised)"))
    advice = models.TextField(_("what helped"))
    published_at = models.DateTimeField(_("published at"))
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-published_at"]
        verbose_name = _("case")
        verbose_name_plural = _("case library")

    def __str__(self) -> str:
        return self.title
