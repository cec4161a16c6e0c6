"""A new trainee's dashboard shows the first steps until they are done."""

from __future__ import annotations

import pytest

from cms.models import TraineeProfile
from cms.tests.factories import TraineeFactory, TrainerFactory
from course import services

from .conftest import url
from .factories import EnrolmentFactory, kk_topic

pytestmark = pytest.mark.django_db


def _steps(client, user):
    client.force_login(user)
    response = client.get(url("dashboard"))
    return [(step.label, step.done) for step in response.context["onboarding"]], response


def test_a_new_trainee_sees_three_steps_with_links(client, programme):
    trainee = TraineeFactory()
    TraineeProfile.objects.filter(user=trainee).update(school="")
    steps, response = _steps(client, trainee)
    assert steps == [
        ("Complete your profile", False),
        ("Join your cohort with the enrolment key", False),
        ("Study your first topic", False),
    ]
    html = response.content.decode()
    assert '<a href="/en/accounts/profile/edit/">Complete your profile</a>' in html
    assert f'<a href="{url("join")}">Join your cohort with the enrolment key</a>' in html


def test_the_steps_tick_off_and_vanish_once_all_are_done(client, programme):
    enrolment = EnrolmentFactory()
    steps, _response = _steps(client, enrolment.trainee)
    assert steps == [
        ("Complete your profile", True),
        ("Join your cohort with the enrolment key", True),
        ("Study your first topic", False),
    ]
    services.topic_mark_studied(enrolment=enrolment, topic=kk_topic("1.1"))
    steps, response = _steps(client, enrolment.trainee)
    assert steps == []
    assert "Getting started" not in response.content.decode()


def test_trainers_get_no_checklist(client, programme):
    steps, _response = _steps(client, TrainerFactory())
    assert steps == []
