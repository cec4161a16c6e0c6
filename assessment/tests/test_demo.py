from __future__ import annotations

import pytest

from assessment import demo
from assessment.models import (
    FinalResult,
    PlanReview,
    Question,
    Submission,
    SupportPlan,
    TheoryTest,
)


@pytest.mark.django_db
def test_the_demo_has_graded_work_and_results_in_every_band_and_runs_twice(programme):
    from course import demo as course_demo

    result = {"accounts": [], "certificates": [], "statements": []}
    course_demo.seed(result)
    demo.seed(result)
    bands = set(FinalResult.objects.filter(attempt=1).values_list("band", flat=True))
    assert bands == {"excellent", "good", "satisfactory", "fail"}
    assert FinalResult.objects.filter(released_at__isnull=False).exists()
    assert FinalResult.objects.filter(released_at__isnull=True).exists()
    statuses = set(Submission.objects.values_list("status", flat=True))
    assert {"accepted", "returned", "submitted", "draft"} <= statuses
    assert TheoryTest.objects.exists()
    assert Question.objects.count() == len(demo.QUESTIONS)
    # A returned plan with its feedback, and a retake assessed with a later cohort.
    assert SupportPlan.objects.filter(status="returned", reviews__kind="returned").exists()
    retake = FinalResult.objects.get(attempt=2)
    assert retake.assessing_cohort.code == demo.LATER_COHORT_CODE
    counts = (
        FinalResult.objects.count(),
        Submission.objects.count(),
        Question.objects.count(),
        PlanReview.objects.count(),
    )
    demo.seed(result)
    assert (
        FinalResult.objects.count(),
        Submission.objects.count(),
        Question.objects.count(),
        PlanReview.objects.count(),
    ) == counts
