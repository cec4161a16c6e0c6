"""Reads of the support plan: its history of reviews."""

from __future__ import annotations


def plan_history(*, plan) -> list:
    """Every submission, return (with feedback) and resubmission of the plan, oldest first."""
    return list(plan.reviews.select_related("by").order_by("at", "pk"))


def plan_last_return(*, plan):
    """The latest return for revision (feedback, who, when), or None."""
    from ..models import PlanReview

    return (
        plan.reviews.filter(kind=PlanReview.Kind.RETURNED)
        .select_related("by")
        .order_by("-at", "-pk")
        .first()
    )


def plans_waiting(*, cohort_ids: list[int]) -> list:
    """Submitted support plans of these cohorts, oldest first: each waits to be read, returned or
    defended and scored. With its defence slot and whether a final result exists, one query."""
    from django.db.models import Exists, OuterRef

    from ..models import FinalResult, SupportPlan

    return list(
        SupportPlan.objects.filter(
            enrolment__cohort_id__in=cohort_ids, status=SupportPlan.Status.SUBMITTED
        )
        .annotate(has_result=Exists(FinalResult.objects.filter(enrolment=OuterRef("enrolment"))))
        .select_related("enrolment__cohort", "enrolment__trainee", "defence")
        .only(
            "pk",
            "status",
            "submitted_at",
            "enrolment__cohort_id",
            "enrolment__trainee_id",
            "enrolment__cohort__code",
            "enrolment__trainee__email",
            "enrolment__trainee__first_name",
            "enrolment__trainee__last_name",
            "defence__plan_id",
            "defence__starts_at",
            "defence__held_on",
        )
        .order_by("submitted_at", "pk")
    )
