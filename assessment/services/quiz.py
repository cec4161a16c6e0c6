"""Writes every quiz shares (the final theory test and the module controls): starting an attempt
with its questions and the order of their options, and scoring the answers. The theory and
control services say which quiz, which attempts are allowed and which bank to draw from."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Mapping

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.errors import ServiceError

from ..drawing import shuffled_choices
from ..models import Choice
from ..models.quiz import QuizAttempt

# Answers sent this long after the time limit still count: a slow connection is not cheating.
TIME_LIMIT_GRACE = dt.timedelta(seconds=60)


def quiz_choice_order(*, question_ids: list[int], rng: random.Random) -> dict[str, list[int]]:
    """Each drawn question's option ids in a new random order, to be stored with the attempt."""
    choices: dict[int, list[int]] = {q: [] for q in question_ids}
    for question_id, choice_id in (
        Choice.objects.filter(question_id__in=question_ids)
        .order_by("question_id", "sort_order", "pk")
        .values_list("question_id", "pk")
    ):
        choices[question_id].append(choice_id)
    return shuffled_choices(choices, rng)


def quiz_attempt_start(
    *,
    attempts: QuerySet,
    attempts_allowed: int,
    used_up_message: str,
    draw: Callable[[random.Random], list[int]],
    time_limit_minutes: int | None,
    rng: random.Random | None,
    **owner,
) -> QuizAttempt:
    """The trainee's attempt still in progress, or a new one with its questions drawn by `draw`
    and each question's options shuffled. `attempts` are the trainee's attempts at this quiz
    (locked here, so two clicks cannot start two attempts); `owner` names the quiz and the
    enrolment for the new row. Call inside a transaction."""
    model = attempts.model
    existing = list(attempts.select_for_update().order_by("number"))
    open_attempt = next((a for a in existing if not a.is_finished), None)
    if open_attempt is not None:
        return open_attempt
    if len(existing) >= attempts_allowed:
        raise ServiceError(used_up_message, code="attempts_used")
    rng = rng or random.SystemRandom()
    drawn = draw(rng)
    now = timezone.now()
    return model.objects.create(
        **owner,
        number=len(existing) + 1,
        question_ids=drawn,
        choice_order=quiz_choice_order(question_ids=drawn, rng=rng),
        deadline=now + dt.timedelta(minutes=time_limit_minutes) if time_limit_minutes else None,
        max_score=len(drawn),
    )


def quiz_attempt_submit(*, attempt: QuizAttempt, answers: Mapping[int, list[int]]) -> QuizAttempt:
    """Score the attempt: a question counts when the chosen set of option ids equals the correct
    set (a multiple-choice question is all or nothing); the options' positions on the page play no
    part. Only the options this attempt offered for a drawn question are kept. The time limit is
    kept on the server: answers that arrive after the deadline (and its grace for a slow
    connection) are not counted, whatever the browser showed. Call inside a transaction."""
    attempt = type(attempt).objects.select_for_update().get(pk=attempt.pk)
    if attempt.is_finished:
        raise ServiceError(_("This attempt is already finished."), code="finished")
    now = timezone.now()
    late = attempt.deadline is not None and now > attempt.deadline + TIME_LIMIT_GRACE
    in_bank: dict[int, set[int]] = {q: set() for q in attempt.question_ids}
    correct: dict[int, set[int]] = {}
    for question_id, choice_id, is_correct in Choice.objects.filter(
        question_id__in=attempt.question_ids
    ).values_list("question_id", "pk", "is_correct"):
        in_bank[question_id].add(choice_id)
        if is_correct:
            correct.setdefault(question_id, set()).add(choice_id)
    # An attempt started before the order was stored offered the question's options as they are.
    offered = {q: set(attempt.choice_order.get(str(q), in_bank[q])) for q in attempt.question_ids}
    kept = {}
    if not late:
        for question_id, chosen in answers.items():
            if int(question_id) in offered:
                kept[str(question_id)] = sorted(set(chosen) & offered[int(question_id)])
    attempt.answers = kept
    attempt.score = sum(
        1
        for q in attempt.question_ids
        if correct.get(q) and set(kept.get(str(q), [])) == correct[q]
    )
    attempt.finished_at = now
    attempt.save(update_fields=["answers", "score", "finished_at"])
    if late:
        attempt.late_message = _("Time was up at %(time)s: answers sent later are not counted.") % {
            "time": timezone.localtime(attempt.deadline).strftime("%H:%M")
        }
    return attempt
