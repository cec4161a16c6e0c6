"""The registrar releases a cohort's finalised results at once."""

from __future__ import annotations

import pytest

from assessment.models import FinalResult
from cms.tests.factories import RegistrarFactory, TraineeFactory, TrainerFactory
from course.tests.factories import CohortFactory, EnrolmentFactory

from .factories import FinalResultFactory, finalised_result

pytestmark = pytest.mark.django_db


@pytest.fixture
def cohort_results(programme):
    """In one cohort: two finalised unreleased, one released before, one still a draft, one
    finalised for a trainee who was expelled; and a finalised result of another cohort."""
    cohort = CohortFactory(code="pa-rel")
    results = {
        "first": finalised_result(enrolment=EnrolmentFactory(cohort=cohort)),
        "second": finalised_result(enrolment=EnrolmentFactory(cohort=cohort)),
        "before": finalised_result(enrolment=EnrolmentFactory(cohort=cohort), released=True),
        "draft": FinalResultFactory(enrolment=EnrolmentFactory(cohort=cohort)),
        "expelled": finalised_result(enrolment=EnrolmentFactory(cohort=cohort, status="expelled")),
        "other": finalised_result(enrolment=EnrolmentFactory()),
    }
    return cohort, results


def _released(results) -> set[str]:
    return {
        name
        for name, result in results.items()
        if FinalResult.objects.get(pk=result.pk).released_at is not None
    }


def test_a_registrar_releases_every_finalised_result_of_the_cohort_and_is_told_what_happened(
    client, cohort_results
):
    _cohort, results = cohort_results
    before = FinalResult.objects.get(pk=results["before"].pk).released_at
    client.force_login(RegistrarFactory())
    response = client.post("/en/assessment/cohorts/pa-rel/results/release/", follow=True)
    assert response.status_code == 200
    assert (
        "Released now: 2. Released before: 1. Still being scored, not released: 1. "
        "Left the course: 1."
    ) in response.content.decode()
    assert _released(results) == {"first", "second", "before"}
    assert FinalResult.objects.get(pk=results["before"].pk).released_at == before


@pytest.mark.parametrize("person", ["trainer of the cohort", "trainee", "stranger trainer"])
def test_others_cannot_release_in_bulk_and_nothing_changes(client, cohort_results, person):
    cohort, results = cohort_results
    if person == "trainer of the cohort":
        user = TrainerFactory()
        cohort.trainers.add(user)
    elif person == "trainee":
        user = TraineeFactory()
    else:
        user = TrainerFactory()
    client.force_login(user)
    response = client.post("/en/assessment/cohorts/pa-rel/results/release/")
    assert response.status_code == 403
    assert _released(results) == {"before"}


def test_the_results_page_offers_the_bulk_release_to_a_registrar_only(client, cohort_results):
    cohort, _results = cohort_results
    client.force_login(RegistrarFactory())
    html = client.get("/en/assessment/cohorts/pa-rel/results/").content.decode()
    assert 'action="/en/assessment/cohorts/pa-rel/results/release/"' in html
    trainer = TrainerFactory()
    cohort.trainers.add(trainer)
    client.force_login(trainer)
    html = client.get("/en/assessment/cohorts/pa-rel/results/").content.decode()
    assert "results/release/" not in html
