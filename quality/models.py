"""The quality loop: competence self-assessment, questionnaires, trainers' qualifications."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from cms.models import QualificationCategory

# Migrations name the storage by this module's attribute: quality.models._private_storage.
from cms.private_files import private_storage as _private_storage


class SelfAssessment(models.Model):
    """One trainee's ratings of the 16 outcomes (1–4) at one stage: before module 1 or before the
    final assessment. Perception, kept apart from the trainers' rubric scores (evidence)."""

    class Stage(models.TextChoices):
        BEFORE = "before", _("Before the course")
        AFTER = "after", _("Before the final assessment")

    enrolment = models.ForeignKey(
        "course.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="self_assessments",
    )
    stage = models.CharField(_("stage"), max_length=6, choices=Stage.choices)
    # {outcome code ("knows-1" … "skills-4"): level 1–4}; codes from quality.outcomes.
    ratings = models.JSONField(_("ratings"), default=dict)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("competence self-assessment")
        verbose_name_plural = _("competence self-assessments")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "stage"], name="one_self_assessment_per_stage"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}: {self.stage}"


class Questionnaire(ClusterableModel):
    """One version of a questionnaire. The newest version of a kind is the one asked; a version
    somebody answered is never rewritten (its answers name it): a change is a new version."""

    class Kind(models.TextChoices):
        NEEDS = "needs", _("Needs questionnaire (at enrolment)")
        SURVEY = "survey", _("End-of-course survey (anonymous)")
        FOLLOW_UP = "follow_up", _("Follow-up (3 and 6 months after the certificate)")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    version = models.PositiveSmallIntegerField(_("version"))
    title_kk = models.CharField(_("title (Kazakh)"), max_length=200)
    title_ru = models.CharField(_("title (Russian)"), max_length=200)
    intro_kk = models.TextField(_("introduction (Kazakh)"), blank=True)
    intro_ru = models.TextField(_("introduction (Russian)"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [
        FieldPanel("kind"),
        FieldPanel("version"),
        FieldPanel("title_kk"),
        FieldPanel("title_ru"),
        FieldPanel("intro_kk"),
        FieldPanel("intro_ru"),
        InlinePanel("questions", label=_("Questions")),
    ]

    class Meta:
        verbose_name = _("questionnaire")
        verbose_name_plural = _("questionnaires")
        ordering = ["kind", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["kind", "version"], name="one_questionnaire_version")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} v{self.version}"

    def title(self, language: str) -> str:
        return self.title_ru if language == "ru" else self.title_kk

    def intro(self, language: str) -> str:
        return self.intro_ru if language == "ru" else self.intro_kk

    def has_answers(self) -> bool:
        return self.responses.exists() or self.survey_responses.exists()

    def clean(self):
        super().clean()
        if self.pk is None:
            return
        before = Questionnaire.objects.filter(pk=self.pk).first()
        if before is not None and before.has_answers():
            raise ValidationError(
                _(
                    "People have answered version %(version)s, so it cannot be changed. Save a "
                    "copy with a new version number instead."
                )
                % {"version": before.version}
            )


class Question(Orderable):
    class Kind(models.TextChoices):
        RATING = "rating", _("Rating 1–5")
        # One rating per trainer of the respondent's cohort, stored as {trainer id: rating}.
        TRAINERS = "trainers", _("Rating 1–5 of each trainer of the cohort")
        SINGLE = "single", _("One choice")
        MULTIPLE = "multiple", _("Several choices")
        NUMBER = "number", _("Number")
        TEXT = "text", _("Free text")

    questionnaire = ParentalKey(Questionnaire, on_delete=models.CASCADE, related_name="questions")
    code = models.SlugField(
        _("code"),
        max_length=40,
        help_text=_("Names the question in reports; keep it when a new version rewords it."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text_kk = models.CharField(_("question (Kazakh)"), max_length=500)
    text_ru = models.CharField(_("question (Russian)"), max_length=500)
    choices_kk = models.TextField(_("choices (Kazakh), one per line"), blank=True)
    choices_ru = models.TextField(_("choices (Russian), one per line"), blank=True)
    required = models.BooleanField(_("required"), default=True)

    panels = [
        FieldPanel("code"),
        FieldPanel("kind"),
        FieldPanel("text_kk"),
        FieldPanel("text_ru"),
        FieldPanel("choices_kk"),
        FieldPanel("choices_ru"),
        FieldPanel("required"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.code

    def text(self, language: str) -> str:
        return self.text_ru if language == "ru" else self.text_kk

    def choices(self, language: str) -> list[str]:
        raw = self.choices_ru if language == "ru" else self.choices_kk
        return [line.strip() for line in raw.splitlines() if line.strip()]

    def clean(self):
        super().clean()
        if self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE):
            kk = [c for c in self.choices_kk.splitlines() if c.strip()]
            ru = [c for c in self.choices_ru.splitlines() if c.strip()]
            if not kk or len(kk) != len(ru):
                raise ValidationError(
                    {
                        "choices_ru": _(
                            "Give the same number of choices in Kazakh and Russian, one per line."
                        )
                    }
                )


class Response(models.Model):
    """A named answer: the needs questionnaire or a follow-up (`months` 3 or 6)."""

    questionnaire = models.ForeignKey(
        Questionnaire,
        verbose_name=_("questionnaire version"),
        on_delete=models.PROTECT,
        related_name="responses",
    )
    enrolment = models.ForeignKey(
        "course.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="questionnaire_responses",
    )
    months = models.PositiveSmallIntegerField(_("months after the certificate"), default=0)
    # {question code: value}: a choice is stored as its index, so Kazakh and Russian answers count
    # together.
    answers = models.JSONField(_("answers"), default=dict)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)

    class Meta:
        verbose_name = _("questionnaire response")
        verbose_name_plural = _("questionnaire responses")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "questionnaire", "months"], name="one_response_per_occasion"
            )
        ]

    def __str__(self) -> str:
        return f"{self.questionnaire} · {self.enrolment_id}"


class SurveyResponse(models.Model):
    """An end-of-course survey answer that nobody can trace to a person: no link to a user or an
    enrolment, no time, and a random key (a growing number would line up with the order of the
    `SurveyAnswered` markers and so name the person)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    questionnaire = models.ForeignKey(
        Questionnaire,
        verbose_name=_("questionnaire version"),
        on_delete=models.PROTECT,
        related_name="survey_responses",
    )
    cohort = models.ForeignKey(
        "course.Cohort",
        verbose_name=_("cohort"),
        on_delete=models.PROTECT,
        related_name="survey_responses",
    )
    answers = models.JSONField(_("answers"), default=dict)

    class Meta:
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")

    def __str__(self) -> str:
        return str(self.pk)


class SurveyAnswered(models.Model):
    """Only that a person has answered the survey (so they answer once), never what."""

    enrolment = models.OneToOneField(
        "course.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="survey_answered",
    )

    class Meta:
        verbose_name = _("survey answered")
        verbose_name_plural = _("surveys answered")

    def __str__(self) -> str:
        return str(self.enrolment_id)


class FollowUpInvitation(models.Model):
    """That the 3- or 6-month follow-up invitation went to a certificate holder (sent once)."""

    enrolment = models.ForeignKey(
        "course.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="follow_up_invitations",
    )
    months = models.PositiveSmallIntegerField(_("months after the certificate"))
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow-up invitation")
        verbose_name_plural = _("follow-up invitations")
        constraints = [
            models.UniqueConstraint(
                fields=["enrolment", "months"], name="one_follow_up_invitation_per_month"
            )
        ]

    def __str__(self) -> str:
        return f"{self.enrolment_id}: {self.months}"


class TrainerQualification(models.Model):
    """What order 338 asks of a qualification-upgrade lecturer, per trainer."""

    trainer = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("trainer"),
        on_delete=models.CASCADE,
        related_name="trainer_qualification",
    )
    education = models.TextField(
        _("education"), help_text=_("Higher education: institution, year, speciality.")
    )
    pedagogical_experience_years = models.PositiveSmallIntegerField(
        _("pedagogical experience, years")
    )
    category = models.CharField(
        _("qualification category"),
        max_length=20,
        choices=QualificationCategory.choices,
        blank=True,
    )
    academic_degree = models.CharField(_("academic degree"), max_length=200, blank=True)
    # Private storage: a CV holds personal data and is served only to registrars, by a view.
    cv = models.FileField(_("CV"), storage=_private_storage, upload_to="trainer-cv/", blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    panels = [
        FieldPanel("trainer"),
        FieldPanel("education"),
        FieldPanel("pedagogical_experience_years"),
        FieldPanel("category"),
        FieldPanel("academic_degree"),
        FieldPanel("cv"),
    ]

    class Meta:
        verbose_name = _("trainer's qualification")
        verbose_name_plural = _("trainers' qualifications")

    def __str__(self) -> str:
        return str(self.trainer)
