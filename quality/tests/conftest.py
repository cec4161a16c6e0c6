from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone, translation

from cms.tests.factories import RegistrarFactory, TraineeFactory, TrainerFactory
from course.tests.factories import CohortFactory, EnrolmentFactory
from quality.outcomes import OUTCOME_CODES


@pytest.fixture(autouse=True)
def _english():
    """Refusals are asserted as written in the code; the site's default is Kazakh."""
    with translation.override("en"):
        yield


def url(name: str, *args) -> str:
    from django.urls import reverse

    with translation.override("en"):
        return reverse(f"quality:{name}", args=args)


def all_rated(level: int) -> dict[str, int]:
    return dict.fromkeys(OUTCOME_CODES, level)


@pytest.fixture
def trainer(db):
    return TrainerFactory()


@pytest.fixture
def registrar(db):
    return RegistrarFactory()


@pytest.fixture
def cohort(programme, trainer):
    return CohortFactory(trainers=[trainer])


@pytest.fixture
def ending_cohort(programme, trainer):
    """A cohort in its last week: the "after" self-assessment and the survey are open."""
    today = timezone.localdate()
    return CohortFactory(
        trainers=[trainer],
        starts_on=today - dt.timedelta(days=60),
        ends_on=today + dt.timedelta(days=5),
    )


@pytest.fixture
def trainee(db):
    return TraineeFactory()


@pytest.fixture
def enrolment(cohort, trainee):
    return EnrolmentFactory(cohort=cohort, trainee=trainee)
