"""The assessment facts stated once (issue 18): the band edges and what passes, the theory
criterion's maximum, and which cohort's trainers mark an attempt."""

from __future__ import annotations

import pytest
from django.utils import translation

from assessment import models, selectors
from assessment.charts import TOTAL_BINS
from assessment.models import FinalResult, Rubric
from assessment.rubric import PASSING_BANDS, THEORY_MAX, bands_example
from assessment.tests.factories import FinalResultFactory
from cms.tests.factories import TrainerFactory
from course.tests.factories import CohortFactory, EnrolmentFactory


def test_the_passing_bands_are_the_rubrics_bands_that_pass_highest_first():
    assert PASSING_BANDS == ("excellent", "good", "satisfactory")


def test_the_totals_chart_is_cut_at_the_band_edges_85_70_and_50():
    assert TOTAL_BINS == ((0, 49), (50, 59), (60, 69), (70, 77), (78, 84), (85, 92), (93, 100))


def test_the_band_help_text_formats_the_edges_in_each_language():
    help_text = Rubric._meta.get_field("bands").help_text

    assert bands_example() == '{"excellent": 85, "good": 70, …}'
    with translation.override("ru"):
        assert str(help_text) == (
            'Наименьший общий балл каждого уровня, например {"excellent": 85, "good": 70, …}'
        )
    with translation.override("kk"):
        assert str(help_text) == (
            'Әр деңгейдің ең төменгі жалпы балы, мысалы {"excellent": 85, "good": 70, …}'
        )


@pytest.mark.django_db
def test_the_theory_maximum_is_the_approved_rubrics_theory_criterion():
    theory = Rubric.objects.get(version=1).criteria.get(code="theory")

    assert THEORY_MAX == theory.max_score == 20


def test_a_theory_test_score_is_scaled_to_the_theory_maximum_rounded_half_up():
    # 13 of 20 questions → 13 of 20 points; 7 of 16 → 8.75 → 9; 5 of 8 → 12.5 → 13.
    assert models.TestAttempt(score=13, max_score=20).proposed_theory_score == 13
    assert models.TestAttempt(score=7, max_score=16).proposed_theory_score == 9
    assert models.TestAttempt(score=5, max_score=8).proposed_theory_score == 13
    assert models.TestAttempt(score=None, max_score=8).proposed_theory_score is None


@pytest.mark.django_db
def test_a_first_attempt_and_an_unstarted_one_are_marked_by_the_trainees_own_cohort(programme):
    own_trainer, other_trainer = TrainerFactory(), TrainerFactory()
    enrolment = EnrolmentFactory(cohort=CohortFactory(trainers=[own_trainer]))
    CohortFactory(trainers=[other_trainer])
    first = FinalResultFactory(enrolment=enrolment)

    for result in (None, first):
        assert (
            selectors.marking_cohort_id(enrolment=enrolment, result=result) == enrolment.cohort_id
        )
        assert selectors.marking_cohort(enrolment=enrolment, result=result) == enrolment.cohort
        assert selectors.marks(user=own_trainer, enrolment=enrolment, result=result)
        assert not selectors.marks(user=other_trainer, enrolment=enrolment, result=result)


@pytest.mark.django_db
def test_a_retake_assessed_with_a_later_cohort_is_marked_by_that_cohorts_trainers(programme):
    own_trainer, later_trainer = TrainerFactory(), TrainerFactory()
    enrolment = EnrolmentFactory(cohort=CohortFactory(trainers=[own_trainer]))
    later = CohortFactory(trainers=[later_trainer])
    FinalResultFactory(enrolment=enrolment, status=FinalResult.Status.FINALISED)
    retake = FinalResultFactory(enrolment=enrolment, attempt=2, assessing_cohort=later)

    assert selectors.marking_cohort_id(enrolment=enrolment, result=retake) == later.pk
    assert selectors.marking_cohort(enrolment=enrolment, result=retake) == later
    assert selectors.marks(user=later_trainer, enrolment=enrolment, result=retake)
    assert not selectors.marks(user=own_trainer, enrolment=enrolment, result=retake)
    # The own cohort's trainers still read the trainee's work; the later cohort's too.
    assert selectors.assesses(user=own_trainer, enrolment=enrolment)
    assert selectors.assesses(user=later_trainer, enrolment=enrolment)
    assert not selectors.assesses(user=TrainerFactory(), enrolment=enrolment)
