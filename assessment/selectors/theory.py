"""Reads of the theory test: the best attempt, another attempt still open."""

from __future__ import annotations


def best_test_attempt(*, enrolment):
    from ..models import TestAttempt

    return (
        TestAttempt.objects.filter(enrolment=enrolment, finished_at__isnull=False)
        .select_related("test")
        .order_by("-score", "-finished_at")
        .first()
    )


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
