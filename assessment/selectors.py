"""Reads of the final assessment."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Prefetch

from .models import CriterionScore, FinalResult, Rubric, RubricCriterion

RETAKE_WINDOW_YEARS = 1


def marker_difference_threshold() -> int:
    """Totals of the first and second marker may differ by this much before reconciliation."""
    return int(getattr(settings, "ASSESSMENT_MARKER_DIFFERENCE_THRESHOLD", 10))


def current_rubric() -> Rubric:
    return Rubric.objects.prefetch_related("criteria").order_by("-version").first()


def _with_scores(queryset):
    return queryset.select_related("rubric").prefetch_related(
        Prefetch("rubric__criteria", queryset=RubricCriterion.objects.order_by("position")),
        Prefetch("scores", queryset=CriterionScore.objects.select_related("marker")),
    )


def final_result_for(*, enrolment) -> FinalResult | None:
    """The latest finalised attempt of this enrolment (a retake supersedes the first attempt)."""
    return (
        _with_scores(FinalResult.objects.filter(enrolment=enrolment))
        .filter(status=FinalResult.Status.FINALISED)
        .order_by("-attempt")
        .first()
    )


def results_of_enrolment(*, enrolment) -> list[FinalResult]:
    return list(_with_scores(FinalResult.objects.filter(enrolment=enrolment)).order_by("attempt"))


def result_with_scores(*, pk: int) -> FinalResult | None:
    return (
        _with_scores(FinalResult.objects.filter(pk=pk))
        .select_related("enrolment__cohort", "enrolment__trainee")
        .first()
    )


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


def retake_deadline(*, enrolment) -> dt.date | None:
    """The last day a retake may be started: one year after the first final assessment, when that
    attempt was finalised and not passed. None when no retake is open to this enrolment."""
    first = (
        FinalResult.objects.filter(
            enrolment=enrolment, attempt=1, status=FinalResult.Status.FINALISED
        )
        .only("finalised_at", "band")
        .first()
    )
    if first is None or first.passed is not False or first.finalised_at is None:
        return None
    from django.utils import timezone

    return add_years(timezone.localdate(first.finalised_at), RETAKE_WINDOW_YEARS)


def score_changes(*, result) -> list:
    return list(
        result.changes.select_related("criterion", "changed_by").order_by("-changed_at", "-pk")
    )
