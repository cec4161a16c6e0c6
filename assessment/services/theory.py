"""Writes of the theory test: starting an attempt and submitting its answers."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import (
    Choice,
    Question,
    TestAttempt,
    TheoryTest,
)

# Answers sent this long after the time limit still count: a slow connection is not cheating.
TIME_LIMIT_GRACE = dt.timedelta(seconds=60)


@transaction.atomic
def test_attempt_start(
    *, test: TheoryTest, enrolment, rng: random.Random | None = None
) -> TestAttempt:
    """Draw the questions for a new attempt, or return the attempt still in progress. With
    `questions_per_module` set, the draw is stratified: that many from each module's bank.
    `rng` lets a test seed the draw."""
    from course.models import ModulePage

    from ..drawing import draw_questions, draw_stratified

    attempts = list(
        TestAttempt.objects.select_for_update()
        .filter(test=test, enrolment=enrolment)
        .order_by("number")
    )
    open_attempt = next((a for a in attempts if not a.is_finished), None)
    if open_attempt is not None:
        return open_attempt
    if len(attempts) >= test.attempts_allowed:
        raise ValidationError(
            _("You have used all %(n)s attempts at this test.") % {"n": test.attempts_allowed},
            code="attempts_used",
        )
    rng = rng or random.SystemRandom()
    modules = ModulePage.objects.descendant_of(test.programme)
    pools: dict[int, list[int]] = {}
    for question_id, module_id in (
        Question.objects.filter(module__in=modules)
        .order_by("module__path", "pk")
        .values_list("pk", "module_id")
    ):
        pools.setdefault(module_id, []).append(question_id)
    if not pools:
        raise ValidationError(_("The test has no questions yet."), code="empty")
    if test.questions_per_module:
        drawn = draw_stratified(pools, test.questions_per_module, rng)
    else:
        pool = [q for questions in pools.values() for q in questions]
        drawn = draw_questions(pool, test.question_count, rng)
    now = timezone.now()
    return TestAttempt.objects.create(
        test=test,
        enrolment=enrolment,
        number=len(attempts) + 1,
        question_ids=drawn,
        deadline=now + dt.timedelta(minutes=test.time_limit_minutes)
        if test.time_limit_minutes
        else None,
        max_score=len(drawn),
    )


@transaction.atomic
def test_attempt_submit(*, attempt: TestAttempt, answers: Mapping[int, list[int]]) -> TestAttempt:
    """Score the attempt: a question counts when the chosen set equals the correct set (a
    multiple-choice question is all or nothing). Answers after the time limit are not counted."""
    attempt = TestAttempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.is_finished:
        raise ValidationError(_("This attempt is already finished."), code="finished")
    now = timezone.now()
    late = attempt.deadline is not None and now > attempt.deadline + TIME_LIMIT_GRACE
    kept = {} if late else {str(q): sorted(set(c)) for q, c in answers.items()}
    correct: dict[int, set[int]] = {}
    for question_id, choice_id in Choice.objects.filter(
        question_id__in=attempt.question_ids, is_correct=True
    ).values_list("question_id", "pk"):
        correct.setdefault(question_id, set()).add(choice_id)
    attempt.answers = {q: c for q, c in kept.items() if int(q) in attempt.question_ids}
    attempt.score = sum(
        1
        for q in attempt.question_ids
        if correct.get(q) and set(attempt.answers.get(str(q), [])) == correct[q]
    )
    attempt.finished_at = now
    attempt.save(update_fields=["answers", "score", "finished_at"])
    if late:
        raise_after = _("Time was up at %(time)s: answers sent later are not counted.") % {
            "time": timezone.localtime(attempt.deadline).strftime("%H:%M")
        }
        attempt.late_message = raise_after
    return attempt
