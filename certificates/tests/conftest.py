from __future__ import annotations

import pytest
from django.utils import translation

from .factories import EnrolmentFactory


@pytest.fixture
def enrolment(programme):
    return EnrolmentFactory()


@pytest.fixture
def issue(db):
    """Issue a certificate with an explicit passing score (no assessment needed)."""
    from certificates.services import certificate_issue

    def _issue(enrolment, **kwargs):
        kwargs.setdefault("score", 88)
        kwargs.setdefault("band", "excellent")
        return certificate_issue(enrolment=enrolment, **kwargs)

    return _issue


@pytest.fixture(autouse=True)
def _english():
    """Services speak the active language (Kazakh by default); the tests read English messages.
    Requests still choose their own language through LocaleMiddleware."""
    with translation.override("en"):
        yield
