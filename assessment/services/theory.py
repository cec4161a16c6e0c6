"""Writes of the theory test: starting an attempt and submitting its answers."""

from __future__ import annotations

import random
from collections.abc import Mapping

from django.db import transaction
from django.utils.translation import gettext as _

from cms.errors import ServiceError

from ..models import (
    Question,
    TestAttempt,
    TheoryTest,
)
from .quiz import TIME_LIMIT_GRACE, quiz_attempt_start, quiz_attempt_submit

__all__ = ["TIME_LIMIT_GRACE", "test_attempt_start", "test_attempt_submit"]


@transaction.atomic
def test_attempt_start(
    *, test: TheoryTest, enrolment, rng: random.Random | None = None
) -> TestAttempt:
    """Draw the questions for a new attempt and shuffle each question's options (the order is
    stored, so a reload shows the same test), or return the attempt still in progress. With
    `questions_per_module` set, the draw is stratified: that many from each module's bank.
    `rng` lets a test seed the draw."""

    def draw(rng: random.Random) -> list[int]:
        from course.models import ModulePage

        from ..drawing import draw_questions, draw_stratified

        modules = ModulePage.objects.descendant_of(test.programme)
        pools: dict[int, list[int]] = {}
        for question_id, module_id in (
            Question.objects.filter(module__in=modules)
            .order_by("module__path", "pk")
            .values_list("pk", "module_id")
        ):
            pools.setdefault(module_id, []).append(question_id)
        if not pools:
            raise ServiceError(_("The test has no questions yet."), code="empty")
        if test.questions_per_module:
            return draw_stratified(pools, test.questions_per_module, rng)
        pool = [q for questions in pools.values() for q in questions]
        return draw_questions(pool, test.question_count, rng)

    return quiz_attempt_start(
        attempts=TestAttempt.objects.filter(test=test, enrolment=enrolment),
        attempts_allowed=test.attempts_allowed,
        used_up_message=_("You have used all %(n)s attempts at this test.")
        % {"n": test.attempts_allowed},
        draw=draw,
        time_limit_minutes=test.time_limit_minutes,
        rng=rng,
        test=test,
        enrolment=enrolment,
    )


@transaction.atomic
def test_attempt_submit(*, attempt: TestAttempt, answers: Mapping[int, list[int]]) -> TestAttempt:
    """Score the attempt (see `quiz_attempt_submit`). Answers after the time limit are not
    counted."""
    return quiz_attempt_submit(attempt=attempt, answers=answers)
