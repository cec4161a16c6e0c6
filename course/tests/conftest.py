from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation


def url(name: str, *args, lang: str = "en") -> str:
    """A study-area URL in English, so tests can read the messages as written in the code."""
    with translation.override(lang):
        return reverse(f"course:{name}", args=args)


@pytest.fixture
def agreement(db):
    from .factories import CourseAgreementFactory

    return CourseAgreementFactory()


@pytest.fixture
def cohort(programme):
    from .factories import CohortFactory

    return CohortFactory(code="pa-test", enrolment_key="JOIN-ME", capacity=2)
