"""The admin's enrolments and live-session lists offer recent cohorts in their filter, not every
cohort ever (issue 19: the select of all cohorts was the dearest part of the enrolments list)."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cms.tests.factories import RegistrarFactory

from .factories import CohortFactory, EnrolmentFactory, LiveSessionFactory

pytestmark = pytest.mark.django_db


def _old_cohort(code: str):
    # Ended a year ago: long past the 90 days a finished cohort stays offered.
    today = timezone.localdate()
    return CohortFactory(
        code=code,
        starts_on=today - datetime.timedelta(days=400),
        ends_on=today - datetime.timedelta(days=365),
    )


def _options(html: str) -> list[str]:
    select = re.search(r'<select name="cohort"[^>]*>(.*?)</select>', html, re.S)
    assert select, "the cohort filter is drawn as a select"
    return re.findall(r'<option value="(\d+)"', select.group(1))


@pytest.mark.parametrize("name", ["enrolment:index", "livesession:index"])
def test_the_cohort_filter_offers_current_cohorts_and_not_one_that_ended_a_year_ago(
    client, programme, name
):
    current = CohortFactory(code="pa-now")
    old = _old_cohort("pa-old")
    client.force_login(RegistrarFactory())
    response = client.get(reverse(name))
    assert response.status_code == 200
    assert _options(response.content.decode()) == [str(current.pk)]
    assert old.pk  # exists, only not offered


def test_an_old_cohort_asked_for_by_its_id_filters_the_enrolments_and_is_shown_chosen(
    client, programme
):
    current = CohortFactory(code="pa-now")
    old = _old_cohort("pa-old")
    EnrolmentFactory(cohort=current, trainee__last_name="Nowadayeva")
    EnrolmentFactory(cohort=old, trainee__last_name="Formerlyeva")
    client.force_login(RegistrarFactory())
    response = client.get(reverse("enrolment:index"), {"cohort": old.pk})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Formerlyeva" in html and "Nowadayeva" not in html
    assert _options(html) == [str(old.pk), str(current.pk)]
    assert re.search(rf'<option value="{old.pk}" selected>', html)


def test_the_sessions_list_filtered_by_an_old_cohort_shows_only_its_sessions(client, programme):
    current = CohortFactory(code="pa-now")
    old = _old_cohort("pa-old")
    LiveSessionFactory(cohort=current)
    LiveSessionFactory(cohort=old)
    client.force_login(RegistrarFactory())
    html = client.get(reverse("livesession:index"), {"cohort": old.pk}).content.decode()
    assert "pa-old ·" in html and "pa-now ·" not in html


def test_the_cohorts_offered_stop_at_the_setting_newest_first(client, programme, settings):
    settings.ADMIN_COHORT_FILTER_CHOICES = 2
    today = timezone.localdate()
    cohorts = [
        CohortFactory(code=f"pa-{days}", starts_on=today - datetime.timedelta(days=days))
        for days in (30, 10, 20)
    ]
    client.force_login(RegistrarFactory())
    html = client.get(reverse("enrolment:index")).content.decode()
    # Started 10 and 20 days ago: the two newest; the one of 30 days ago is left out.
    assert _options(html) == [str(cohorts[1].pk), str(cohorts[2].pk)]


def test_the_enrolments_list_runs_as_many_queries_with_many_old_cohorts_as_with_one(
    client, programme
):
    registrar = RegistrarFactory()
    client.force_login(registrar)
    CohortFactory(code="pa-now")
    _old_cohort("pa-old-0")
    path = reverse("enrolment:index")
    client.get(path)
    with CaptureQueriesContext(connection) as few:
        client.get(path)
    for number in range(1, 30):
        _old_cohort(f"pa-old-{number}")
    with CaptureQueriesContext(connection) as many:
        html = client.get(path).content.decode()
    assert len(many) == len(few)
    assert len(_options(html)) == 1
