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
