"""Reads every quiz shares (the final theory test and the module controls): an attempt's
questions with their options in the order stored for it, and whether the correct answers may be
shown yet."""

from __future__ import annotations


def quiz_attempt_rows(attempt) -> list[tuple]:
    """(question, [choice, …] in the order stored for this attempt) for each drawn question, in
    the order drawn. A question without a stored order (an attempt started before the order was
    stored) keeps its options' own order."""
    from ..models import Question

    by_id = {
        q.pk: q
        for q in Question.objects.filter(pk__in=attempt.question_ids).prefetch_related("choices")
    }
    rows = []
    for question_id in attempt.question_ids:
        question = by_id.get(question_id)
        if question is None:
            continue
        choices = {c.pk: c for c in question.choices.all()}
        order = attempt.choice_order.get(str(question_id), list(choices))
        rows.append((question, [choices[c] for c in order if c in choices]))
    return rows


def quiz_answer_rows(attempt, rows: list[tuple]) -> list[tuple]:
    """(question, [(choice, picked), …], answered right) for each row of `quiz_attempt_rows`:
    what a finished attempt's page shows once the answers may be seen."""
    chosen = {int(q): set(c) for q, c in (attempt.answers or {}).items()}
    return [
        (
            question,
            [(c, c.pk in chosen.get(question.pk, set())) for c in choices],
            {c.pk for c in choices if c.is_correct} == chosen.get(question.pk, set()),
        )
        for question, choices in rows
    ]


def answers_hidden(*, attempts: list, attempts_allowed: int) -> bool:
    """Whether the correct answers of finished attempts must stay hidden: while an attempt is
    being answered, or while the trainee may still start another one (they would learn the
    answers from the first attempt and copy them into the next)."""
    if any(not a.is_finished for a in attempts):
        return True
    return len(attempts) < attempts_allowed
