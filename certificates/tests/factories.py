"""Factories for the certificates tests: the shared people and course factories, with holders
named in Kazakh letters (the PDF must carry them) and the enrolment finished (certificates and
statements are issued at the end of a course)."""

from __future__ import annotations

import factory

from cms.tests import factories as people
from course.models import Enrolment
from course.tests import factories as course
from course.tests.factories import CohortFactory

__all__ = ["CohortFactory", "EnrolmentFactory", "UserFactory"]


class UserFactory(people.UserFactory):
    """A person without a trainee profile: the certificate takes the account's name."""

    email = factory.Sequence(lambda n: f"holder{n}@example.kz")
    first_name = "Әйгерім"
    last_name = factory.Sequence(lambda n: f"Құрманғалиева{n}")


class EnrolmentFactory(course.EnrolmentFactory):
    trainee = factory.SubFactory(UserFactory)
    status = Enrolment.Status.COMPLETED
