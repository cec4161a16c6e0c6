"""Not passed: the one retake assessed with a later cohort of the same programme. The later
cohort's trainers score it, the own trainers read it, it shows in the later cohort's lists, the
trainee sees where and when — and every refusal leaves everything as it was."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessment import services
from assessment.models import CriterionScore, DefenceSlot, FinalResult, SupportPlan

from .conftest import url
from .factories import (
    CohortFactory,
    EnrolmentFactory,
    RegistrarFactory,
    TrainerFactory,
    finalised_result,
)
from .test_scoring_views import FAILING, GOOD, form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment(cohort):
    """The trainee has handed in the support plan, so the plan criterion may be credited: these
    tests are about the rubric, not the plan."""
    return EnrolmentFactory(cohort=cohort, plan_submitted=True)


FIRST_ASSESSED = timezone.make_aware(dt.datetime(2026, 3, 10, 12, 0))


@pytest.fixture
def failed(enrolment):
    return finalised_result(
        enrolment=enrolment, scores=FAILING, finalised_at=FIRST_ASSESSED, released=True
    )


@pytest.fixture
def later_trainer(db):
    return TrainerFactory()


@pytest.fixture
def later(cohort, later_trainer):
    return CohortFactory(
        programme=cohort.programme,
        trainers=[later_trainer],
        starts_on=cohort.starts_on + dt.timedelta(days=90),
        ends_on=cohort.ends_on + dt.timedelta(days=90),
    )


def in_window():
    return time_machine.travel(dt.datetime(2026, 9, 1, 9, 0, tzinfo=dt.UTC), tick=False)


def test_a_trainee_who_did_not_pass_is_assessed_with_a_later_cohort(enrolment, failed, later):
    registrar = RegistrarFactory()
    with in_window():
        retake = services.result_assess_with_cohort(
            enrolment=enrolment, cohort=later, decided_by=registrar
        )
    assert (retake.attempt, retake.assessing_cohort, retake.rubric) == (2, later, failed.rubric)
    assert retake.assessing_cohort_set_by == registrar
    assert retake.assessing_cohort_set_at is not None
    assert retake.enrolment.cohort == enrolment.cohort  # the trainee stays in their cohort


def test_a_retake_opened_at_home_moves_to_a_later_cohort_until_it_is_scored(
    enrolment, failed, later, trainer
):
    with in_window():
        retake = services.result_start(enrolment=enrolment)
        moved = services.result_assess_with_cohort(
            enrolment=enrolment, cohort=later, decided_by=trainer
        )
        assert moved.pk == retake.pk
        services.result_scores_save(
            result=moved, marker=trainer, scores={"theory": services.ScoreInput(10)}
        )
        other = CohortFactory(
            programme=enrolment.cohort.programme,
            starts_on=later.starts_on + dt.timedelta(days=30),
            ends_on=later.ends_on + dt.timedelta(days=30),
        )
        with pytest.raises(ValidationError, match="already been scored"):
            services.result_assess_with_cohort(
                enrolment=enrolment, cohort=other, decided_by=trainer
            )
    moved.refresh_from_db()
    assert moved.assessing_cohort == later


def _refusal_cases():
    return ["other_programme", "earlier", "same", "outside_window", "passed", "third", "not_final"]


@pytest.mark.parametrize("case", _refusal_cases())
def test_an_assessment_with_a_later_cohort_is_refused_with_a_message_and_nothing_changes(
    enrolment, later, trainer, case
):
    from course.models import ProgrammePage

    cohort = later
    when = in_window()
    message = ""
    if case == "not_final":
        from .factories import FinalResultFactory

        FinalResultFactory(enrolment=enrolment)
        message = "The first attempt has not been finalised yet."
    elif case == "passed":
        finalised_result(enrolment=enrolment, finalised_at=FIRST_ASSESSED)
        message = "The trainee passed the final assessment: there is nothing to retake."
    else:
        finalised_result(enrolment=enrolment, scores=FAILING, finalised_at=FIRST_ASSESSED)
    if case == "other_programme":
        other = ProgrammePage.objects.exclude(pk=enrolment.cohort.programme_id).first()
        if other is None:  # one programme in the test site: copy it as a second course
            programme = enrolment.cohort.programme
            other = programme.copy(
                update_attrs={"slug": f"{programme.slug}-2", "title": "Another course"},
                keep_live=False,
            )
        cohort = CohortFactory(
            programme=other,
            starts_on=later.starts_on,
            ends_on=later.ends_on,
        )
        message = f"Cohort {cohort.code} teaches another programme"
    elif case == "earlier":
        cohort = CohortFactory(
            programme=enrolment.cohort.programme,
            starts_on=enrolment.cohort.starts_on - dt.timedelta(days=60),
            ends_on=enrolment.cohort.ends_on,
        )
        message = f"Cohort {cohort.code} does not start after the trainee's own cohort"
    elif case == "same":
        cohort = enrolment.cohort
        message = "does not start after the trainee's own cohort"
    elif case == "outside_window":
        when = time_machine.travel(dt.datetime(2027, 3, 11, 9, 0, tzinfo=dt.UTC), tick=False)
        message = "The retake window closed on 2027-03-10"
    elif case == "third":
        FinalResult.objects.filter(enrolment=enrolment).update(attempt=1)
        finalised_result(enrolment=enrolment, attempt=2, scores=FAILING)
        message = "Only one retake of the final assessment is allowed"
    before = list(
        FinalResult.objects.filter(enrolment=enrolment).values_list(
            "attempt", "status", "assessing_cohort_id", "updated_at"
        )
    )
    with when, pytest.raises(ValidationError) as refused:
        services.result_assess_with_cohort(enrolment=enrolment, cohort=cohort, decided_by=trainer)
    assert message in " ".join(refused.value.messages)
    after = list(
        FinalResult.objects.filter(enrolment=enrolment).values_list(
            "attempt", "status", "assessing_cohort_id", "updated_at"
        )
    )
    assert after == before


def test_a_retake_at_home_is_refused_once_the_retake_is_with_a_later_cohort(
    enrolment, failed, later, trainer
):
    with in_window():
        services.result_assess_with_cohort(enrolment=enrolment, cohort=later, decided_by=trainer)
        with pytest.raises(ValidationError, match="Only one retake"):
            services.result_start(enrolment=enrolment, attempt=2)
    assert FinalResult.objects.filter(enrolment=enrolment).count() == 2


def test_the_later_cohorts_trainer_scores_the_retake_and_the_own_trainer_only_reads_it(
    client, enrolment, failed, later, trainer, later_trainer
):
    with in_window():
        retake = services.result_assess_with_cohort(
            enrolment=enrolment, cohort=later, decided_by=trainer
        )
    client.force_login(later_trainer)
    assert client.get(url("score", enrolment.pk)).status_code == 200
    response = client.post(
        url("score", enrolment.pk), form_data(GOOD, lock_version=retake.lock_version)
    )
    assert response.status_code == 302
    assert CriterionScore.objects.filter(result=retake).count() == 5
    client.force_login(trainer)
    page = client.get(url("score", enrolment.pk))
    assert page.status_code == 200
    assert f"assessed with cohort {later.code}" in page.text
    assert "you can read it only" in page.text
    assert "Save scores" not in page.text
    response = client.post(
        url("score", enrolment.pk), form_data({**GOOD, "theory": 1}), follow=True
    )
    assert "you can read it only" in response.text
    assert CriterionScore.objects.get(result=retake, criterion__code="theory").score == 15
    # The later cohort's trainer sees the plan and may schedule the defence.
    plan, _ = SupportPlan.objects.update_or_create(
        enrolment=enrolment, defaults={"status": "submitted"}
    )
    client.force_login(later_trainer)
    assert client.get(url("plan_view", plan.pk)).status_code == 200


@pytest.mark.parametrize("who", ["trainee", "other_trainee", "other_trainer"])
def test_outsiders_cannot_open_the_retake_or_choose_a_cohort(
    client, enrolment, failed, later, trainer, outsiders, who
):
    with in_window():
        services.result_assess_with_cohort(enrolment=enrolment, cohort=later, decided_by=trainer)
    person = enrolment.trainee if who == "trainee" else outsiders[who.removeprefix("other_")]
    client.force_login(person)
    assert client.get(url("score", enrolment.pk)).status_code == 404
    assert client.get(url("later_cohort", enrolment.pk)).status_code == 404
    assert client.post(url("later_cohort", enrolment.pk), {"cohort": later.pk}).status_code == 404


def test_an_anonymous_visitor_is_sent_to_log_in_to_choose_a_cohort(client, enrolment):
    response = client.get(url("later_cohort", enrolment.pk))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_the_registrar_chooses_the_later_cohort_on_its_page(client, enrolment, failed, later):
    client.force_login(RegistrarFactory())
    with in_window():
        page = client.get(url("later_cohort", enrolment.pk))
        assert later.code in page.text
        response = client.post(url("later_cohort", enrolment.pk), {"cohort": later.pk})
    assert response.status_code == 302
    assert FinalResult.objects.get(enrolment=enrolment, attempt=2).assessing_cohort == later


def test_a_refusal_on_the_page_is_shown_and_nothing_is_stored(client, enrolment, later, trainer):
    finalised_result(enrolment=enrolment, finalised_at=FIRST_ASSESSED)  # passed
    client.force_login(trainer)
    with in_window():
        response = client.post(url("later_cohort", enrolment.pk), {"cohort": later.pk})
    assert response.status_code == 200
    assert "The trainee passed the final assessment" in response.text
    assert not FinalResult.objects.filter(enrolment=enrolment, attempt=2).exists()


def test_the_retake_is_listed_in_the_later_cohorts_results_and_scoring_list(
    client, enrolment, failed, later, trainer, later_trainer
):
    with in_window():
        services.result_assess_with_cohort(enrolment=enrolment, cohort=later, decided_by=trainer)
    client.force_login(later_trainer)
    results = client.get(url("cohort_results", later.code)).text
    assert f"retake, from cohort {enrolment.cohort.code}" in results
    queue = client.get(url("grading_queue")).text
    assert "Final assessments to score" in queue
    assert f"retake, from cohort {enrolment.cohort.code}" in queue
    client.force_login(trainer)
    own = client.get(url("cohort_results", enrolment.cohort.code)).text
    assert f"retake, assessed with cohort {later.code}" in own


def test_the_trainee_sees_the_deadline_then_the_cohort_and_the_defence_slot(
    client, enrolment, failed, later, later_trainer, trainer
):
    from course.tests.conftest import url as course_url

    client.force_login(enrolment.trainee)
    with in_window():
        page = client.get(url("my_results")).text
        assert "retake or assessment with a later cohort by" in page
        dashboard = client.get(course_url("dashboard")).text
        assert "retake or assessment with a later cohort by" in dashboard
        services.result_assess_with_cohort(enrolment=enrolment, cohort=later, decided_by=trainer)
    plan, _ = SupportPlan.objects.update_or_create(
        enrolment=enrolment, defaults={"status": "submitted"}
    )
    DefenceSlot.objects.create(
        plan=plan,
        starts_at=timezone.now() + dt.timedelta(days=100),
        place="Room 12",
        scheduled_by=later_trainer,
    )
    for page in (client.get(url("my_results")).text, client.get(course_url("dashboard")).text):
        assert f"Your retake is assessed with cohort {later.code}" in page
        assert "Room 12" in page
