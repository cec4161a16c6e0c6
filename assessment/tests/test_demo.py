from __future__ import annotations

import pytest

from assessment import control_demo_bank, demo
from assessment.models import (
    ControlAttempt,
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
    bank = sum(len(entries) for entries in control_demo_bank.BANK.values())
    assert Question.objects.count() == len(demo.QUESTIONS) + bank
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


@pytest.mark.django_db
def test_the_demo_has_a_bank_per_module_controls_with_attempts_and_an_item_analysis(programme):
    from assessment import selectors
    from course import demo as course_demo
    from course.models import Cohort

    result = {"accounts": [], "certificates": [], "statements": []}
    course_demo.seed(result)
    demo.seed(result)
    for module_number in range(1, 6):
        bank = Question.objects.filter(is_demo=True, module__number=module_number)
        assert bank.count() == 10
        for question in bank:
            assert question.text_kk and question.text_ru
            choices = list(question.choices.order_by("sort_order"))
            assert len(choices) == 4 and all(c.text_kk and c.text_ru for c in choices)
            assert sum(c.is_correct for c in choices) == 1
    first_right = [
        [c.is_correct for c in q.choices.order_by("sort_order")].index(True)
        for q in Question.objects.filter(is_demo=True)
    ]
    assert set(first_right) == {0, 1, 2, 3}  # the right option is not always first
    cohort = Cohort.objects.get(code=demo.COHORT_CODE)
    controls, rows = selectors.cohort_control_grid(cohort=cohort)
    assert len(controls) == 5
    assert any(cell.best for row in rows for cell in row.cells)
    assert any(row.behind for row in rows)
    counted, items = selectors.theory_item_analysis(test=TheoryTest.objects.get())
    assert counted == len(rows)
    assert any(item.stats.discrimination is not None for item in items)
    attempts = ControlAttempt.objects.count()
    demo.seed(result)
    assert ControlAttempt.objects.count() == attempts
