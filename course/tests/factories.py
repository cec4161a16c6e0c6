"""Factories for cohorts, sessions and enrolments. People come from cms.tests.factories."""

from __future__ import annotations

import datetime
import uuid

import factory
from django.utils import timezone

from cms.tests.factories import TraineeFactory, TrainerFactory
from course.models import Cohort, CourseAgreement, Enrolment, LiveSession, TopicPage


def kk_programme():
    from course.models import ProgrammePage

    return ProgrammePage.objects.get(locale__language_code="kk")


def kk_topic(number: str) -> TopicPage:
    return TopicPage.objects.get(locale__language_code="kk", number=number)


class CohortFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Cohort
        skip_postgeneration_save = True

    programme = factory.LazyFunction(kk_programme)
    code = factory.Sequence(lambda n: f"pa-2026-{n:03d}")
    name = factory.Sequence(lambda n: f"Cohort {n}")
    language = "kk"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=14))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=60))
    capacity = 30
    # Unique among cohorts (a constraint), also across the processes some integration tests start
    # (each process counts its factory sequences from 0 again).
    enrolment_key = factory.LazyFunction(lambda: f"KEY-{uuid.uuid4().hex[:10].upper()}")

    @factory.post_generation
    def trainers(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.trainers.add(*extracted)


class EnrolmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Enrolment

    cohort = factory.SubFactory(CohortFactory)
    trainee = factory.SubFactory(TraineeFactory)
    agreement_accepted_at = factory.LazyFunction(timezone.now)
    agreement_version = "1"


class LiveSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LiveSession

    cohort = factory.SubFactory(CohortFactory)
    topic = factory.LazyFunction(lambda: kk_topic("1.5"))
    # Started an hour ago: its register is open (a register opens when its session starts) and
    # it still counts as upcoming (people join late).
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))
    duration_minutes = 90
    online_link = "https://meet.example.kz/pa"


class CourseAgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CourseAgreement
        django_get_or_create = ("version",)

    version = "2026.1"
    text_kk = "<p>Оқу шарты</p>"
    text_ru = "<p>Договор об обучении</p>"


__all__ = [
    "CohortFactory",
    "CourseAgreementFactory",
    "EnrolmentFactory",
    "LiveSessionFactory",
    "TraineeFactory",
    "TrainerFactory",
    "kk_programme",
    "kk_topic",
]
