"""Releasing a whole cohort's finalised results at once: the registrar's action (a trainer
releases one result at a time from the scoring page, assessment.services.result_release)."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from cms.roles import is_registrar

from . import services
from .models import FinalResult

_LEFT_STATUSES = ("expelled", "withdrawn")


@dataclass(frozen=True)
class ReleaseSummary:
    released: int  # made visible now
    already: int  # released before
    not_final: int  # still being scored: not released
    left: int  # the trainee was expelled or withdrew: the final assessment is closed to them


@transaction.atomic
def results_release_cohort(*, cohort, by) -> ReleaseSummary:
    """Release every finalised, unreleased result of the cohort's trainees. Results still being
    scored are left alone and counted, so the registrar knows who is still waiting."""
    if not is_registrar(by):
        raise ValidationError(_("Only a registrar may release a cohort's results."), code="role")
    results = list(
        FinalResult.objects.select_for_update(of=("self",))
        .filter(enrolment__cohort=cohort)
        .select_related("enrolment")
        .order_by("pk")
    )
    released = already = not_final = left = 0
    for result in results:
        if result.enrolment.status in _LEFT_STATUSES:
            left += 1
        elif result.status != FinalResult.Status.FINALISED:
            not_final += 1
        elif result.released_at is not None:
            already += 1
        else:
            services.result_release(result=result)
            released += 1
    return ReleaseSummary(released=released, already=already, not_final=not_final, left=left)
