"""The theory test's countdown (fed by the server's seconds left) and the support plan's rows
added in the browser: the server takes any number of rows and leaves out the ones ticked for
removal."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from assessment import services
from assessment.models import Choice, Question, SupportPlan, TheoryTest
from course.models import ModulePage

from .conftest import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def timed_test(programme):
    module = ModulePage.objects.filter(locale__language_code="kk").order_by("number").first()
    question = Question.objects.create(module=module, text_kk="Сұрақ", text_en="Question")
    Choice.objects.create(question=question, text_kk="дұрыс", text_en="right", is_correct=True)
    Choice.objects.create(question=question, text_kk="қате", text_en="wrong")
    return TheoryTest.objects.create(
        programme=programme, title_en="Theory test", question_count=1, time_limit_minutes=30
    )


def test_the_countdown_starts_from_the_seconds_left_on_the_server(client, timed_test, enrolment):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        attempt = services.test_attempt_start(test=timed_test, enrolment=enrolment)
    client.force_login(enrolment.trainee)
    with time_machine.travel(start + dt.timedelta(minutes=10, seconds=15), tick=False):
        response = client.get(url("test_attempt", attempt.pk))
    assert response.context["remaining_seconds"] == 19 * 60 + 45
    page = response.text
    assert 'data-remaining="1185"' in page
    assert 'src="/static/assessment/countdown.js"' in page
    assert 'aria-live="polite"' in page
    assert 'data-label-five="Five minutes left."' in page
    assert 'data-label-one="One minute left."' in page
    assert "Answers sent later are not counted." in page  # the text stays for no JavaScript


def test_the_countdown_says_zero_once_the_time_is_up(client, timed_test, enrolment):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        attempt = services.test_attempt_start(test=timed_test, enrolment=enrolment)
    client.force_login(enrolment.trainee)
    with time_machine.travel(start + dt.timedelta(minutes=31), tick=False):
        response = client.get(url("test_attempt", attempt.pk))
    assert response.context["remaining_seconds"] == 0


def test_an_untimed_test_has_no_countdown(client, timed_test, enrolment):
    timed_test.time_limit_minutes = None
    timed_test.save()
    attempt = services.test_attempt_start(test=timed_test, enrolment=enrolment)
    client.force_login(enrolment.trainee)
    response = client.get(url("test_attempt", attempt.pk))
    assert response.context["remaining_seconds"] is None
    assert "countdown.js" not in response.text


def plan_rows(abc: list[tuple], goals: list[tuple], abc_stored: int = 0, **extra) -> dict:
    """The post of the plan page; `abc_stored` rows came from the server (INITIAL_FORMS)."""
    data = {
        "learner_code": "L-3",
        "action": "save",
        "abc-TOTAL_FORMS": str(len(abc)),
        "abc-INITIAL_FORMS": str(abc_stored),
        "goal-TOTAL_FORMS": str(len(goals)),
        "goal-INITIAL_FORMS": "0",
    }
    for i, row in enumerate(abc):
        a, b, c, *delete = row
        data.update({f"abc-{i}-antecedent": a, f"abc-{i}-behaviour": b, f"abc-{i}-consequence": c})
        if delete:
            data[f"abc-{i}-DELETE"] = "on"
    for i, row in enumerate(goals):
        term, goal, measure, date, *delete = row
        data.update(
            {
                f"goal-{i}-term": term,
                f"goal-{i}-goal": goal,
                f"goal-{i}-measure": measure,
                f"goal-{i}-target_date": date,
            }
        )
        if delete:
            data[f"goal-{i}-DELETE"] = "on"
    data.update(extra)
    return data


def test_rows_added_in_the_browser_are_all_saved(client, enrolment):
    client.force_login(enrolment.trainee)
    data = plan_rows(
        abc=[("A1", "B1", "C1"), ("A2", "B2", "C2"), ("A3", "B3", "C3")],
        goals=[("short", "G1", "M1", "2026-12-01"), ("long", "G2", "M2", "2027-05-01")],
    )
    response = client.post(url("plan_edit"), data)
    assert response.status_code == 302, response.text
    plan = SupportPlan.objects.get()
    assert sorted(plan.abc_records.values_list("antecedent", flat=True)) == ["A1", "A2", "A3"]
    assert sorted(plan.goals.values_list("goal", flat=True)) == ["G1", "G2"]


def test_a_row_ticked_for_removal_is_deleted_even_when_half_filled(client, enrolment):
    client.force_login(enrolment.trainee)
    client.post(
        url("plan_edit"),
        plan_rows(abc=[("A1", "B1", "C1"), ("A2", "B2", "C2")], goals=[]),
    )
    plan = SupportPlan.objects.get()
    assert plan.abc_records.count() == 2
    data = plan_rows(
        abc=[("A1", "B1", "C1", "delete"), ("A2", "B2", "C2"), ("half", "", "", "delete")],
        goals=[("short", "G1", "", "", "delete")],
        abc_stored=2,
    )
    response = client.post(url("plan_edit"), data)
    assert response.status_code == 302, response.text
    assert list(plan.abc_records.values_list("antecedent", flat=True)) == ["A2"]
    assert not plan.goals.exists()


def test_the_plan_page_offers_add_buttons_an_empty_row_template_and_removal(client, enrolment):
    client.force_login(enrolment.trainee)
    page = client.get(url("plan_edit")).text
    assert "Add an ABC record" in page and "Add a goal" in page
    assert "<template data-formset-empty>" in page
    assert 'name="abc-__prefix__-antecedent"' in page
    assert 'name="goal-__prefix__-term"' in page
    assert 'name="abc-0-DELETE"' in page and "Remove this row when saving" in page
    # Without JavaScript: one empty row per save, and the buttons stay hidden.
    assert 'name="abc-TOTAL_FORMS" value="1"' in page
    assert "data-formset-add hidden" in page
    assert 'src="/static/assessment/plan_rows.js"' in page
