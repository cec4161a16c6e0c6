from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone, translation

from assessment.tests.factories import finalised_result
from certificates.services import certificate_issue
from certificates.tests.factories import EnrolmentFactory
from cms.roles import forget_roles
from cms.tests.factories import RegistrarFactory, TraineeFactory, TrainerFactory

# 18/20 theory, 18/30 practice (60 %), 20/30 plan (67 %), 9/10 defence, 9/10 participation = 74.
SCORES = {"theory": 18, "practice": 18, "plan": 20, "defence": 9, "participation": 9}


@pytest.fixture(autouse=True)
def _english():
    """Service refusals are asserted as written in the code; the site's default is Kazakh."""
    with translation.override("en"):
        yield


@pytest.fixture
def graduate(programme):
    return TraineeFactory(email="graduate@example.kz")


@pytest.fixture
def make_certificate(programme):
    def _make(user, *, scores=None, comments=None, issued_on=None):
        enrolment = EnrolmentFactory(trainee=user)
        finalised_result(
            enrolment=enrolment,
            scores=scores or SCORES,
            comments=comments or {"practice": "Choose tools from the ABC record, not by habit."},
        )
        return certificate_issue(enrolment=enrolment, issued_on=issued_on or timezone.localdate())

    return _make


@pytest.fixture
def certificate(graduate, make_certificate):
    return make_certificate(graduate)


@pytest.fixture
def mentor(db):
    user = TrainerFactory(email="mentor@example.kz")
    user.groups.add(Group.objects.get(name="mentor"))
    forget_roles(user)
    return user


@pytest.fixture
def registrar(db):
    return RegistrarFactory(email="registrar@example.kz")
