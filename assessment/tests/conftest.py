from __future__ import annotations

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English; a test that checks a translation overrides this."""
    with translation.override("en"):
        yield


def url(name: str, *args) -> str:
    """An assessment URL in English, so tests read the messages as written in the code."""
    from django.urls import reverse

    with translation.override("en"):
        return reverse(f"assessment:{name}", args=args)


@pytest.fixture
def trainer(db):
    from .factories import TrainerFactory

    return TrainerFactory()


@pytest.fixture
def cohort(programme, trainer):
    from .factories import CohortFactory

    return CohortFactory(trainers=[trainer])


@pytest.fixture
def enrolment(cohort):
    from .factories import EnrolmentFactory

    return EnrolmentFactory(cohort=cohort)


@pytest.fixture
def outsiders(programme):
    """Another trainee (of the same cohort's programme, other cohort) and another cohort's
    trainer: both must get a 404 on one person's assessment pages."""
    from .factories import CohortFactory, EnrolmentFactory, TrainerFactory

    other_trainer = TrainerFactory()
    other = EnrolmentFactory(cohort=CohortFactory(trainers=[other_trainer]))
    return {"trainee": other.trainee, "trainer": other_trainer}
