"""Reads of a cohort's deadlines."""

from __future__ import annotations

import datetime as dt

from ..models import CohortDeadline


def cohort_deadlines(*, cohort_id: int) -> dict[str, CohortDeadline]:
    """what ("practice", "plan", "theory") → the cohort's deadline; a missing key has none. One
    query."""
    return {d.what: d for d in CohortDeadline.objects.filter(cohort_id=cohort_id)}


def deadlines_of_cohorts(*, cohort_ids: list[int]) -> dict[tuple[int, str], dt.date]:
    """(cohort id, what) → due date, for several cohorts in one query."""
    return {
        (cohort_id, what): due_on
        for cohort_id, what, due_on in CohortDeadline.objects.filter(
            cohort_id__in=cohort_ids
        ).values_list("cohort_id", "what", "due_on")
    }


def submitted_after(due_on: dt.date | None, submitted_at: dt.datetime | None) -> bool:
    """Handed in after the day it was due (in the site's time zone)."""
    from django.utils import timezone

    if due_on is None or submitted_at is None:
        return False
    return timezone.localdate(submitted_at) > due_on
