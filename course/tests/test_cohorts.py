"""Joining a cohort with its enrolment key, and every refusal with its message."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from cms.tests.factories import TraineeFactory, UserFactory
from course.models import Enrolment, EnrolmentEvent

from .conftest import url
from .factories import CohortFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db


def _join(client, user, key="JOIN-ME", accept=True):
    client.force_login(user)
    data = {"enrolment_key": key}
    if accept:
        data["accept_agreement"] = "on"
    return client.post(url("join"), data)


def test_a_trainee_with_a_complete_profile_joins_with_the_key(client, cohort, agreement):
    trainee = TraineeFactory()
    response = _join(client, trainee, key="join-me")  # the key is not case-sensitive
    assert response.status_code == 302
    enrolment = Enrolment.objects.get(trainee=trainee)
    assert enrolment.cohort == cohort
    assert enrolment.status == "active"
    assert enrolment.agreement_version == agreement.version
    assert enrolment.agreement_accepted_at is not None
    event = EnrolmentEvent.objects.get(enrolment=enrolment)
    assert (event.from_status, event.to_status, event.by) == ("", "active", trainee)
    assert trainee.groups.filter(name="trainee").exists()


def test_the_join_page_shows_the_agreement_and_labels_its_inputs(client, cohort, agreement):
    client.force_login(TraineeFactory())
    html = client.get(url("join", lang="kk")).content.decode()
    assert "Оқу шарты" in html
    assert 'for="id_enrolment_key"' in html and 'for="id_accept_agreement"' in html
    ru = client.get(url("join", lang="ru")).content.decode()
    assert "Договор об обучении" in ru


@pytest.mark.parametrize(
    ("setup", "key", "message"),
    [
        ("none", "WRONG", "No cohort has this enrolment key. Check the key and try again."),
        ("full", "JOIN-ME", "Cohort pa-test is full (2 places)."),
        ("ended", "JOIN-ME", "Cohort pa-test ended on"),
        ("already", "JOIN-ME", "You are already enrolled in cohort pa-test."),
        ("elsewhere", "JOIN-ME", "You are already studying in another cohort"),
    ],
)
def test_it_refuses_to_join_with_a_clear_message_and_creates_nothing(
    client, cohort, agreement, setup, key, message
):
    trainee = TraineeFactory()
    if setup == "full":
        EnrolmentFactory.create_batch(2, cohort=cohort)
    elif setup == "ended":
        cohort.starts_on = timezone.localdate() - datetime.timedelta(days=90)
        cohort.ends_on = timezone.localdate() - datetime.timedelta(days=1)
        cohort.save()
    elif setup == "already":
        EnrolmentFactory(cohort=cohort, trainee=trainee, status="withdrawn")
    elif setup == "elsewhere":
        EnrolmentFactory(cohort=CohortFactory(), trainee=trainee)
    before = (Enrolment.objects.count(), EnrolmentEvent.objects.count())
    response = _join(client, trainee, key=key)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert (Enrolment.objects.count(), EnrolmentEvent.objects.count()) == before


def test_it_refuses_a_trainee_whose_profile_is_incomplete(client, cohort, agreement):
    user = UserFactory()
    response = _join(client, user)
    assert "Fill in your profile before joining a cohort." in response.content.decode()
    assert not Enrolment.objects.filter(trainee=user).exists()


def test_it_refuses_to_join_without_accepting_the_agreement(client, cohort, agreement):
    trainee = TraineeFactory()
    response = _join(client, trainee, accept=False)
    assert "You must accept the course agreement to join." in response.content.decode()
    assert not Enrolment.objects.filter(trainee=trainee).exists()


def test_it_refuses_to_join_while_no_agreement_is_published(client, cohort):
    trainee = TraineeFactory()
    response = _join(client, trainee)
    assert "The course agreement is not published yet" in response.content.decode()
    assert not Enrolment.objects.filter(trainee=trainee).exists()


def test_the_refusal_is_translated(client, cohort, agreement):
    client.force_login(TraineeFactory())
    response = client.post(
        url("join", lang="ru"), {"enrolment_key": "WRONG", "accept_agreement": "on"}
    )
    assert "Нет потока с таким ключом" in response.content.decode()


def test_an_anonymous_visitor_is_sent_to_the_login_page(client):
    for name in ("join", "dashboard"):
        response = client.get(url(name))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]
