"""The theory test's countdown starts from the seconds left on the server."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.utils import timezone

from assessment import services
from assessment.models import Choice, Question, TheoryTest
from course.models import ModulePage

from .conftest import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def timed_test(programme):
    module = ModulePage.objects.filter(locale__language_code="kk").order_by("number").first()
    question = Question.objects.create(module=module, text_kk="Сұрақ", text_en="Question")
    Choice.objects.create(question=question, text_kk="дұрыс", text_en="right", is_correct=True)
    Choice.objects.create(question=question, text_kk="қате", text_en="wrong")
    return TheoryTest.objects.create(
        programme=programme, title_en="Theory test", question_count=1, time_limit_minutes=30
    )


def test_the_countdown_starts_from_the_seconds_left_on_the_server(client, timed_test, enrolment):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        attempt = services.test_attempt_start(test=timed_test, enrolment=enrolment)
    client.force_login(enrolment.trainee)
    with time_machine.travel(start + dt.timedelta(minutes=10, seconds=15), tick=False):
        response = client.get(url("test_attempt", attempt.pk))
    assert response.context["remaining_seconds"] == 19 * 60 + 45
    page = response.text
    assert 'data-remaining="1185"' in page
    assert 'src="/static/assessment/countdown.js"' in page
    assert 'aria-live="polite"' in page
    assert 'data-label-five="Five minutes left."' in page
    assert 'data-label-one="One minute left."' in page
    assert "Answers sent later are not counted." in page  # the text stays for no JavaScript


def test_the_countdown_says_zero_once_the_time_is_up(client, timed_test, enrolment):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        attempt = services.test_attempt_start(test=timed_test, enrolment=enrolment)
    client.force_login(enrolment.trainee)
    with time_machine.travel(start + dt.timedelta(minutes=31), tick=False):
        response = client.get(url("test_attempt", attempt.pk))
    assert response.context["remaining_seconds"] == 0


def test_an_untimed_test_has_no_countdown(client, timed_test, enrolment):
    timed_test.time_limit_minutes = None
    timed_test.save()
    attempt = services.test_attempt_start(test=timed_test, enrolment=enrolment)
    client.force_login(enrolment.trainee)
    response = client.get(url("test_attempt", attempt.pk))
    assert response.context["remaining_seconds"] is None
    assert "countdown.js" not in response.text
