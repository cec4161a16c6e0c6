"""What every quiz attempt keeps, whichever quiz it answers (the final theory test or a module's
control): the questions drawn, the order of each question's options, the answers, the deadline
and the score. Each concrete attempt adds the quiz it belongs to and its own constraints."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class QuizAttempt(models.Model):
    """One attempt at a quiz. The questions drawn and the order of each question's options are
    stored, so a reload shows the same test; scoring reads the options' ids, never positions."""

    number = models.PositiveSmallIntegerField(_("attempt"))
    question_ids = models.JSONField(_("questions drawn"), default=list)
    choice_order = models.JSONField(_("order of the options"), default=dict)
    answers = models.JSONField(_("answers"), default=dict)
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    deadline = models.DateTimeField(_("deadline"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    score = models.PositiveSmallIntegerField(_("score"), null=True, blank=True)
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=0)

    class Meta:
        abstract = True

    @property
    def is_finished(self) -> bool:
        return self.finished_at is not None

    def scaled_score(self, points: int) -> int | None:
        """The score scaled to `points` (100 for a percentage), rounded half up in whole numbers
        so the page and the report never disagree by a rounding."""
        if self.score is None or not self.max_score:
            return None
        return (self.score * points * 2 + self.max_score) // (2 * self.max_score)

    @property
    def remaining_seconds(self) -> int | None:
        """Seconds left on a timed attempt, counted on the server: the countdown in the browser
        starts from this number, so a phone whose clock is wrong still shows the right time."""
        if self.deadline is None or self.is_finished:
            return None
        return max(0, int((self.deadline - timezone.now()).total_seconds()))
