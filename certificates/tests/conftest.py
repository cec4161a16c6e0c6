from __future__ import annotations

import pytest

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
