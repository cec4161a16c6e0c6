"""Views of the theory test: the test page and an attempt."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cms.errors import apply_service_error

from .. import selectors, services


def _get_test_for_trainee(user, pk: int):
    from course.selectors import enrolment_current

    from ..models import TheoryTest

    enrolment = enrolment_current(user)
    test = get_object_or_404(TheoryTest, pk=pk)
    if enrolment is None or test.programme_id != enrolment.cohort.programme_id:
        raise Http404
    return enrolment, test


def _get_attempt_for_trainee(user, pk: int):
    from ..models import TestAttempt

    attempt = get_object_or_404(TestAttempt.objects.select_related("test", "enrolment"), pk=pk)
    if attempt.enrolment.trainee_id != user.pk:
        raise Http404
    return attempt


@login_required
def theory_test(request, pk: int):
    from ..models import TestAttempt

    enrolment, test = _get_test_for_trainee(request.user, pk)
    attempts = list(TestAttempt.objects.filter(test=test, enrolment=enrolment).order_by("number"))
    if request.method == "POST":
        try:
            attempt = services.test_attempt_start(test=test, enrolment=enrolment)
        except ValidationError as exc:
            apply_service_error(exc, request=request)
        else:
            return redirect("assessment:test_attempt", pk=attempt.pk)
    return render(
        request,
        "assessment/theory_test.html",
        {
            "test": test,
            "attempts": attempts,
            "attempts_left": max(test.attempts_allowed - len(attempts), 0),
            "can_start": len(attempts) < test.attempts_allowed
            or any(not a.is_finished for a in attempts),
        },
    )


@login_required
def test_attempt(request, pk: int):
    from ..models import TestAttempt

    attempt = _get_attempt_for_trainee(request.user, pk)
    questions = selectors.attempt_questions(attempt)
    if request.method == "POST" and not attempt.is_finished:
        answers = {
            q.pk: [int(v) for v in request.POST.getlist(f"q{q.pk}") if v.isdigit()]
            for q in questions
        }
        try:
            attempt = services.test_attempt_submit(attempt=attempt, answers=answers)
        except ValidationError as exc:
            apply_service_error(exc, request=request)
        else:
            late = getattr(attempt, "late_message", "")
            if late:
                messages.warning(request, late)
            else:
                messages.success(request, _("Your answers are submitted."))
        return redirect("assessment:test_attempt", pk=attempt.pk)
    chosen = {int(q): set(c) for q, c in (attempt.answers or {}).items()}
    # A finished attempt's answers stay hidden while another attempt is being answered, and
    # while the trainee may still start one.
    open_attempt = selectors.attempt_open_besides(attempt) if attempt.is_finished else None
    attempts = list(
        TestAttempt.objects.filter(test_id=attempt.test_id, enrolment_id=attempt.enrolment_id)
    )
    answers_hidden = selectors.answers_hidden(
        attempts=attempts, attempts_allowed=attempt.test.attempts_allowed
    )
    return render(
        request,
        "assessment/test_attempt.html",
        {
            "attempt": attempt,
            "test": attempt.test,
            "open_attempt": open_attempt,
            "answers_hidden": answers_hidden,
            "remaining_seconds": _remaining_seconds(attempt),
            "rows": [
                (
                    q,
                    [(c, c.pk in chosen.get(q.pk, set())) for c in q.choices.all()],
                    {c.pk for c in q.choices.all() if c.is_correct} == chosen.get(q.pk, set()),
                )
                for q in questions
            ],
        },
    )


def _remaining_seconds(attempt) -> int | None:
    """Seconds left on a timed attempt, counted on the server: the countdown in the browser starts
    from this number, so a phone whose clock is wrong still shows the right time left."""
    from django.utils import timezone

    if attempt.deadline is None or attempt.is_finished:
        return None
    return max(0, int((attempt.deadline - timezone.now()).total_seconds()))
