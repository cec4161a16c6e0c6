"""The dashboard reads the enrolment's state once (issue 22): the facts every app's panel needs
come beside the enrolment in one query whose SQL is compiled once a day, and a panel with nothing
to show asks nothing more."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.db import connection
from django.db.models import BooleanField, Value
from django.test.utils import CaptureQueriesContext

from assessment.models import SupportPlan
from course import dashboard, selectors
from course.dashboard import enrolment_state
from course.tests.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def compiled_afresh():
    dashboard._states_query.forget()
    yield
    dashboard._states_query.forget()


def count_builds(monkeypatch) -> list:
    """Each time the fact expressions are built (the costly part the compiled SQL saves)."""
    built = []
    real = dashboard.state_expressions

    def counting():
        built.append(1)
        return real()

    monkeypatch.setattr(dashboard, "state_expressions", counting)
    return built


def test_the_enrolment_read_for_the_dashboard_carries_every_panels_facts(
    programme, compiled_afresh
):
    enrolment = EnrolmentFactory()
    plan = SupportPlan.objects.create(enrolment=enrolment)

    with CaptureQueriesContext(connection) as read:
        current = selectors.enrolment_current(enrolment.trainee, with_state=True)
    with CaptureQueriesContext(connection) as asked:
        state = enrolment_state(current)

    assert current == enrolment
    assert len(read) == 2  # the enrolments, and the facts of them all
    assert len(asked) == 0
    assert state["assessment_plan_id"] == plan.pk
    assert state["assessment_plan_status"] == plan.status
    # Booleans, on SQLite too (it answers EXISTS with 0 or 1): Django's converters are applied.
    assert state["assessment_has_feedback"] is False
    assert state["assessment_result_released"] is False
    assert state["certificates_has_document"] is False
    assert state["certificates_has_certificate"] is False
    assert state["quality_rated_before"] is False
    assert state["quality_needs_answered"] is False


def test_an_enrolment_read_elsewhere_gets_its_state_in_one_query_once(programme):
    enrolment = EnrolmentFactory()
    current = selectors.enrolment_current(enrolment.trainee)

    with CaptureQueriesContext(connection) as first:
        enrolment_state(current)
    with CaptureQueriesContext(connection) as second:
        enrolment_state(current)

    assert (len(first), len(second)) == (1, 0)


def test_the_state_query_is_built_once_and_then_only_run_for_each_trainee(
    programme, compiled_afresh, monkeypatch
):
    with_plan, without = EnrolmentFactory(), EnrolmentFactory()
    plan = SupportPlan.objects.create(enrolment=with_plan)
    built = count_builds(monkeypatch)

    first = enrolment_state(selectors.enrolment_current(with_plan.trainee))
    second = enrolment_state(selectors.enrolment_current(without.trainee))
    again = enrolment_state(selectors.enrolment_current(with_plan.trainee))

    assert len(built) == 1
    # Each trainee's own facts: the placeholder took each one's id.
    assert (first["assessment_plan_id"], second["assessment_plan_id"]) == (plan.pk, None)
    assert again == first


def test_the_state_query_is_built_again_on_a_new_day(programme, compiled_afresh, monkeypatch):
    enrolment = EnrolmentFactory()
    built = count_builds(monkeypatch)

    with time_machine.travel(dt.datetime(2026, 12, 5, 10, tzinfo=dt.UTC), tick=False):
        enrolment_state(selectors.enrolment_current(enrolment.trainee))
        enrolment_state(selectors.enrolment_current(enrolment.trainee))
    with time_machine.travel(dt.datetime(2026, 12, 6, 10, tzinfo=dt.UTC), tick=False):
        enrolment_state(selectors.enrolment_current(enrolment.trainee))

    # The facts may depend on today's date (quality's follow-ups): one build a day.
    assert len(built) == 2


def test_a_group_of_facts_is_built_once_per_build_not_once_per_fact(compiled_afresh):
    calls = []

    def build():
        calls.append(1)
        return {"test_one": 1, "test_two": 2}

    dashboard.register_states(("test_one", "test_two"), build)
    try:
        made = dashboard.state_expressions()
    finally:
        dashboard._state_groups[:] = [g for g in dashboard._state_groups if g[1] is not build]
        dashboard._states_query.forget()

    assert (made["test_one"], made["test_two"]) == (1, 2)
    assert len(calls) == 1


def test_registering_a_fact_drops_the_compiled_query(programme, compiled_afresh):
    enrolment = EnrolmentFactory()
    enrolment_state(selectors.enrolment_current(enrolment.trainee))
    assert dashboard._states_query._plans

    dashboard.register_state("test_fact", lambda: Value(True, output_field=BooleanField()))
    try:
        assert not dashboard._states_query._plans
        state = enrolment_state(selectors.enrolment_current(enrolment.trainee))
    finally:
        dashboard._state.pop("test_fact")
        dashboard._states_query.forget()

    assert state["test_fact"] is True
