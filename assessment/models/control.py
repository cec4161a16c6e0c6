"""Intermediate control per module: the control of a module (a quiz drawn from the module's
question bank, optionally a short case task), the trainer's settings per cohort, the trainees'
attempts and their case answers."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from .common import _in_language
from .quiz import QuizAttempt


class ModuleControl(models.Model):
    """The control of one module: `question_count` questions drawn from the module's bank
    (`Question.module`), and, when a case task is written, a short case graded pass / rework."""

    module = models.OneToOneField(
        "course.ModulePage",
        verbose_name=_("module"),
        on_delete=models.CASCADE,
        related_name="control",
        limit_choices_to={"locale__language_code": "kk"},
    )
    question_count = models.PositiveSmallIntegerField(_("questions drawn"), default=10)
    case_task_kk = models.TextField(_("case task (Kazakh)"), blank=True)
    case_task_ru = models.TextField(_("case task (Russian)"), blank=True)
    case_task_en = models.TextField(_("case task (English)"), blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    panels = [
        FieldPanel("module"),
        FieldPanel("question_count"),
        MultiFieldPanel(
            [FieldPanel("case_task_kk"), FieldPanel("case_task_ru"), FieldPanel("case_task_en")],
            heading=_("Case task (optional)"),
        ),
        FieldPanel("is_demo"),
    ]

    class Meta:
        verbose_name = _("module control")
        verbose_name_plural = _("module controls")
        ordering = ["module__path"]

    def __str__(self) -> str:
        return str(self.module)

    @property
    def case_task(self) -> str:
        return _in_language(self, "case_task")


class ControlSettings(models.Model):
    """What a cohort's trainer sets for a module's control: the time limit and the attempts."""

    control = models.ForeignKey(
        ModuleControl, on_delete=models.CASCADE, related_name="cohort_settings"
    )
    cohort = models.ForeignKey(
        "course.Cohort", on_delete=models.CASCADE, related_name="control_settings"
    )
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit, minutes"), null=True, blank=True, help_text=_("Empty: not timed.")
    )
    attempts_allowed = models.PositiveSmallIntegerField(_("attempts allowed"), default=2)

    class Meta:
        verbose_name = _("control settings")
        verbose_name_plural = _("control settings")
        constraints = [
            models.UniqueConstraint(fields=["control", "cohort"], name="one_setting_per_cohort")
        ]

    def __str__(self) -> str:
        return f"{self.control} · {self.cohort_id}"


class ControlAttempt(QuizAttempt):
    """One attempt at a module's control (the fields every quiz attempt keeps are in
    `QuizAttempt`)."""

    control = models.ForeignKey(
        ModuleControl, verbose_name=_("control"), on_delete=models.CASCADE, related_name="attempts"
    )
    enrolment = models.ForeignKey(
        "course.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="control_attempts",
    )

    class Meta:
        verbose_name = _("control attempt")
        verbose_name_plural = _("control attempts")
        ordering = ["control", "enrolment", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["control", "enrolment", "number"], name="one_attempt_number_per_control"
            )
        ]

    def __str__(self) -> str:
        return f"{self.control} #{self.number}"

    @property
    def percent(self) -> int | None:
        return self.scaled_score(100)

    @property
    def passed(self) -> bool:
        percent = self.percent
        return percent is not None and percent >= settings.MODULE_CONTROL_PASS_PERCENT


class CaseAnswer(models.Model):
    """A trainee's answer to a control's case task, graded pass or rework by a trainer."""

    class Status(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        PASSED = "passed", _("Passed")
        REWORK = "rework", _("Rework")

    control = models.ForeignKey(
        ModuleControl, on_delete=models.CASCADE, related_name="case_answers"
    )
    enrolment = models.ForeignKey(
        "course.Enrolment", on_delete=models.CASCADE, related_name="case_answers"
    )
    text = models.TextField(_("answer"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.SUBMITTED
    )
    feedback = models.TextField(_("feedback"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("case answer")
        verbose_name_plural = _("case answers")
        constraints = [
            models.UniqueConstraint(fields=["control", "enrolment"], name="one_case_answer")
        ]

    def __str__(self) -> str:
        return f"{self.control} · {self.enrolment_id}"
