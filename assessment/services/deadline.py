"""Writes of a cohort's deadlines (practice works, the support plan, the theory test)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from ..models import CohortDeadline


@transaction.atomic
def cohort_deadlines_set(*, cohort, dates: Mapping[str, dt.date | None]) -> list[CohortDeadline]:
    """Set (a date), keep or clear (None) each deadline of the cohort. All or nothing: a date
    outside the cohort's course refuses the whole form, naming the field."""
    errors = {}
    for what, due_on in dates.items():
        if what not in CohortDeadline.What.values:
            raise ValueError(f"Unknown deadline: {what!r}")
        if due_on is not None and not (cohort.starts_on <= due_on <= cohort.ends_on):
            errors[what] = [
                _("A deadline must fall within the course: %(start)s – %(end)s.")
                % {
                    "start": formats.date_format(cohort.starts_on, "SHORT_DATE_FORMAT"),
                    "end": formats.date_format(cohort.ends_on, "SHORT_DATE_FORMAT"),
                }
            ]
    if errors:
        raise ValidationError(errors)
    kept = []
    for what, due_on in dates.items():
        if due_on is None:
            CohortDeadline.objects.filter(cohort=cohort, what=what).delete()
        else:
            deadline, _created = CohortDeadline.objects.update_or_create(
                cohort=cohort, what=what, defaults={"due_on": due_on}
            )
            kept.append(deadline)
    return kept
