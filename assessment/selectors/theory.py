"""Reads of the theory test: the best attempt, an attempt's questions."""

from __future__ import annotations


def best_test_attempt(*, enrolment):
    from ..models import TestAttempt

    return (
        TestAttempt.objects.filter(enrolment=enrolment, finished_at__isnull=False)
        .select_related("test")
        .order_by("-score", "-finished_at")
        .first()
    )


def attempt_questions(attempt) -> list:
    """The drawn questions in the order drawn, with their choices."""
    from ..models import Question

    by_id = {
        q.pk: q
        for q in Question.objects.filter(pk__in=attempt.question_ids).prefetch_related("choices")
    }
    return [by_id[q] for q in attempt.question_ids if q in by_id]


def attempt_open_besides(attempt):
    """Another attempt at the same test by the same trainee, still being answered, or None. While
    there is one, a finished attempt's page must not show the correct answers: the trainee would
    read them in one tab and answer in the other."""
    from ..models import TestAttempt

    return (
        TestAttempt.objects.filter(
            test_id=attempt.test_id, enrolment_id=attempt.enrolment_id, finished_at__isnull=True
        )
        .exclude(pk=attempt.pk)
        .order_by("number")
        .first()
    )
