"""The plan criterion is credited only on a submitted individual support plan.

`result_scores_save` (assessment/services/result.py) calls `plan_score_refusal` with the criteria
it is about to credit (score above 0) and raises its message on the "plan" criterion; a plan never
submitted may still be scored 0. The demos submit every plan they score."""

from __future__ import annotations

from django.utils.translation import gettext as _

PLAN = "plan"


def plan_score_refusal(*, enrolment_id: int, codes) -> str | None:
    """Why these criterion codes may not be scored for this enrolment now, or None."""
    from .models import SupportPlan

    if PLAN not in codes:
        return None
    submitted = SupportPlan.objects.filter(
        enrolment_id=enrolment_id, status=SupportPlan.Status.SUBMITTED
    ).exists()
    if submitted:
        return None
    return _(
        "The individual support plan has not been submitted, so the plan criterion cannot be "
        "scored yet. Score it once the trainee has submitted the plan."
    )
