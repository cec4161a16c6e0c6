"""The theory test: drawing, scoring, attempts, the time limit and the proposed theory score."""

from __future__ import annotations

import datetime as dt
import random

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessment import selectors, services
from assessment.models import Choice, Question, TestAttempt, TheoryTest
from course.models import ModulePage

from .conftest import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def theory(programme):
    module = ModulePage.objects.filter(locale__language_code="kk").order_by("number").first()
    for i in range(4):
        q = Question.objects.create(module=module, text_kk=f"Сұрақ {i}", text_en=f"Question {i}")
        Choice.objects.create(question=q, text_kk="дұрыс", text_en="right", is_correct=True)
        Choice.objects.create(question=q, text_kk="қате", text_en="wrong")
    multi = Question.objects.create(
        module=module, kind="multiple", text_kk="Көп", text_en="Pick all", explanation_en="Both."
    )
    Choice.objects.create(question=multi, text_kk="a", is_correct=True)
    Choice.objects.create(question=multi, text_kk="b", is_correct=True)
    Choice.objects.create(question=multi, text_kk="c")
    return TheoryTest.objects.create(
        programme=programme, title_kk="Тест", title_en="Theory test", question_count=5
    )


def right_answers(attempt) -> dict[int, list[int]]:
    return {
        q: list(Choice.objects.filter(question_id=q, is_correct=True).values_list("pk", flat=True))
        for q in attempt.question_ids
    }


def test_a_test_is_scored_automatically_and_scaled_to_20(theory, enrolment):
    attempt = services.test_attempt_start(test=theory, enrolment=enrolment)
    assert sorted(attempt.question_ids) == sorted(Question.objects.values_list("pk", flat=True))
    answers = right_answers(attempt)
    multi = Question.objects.get(kind="multiple")
    answers[multi.pk] = answers[multi.pk][:1]  # half of a multiple choice is not right
    attempt = services.test_attempt_submit(attempt=attempt, answers=answers)
    assert (attempt.score, attempt.max_score) == (4, 5)
    assert attempt.proposed_theory_score == 16
    evidence = selectors.evidence_for(enrolment=enrolment)["theory"]
    assert "proposed score 16 of 20" in evidence[0]


def test_it_refuses_an_attempt_beyond_those_allowed(theory, enrolment):
    for _ in range(theory.attempts_allowed):
        attempt = services.test_attempt_start(test=theory, enrolment=enrolment)
        services.test_attempt_submit(attempt=attempt, answers={})
    with pytest.raises(ValidationError, match="You have used all 2 attempts"):
        services.test_attempt_start(test=theory, enrolment=enrolment)
    assert TestAttempt.objects.count() == 2


def test_answers_after_the_time_limit_are_not_counted(theory, enrolment):
    theory.time_limit_minutes = 10
    theory.save()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        attempt = services.test_attempt_start(test=theory, enrolment=enrolment)
    with time_machine.travel(start + dt.timedelta(minutes=12), tick=False):
        attempt = services.test_attempt_submit(attempt=attempt, answers=right_answers(attempt))
    assert attempt.score == 0
    assert "answers sent later are not counted" in attempt.late_message


def test_a_trainee_takes_the_test_in_the_browser_and_sees_explanations(client, theory, enrolment):
    theory.attempts_allowed = 1  # explanations come once no attempt is left
    theory.save()
    client.force_login(enrolment.trainee)
    page = client.get(url("theory_test", theory.pk)).text
    assert "Attempts allowed: 1 (left: 1)" in page
    response = client.post(url("theory_test", theory.pk))
    attempt = TestAttempt.objects.get()
    assert response["Location"].endswith(url("test_attempt", attempt.pk))
    data = {f"q{q}": c for q, c in right_answers(attempt).items()}
    client.post(url("test_attempt", attempt.pk), data)
    attempt.refresh_from_db()
    assert attempt.score == 5
    page = client.get(url("test_attempt", attempt.pk)).text
    assert "5 / 5" in page
    assert "Both." in page


def test_another_trainee_cannot_open_an_attempt(client, theory, enrolment, outsiders, trainer):
    attempt = services.test_attempt_start(test=theory, enrolment=enrolment)
    for user in (outsiders["trainee"], outsiders["trainer"], trainer):
        client.force_login(user)
        assert client.get(url("test_attempt", attempt.pk)).status_code == 404
    client.logout()
    assert client.get(url("test_attempt", attempt.pk)).status_code == 302


def test_a_single_choice_question_needs_exactly_one_correct_choice(programme):
    module = ModulePage.objects.filter(locale__language_code="kk").first()
    question = Question(module=module, text_kk="?")
    with pytest.raises(ValidationError, match="exactly one correct"):
        question.clean()


def test_the_dashboard_leads_to_the_theory_test_and_shows_the_best_score(client, theory, enrolment):
    from course.tests.conftest import url as course_url

    client.force_login(enrolment.trainee)
    html = client.get(course_url("dashboard")).text
    assert url("theory_test", theory.pk) in html
    assert "5 / 5" not in html
    attempt = services.test_attempt_start(test=theory, enrolment=enrolment)
    services.test_attempt_submit(attempt=attempt, answers=right_answers(attempt))
    html = client.get(course_url("dashboard")).text
    assert url("theory_test", theory.pk) in html
    assert "5 / 5" in html


def test_a_finished_attempt_shows_no_correct_answers_while_another_attempt_is_open(
    client, theory, enrolment
):
    first = services.test_attempt_start(test=theory, enrolment=enrolment)
    first = services.test_attempt_submit(attempt=first, answers={})
    second = services.test_attempt_start(test=theory, enrolment=enrolment)
    client.force_login(enrolment.trainee)

    page = client.get(url("test_attempt", first.pk)).text

    assert "0 / 5" in page  # the score is shown…
    assert "correct answer</strong>" not in page  # …but not which choices were right
    assert "Not correct" not in page
    assert "Both." not in page  # nor the explanations
    assert "The correct answers are shown once attempt 2 is finished." in page
    assert url("test_attempt", second.pk) in page

    services.test_attempt_submit(attempt=second, answers=right_answers(second))
    page = client.get(url("test_attempt", first.pk)).text
    assert "correct answer</strong>" in page and "Both." in page


class Reversing(random.Random):
    """Draws the bank's first questions in the bank's order and reverses every list it shuffles:
    the orders it gives are known without running it."""

    def sample(self, population, k, **kwargs):
        return list(population)[:k]

    def shuffle(self, x):
        x.reverse()


class Rotating(Reversing):
    """As `Reversing`, but a shuffle moves the first item to the end."""

    def shuffle(self, x):
        x.append(x.pop(0))


def bank_order(question_id: int) -> list[int]:
    return list(
        Choice.objects.filter(question_id=question_id)
        .order_by("sort_order", "pk")
        .values_list("pk", flat=True)
    )


def test_each_final_test_attempt_shuffles_the_options_and_stores_its_own_order(theory, enrolment):
    first = services.test_attempt_start(test=theory, enrolment=enrolment, rng=Reversing())
    multi = Question.objects.get(kind="multiple")
    a, b, c = bank_order(multi.pk)
    assert first.choice_order[str(multi.pk)] == [c, b, a]
    for question_id in first.question_ids:
        assert first.choice_order[str(question_id)] == bank_order(question_id)[::-1]
    services.test_attempt_submit(attempt=first, answers={})

    second = services.test_attempt_start(test=theory, enrolment=enrolment, rng=Rotating())

    assert second.choice_order[str(multi.pk)] == [b, c, a]
    first.refresh_from_db()
    assert first.choice_order[str(multi.pk)] == [c, b, a]  # the first attempt keeps its order
    assert TestAttempt.objects.get(pk=second.pk).choice_order == second.choice_order


def test_the_attempt_page_shows_the_stored_order_on_every_reload(client, theory, enrolment):
    attempt = services.test_attempt_start(test=theory, enrolment=enrolment, rng=Reversing())
    client.force_login(enrolment.trainee)
    for _reload in range(2):
        page = client.get(url("test_attempt", attempt.pk)).text
        for question_id in attempt.question_ids:
            positions = [page.index(f'value="{c}"') for c in bank_order(question_id)]
            assert positions == sorted(positions, reverse=True)  # the bank's order, reversed
    # Starting again while the attempt is open does not reshuffle.
    again = services.test_attempt_start(test=theory, enrolment=enrolment, rng=Rotating())
    assert (again.pk, again.choice_order) == (attempt.pk, attempt.choice_order)


def test_scoring_reads_the_options_ids_not_their_places_on_the_page(client, theory, enrolment):
    attempt = services.test_attempt_start(test=theory, enrolment=enrolment, rng=Reversing())
    client.force_login(enrolment.trainee)
    # The first option shown for each two-option question is now the wrong one ("қате").
    shown_first = {q: attempt.choice_order[str(q)][0] for q in attempt.question_ids}
    assert {Choice.objects.get(pk=c).text_kk for c in shown_first.values()} == {"қате", "c"}
    data = {f"q{q}": c for q, c in right_answers(attempt).items()}

    client.post(url("test_attempt", attempt.pk), data)

    attempt.refresh_from_db()
    assert (attempt.score, attempt.max_score, attempt.proposed_theory_score) == (5, 5, 20)


def test_an_attempt_started_before_orders_were_stored_is_scored_as_before(theory, enrolment):
    question_ids = list(Question.objects.order_by("pk").values_list("pk", flat=True))
    attempt = TestAttempt.objects.create(
        test=theory, enrolment=enrolment, number=1, question_ids=question_ids, max_score=5
    )
    assert attempt.choice_order == {}
    rows = selectors.quiz_attempt_rows(attempt)
    assert [[c.pk for c in choices] for _q, choices in rows] == [
        bank_order(q) for q in question_ids
    ]
    answers = right_answers(attempt)
    multi = Question.objects.get(kind="multiple")
    answers[multi.pk] = answers[multi.pk][:1]

    attempt = services.test_attempt_submit(attempt=attempt, answers=answers)

    assert (attempt.score, attempt.proposed_theory_score) == (4, 16)
    assert attempt.answers[str(multi.pk)] == answers[multi.pk]
