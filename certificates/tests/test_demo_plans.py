"""The demo scores the plan criterion only on plans that were submitted."""

from __future__ import annotations

from assessment.models import CriterionScore
from assessment.plan_scoring import plan_score_refusal


def test_every_plan_the_demo_scores_was_submitted(programme):
    from assessment import demo as assessment_demo
    from certificates import demo as certificates_demo
    from course import demo as course_demo

    result = {"accounts": [], "certificates": [], "statements": []}
    course_demo.seed(result)
    assessment_demo.seed(result)
    certificates_demo.seed(result)

    scored = CriterionScore.objects.filter(criterion__code="plan").values_list(
        "result__enrolment_id", flat=True
    )
    assert scored
    # A plan returned for revision after its score would also be a plan not handed in.
    unsubmitted = [
        enrolment_id
        for enrolment_id in set(scored)
        if plan_score_refusal(enrolment_id=enrolment_id, codes={"plan"})
    ]
    assert unsubmitted == []
