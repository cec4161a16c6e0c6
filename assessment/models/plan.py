"""The individual support plan (the final work): the plan, its reviews, goals, attachments and the
defence slot."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .common import private_storage


class SupportTool(models.TextChoices):
    VISUAL_SCHEDULE = "visual_schedule", _("Visual schedule")
    CHOICE_CARDS = "choice_cards", _("Choice cards")
    REINFORCEMENT = "reinforcement", _("Positive reinforcement / PBIS")
    PROMPTING = "prompting", _("Prompting and fading")
    TASK_ANALYSIS = "task_analysis", _("Task analysis")
    TIMERS = "timers", _("Timers and checklists")
    SOCIAL_STORIES = "social_stories", _("Social stories")
    AAC = "aac", _("AAC / PECS elements")
    SENSORY_BREAKS = "sensory_breaks", _("Sensory breaks")
    ENVIRONMENT = "environment", _("Structuring the environment")
    TASK_ADAPTATION = "task_adaptation", _("Task adaptation")


# The parts of the plan the trainee writes, in the form's order: the plan form and `plan_save` both
# take exactly these.
PLAN_FIELDS = (
    "learner_code",
    "learner_age",
    "learner_class",
    "sen_group",
    "recommendations",
    "strengths",
    "barriers",
    "tools",
    "tools_rationale",
    "role_teacher",
    "role_specialists",
    "role_parents",
    "monitoring_indicators",
    "monitoring_method",
    "monitoring_frequency",
    "monitoring_recorder",
    "review_date",
)


class SupportPlan(models.Model):
    """The trainee's final work: an individual support plan for one anonymised learner."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for revision")

    class SenGroup(models.TextChoices):
        # The three groups of children needing support in order No 92 (29.04.2025).
        BEHAVIOURAL = "behavioural", _("1 — behavioural and emotional difficulties")
        BARRIERS = "barriers", _("2 — social, economic, language or cultural barriers")
        LIMITED_ABILITIES = "limited_abilities", _("3 — limited abilities")

    enrolment = models.OneToOneField(
        "course.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="support_plan",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    learner_code = models.CharField(
        _("learner's code"),
        max_length=12,
        blank=True,
        help_text=_("A code such as “L-1”: never the child's name."),
    )
    learner_age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    learner_class = models.CharField(_("class"), max_length=20, blank=True)
    sen_group = models.CharField(
        _("group of support needs"), max_length=20, choices=SenGroup.choices, blank=True
    )
    recommendations = models.TextField(
        _("PMPK / support-service recommendations in brief"), blank=True
    )
    strengths = models.TextField(_("strengths"), blank=True)
    barriers = models.TextField(_("barriers"), blank=True)
    tools = models.JSONField(_("support tools chosen"), default=list, blank=True)
    tools_rationale = models.TextField(_("why these tools"), blank=True)
    role_teacher = models.TextField(_("the teacher"), blank=True)
    role_specialists = models.TextField(_("support-service specialists"), blank=True)
    role_parents = models.TextField(_("parents"), blank=True)
    monitoring_indicators = models.TextField(_("indicators"), blank=True)
    monitoring_method = models.CharField(_("method"), max_length=300, blank=True)
    monitoring_frequency = models.CharField(_("frequency"), max_length=200, blank=True)
    monitoring_recorder = models.CharField(_("who records"), max_length=200, blank=True)
    review_date = models.DateField(_("review date"), null=True, blank=True)
    anonymised_confirmed = models.BooleanField(_("child anonymised (confirmed)"), default=False)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Grows with every submission and return, so a trainer returning the plan from a stale page
    # (the trainee resubmitted, or another trainer returned it meanwhile) is refused.
    lock_version = models.PositiveIntegerField(_("lock version"), default=0, editable=False)

    class Meta:
        verbose_name = _("individual support plan")
        verbose_name_plural = _("individual support plans")

    def __str__(self) -> str:
        return f"{self.enrolment} — {self.learner_code or '…'}"

    @property
    def is_submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    @property
    def is_returned(self) -> bool:
        return self.status == self.Status.RETURNED

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    def tool_labels(self) -> list[str]:
        return [str(SupportTool(code).label) for code in self.tools if code in SupportTool.values]


class PlanReview(models.Model):
    """The history of a plan: every submission, return for revision (with the trainer's
    feedback) and resubmission — who and when. Never edited."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        RETURNED = "returned", _("Returned for revision")
        RESUBMITTED = "resubmitted", _("Resubmitted")

    plan = models.ForeignKey(
        SupportPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="reviews"
    )
    kind = models.CharField(_("event"), max_length=12, choices=Kind.choices)
    feedback = models.TextField(_("feedback"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("support plan review")
        verbose_name_plural = _("support plan reviews")
        ordering = ["plan", "at", "pk"]

    def __str__(self) -> str:
        return f"{self.plan_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"


class ABCRecord(models.Model):
    plan = models.ForeignKey(
        SupportPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="abc_records"
    )
    antecedent = models.TextField(_("antecedent (what happened before)"))
    behaviour = models.TextField(_("behaviour"))
    consequence = models.TextField(_("consequence (what followed)"))

    class Meta:
        verbose_name = _("ABC record")
        verbose_name_plural = _("ABC records")
        ordering = ["plan", "pk"]

    def __str__(self) -> str:
        return self.behaviour[:60]


class PlanGoal(models.Model):
    class Term(models.TextChoices):
        SHORT = "short", _("Short-term")
        LONG = "long", _("Long-term")

    plan = models.ForeignKey(
        SupportPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="goals"
    )
    term = models.CharField(_("term"), max_length=5, choices=Term.choices)
    goal = models.TextField(_("goal"))
    measure = models.CharField(_("how it is measured"), max_length=300)
    target_date = models.DateField(_("target date"))

    class Meta:
        verbose_name = _("goal")
        verbose_name_plural = _("goals")
        ordering = ["plan", "target_date", "pk"]

    def __str__(self) -> str:
        return self.goal[:60]


def _plan_upload_to(instance, filename: str) -> str:
    import uuid

    return f"plans/{instance.plan_id}/{uuid.uuid4().hex[:12]}-{filename}"


class PlanAttachment(models.Model):
    plan = models.ForeignKey(
        SupportPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=_plan_upload_to, max_length=300
    )
    name = models.CharField(_("file name"), max_length=120)
    size = models.PositiveIntegerField(_("size"))
    # Set when the retention schedule deleted the file (cms.retention); the row stays as a record.
    file_deleted_at = models.DateTimeField(_("file deleted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("plan attachment")
        verbose_name_plural = _("plan attachments")
        ordering = ["plan", "pk"]

    def __str__(self) -> str:
        return self.name


class DefenceSlot(models.Model):
    plan = models.OneToOneField(
        SupportPlan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="defence"
    )
    starts_at = models.DateTimeField(_("starts at"))
    duration_minutes = models.PositiveSmallIntegerField(_("duration, minutes"), default=20)
    place = models.CharField(_("room or link"), max_length=300)
    scheduled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("scheduled by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    emailed_at = models.DateTimeField(_("emailed at"), null=True, blank=True)
    # The defence as held (not only booked): the completion rule asks for both.
    held_on = models.DateField(_("held on"), null=True, blank=True)
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assessed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("defence slot")
        verbose_name_plural = _("defence slots")

    def __str__(self) -> str:
        return f"{self.plan} @ {self.starts_at:%Y-%m-%d %H:%M}"
