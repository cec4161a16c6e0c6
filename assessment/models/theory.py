"""The theory test: questions, choices, the test of a programme and each trainee's attempts."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from ..rubric import THEORY_MAX
from .common import _in_language
from .quiz import QuizAttempt


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
    is_demo = models.BooleanField(_("demo content"), default=False)

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
        FieldPanel("is_demo"),
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
    questions_per_module = models.PositiveSmallIntegerField(
        _("questions per module"),
        null=True,
        blank=True,
        help_text=_(
            "Set: this many questions from each module's bank, so every module counts the same. "
            "Empty: the questions drawn are taken from all the banks together."
        ),
    )

    panels = [
        FieldPanel("programme"),
        FieldPanel("title_kk"),
        FieldPanel("title_ru"),
        FieldPanel("title_en"),
        FieldPanel("question_count"),
        FieldPanel("questions_per_module"),
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


class TestAttempt(QuizAttempt):
    """One attempt at the theory test (the fields every quiz attempt keeps are in
    `QuizAttempt`)."""

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
    def proposed_theory_score(self) -> int | None:
        """The result scaled to the theory criterion (THEORY_MAX points), rounded half up."""
        return self.scaled_score(THEORY_MAX)
