"""The plan criterion is scored only on a submitted individual support plan.

The check for the scoring service: `result_scores_save` (assessment/services.py) is to call
`plan_score_refusal` before storing a "plan" score and raise its message as a ValidationError on
the "plan" criterion. It lives apart while that module is being split into a package (see the
README, "Final assessment"); the demos already submit every plan they score."""

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
