"""The scoring pages: the form, refusals, second marker, finalising, releasing, the audit log,
retakes, the trainee's view and who may open what."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from assessment import services
from assessment.models import CriterionScore, FinalResult, ScoreChange
from assessment.services import ScoreInput

from .conftest import url
from .factories import EnrolmentFactory, RegistrarFactory, TrainerFactory, finalised_result

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment(cohort):
    """The trainee has handed in the support plan, so the plan criterion may be credited: these
    tests are about the rubric, not the plan."""
    return EnrolmentFactory(cohort=cohort, plan_submitted=True)


GOOD = {"theory": 15, "practice": 22, "plan": 22, "defence": 8, "participation": 7}  # 74


def lock_of(enrolment) -> int | str:
    """The lock version a freshly opened score page carries (empty: no result yet)."""
    result = FinalResult.objects.filter(enrolment=enrolment).order_by("-attempt").first()
    return "" if result is None else result.lock_version


def form_data(scores: dict[str, int | str], **extra) -> dict:
    data = {}
    for code, score in scores.items():
        data[f"score_{code}"] = score
        data[f"comment_{code}"] = f"comment on {code}"
    data.update(extra)
    return data


def test_a_trainer_of_the_cohort_scores_and_finalises_through_the_form(
    client, trainer, enrolment, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    response = client.get(url("score", enrolment.pk))
    assert response.status_code == 200
    assert "Attendance" in response.text or "No attendance recorded yet." in response.text

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("score", enrolment.pk), form_data(GOOD, action="finalise", confirm="yes")
        )
    assert response.status_code == 302
    result = FinalResult.objects.get(enrolment=enrolment)
    assert result.status == "finalised"
    assert (result.total, result.band) == (74, "good")
    assert ScoreChange.objects.filter(result=result).count() == 5
    page = client.get(url("score", enrolment.pk)).text
    assert "74 / 100" in page
    assert "Passed — good" in page


def test_the_form_refuses_an_out_of_range_score_with_its_message_and_stores_nothing(
    client, trainer, enrolment
):
    client.force_login(trainer)
    response = client.post(url("score", enrolment.pk), form_data({**GOOD, "practice": 31}))
    assert response.status_code == 200
    assert (
        "A score for “Applying knowledge to practical situations (case analysis, choosing "
        "support tools)” must be between 0 and 30."
    ) in (response.text)
    assert 'id="error-summary"' in response.text
    assert not FinalResult.objects.filter(enrolment=enrolment).exists()
    assert not CriterionScore.objects.exists()


def test_finalising_an_incomplete_result_is_refused_and_the_scores_are_not_kept(
    client, trainer, enrolment
):
    client.force_login(trainer)
    response = client.post(
        url("score", enrolment.pk), form_data({"theory": 10}, action="finalise", confirm="yes")
    )
    assert "Score every criterion before finalising." in response.text
    assert not FinalResult.objects.filter(enrolment=enrolment).exists()


def test_the_second_marker_scores_blind_and_a_large_gap_needs_an_agreed_score(
    client, trainer, cohort, enrolment
):
    second = TrainerFactory()
    cohort.trainers.add(second)
    result = services.result_start(enrolment=enrolment)
    services.result_scores_save(
        result=result,
        marker=trainer,
        scores={code: ScoreInput(score, "first says") for code, score in GOOD.items()},
    )
    client.force_login(trainer)
    client.post(url("markers", result.pk), {"second_marker": second.pk})
    result.refresh_from_db()
    assert result.second_marker == second

    client.force_login(second)
    page = client.get(url("score", enrolment.pk)).text
    assert "You mark independently" in page
    assert "first says" not in page
    assert "Save and finalise" not in page
    client.post(
        url("score", enrolment.pk),
        form_data({**GOOD, "plan": 5, "practice": 10}, lock_version=lock_of(enrolment)),
    )
    assert CriterionScore.objects.filter(result=result, role="second").count() == 5

    client.force_login(trainer)
    response = client.post(
        url("score", enrolment.pk),
        form_data(GOOD, action="finalise", confirm="yes", lock_version=lock_of(enrolment)),
    )
    assert "differ by more than 10 points" in response.text
    result.refresh_from_db()
    assert result.status == "draft"

    response = client.post(
        url("score", enrolment.pk),
        form_data(
            {**GOOD, "plan": 18},
            action="finalise",
            confirm="yes",
            rationale="Agreed after discussion",
            lock_version=lock_of(enrolment),
        ),
    )
    assert response.status_code == 302
    result.refresh_from_db()
    assert (result.status, result.total, result.agreed_rationale) == (
        "finalised",
        70,
        "Agreed after discussion",
    )


def test_a_change_after_finalising_without_a_reason_is_refused(client, trainer, enrolment):
    result = finalised_result(enrolment=enrolment, scores=GOOD, marker=trainer)
    client.force_login(trainer)
    response = client.post(
        url("score", enrolment.pk), form_data({**GOOD, "plan": 30}, lock_version=lock_of(enrolment))
    )
    assert "give a reason for changing a score" in response.text
    assert CriterionScore.objects.get(result=result, criterion__code="plan").score == 22

    response = client.post(
        url("score", enrolment.pk),
        form_data({**GOOD, "plan": 30}, reason="Re-marked appeal", lock_version=lock_of(enrolment)),
    )
    assert response.status_code == 302
    result.refresh_from_db()
    assert result.total == 82
    change = ScoreChange.objects.get(result=result)
    assert (change.old_score, change.new_score, change.reason) == (22, 30, "Re-marked appeal")


def test_the_audit_log_is_readable_by_the_trainer_and_staff_only(
    client, trainer, enrolment, outsiders
):
    result = services.result_start(enrolment=enrolment)
    services.result_scores_save(result=result, marker=trainer, scores={"theory": ScoreInput(12)})
    for user in (trainer, RegistrarFactory()):
        client.force_login(user)
        response = client.get(url("audit", result.pk))
        assert response.status_code == 200
        assert "Mastery of theory" in response.text
    for user in (outsiders["trainee"], outsiders["trainer"], enrolment.trainee):
        client.force_login(user)
        assert client.get(url("audit", result.pk)).status_code == 404
    client.logout()
    response = client.get(url("audit", result.pk))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["trainee", "other_trainee", "other_trainer"])
def test_only_the_cohorts_trainers_open_the_scoring_page(client, enrolment, person, who):
    client.force_login(person(who))
    assert client.get(url("score", enrolment.pk)).status_code == 404
    assert client.post(url("score", enrolment.pk), form_data(GOOD)).status_code == 404
    assert not FinalResult.objects.exists()


def test_a_registrar_reads_any_cohorts_scoring_page_but_cannot_change_it(
    client, trainer, enrolment
):
    services.result_scores_save(
        result=services.result_start(enrolment=enrolment),
        marker=trainer,
        scores={"theory": ScoreInput(18, "Good")},
    )
    client.force_login(RegistrarFactory())

    page = client.get(url("score", enrolment.pk))
    assert page.status_code == 200
    assert 'value="18"' in page.text and "disabled" in page.text

    response = client.post(url("score", enrolment.pk), form_data(GOOD), follow=True)
    assert "you can read it only" in response.text
    assert list(CriterionScore.objects.values_list("criterion__code", "score")) == [("theory", 18)]


def test_an_anonymous_visitor_is_sent_to_the_login_page(client, enrolment):
    response = client.get(url("score", enrolment.pk))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    response = client.get(url("my_results"))
    assert response.status_code == 302


def test_the_trainee_sees_scores_and_comments_only_after_release(client, trainer, enrolment):
    result = finalised_result(
        enrolment=enrolment, scores=GOOD, comments={"plan": "Goals are measurable"}
    )
    client.force_login(enrolment.trainee)
    page = client.get(url("my_results")).text
    assert "Your result has not been released yet." in page
    assert "Goals are measurable" not in page

    client.force_login(trainer)
    client.post(url("release", result.pk))
    client.force_login(enrolment.trainee)
    page = client.get(url("my_results")).text
    assert "Goals are measurable" in page
    assert "74 / 100" in page
    assert "Passed — good" in page


def test_another_trainee_never_sees_someone_elses_result(client, enrolment, outsiders):
    finalised_result(enrolment=enrolment, comments={"plan": "Private remark"}, released=True)
    client.force_login(outsiders["trainee"])
    assert "Private remark" not in client.get(url("my_results")).text


def test_releasing_a_draft_is_refused_with_a_message(client, trainer, enrolment):
    result = services.result_start(enrolment=enrolment)
    client.force_login(trainer)
    response = client.post(url("release", result.pk), follow=True)
    assert "Only a finalised result can be released" in response.text
    result.refresh_from_db()
    assert result.released_at is None


FAILING = {"theory": 5, "practice": 10, "plan": 10, "defence": 5, "participation": 5}


def test_the_trainee_is_shown_the_retake_deadline(client, enrolment):
    finalised_result(
        enrolment=enrolment,
        scores=FAILING,
        released=True,
        finalised_at=timezone.make_aware(dt.datetime(2026, 6, 1, 12, 0)),
    )
    client.force_login(enrolment.trainee)
    page = client.get(url("my_results")).text
    assert "Not passed: retake or assessment with a later cohort by" in page
    assert "2027" in page


def test_a_retake_after_the_window_is_refused_with_a_message(client, trainer, enrolment):
    finalised_result(
        enrolment=enrolment,
        scores=FAILING,
        finalised_at=timezone.now() - dt.timedelta(days=400),
    )
    client.force_login(trainer)
    response = client.post(url("retake", enrolment.pk), follow=True)
    assert "The retake window closed on" in response.text
    assert FinalResult.objects.filter(enrolment=enrolment).count() == 1


def test_a_retake_inside_the_window_opens_attempt_two(client, trainer, enrolment):
    finalised_result(enrolment=enrolment, scores=FAILING)
    client.force_login(trainer)
    response = client.post(url("retake", enrolment.pk), follow=True)
    assert "The retake is opened." in response.text
    assert FinalResult.objects.filter(enrolment=enrolment, attempt=2).exists()


STALE = "Another trainer saved these scores while you had the page open."


@pytest.fixture
def two_trainers_on_one_result(cohort, trainer, enrolment):
    colleague = TrainerFactory()
    cohort.trainers.add(colleague)
    result = services.result_start(enrolment=enrolment)
    services.result_scores_save(
        result=result,
        marker=trainer,
        scores={code: ScoreInput(score, "first") for code, score in GOOD.items()},
    )
    result.refresh_from_db()
    return trainer, colleague, result


def _state(result):
    result.refresh_from_db()
    scores = dict(
        CriterionScore.objects.filter(result=result).values_list("criterion__code", "score")
    )
    return scores, result.lock_version, ScoreChange.objects.filter(result=result).count()


def test_a_trainer_saving_the_score_form_from_a_stale_page_is_told_and_nothing_changes(
    client, enrolment, two_trainers_on_one_result
):
    trainer, colleague, result = two_trainers_on_one_result
    seen = result.lock_version  # both opened the page now
    client.force_login(trainer)
    first = client.post(
        url("score", enrolment.pk), form_data({**GOOD, "plan": 25}, lock_version=seen)
    )
    assert first.status_code == 302
    before = _state(result)
    assert before[0]["plan"] == 25

    client.force_login(colleague)
    second = client.post(
        url("score", enrolment.pk), form_data({**GOOD, "plan": 10}, lock_version=seen)
    )

    assert second.status_code == 200
    assert STALE in second.text
    assert "Your scores were not saved" in second.text
    assert _state(result) == before


def test_a_first_save_from_a_page_opened_before_another_trainer_scored_is_refused(
    client, enrolment, two_trainers_on_one_result
):
    _trainer, colleague, result = two_trainers_on_one_result
    before = _state(result)
    client.force_login(colleague)

    # The colleague's page showed no result (an empty lock version); meanwhile one was scored.
    response = client.post(
        url("score", enrolment.pk), form_data(GOOD | {"plan": 5}, lock_version="")
    )

    assert response.status_code == 200
    assert STALE in response.text
    assert _state(result) == before


def test_two_first_saves_at_the_same_moment_give_a_conflict_message_not_a_500(
    client, enrolment, two_trainers_on_one_result, monkeypatch
):
    from assessment import selectors

    _trainer, colleague, result = two_trainers_on_one_result
    before = _state(result)
    # The colleague's request read the enrolment before the first trainer's result was committed:
    # it saw no result, and its row lock found nothing to lock. Creating attempt 1 then hits the
    # unique constraint, as the second of two simultaneous first saves does.
    monkeypatch.setattr(selectors, "results_of_enrolment", lambda enrolment: [])
    monkeypatch.setattr(FinalResult.objects, "select_for_update", FinalResult.objects.none)
    client.force_login(colleague)

    response = client.post(url("score", enrolment.pk), form_data(GOOD, lock_version=""))

    assert response.status_code == 200
    assert STALE in response.text
    monkeypatch.undo()
    assert _state(result) == before
    assert FinalResult.objects.filter(enrolment=enrolment).count() == 1


def test_the_scoring_page_offers_the_retake_until_its_deadline_only_before_it_is_opened(
    client, trainer, enrolment
):
    import re

    finalised_result(
        enrolment=enrolment,
        scores=FAILING,
        marker=trainer,
        finalised_at=timezone.make_aware(dt.datetime(2026, 3, 10, 12, 0)),
    )
    client.force_login(trainer)
    page = client.get(url("score", enrolment.pk)).text
    assert "Open the retake" in page
    # One year after the first final assessment.
    offered_until = re.search(r"is allowed until ([^.<]+)\.", page).group(1)
    assert "10" in offered_until and "2027" in offered_until

    services.result_start(enrolment=enrolment, attempt=2)
    page = client.get(url("score", enrolment.pk)).text
    assert "Open the retake" not in page
    assert "is allowed until" not in page
