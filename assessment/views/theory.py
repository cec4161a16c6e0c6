"""Views of the theory test: the test page and an attempt."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from cms.errors import apply_service_error

from .. import selectors, services
from .quiz import quiz_attempt_page


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
    return quiz_attempt_page(
        request,
        attempt=attempt,
        submit=services.test_attempt_submit,
        url_name="assessment:test_attempt",
        template="assessment/test_attempt.html",
        attempts=TestAttempt.objects.filter(
            test_id=attempt.test_id, enrolment_id=attempt.enrolment_id
        ),
        attempts_allowed=attempt.test.attempts_allowed,
        context={
            "test": attempt.test,
            # While another attempt is being answered, a finished one's page says which.
            "open_attempt": selectors.attempt_open_besides(attempt)
            if attempt.is_finished
            else None,
        },
    )
