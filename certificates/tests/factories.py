"""Factories for the certificates tests: trainees enrolled in a cohort of the loaded programme."""

from __future__ import annotations

import datetime

import factory

from cms.models import User
from course.models import Cohort, Enrolment, ProgrammePage


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User

    email = factory.Sequence(lambda n: f"holder{n}@example.kz")
    first_name = "Әйгерім"
    last_name = factory.Sequence(lambda n: f"Құрманғалиева{n}")
    password = factory.django.Password("pass-12345")


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort

    programme = factory.LazyFunction(lambda: ProgrammePage.objects.get(locale__language_code="kk"))
    code = factory.Sequence(lambda n: f"cert-cohort-{n}")
    name = factory.Sequence(lambda n: f"Cohort {n}")
    starts_on = datetime.date(2026, 9, 1)
    ends_on = datetime.date(2026, 10, 15)


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    cohort = factory.SubFactory(CohortFactory)
    trainee = factory.SubFactory(UserFactory)
    status = Enrolment.Status.COMPLETED
