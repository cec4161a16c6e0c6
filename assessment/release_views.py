"""The registrar's bulk release of a cohort's results (assessment.release)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms.roles import is_registrar
from course.models import Cohort

from .release import results_release_cohort


@login_required
@require_POST
def cohort_release(request, code: str):
    if not is_registrar(request.user):
        raise PermissionDenied
    cohort = get_object_or_404(Cohort, code=code)
    summary = results_release_cohort(cohort=cohort, by=request.user)
    messages.success(
        request,
        _(
            "Released now: %(released)s. Released before: %(already)s. Still being scored, not "
            "released: %(not_final)s. Left the course: %(left)s."
        )
        % summary.__dict__,
    )
    return redirect("assessment:cohort_results", code=cohort.code)
