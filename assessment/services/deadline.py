"""Writes of a cohort's deadlines (practice works, the support plan, the theory test)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _

from cms.errors import ServiceError

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
        raise ServiceError(errors)
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


def deadline_reminders_send(*, today: dt.date | None = None) -> int:
    """Remind every trainee still studying in a cohort of each of its deadlines due within
    settings.NOTIFY_DEADLINE_DAYS (today included), unless she has handed it in already. Run daily
    by beat; each deadline is reminded of once per trainee (a run repeated, or the next day's,
    sends nothing new). Returns how many reminders went."""
    from django.conf import settings
    from django.utils import timezone

    from course.models import Enrolment

    from ..notices import deadline_near_notify

    today = today or timezone.localdate()
    due = CohortDeadline.objects.filter(
        due_on__gte=today, due_on__lte=today + dt.timedelta(days=settings.NOTIFY_DEADLINE_DAYS)
    ).order_by("due_on", "pk")
    sent = 0
    for deadline in due:
        enrolments = list(
            Enrolment.objects.filter(
                cohort_id=deadline.cohort_id, status=Enrolment.Status.ACTIVE
            ).select_related("trainee")
        )
        done = _handed_in(what=deadline.what, enrolment_ids=[e.pk for e in enrolments])
        for enrolment in enrolments:
            if enrolment.pk not in done:
                sent += deadline_near_notify(deadline=deadline, trainee=enrolment.trainee)
    return sent


def _handed_in(*, what: str, enrolment_ids: list[int]) -> set[int]:
    """Which of the enrolments have already done what the deadline asks (one query for the
    cohort): the plan submitted, the theory test taken. Practice works are several, so their
    deadline is always reminded of."""
    from ..models import SupportPlan, TestAttempt

    if what == CohortDeadline.What.PLAN:
        rows = SupportPlan.objects.filter(
            enrolment_id__in=enrolment_ids, status=SupportPlan.Status.SUBMITTED
        )
    elif what == CohortDeadline.What.THEORY:
        rows = TestAttempt.objects.filter(enrolment_id__in=enrolment_ids, finished_at__isnull=False)
    else:
        return set()
    return set(rows.values_list("enrolment_id", flat=True))
