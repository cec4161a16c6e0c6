"""Intermediate control per module: seeded shuffling stored per attempt, the trainer's attempts
and time limit per cohort (kept on the server), refusals, and the stratified final test."""

from __future__ import annotations

import datetime as dt
import random

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessment import selectors, services
from assessment.drawing import draw_stratified, shuffled_choices
from assessment.models import Choice, ControlAttempt, ModuleControl, Question, TheoryTest
from course.models import ModulePage

pytestmark = pytest.mark.django_db


def make_question(module, n: int, *, right: int = 0) -> Question:
    question = Question.objects.create(module=module, text_kk=f"С{n}", text_en=f"Q{n}")
    for i in range(4):
        Choice.objects.create(question=question, text_kk=f"{n}-{i}", is_correct=i == right)
    return question


@pytest.fixture
def modules(programme):
    return list(ModulePage.objects.filter(locale__language_code="kk").order_by("path")[:2])


@pytest.fixture
def control(modules):
    for n in range(5):
        make_question(modules[0], n)
    return ModuleControl.objects.create(module=modules[0], question_count=3)


def right_answers(attempt) -> dict[int, list[int]]:
    return {
        q: list(Choice.objects.filter(question_id=q, is_correct=True).values_list("pk", flat=True))
        for q in attempt.question_ids
    }


def test_shuffling_with_a_seed_gives_the_order_worked_out_for_that_seed():
    # Python's Mersenne Twister seeded with 7 turns [1, 2, 3, 4] into [4, 2, 1, 3].
    order = shuffled_choices({5: [1, 2, 3, 4]}, random.Random(7))
    assert order == {"5": [4, 2, 1, 3]}


def test_each_attempt_stores_its_own_shuffled_order_and_a_reload_keeps_it(
    client, control, enrolment
):
    attempt = services.control_attempt_start(
        control=control, enrolment=enrolment, rng=random.Random(1)
    )
    assert len(attempt.question_ids) == 3
    for question_id in attempt.question_ids:
        stored = attempt.choice_order[str(question_id)]
        assert sorted(stored) == sorted(
            Choice.objects.filter(question_id=question_id).values_list("pk", flat=True)
        )
    # The same seed draws the same questions and the same orders; another seed others.
    ControlAttempt.objects.all().delete()
    again = services.control_attempt_start(
        control=control, enrolment=enrolment, rng=random.Random(1)
    )
    assert (again.question_ids, again.choice_order) == (attempt.question_ids, attempt.choice_order)
    rows = selectors.quiz_attempt_rows(again)
    assert [[c.pk for c in choices] for _q, choices in rows] == [
        again.choice_order[str(q)] for q in again.question_ids
    ]
    # Starting again while the attempt is open returns it unchanged: a reload does not reshuffle.
    assert services.control_attempt_start(control=control, enrolment=enrolment).pk == again.pk
    client.force_login(enrolment.trainee)
    for _reload in range(2):
        page = client.get(f"/en/assessment/controls/attempts/{again.pk}/").text
        for question_id in again.question_ids:
            stored = again.choice_order[str(question_id)]
            positions = [page.index(f'value="{c}"') for c in stored]
            assert positions == sorted(positions)  # the page shows the stored order


def test_the_control_is_scored_and_only_the_offered_options_count(control, enrolment):
    attempt = services.control_attempt_start(control=control, enrolment=enrolment)
    answers = right_answers(attempt)
    stranger = Choice.objects.exclude(question_id__in=attempt.question_ids).first()
    answers[attempt.question_ids[0]] = answers[attempt.question_ids[0]] + [stranger.pk]
    attempt = services.control_attempt_submit(attempt=attempt, answers=answers)
    assert (attempt.score, attempt.max_score, attempt.percent) == (3, 3, 100)
    assert attempt.passed


def test_the_time_limit_set_by_the_trainer_is_enforced_on_the_server(control, enrolment, trainer):
    services.control_settings_save(
        control=control,
        cohort=enrolment.cohort,
        by=trainer,
        time_limit_minutes=10,
        attempts_allowed=2,
    )
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        attempt = services.control_attempt_start(control=control, enrolment=enrolment)
    assert attempt.deadline == start + dt.timedelta(minutes=10)
    # Within the grace minute the answers count; after it they do not.
    with time_machine.travel(start + dt.timedelta(minutes=10, seconds=59), tick=False):
        on_time = services.control_attempt_submit(attempt=attempt, answers=right_answers(attempt))
    assert on_time.score == 3
    with time_machine.travel(start + dt.timedelta(minutes=20), tick=False):
        late = services.control_attempt_start(control=control, enrolment=enrolment)
    with time_machine.travel(start + dt.timedelta(minutes=31, seconds=1), tick=False):
        late = services.control_attempt_submit(attempt=late, answers=right_answers(late))
    assert (late.score, late.answers) == (0, {})
    assert "answers sent later are not counted" in late.late_message


def test_a_start_beyond_the_attempts_the_trainer_allowed_is_refused_and_changes_nothing(
    control, enrolment, trainer
):
    services.control_settings_save(
        control=control,
        cohort=enrolment.cohort,
        by=trainer,
        time_limit_minutes=None,
        attempts_allowed=1,
    )
    attempt = services.control_attempt_start(control=control, enrolment=enrolment)
    services.control_attempt_submit(attempt=attempt, answers={})
    before = list(ControlAttempt.objects.values())
    with pytest.raises(ValidationError) as refused:
        services.control_attempt_start(control=control, enrolment=enrolment)
    assert refused.value.messages == ["You have used all 1 attempts at this control."]
    assert list(ControlAttempt.objects.values()) == before


def test_a_refused_start_in_the_browser_shows_the_message_and_creates_no_attempt(
    client, control, enrolment
):
    for _ in range(2):  # two attempts by default
        attempt = services.control_attempt_start(control=control, enrolment=enrolment)
        services.control_attempt_submit(attempt=attempt, answers={})
    client.force_login(enrolment.trainee)
    page = client.post(f"/en/assessment/controls/{control.pk}/", follow=True).text
    assert "You have used all 2 attempts at this control." in page
    assert ControlAttempt.objects.count() == 2


def test_only_a_trainer_of_the_cohort_sets_its_controls(control, enrolment, outsiders):
    with pytest.raises(ValidationError, match="Only a trainer of the cohort"):
        services.control_settings_save(
            control=control,
            cohort=enrolment.cohort,
            by=outsiders["trainer"],
            time_limit_minutes=5,
            attempts_allowed=5,
        )
    assert not control.cohort_settings.exists()


def test_no_correct_answers_are_shown_while_another_attempt_remains(client, control, enrolment):
    client.force_login(enrolment.trainee)
    first = services.control_attempt_start(control=control, enrolment=enrolment)
    first = services.control_attempt_submit(attempt=first, answers={})
    page = client.get(f"/en/assessment/controls/attempts/{first.pk}/").text
    assert "0 / 3" in page
    assert "correct answer</strong>" not in page
    assert "The correct answers are shown once you have no attempts left." in page
    second = services.control_attempt_start(control=control, enrolment=enrolment)
    page = client.get(f"/en/assessment/controls/attempts/{first.pk}/").text
    assert "correct answer</strong>" not in page
    services.control_attempt_submit(attempt=second, answers={})
    page = client.get(f"/en/assessment/controls/attempts/{first.pk}/").text
    assert page.count("correct answer</strong>") == 3


def test_the_final_test_shows_no_correct_answers_while_an_attempt_remains(
    client, control, enrolment, programme
):
    test = TheoryTest.objects.create(programme=programme, title_kk="Т", question_count=2)
    first = services.test_attempt_start(test=test, enrolment=enrolment)
    first = services.test_attempt_submit(attempt=first, answers={})
    client.force_login(enrolment.trainee)
    page = client.get(f"/en/assessment/theory/attempts/{first.pk}/").text
    assert "correct answer</strong>" not in page
    assert "The correct answers are shown once you have no attempts left." in page
    second = services.test_attempt_start(test=test, enrolment=enrolment)
    services.test_attempt_submit(attempt=second, answers={})
    page = client.get(f"/en/assessment/theory/attempts/{first.pk}/").text
    assert page.count("correct answer</strong>") == 2


def test_another_person_cannot_open_a_trainees_control_attempt(
    client, control, enrolment, outsiders, trainer
):
    attempt = services.control_attempt_start(control=control, enrolment=enrolment)
    for user in (outsiders["trainee"], outsiders["trainer"], trainer):
        client.force_login(user)
        assert client.get(f"/en/assessment/controls/attempts/{attempt.pk}/").status_code == 404


def test_a_stratified_draw_takes_n_from_each_module():
    pools = {1: [10, 11, 12, 13], 2: [20, 21, 22], 3: [30]}
    drawn = draw_stratified(pools, 2, random.Random(3))
    assert len(drawn) == 5  # 2 + 2 + the one question of module 3
    assert sum(q // 10 == 1 for q in drawn) == 2
    assert sum(q // 10 == 2 for q in drawn) == 2
    assert 30 in drawn
    assert drawn == draw_stratified(pools, 2, random.Random(3))  # the seed decides


def test_the_final_test_draws_the_same_number_from_every_modules_bank(
    modules, programme, enrolment
):
    for n in range(8):
        make_question(modules[0], n)
    for n in range(8, 11):
        make_question(modules[1], n)
    test = TheoryTest.objects.create(
        programme=programme, title_kk="Т", question_count=40, questions_per_module=2
    )
    attempt = services.test_attempt_start(test=test, enrolment=enrolment, rng=random.Random(5))
    drawn_modules = list(
        Question.objects.filter(pk__in=attempt.question_ids).values_list("module_id", flat=True)
    )
    assert sorted(drawn_modules) == sorted([modules[0].pk] * 2 + [modules[1].pk] * 2)
    assert attempt.max_score == 4
