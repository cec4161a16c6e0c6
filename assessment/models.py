"""The final assessment: a versioned rubric, each trainee's result per attempt, criterion scores
and the audit log of every change to them."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable

from .rubric import BANDS_BY_CODE, DEFAULT_BANDS, MAX_TOTAL, Band, band_for_thresholds


class CriterionCode(models.TextChoices):
    THEORY = "theory", _("Mastery of theory")
    PRACTICE = "practice", _("Applying knowledge to practical situations")
    PLAN = "plan", _("Individual support plan")
    DEFENCE = "defence", _("Presentation and defence")
    PARTICIPATION = "participation", _("Participation")


def _in_language(obj, stem: str) -> str:
    """The kk/ru/en field for the active language, falling back to Kazakh (the source)."""
    language = (translation.get_language() or "kk")[:2]
    return getattr(obj, f"{stem}_{language}", "") or getattr(obj, f"{stem}_kk", "")


class Rubric(models.Model):
    """One version of the rubric. Versions are never edited once a result uses them: a change is a
    new version, so a finalised result keeps the rubric it was scored on."""

    version = models.PositiveSmallIntegerField(_("version"), unique=True)
    bands = models.JSONField(
        _("band thresholds"),
        default=dict,
        help_text=_('Lowest total of each band, e.g. {"excellent": 85, "good": 70, …}'),
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
    def marking_cohort_id(self) -> int:
        """The cohort whose trainers score this attempt."""
        return self.assessing_cohort_id or self.enrolment.cohort_id

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

    def __str__(self) -> str:
        return f"{self.criterion.code}: {self.old_score} → {self.new_score}"


# --- Practice work (case studies) -----------------------------------------------------------


def private_storage():
    """Files about children never go to the public media folder (see cms.private_files)."""
    from django.core.files.storage import storages

    return storages["private"]


def _submission_upload_to(instance, filename: str) -> str:
    import uuid

    version = instance.version
    # A random part keeps two uploads of the same name apart and makes names unguessable.
    return (
        f"submissions/{version.submission_id}/v{version.number}/{uuid.uuid4().hex[:12]}-{filename}"
    )


class Assignment(ClusterableModel):
    """The task of one practice topic: brief, materials, due date and what to hand in."""

    topic = models.ForeignKey(
        "course.TopicPage",
        verbose_name=_("practice topic"),
        on_delete=models.PROTECT,
        related_name="assignments",
        limit_choices_to={"kind": "practice", "locale__language_code": "kk"},
    )
    brief_kk = RichTextField(_("brief (Kazakh)"))
    brief_ru = RichTextField(_("brief (Russian)"), blank=True)
    brief_en = RichTextField(_("brief (English)"), blank=True)
    hand_in_kk = models.TextField(_("what to hand in (Kazakh)"), blank=True)
    hand_in_ru = models.TextField(_("what to hand in (Russian)"), blank=True)
    hand_in_en = models.TextField(_("what to hand in (English)"), blank=True)
    due_at = models.DateTimeField(_("due"), null=True, blank=True)

    panels = [
        FieldPanel("topic"),
        FieldPanel("due_at"),
        MultiFieldPanel(
            [FieldPanel("brief_kk"), FieldPanel("brief_ru"), FieldPanel("brief_en")],
            heading=_("Brief"),
        ),
        MultiFieldPanel(
            [FieldPanel("hand_in_kk"), FieldPanel("hand_in_ru"), FieldPanel("hand_in_en")],
            heading=_("What to hand in"),
        ),
        InlinePanel("materials", heading=_("Materials and templates"), label=_("Material")),
    ]

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")
        ordering = ["topic__path"]

    def __str__(self) -> str:
        return f"{self.topic.number} {self.topic.title}"

    @property
    def brief(self) -> str:
        return _in_language(self, "brief")

    @property
    def hand_in(self) -> str:
        return _in_language(self, "hand_in")


class AssignmentMaterial(Orderable):
    """A template or material to download (a public Wagtail document: nothing about children)."""

    assignment = ParentalKey(Assignment, on_delete=models.CASCADE, related_name="materials")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]


class Submission(models.Model):
    """One trainee's work on one assignment, across its versions. `lock_version` grows with every
    state change so that a second reviewer working from a stale page is refused, not silently
    overwriting the first (optimistic locking)."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted, waiting for review")
        RETURNED = "returned", _("Returned for revision")
        ACCEPTED = "accepted", _("Accepted")

    assignment = models.ForeignKey(
        Assignment,
        verbose_name=_("assignment"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    enrolment = models.ForeignKey(
        "course.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    lock_version = models.PositiveIntegerField(_("record version"), default=0)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "enrolment"], name="one_submission_per_assignment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignment} — {self.enrolment}"

    @property
    def is_late(self) -> bool:
        due = self.assignment.due_at
        return bool(due and self.submitted_at and self.submitted_at > due)


class SubmissionVersion(models.Model):
    """One version of the work. A draft is edited (and autosaved); once submitted it never changes;
    returning it for revision opens the next version."""

    class Decision(models.TextChoices):
        ACCEPTED = "accepted", _("Accepted")
        RETURNED = "returned", _("Returned for revision")

    submission = models.ForeignKey(
        Submission, verbose_name=_("submission"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    text = models.TextField(_("text"), blank=True)
    anonymised_confirmed = models.BooleanField(_("child anonymised (confirmed)"), default=False)
    saved_at = models.DateTimeField(_("last saved"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    feedback = models.TextField(_("feedback"), blank=True)
    decision = models.CharField(_("decision"), max_length=10, choices=Decision.choices, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)

    class Meta:
        verbose_name = _("submission version")
        verbose_name_plural = _("submission versions")
        ordering = ["submission", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["submission", "number"], name="one_version_number_per_submission"
            )
        ]

    def __str__(self) -> str:
        return f"{self.submission_id} v{self.number}"

    @property
    def is_draft(self) -> bool:
        return self.submitted_at is None


class SubmissionFile(models.Model):
    version = models.ForeignKey(
        SubmissionVersion, verbose_name=_("version"), on_delete=models.CASCADE, related_name="files"
    )
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=_submission_upload_to, max_length=300
    )
    name = models.CharField(_("file name"), max_length=120)
    size = models.PositiveIntegerField(_("size"))
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    # Set when the retention schedule deleted the file (cms.retention); the row stays as a record.
    file_deleted_at = models.DateTimeField(_("file deleted at"), null=True, blank=True)

    class Meta:
        verbose_name = _("submitted file")
        verbose_name_plural = _("submitted files")
        ordering = ["version", "pk"]

    def __str__(self) -> str:
        return self.name


# --- Theory test --------------------------------------------------------------------------


class Question(ClusterableModel):
    """A question of the bank of one module, with its choices and an explanation shown after the
    attempt."""

    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")

    module = models.ForeignKey(
        "course.ModulePage",
        verbose_name=_("module"),
        on_delete=models.CASCADE,
        related_name="questions",
        limit_choices_to={"locale__language_code": "kk"},
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    text_kk = models.TextField(_("question (Kazakh)"))
    text_ru = models.TextField(_("question (Russian)"), blank=True)
    text_en = models.TextField(_("question (English)"), blank=True)
    explanation_kk = models.TextField(_("explanation (Kazakh)"), blank=True)
    explanation_ru = models.TextField(_("explanation (Russian)"), blank=True)
    explanation_en = models.TextField(_("explanation (English)"), blank=True)

    panels = [
        FieldPanel("module"),
        FieldPanel("kind"),
        MultiFieldPanel(
            [FieldPanel("text_kk"), FieldPanel("text_ru"), FieldPanel("text_en")],
            heading=_("Question"),
        ),
        InlinePanel("choices", heading=_("Choices"), label=_("Choice"), min_num=2),
        MultiFieldPanel(
            [
                FieldPanel("explanation_kk"),
                FieldPanel("explanation_ru"),
                FieldPanel("explanation_en"),
            ],
            heading=_("Explanation"),
        ),
    ]

    class Meta:
        verbose_name = _("test question")
        verbose_name_plural = _("test questions")
        ordering = ["module__path", "pk"]

    def __str__(self) -> str:
        return self.text_kk[:80]

    @property
    def text(self) -> str:
        return _in_language(self, "text")

    @property
    def explanation(self) -> str:
        return _in_language(self, "explanation")

    def clean(self):
        super().clean()
        correct = [c for c in self.choices.all() if c.is_correct]
        if self.kind == self.Kind.SINGLE and len(correct) != 1:
            raise ValidationError(_("A single-choice question needs exactly one correct choice."))
        if self.kind == self.Kind.MULTIPLE and not correct:
            raise ValidationError(_("Mark at least one correct choice."))


class Choice(Orderable):
    question = ParentalKey(Question, on_delete=models.CASCADE, related_name="choices")
    text_kk = models.CharField(_("choice (Kazakh)"), max_length=500)
    text_ru = models.CharField(_("choice (Russian)"), max_length=500, blank=True)
    text_en = models.CharField(_("choice (English)"), max_length=500, blank=True)
    is_correct = models.BooleanField(_("correct"), default=False)

    panels = [
        FieldPanel("text_kk"),
        FieldPanel("text_ru"),
        FieldPanel("text_en"),
        FieldPanel("is_correct"),
    ]

    def __str__(self) -> str:
        return self.text_kk

    @property
    def text(self) -> str:
        return _in_language(self, "text")


class TheoryTest(models.Model):
    """The theory test of a programme: draws `question_count` questions from the bank of the
    programme's modules; may be timed; allows `attempts_allowed` attempts."""

    programme = models.ForeignKey(
        "course.ProgrammePage",
        verbose_name=_("programme"),
        on_delete=models.CASCADE,
        related_name="theory_tests",
        limit_choices_to={"locale__language_code": "kk"},
    )
    title_kk = models.CharField(_("title (Kazakh)"), max_length=200)
    title_ru = models.CharField(_("title (Russian)"), max_length=200, blank=True)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    question_count = models.PositiveSmallIntegerField(_("questions drawn"), default=20)
    time_limit_minutes = models.PositiveSmallIntegerField(
        _("time limit, minutes"), null=True, blank=True, help_text=_("Empty: not timed.")
    )
    attempts_allowed = models.PositiveSmallIntegerField(_("attempts allowed"), default=2)

    panels = [
        FieldPanel("programme"),
        FieldPanel("title_kk"),
        FieldPanel("title_ru"),
        FieldPanel("title_en"),
        FieldPanel("question_count"),
        FieldPanel("time_limit_minutes"),
        FieldPanel("attempts_allowed"),
    ]

    class Meta:
        verbose_name = _("theory test")
        verbose_name_plural = _("theory tests")

    def __str__(self) -> str:
        return self.title_kk

    @property
    def title(self) -> str:
        return _in_language(self, "title")


class TestAttempt(models.Model):
    __test__ = False  # not a pytest test class

    test = models.ForeignKey(
        TheoryTest, verbose_name=_("test"), on_delete=models.CASCADE, related_name="attempts"
    )
    enrolment = models.ForeignKey(
        "course.Enrolment",
        verbose_name=_("enrolment"),
        on_delete=models.CASCADE,
        related_name="test_attempts",
    )
    number = models.PositiveSmallIntegerField(_("attempt"))
    question_ids = models.JSONField(_("questions drawn"), default=list)
    answers = models.JSONField(_("answers"), default=dict)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=0)

    class Meta:
        verbose_name = _("test attempt")
        verbose_name_plural = _("test attempts")
        ordering = ["test", "enrolment", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["test", "enrolment", "number"], name="one_attempt_number_per_test"
            )
        ]

    def __str__(self) -> str:
        return f"{self.test} #{self.number}"

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    @property
    def proposed_theory_score(self) -> int | None:
        """The result scaled to the theory criterion (20 points), rounded half up."""
        if self.score is None or not self.max_score:
            return None
        return (self.score * 20 * 2 + self.max_score) // (2 * self.max_score)


# --- Individual support plan (the final work) ---------------------------------------------


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
