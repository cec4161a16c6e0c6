"""The final assessment: a versioned rubric, each trainee's result per attempt, criterion scores
and the audit log of every change to them."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from ..rubric import (
    BANDS_BY_CODE,
    DEFAULT_BANDS,
    MAX_TOTAL,
    Band,
    band_for_thresholds,
    bands_example,
)
from .common import _in_language


class CriterionCode(models.TextChoices):
    THEORY = "theory", _("Mastery of theory")
    PRACTICE = "practice", _("Applying knowledge to practical situations")
    PLAN = "plan", _("Individual support plan")
    DEFENCE = "defence", _("Presentation and defence")
    PARTICIPATION = "participation", _("Participation")


def _bands_help() -> str:
    return _("Lowest total of each band, e.g. %(example)s") % {"example": bands_example()}


class Rubric(models.Model):
    """One version of the rubric. Versions are never edited once a result uses them: a change is a
    new version, so a finalised result keeps the rubric it was scored on."""

    version = models.PositiveSmallIntegerField(_("version"), unique=True)
    bands = models.JSONField(
        _("band thresholds"),
        default=dict,
        help_text=lazy(_bands_help, str)(),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")
        ordering = ["-version"]

    def __str__(self) -> str:
        return _("Rubric, version %(version)s") % {"version": self.version}

    @property
    def max_total(self) -> int:
        return sum(c.max_score for c in self.criteria.all())

    def band_for(self, total: int) -> Band:
        return band_for_thresholds(total, self.bands or DEFAULT_BANDS)

    def clean(self):
        super().clean()
        if self.pk and self.max_total != MAX_TOTAL:
            raise ValidationError(
                _("The criteria must add up to %(max)s points; they add up to %(sum)s.")
                % {"max": MAX_TOTAL, "sum": self.max_total}
            )


class RubricCriterion(models.Model):
    rubric = models.ForeignKey(
        Rubric, verbose_name=_("rubric"), on_delete=models.CASCADE, related_name="criteria"
    )
    code = models.CharField(_("code"), max_length=20, choices=CriterionCode.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    max_score = models.PositiveSmallIntegerField(_("maximum score"))
    title_kk = models.CharField(_("title (Kazakh)"), max_length=200)
    title_ru = models.CharField(_("title (Russian)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200)
    descriptor_kk = models.TextField(_("descriptor (Kazakh)"), blank=True)
    descriptor_ru = models.TextField(_("descriptor (Russian)"), blank=True)
    descriptor_en = models.TextField(_("descriptor (English)"), blank=True)

    class Meta:
        verbose_name = _("rubric criterion")
        verbose_name_plural = _("rubric criteria")
        ordering = ["rubric", "position"]
        constraints = [
            models.UniqueConstraint(fields=["rubric", "code"], name="one_criterion_code_per_rubric")
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.max_score})"

    @property
    def title(self) -> str:
        return _in_language(self, "title")

    @property
    def descriptor(self) -> str:
        return _in_language(self, "descriptor")


class FinalResult(models.Model):
    """One attempt at the final assessment of one enrolment. Total and band are computed from the
    criterion scores by the services (never typed) and stored so lists can sort and filter."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        FINALISED = "finalised", _("Finalised")

    enrolment = models.ForeignKey(
        "course.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.PROTECT,
        related_name="final_results",
    )
    attempt = models.PositiveSmallIntegerField(
        _("attempt"), choices=[(1, _("First attempt")), (2, _("Retake"))], default=1
    )
    rubric = models.ForeignKey(
        Rubric, verbose_name=_("rubric"), on_delete=models.PROTECT, related_name="results"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    total = models.PositiveSmallIntegerField(_("total"), null=True, editable=False)
    band = models.CharField(_("band"), max_length=20, blank=True, editable=False)
    second_marker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("second marker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    third_marker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("third marker"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    agreed_rationale = models.TextField(_("rationale for the agreed score"), blank=True)
    finalised_at = models.DateTimeField(_("finalised at"), null=True, blank=True)
    finalised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("finalised by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    released_at = models.DateTimeField(_("released to the trainee at"), null=True, blank=True)
    # "Not passed: … or be assessed with a later cohort": the retake attempt may be scored by a
    # later cohort of the same programme. Its trainers mark it; the enrolment stays where it was.
    assessing_cohort = models.ForeignKey(
        "course.Cohort",
        verbose_name=_("assessed with cohort"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="guest_results",
    )
    assessing_cohort_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("later cohort chosen by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    assessing_cohort_set_at = models.DateTimeField(
        _("later cohort chosen at"), null=True, blank=True
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    # Grows with every save of scores, so a trainer saving the score form from a stale page is
    # refused instead of silently overwriting another trainer (as `Submission.lock_version`).
    lock_version = models.PositiveIntegerField(_("lock version"), default=0, editable=False)

    class Meta:
        verbose_name = _("final result")
        verbose_name_plural = _("final results")
        ordering = ["enrolment", "attempt"]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "attempt"], name="one_result_per_attempt"),
            models.CheckConstraint(
                condition=models.Q(attempt__in=[1, 2]), name="final_result_attempt_1_or_2"
            ),
            models.CheckConstraint(
                condition=models.Q(assessing_cohort__isnull=True) | models.Q(attempt=2),
                name="only_a_retake_is_assessed_with_another_cohort",
            ),
        ]

    def __str__(self) -> str:
        return _("%(enrolment)s, attempt %(attempt)s") % {
            "enrolment": self.enrolment,
            "attempt": self.attempt,
        }

    @property
    def is_finalised(self) -> bool:
        return self.status == self.Status.FINALISED

    @property
    def is_released(self) -> bool:
        return self.released_at is not None

    @property
    def band_info(self) -> Band | None:
        return BANDS_BY_CODE.get(self.band)

    @property
    def passed(self) -> bool | None:
        band = self.band_info
        return None if band is None else band.passed

    def criterion_scores(self) -> list[tuple[RubricCriterion, int | None, str]]:
        """(criterion, score, comment) in rubric order for the scores that count: the third
        marker's when a third marker decided, otherwise the first (or agreed) marking. A criterion
        not scored yet gives (criterion, None, "")."""
        role = self.deciding_role()
        scores = {
            s.criterion_id: s
            for s in self.scores.all()
            if s.role == role  # filtered in Python so a prefetch_related("scores") is reused
        }
        out = []
        for criterion in sorted(self.rubric.criteria.all(), key=lambda c: c.position):
            score = scores.get(criterion.pk)
            out.append((criterion, score.score if score else None, score.comment if score else ""))
        return out

    def deciding_role(self) -> str:
        if self.third_marker_id and any(
            s.role == CriterionScore.Role.THIRD for s in self.scores.all()
        ):
            return CriterionScore.Role.THIRD
        return CriterionScore.Role.FIRST


class CriterionScore(models.Model):
    """One marker's score for one criterion. The first marking (`first`) is the result unless a
    third marker decided; a second marker's scores are blind and used only to compare totals."""

    class Role(models.TextChoices):
        FIRST = "first", _("First marker")
        SECOND = "second", _("Second marker")
        THIRD = "third", _("Third marker")

    result = models.ForeignKey(
        FinalResult, verbose_name=_("result"), on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(
        RubricCriterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.FIRST)
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)
    marker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("marker"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")
        constraints = [
            models.UniqueConstraint(
                fields=["result", "criterion", "role"], name="one_score_per_criterion_and_role"
            )
        ]

    def __str__(self) -> str:
        return f"{self.criterion.code}: {self.score}"

    def clean(self):
        super().clean()
        if self.score is not None and self.criterion_id and self.score > self.criterion.max_score:
            raise ValidationError(
                {
                    "score": _("A score for “%(criterion)s” must be between 0 and %(max)s.")
                    % {"criterion": self.criterion.title, "max": self.criterion.max_score}
                }
            )


class ScoreChange(models.Model):
    """The audit log: every change of a criterion score, before and after finalising."""

    # An audit row points at its result and criterion, never the other way round: Wagtail's
    # "usage" index has nothing to learn from it, and indexing it cost two queries per score.
    wagtail_reference_index_ignore = True

    result = models.ForeignKey(
        FinalResult, verbose_name=_("result"), on_delete=models.CASCADE, related_name="changes"
    )
    criterion = models.ForeignKey(
        RubricCriterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="+"
    )
    role = models.CharField(_("role"), max_length=10, choices=CriterionScore.Role.choices)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed at"), auto_now_add=True)
    old_score = models.PositiveSmallIntegerField(_("old score"), null=True, blank=True)
    new_score = models.PositiveSmallIntegerField(_("new score"))
    after_finalising = models.BooleanField(_("after finalising"), default=False)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        verbose_name = _("score change")
        verbose_name_plural = _("score changes")
        ordering = ["-changed_at", "-pk"]
        # The admin's score-change log lists newest first: without this index every page of it
        # sorts the whole log (issue 22).
        indexes = [models.Index(fields=["-changed_at", "-id"], name="score_change_changed_at")]

    def __str__(self) -> str:
        return f"{self.criterion.code}: {self.old_score} → {self.new_score}"
