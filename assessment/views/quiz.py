"""The page of an attempt at a quiz, shared by the final theory test and the module controls:
the form while the attempt is open, its submission, and the result afterwards."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from cms.errors import apply_service_error

from .. import selectors


def quiz_attempt_page(
    request,
    *,
    attempt,
    submit: Callable,
    url_name: str,
    template: str,
    attempts: QuerySet,
    attempts_allowed: int,
    context: dict,
):
    """Show the attempt, or score the answers posted to it with `submit` (a service taking
    `attempt` and `answers`) and come back to the attempt's page (`url_name`). `attempts` are the
    trainee's attempts at the quiz: the correct answers stay hidden while the trainee may still
    answer (see `selectors.answers_hidden`)."""
    rows = selectors.quiz_attempt_rows(attempt)
    if request.method == "POST" and not attempt.is_finished:
        answers = {
            q.pk: [int(v) for v in request.POST.getlist(f"q{q.pk}") if v.isdigit()]
            for q, _choices in rows
        }
        try:
            attempt = submit(attempt=attempt, answers=answers)
        except ValidationError as exc:
            apply_service_error(exc, request=request)
        else:
            late = getattr(attempt, "late_message", "")
            if late:
                messages.warning(request, late)
            else:
                messages.success(request, _("Your answers are submitted."))
        return redirect(url_name, pk=attempt.pk)
    return render(
        request,
        template,
        {
            **context,
            "attempt": attempt,
            "answers_hidden": selectors.answers_hidden(
                attempts=list(attempts), attempts_allowed=attempts_allowed
            ),
            "remaining_seconds": attempt.remaining_seconds,
            "rows": selectors.quiz_answer_rows(attempt, rows),
        },
    )
