"""The plan criterion is scored only on a submitted plan (the demo: certificates/tests)."""

from __future__ import annotations

import pytest

from assessment.models import SupportPlan
from assessment.plan_scoring import plan_score_refusal
from course.tests.factories import EnrolmentFactory

REFUSAL = (
    "The individual support plan has not been submitted, so the plan criterion cannot be "
    "scored yet. Score it once the trainee has submitted the plan."
)


@pytest.mark.parametrize("status", [None, "draft", "returned"])
def test_the_plan_criterion_is_refused_without_a_submitted_plan(programme, status):
    enrolment = EnrolmentFactory()
    if status is not None:
        SupportPlan.objects.create(enrolment=enrolment, status=status)

    assert plan_score_refusal(enrolment_id=enrolment.pk, codes={"plan", "theory"}) == REFUSAL


def test_the_plan_criterion_may_be_scored_on_a_submitted_plan(programme):
    enrolment = EnrolmentFactory()
    SupportPlan.objects.create(enrolment=enrolment, status=SupportPlan.Status.SUBMITTED)

    assert plan_score_refusal(enrolment_id=enrolment.pk, codes={"plan"}) is None


def test_the_other_criteria_need_no_plan(programme):
    enrolment = EnrolmentFactory()

    assert plan_score_refusal(enrolment_id=enrolment.pk, codes={"theory", "defence"}) is None
