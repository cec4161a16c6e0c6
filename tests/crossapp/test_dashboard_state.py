"""The dashboard reads the enrolment's state once (issue 22): the facts every app's panel needs
come with the enrolment in one query, and a panel with nothing to show asks nothing more."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessment.models import SupportPlan
from course import selectors
from course.dashboard import enrolment_state
from course.tests.factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


def test_the_enrolment_read_for_the_dashboard_carries_every_panels_facts(programme):
    enrolment = EnrolmentFactory()
    plan = SupportPlan.objects.create(enrolment=enrolment)

    with CaptureQueriesContext(connection) as read:
        current = selectors.enrolment_current(enrolment.trainee, with_state=True)
    with CaptureQueriesContext(connection) as asked:
        state = enrolment_state(current)

    assert current == enrolment
    assert len(read) == 1
    assert len(asked) == 0
    assert state["assessment_plan_id"] == plan.pk
    assert state["assessment_plan_status"] == plan.status
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
