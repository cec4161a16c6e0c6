"""The registrar's cohort list is paged, newest first: a registrar sees every cohort ever run, and
a national year adds two hundred (issue 22)."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cms.tests.factories import RegistrarFactory, TrainerFactory
from course.models import Cohort

from .factories import CohortFactory, kk_programme

pytestmark = pytest.mark.django_db


def _cohorts(count: int, *, start: int = 0) -> None:
    programme = kk_programme()
    first = datetime.date(2024, 1, 1)
    Cohort.objects.bulk_create(
        [
            Cohort(
                programme=programme,
                code=f"old-{n:03d}",
                name=f"Cohort {n}",
                starts_on=first + datetime.timedelta(days=n),
                ends_on=first + datetime.timedelta(days=n + 14),
                enrolment_key=f"KEY-OLD-{n:03d}",
            )
            for n in range(start, start + count)
        ]
    )


def test_the_registrar_sees_the_50_newest_cohorts_first_and_the_rest_on_page_two(client):
    _cohorts(55)  # old-000 started first, old-054 last
    client.force_login(RegistrarFactory())

    first = client.get(reverse("course:cohort_list")).content.decode()
    second = client.get(reverse("course:cohort_list"), {"page": 2}).content.decode()

    assert "old-054" in first and "old-005" in first
    assert "old-004" not in first and "old-000" not in first
    assert "old-004" in second and "old-000" in second and "old-005" not in second
    assert "?page=2" in first


def test_the_cohort_list_runs_as_many_queries_for_500_cohorts_as_for_60(client):
    client.force_login(RegistrarFactory())
    counts = []
    for start, count in ((0, 60), (60, 440)):
        _cohorts(count, start=start)
        client.get(reverse("course:cohort_list"))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("course:cohort_list")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_a_trainer_sees_only_the_cohorts_they_teach_on_the_paged_list(client):
    trainer = TrainerFactory()
    mine = CohortFactory(code="mine-001", trainers=[trainer])
    _cohorts(3)
    client.force_login(trainer)
    html = client.get(reverse("course:cohort_list")).content.decode()
    assert mine.code in html and "old-000" not in html
