"""Factories for the credentials tests: the certificates app's trainees and enrolments."""

from __future__ import annotations

from certificates.tests.factories import EnrolmentFactory, UserFactory

__all__ = ["EnrolmentFactory", "UserFactory", "other_trainee"]


def other_trainee(**kwargs):
    """An enrolment of another trainee in another cohort."""
    return EnrolmentFactory(**kwargs)
