"""The cohort's deadlines, set by its trainers or a registrar from the cohort page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cms.errors import apply_service_error

from .. import selectors
from ..services.deadline import cohort_deadlines_set


def _get_cohort_for_staff(user, code: str):
    from course.selectors import cohorts_visible

    # Someone else's cohort is a 404: nobody learns which codes exist.
    return get_object_or_404(cohorts_visible(user), code=code)


@login_required
def cohort_deadlines(request, code: str):
    from ..forms import CohortDeadlinesForm

    cohort = _get_cohort_for_staff(request.user, code)
    current = selectors.cohort_deadlines(cohort_id=cohort.pk)
    form = CohortDeadlinesForm(
        request.POST or None, initial={what: d.due_on for what, d in current.items()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            cohort_deadlines_set(cohort=cohort, dates=form.cleaned_data)
        except ValidationError as exc:
            apply_service_error(exc, form=form)
        else:
            messages.success(request, _("The deadlines are saved."))
            return redirect("course:cohort_detail", code=cohort.code)
    return render(request, "assessment/cohort_deadlines.html", {"cohort": cohort, "form": form})
