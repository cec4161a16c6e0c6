"""Final result workflows refused for a trainee who left the course (expelled or withdrawn)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from assessment import services
from assessment.models import CriterionScore, FinalResult, ScoreChange, SupportPlan
from assessment.services import ScoreInput
from course.models import Enrolment

from .conftest import named_enrolment
from .factories import CohortFactory, EnrolmentFactory, TrainerFactory, finalised_result

pytestmark = pytest.mark.django_db


FULL = {"theory": 18, "practice": 27, "plan": 25, "defence": 9, "participation": 8}


def _input(scores):
    return {code: ScoreInput(score, "") for code, score in scores.items()}


@pytest.fixture
def trainer(db):
    return TrainerFactory(mfa=False)


@pytest.mark.parametrize("status", ["expelled", "withdrawn"])
def test_scoring_a_trainee_who_left_is_refused_and_nothing_is_stored(trainer, programme, status):
    enrolment = named_enrolment(trainer, Enrolment.Status.ACTIVE)
    result = services.result_start(enrolment=enrolment)
    Enrolment.objects.filter(pk=enrolment.pk).update(status=status)
    label = dict(Enrolment.Status.choices)[status]

    with pytest.raises(ValidationError) as error:
        services.result_scores_save(result=result, marker=trainer, scores=_input(FULL))

    assert error.value.messages == [
        f"Айгүл Серикова's enrolment is “{label}”: the final assessment is closed to them."
    ]
    assert not CriterionScore.objects.filter(result=result).exists()
    assert not ScoreChange.objects.filter(result=result).exists()
    result.refresh_from_db()
    assert result.total is None


def test_finalising_the_result_of_an_expelled_trainee_is_refused(trainer, programme):
    enrolment = named_enrolment(trainer, Enrolment.Status.ACTIVE, plan_submitted=True)
    result = services.result_start(enrolment=enrolment)
    services.result_scores_save(result=result, marker=trainer, scores=_input(FULL))
    Enrolment.objects.filter(pk=enrolment.pk).update(status=Enrolment.Status.EXPELLED)

    with pytest.raises(ValidationError, match="the final assessment is closed to them"):
        services.result_finalise(result=result, finalised_by=trainer)

    result.refresh_from_db()
    assert result.status != FinalResult.Status.FINALISED
    assert result.finalised_at is None


def test_releasing_the_result_of_a_withdrawn_trainee_is_refused(trainer, programme):
    enrolment = named_enrolment(trainer, Enrolment.Status.WITHDRAWN)
    result = finalised_result(enrolment=enrolment)

    with pytest.raises(ValidationError, match="the final assessment is closed to them"):
        services.result_release(result=result)

    result.refresh_from_db()
    assert result.released_at is None


def test_a_refused_first_save_on_the_scoring_page_leaves_no_empty_draft(trainer, programme):
    enrolment = EnrolmentFactory(cohort=CohortFactory(trainers=[trainer]))
    with pytest.raises(ValidationError) as refused:
        services.result_score(
            enrolment=enrolment,
            result=None,
            marker=trainer,
            role=CriterionScore.Role.FIRST,
            scores=_input({**FULL, "theory": 21}),
        )
    assert refused.value.message_dict["theory"] == [
        "A score for “Mastery of theory (modern approaches, legal requirements, support methods)” "
        "must be between 0 and 20."
    ]
    assert not FinalResult.objects.filter(enrolment=enrolment).exists()


def test_a_second_marker_asking_to_finalise_is_refused_and_their_scores_are_not_kept(
    trainer, programme
):
    from .factories import UserFactory

    enrolment = EnrolmentFactory(cohort=CohortFactory(trainers=[trainer]), plan_submitted=True)
    result = services.result_start(enrolment=enrolment)
    second = UserFactory()
    services.result_markers_assign(result=result, second_marker=second)
    with pytest.raises(ValidationError) as refused:
        services.result_score(
            enrolment=enrolment,
            result=result,
            marker=second,
            role=CriterionScore.Role.SECOND,
            scores=_input(FULL),
            finalise=True,
        )
    assert refused.value.messages == ["Only the first marker finalises the result."]
    assert not CriterionScore.objects.filter(result=result).exists()
    result.refresh_from_db()
    assert result.status == FinalResult.Status.DRAFT


def test_crediting_the_plan_of_a_trainee_who_never_submitted_it_is_refused_and_nothing_is_kept(
    trainer,
):
    enrolment = EnrolmentFactory(cohort=CohortFactory(trainers=[trainer]))
    SupportPlan.objects.filter(enrolment=enrolment).update(status=SupportPlan.Status.DRAFT)
    result = services.result_start(enrolment=enrolment)

    with pytest.raises(ValidationError) as refused:
        services.result_scores_save(result=result, marker=trainer, scores={"plan": ScoreInput(20)})

    assert refused.value.message_dict == {
        "plan": [
            "The individual support plan has not been submitted, so the plan criterion cannot "
            "be scored yet. Score it once the trainee has submitted the plan."
        ]
    }
    assert not CriterionScore.objects.filter(result=result).exists()
    # A plan never handed in may still be scored 0, so the trainee can be given a result.
    services.result_scores_save(result=result, marker=trainer, scores={"plan": ScoreInput(0)})
    assert CriterionScore.objects.get(result=result, criterion__code="plan").score == 0
