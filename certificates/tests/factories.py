"""Factories for the certificates tests: the shared people and course factories, with holders
named in Kazakh letters (the PDF must carry them) and the enrolment finished (certificates and
statements are issued at the end of a course)."""

from __future__ import annotations

import datetime

import factory
from django.utils import timezone

from cms.tests import factories as people
from course.models import Enrolment
from course.tests import factories as course

__all__ = [
    "CohortFactory",
    "EnrolmentFactory",
    "FinishedCohortFactory",
    "UserFactory",
    "meet_completion_rule",
]


class UserFactory(people.UserFactory):
    """A person without a trainee profile: the certificate takes the account's name."""

    # Unique across processes (see cms.tests.factories.UserFactory).
    email = factory.Sequence(lambda n: f"holder{n}-{people.PROCESS_TAG}@example.kz")
    first_name = "Әйгерім"
    last_name = factory.Sequence(lambda n: f"Құрманғалиева{n}")


class CohortFactory(course.CohortFactory):
    """A cohort whose end date has passed: certificates are issued only after it."""

    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=60))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))


FinishedCohortFactory = CohortFactory


class EnrolmentFactory(course.EnrolmentFactory):
    """A trainee of a finished cohort who met the completion rule (`met_rule=False` for one who
    did not)."""

    cohort = factory.SubFactory(CohortFactory)
    trainee = factory.SubFactory(UserFactory)
    status = Enrolment.Status.COMPLETED

    @factory.post_generation
    def met_rule(obj, create, extracted, **kwargs):
        if create and extracted is not False:
            meet_completion_rule(obj)


def meet_completion_rule(enrolment, *, assessor=None) -> None:
    """Make the enrolment meet the default completion rule: every topic done, every practice work
    accepted, the theory test taken (when the programme has one), the plan submitted and its
    defence held. The cohort's end date is the cohort's own business."""
    from assessment.models import (
        Assignment,
        DefenceSlot,
        Submission,
        SupportPlan,
        TestAttempt,
        TheoryTest,
    )
    from course.models import TopicCompletion
    from course.selectors import programme_topics

    programme = enrolment.cohort.programme
    topics = programme_topics(programme)
    TopicCompletion.objects.bulk_create(
        [
            TopicCompletion(enrolment=enrolment, topic=topic, source=TopicCompletion.Source.STUDIED)
            for topic in topics
        ],
        ignore_conflicts=True,
    )
    for assignment in Assignment.objects.filter(topic__in=topics):
        Submission.objects.update_or_create(
            assignment=assignment,
            enrolment=enrolment,
            defaults={"status": Submission.Status.ACCEPTED, "submitted_at": timezone.now()},
        )
    test = TheoryTest.objects.filter(programme=programme).first()
    if test is not None:
        TestAttempt.objects.get_or_create(
            test=test,
            enrolment=enrolment,
            number=1,
            defaults={"finished_at": timezone.now(), "score": 1, "max_score": 1},
        )
    plan, _created = SupportPlan.objects.update_or_create(
        enrolment=enrolment,
        defaults={"status": SupportPlan.Status.SUBMITTED, "submitted_at": timezone.now()},
    )
    assessor = assessor or people.TrainerFactory()
    DefenceSlot.objects.update_or_create(
        plan=plan,
        defaults={
            "starts_at": timezone.now() - datetime.timedelta(days=2),
            "place": "Room 1",
            "scheduled_by": assessor,
            "held_on": timezone.localdate() - datetime.timedelta(days=2),
            "assessed_by": assessor,
        },
    )
