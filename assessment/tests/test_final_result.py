from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessment import services, signals
from assessment.models import CriterionScore, FinalResult, ScoreChange
from assessment.selectors import final_result_for, retake_deadline
from assessment.services import ScoreInput

from .factories import (
    CohortFactory,
    EnrolmentFactory,
    FinalResultFactory,
    TrainerFactory,
    UserFactory,
    finalised_result,
)

pytestmark = pytest.mark.django_db

FULL = {"theory": 18, "practice": 27, "plan": 25, "defence": 9, "participation": 8}  # 87


def as_input(scores: dict[str, int], comment: str = "") -> dict[str, ScoreInput]:
    return {code: ScoreInput(score, comment) for code, score in scores.items()}


@pytest.fixture
def trainer(db):
    return TrainerFactory(mfa=False)


@pytest.fixture
def result(trainer, programme):
    cohort = CohortFactory(trainers=[trainer])
    return services.result_start(enrolment=EnrolmentFactory(cohort=cohort, plan_submitted=True))


@pytest.fixture
def received():
    calls = []

    def on_finalised(sender, signal, **kwargs):
        calls.append(("finalised", kwargs))

    def on_changed(sender, signal, **kwargs):
        calls.append(("changed", kwargs))

    signals.result_finalised.connect(on_finalised, dispatch_uid="test-finalised")
    signals.result_changed_after_finalising.connect(on_changed, dispatch_uid="test-changed")
    yield calls
    signals.result_finalised.disconnect(dispatch_uid="test-finalised")
    signals.result_changed_after_finalising.disconnect(dispatch_uid="test-changed")


def test_the_total_and_band_are_computed_from_the_criterion_scores(result, trainer):
    services.result_scores_save(result=result, marker=trainer, scores=as_input(FULL, "ok"))
    result.refresh_from_db()
    assert result.total == 87
    assert result.band == "excellent"
    assert result.passed is True


def test_the_total_stays_empty_until_every_criterion_is_scored(result, trainer):
    services.result_scores_save(
        result=result, marker=trainer, scores=as_input({"theory": 20, "practice": 30})
    )
    result.refresh_from_db()
    assert result.total is None
    assert result.band == ""


@pytest.mark.parametrize(
    ("code", "score", "message"),
    [
        ("theory", 21, "between 0 and 20"),
        ("practice", 31, "between 0 and 30"),
        ("defence", -1, "between 0 and 10"),
        ("participation", 11, "between 0 and 10"),
        ("plan", 12.5, "whole number"),
    ],
)
def test_it_refuses_an_out_of_range_score_and_stores_nothing(result, trainer, code, score, message):
    scores = as_input({**FULL, code: 0})
    scores[code] = ScoreInput(score)
    with pytest.raises(ValidationError) as caught:
        services.result_scores_save(result=result, marker=trainer, scores=scores)
    assert message in str(caught.value.message_dict[code])
    assert not CriterionScore.objects.filter(result=result).exists()
    assert not ScoreChange.objects.filter(result=result).exists()


def test_the_refusal_message_is_translated(result, trainer):
    from django.utils import translation

    with translation.override("ru"), pytest.raises(ValidationError) as caught:
        services.result_scores_save(
            result=result, marker=trainer, scores={"theory": ScoreInput(25)}
        )
    assert "от 0 до 20" in caught.value.message_dict["theory"][0]


def test_every_score_change_is_in_the_audit_log(result, trainer):
    services.result_scores_save(result=result, marker=trainer, scores=as_input(FULL))
    services.result_scores_save(
        result=result, marker=trainer, scores={"theory": ScoreInput(15, "re-read the test")}
    )
    changes = ScoreChange.objects.filter(result=result, criterion__code="theory").order_by("pk")
    assert [(c.old_score, c.new_score) for c in changes] == [(None, 18), (18, 15)]
    assert all(c.changed_by == trainer and not c.after_finalising for c in changes)


def test_finalising_locks_the_result_and_sends_the_signal_after_commit(
    result, trainer, received, django_capture_on_commit_callbacks
):
    services.result_scores_save(result=result, marker=trainer, scores=as_input(FULL))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.result_finalise(result=result, finalised_by=trainer)
        assert received == []  # not before the commit
    for callback in callbacks:
        callback()
    result.refresh_from_db()
    assert result.status == FinalResult.Status.FINALISED
    assert result.finalised_by == trainer
    assert result.rubric.version == 1
    assert received == [
        ("finalised", {"result_id": result.pk, "enrolment_id": result.enrolment_id})
    ]
    assert final_result_for(enrolment=result.enrolment) == result


def test_it_refuses_to_finalise_an_incomplete_result(result, trainer, received):
    services.result_scores_save(result=result, marker=trainer, scores=as_input({"theory": 10}))
    with pytest.raises(ValidationError, match="Score every criterion"):
        services.result_finalise(result=result, finalised_by=trainer)
    result.refresh_from_db()
    assert result.status == FinalResult.Status.DRAFT
    assert received == []


def test_a_change_after_finalising_needs_a_reason_and_reopens_the_certificate_question(
    result, trainer, received, django_capture_on_commit_callbacks
):
    services.result_scores_save(result=result, marker=trainer, scores=as_input(FULL))
    services.result_finalise(result=result, finalised_by=trainer)
    with pytest.raises(ValidationError) as caught:
        services.result_scores_save(result=result, marker=trainer, scores={"plan": ScoreInput(10)})
    assert "give a reason" in str(caught.value.message_dict["reason"])
    assert CriterionScore.objects.get(result=result, criterion__code="plan").score == 25

    with django_capture_on_commit_callbacks(execute=True):
        services.result_scores_save(
            result=result,
            marker=trainer,
            scores={"plan": ScoreInput(10)},
            reason="Plagiarism found in the plan",
        )
    result.refresh_from_db()
    assert result.total == 72
    assert result.band == "good"
    change = ScoreChange.objects.filter(result=result).first()
    assert (change.old_score, change.new_score, change.after_finalising) == (25, 10, True)
    assert change.reason == "Plagiarism found in the plan"
    assert ("changed", {"result_id": result.pk, "enrolment_id": result.enrolment_id}) in received


def test_a_second_marker_within_the_threshold_does_not_block_finalising(result, trainer):
    second = UserFactory()
    services.result_markers_assign(result=result, second_marker=second)
    services.result_scores_save(result=result, marker=trainer, scores=as_input(FULL))
    with pytest.raises(ValidationError, match="second marker has not scored"):
        services.result_finalise(result=result, finalised_by=trainer)
    services.result_scores_save(
        result=result,
        marker=second,
        role="second",
        scores=as_input({**FULL, "plan": 15}),  # 10 points apart: within the threshold
    )
    services.result_finalise(result=result, finalised_by=trainer)
    result.refresh_from_db()
    assert result.total == 87  # the first marking counts


def test_markers_far_apart_need_an_agreed_score_with_a_rationale(result, trainer):
    second = UserFactory()
    services.result_markers_assign(result=result, second_marker=second)
    services.result_scores_save(result=result, marker=trainer, scores=as_input(FULL))
    services.result_scores_save(
        result=result, marker=second, role="second", scores=as_input({**FULL, "plan": 10})
    )
    with pytest.raises(ValidationError, match="differ by more than 10"):
        services.result_finalise(result=result, finalised_by=trainer)
    result.refresh_from_db()
    assert result.status == FinalResult.Status.DRAFT

    with pytest.raises(ValidationError, match="rationale"):
        services.result_agree(
            result=result, marker=trainer, scores=as_input({"plan": 18}), rationale=" "
        )
    assert (
        CriterionScore.objects.get(result=result, role="first", criterion__code="plan").score == 25
    )

    services.result_agree(
        result=result,
        marker=trainer,
        scores=as_input({"plan": 18}),
        rationale="Discussed: needs analysis is thin.",
    )
    services.result_finalise(result=result, finalised_by=trainer)
    result.refresh_from_db()
    assert result.total == 80
    assert result.agreed_rationale


def test_a_third_markers_scores_decide_when_two_markers_disagree(result, trainer):
    second, third = UserFactory(), UserFactory()
    services.result_markers_assign(result=result, second_marker=second)
    services.result_scores_save(result=result, marker=trainer, scores=as_input(FULL))
    services.result_scores_save(
        result=result, marker=second, role="second", scores=as_input({**FULL, "plan": 5})
    )
    services.result_markers_assign(result=result, second_marker=second, third_marker=third)
    with pytest.raises(ValidationError, match="You are not the third marker"):
        services.result_scores_save(
            result=result, marker=second, role="third", scores=as_input(FULL)
        )
    services.result_scores_save(
        result=result, marker=third, role="third", scores=as_input({**FULL, "plan": 15})
    )
    services.result_finalise(result=result, finalised_by=trainer)
    result.refresh_from_db()
    assert result.total == 77
    assert [s for _, s, _ in result.criterion_scores()] == [18, 27, 15, 9, 8]


def test_criterion_scores_are_in_rubric_order_with_their_comments(trainer, programme):
    result = finalised_result(
        scores={"theory": 20, "plan": 30}, comments={"plan": "Clear goals"}, marker=trainer
    )
    rows = result.criterion_scores()
    assert [c.code for c, _, _ in rows] == [
        "theory",
        "practice",
        "plan",
        "defence",
        "participation",
    ]
    assert rows[2][1:] == (30, "Clear goals")
    assert result.total == sum(s for _, s, _ in rows)


def test_final_result_for_ignores_drafts_and_prefers_the_retake(programme):
    enrolment = EnrolmentFactory()
    assert final_result_for(enrolment=enrolment) is None
    first = finalised_result(enrolment=enrolment, scores={"plan": 0, "practice": 0})
    assert final_result_for(enrolment=enrolment) == first
    second = FinalResultFactory(enrolment=enrolment, attempt=2)
    assert final_result_for(enrolment=enrolment) == first
    FinalResult.objects.filter(pk=second.pk).update(status="finalised", total=90, band="excellent")
    assert final_result_for(enrolment=enrolment) == second


FAILING = {"theory": 5, "practice": 10, "plan": 10, "defence": 5, "participation": 5}  # 35


def test_a_trainee_who_did_not_pass_may_retake_once_within_a_year(programme):
    enrolment = EnrolmentFactory()
    finalised_at = timezone.make_aware(dt.datetime(2026, 3, 10, 12, 0))
    finalised_result(enrolment=enrolment, scores=FAILING, finalised_at=finalised_at)
    assert retake_deadline(enrolment=enrolment) == dt.date(2027, 3, 10)
    with time_machine.travel(dt.datetime(2027, 3, 10, 10, 0, tzinfo=dt.UTC), tick=False):
        retake = services.result_start(enrolment=enrolment)
    assert retake.attempt == 2


def test_it_refuses_a_retake_after_the_window(programme):
    enrolment = EnrolmentFactory()
    finalised_at = timezone.make_aware(dt.datetime(2026, 3, 10, 12, 0))
    finalised_result(enrolment=enrolment, scores=FAILING, finalised_at=finalised_at)
    with (
        time_machine.travel(dt.datetime(2027, 3, 11, 10, 0, tzinfo=dt.UTC), tick=False),
        pytest.raises(ValidationError, match="retake window closed on 2027-03-10"),
    ):
        services.result_start(enrolment=enrolment)
    assert FinalResult.objects.filter(enrolment=enrolment).count() == 1


def test_it_refuses_a_second_retake(programme):
    enrolment = EnrolmentFactory()
    finalised_result(enrolment=enrolment, scores=FAILING)
    services.result_start(enrolment=enrolment)
    with pytest.raises(ValidationError, match="Only one retake"):
        services.result_start(enrolment=enrolment)
    with pytest.raises(ValidationError, match="Only one retake"):
        services.result_start(enrolment=enrolment, attempt=3)
    assert FinalResult.objects.filter(enrolment=enrolment).count() == 2


def test_it_refuses_a_retake_after_a_pass(programme):
    enrolment = EnrolmentFactory()
    finalised_result(enrolment=enrolment)
    with pytest.raises(ValidationError, match="passed"):
        services.result_start(enrolment=enrolment)
    assert retake_deadline(enrolment=enrolment) is None
    assert FinalResult.objects.filter(enrolment=enrolment).count() == 1


def test_only_a_finalised_result_can_be_released(result, trainer):
    with pytest.raises(ValidationError, match="Only a finalised result"):
        services.result_release(result=result)
    result.refresh_from_db()
    assert result.released_at is None
    services.result_scores_save(result=result, marker=trainer, scores=as_input(FULL))
    services.result_finalise(result=result, finalised_by=trainer)
    services.result_release(result=result)
    result.refresh_from_db()
    assert result.is_released
