"""The registrar records the make-up of an excused absence on the enrolment page."""

from __future__ import annotations

import pytest

from cms.tests.factories import RegistrarFactory
from course.models import TopicCompletion
from course.services import attendance_record

from .conftest import url
from .factories import EnrolmentFactory, LiveSessionFactory, kk_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def excused(programme):
    enrolment = EnrolmentFactory()
    session = LiveSessionFactory(cohort=enrolment.cohort, topic=kk_topic("2.4"))
    attendance_record(session=session, marks={enrolment.pk: "excused"}, recorded_by=None)
    return enrolment


def test_the_registrar_records_a_make_up_and_the_topic_counts(client, excused):
    client.force_login(RegistrarFactory())
    page = client.get(url("enrolment_detail", excused.pk)).content.decode()
    assert "Make-up of an excused absence" in page

    response = client.post(
        url("enrolment_action", excused.pk, "make_up"),
        {"make_up-topic": kk_topic("2.4").pk},
        follow=True,
    )

    completion = TopicCompletion.objects.get(enrolment=excused)
    assert (completion.topic.number, completion.source) == ("2.4", "made_up")
    assert "The make-up is recorded; the topic counts as done." in response.content.decode()


def test_a_topic_without_an_excused_absence_cannot_be_made_up(client, excused):
    client.force_login(RegistrarFactory())

    client.post(
        url("enrolment_action", excused.pk, "make_up"), {"make_up-topic": kk_topic("1.5").pk}
    )

    assert not TopicCompletion.objects.filter(enrolment=excused).exists()


def test_a_trainee_cannot_record_a_make_up(client, excused):
    client.force_login(excused.trainee)

    response = client.post(
        url("enrolment_action", excused.pk, "make_up"), {"make_up-topic": kk_topic("2.4").pk}
    )

    assert response.status_code in (403, 404)
    assert not TopicCompletion.objects.filter(enrolment=excused).exists()
