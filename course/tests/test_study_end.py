"""A lecture counts as studied when the trainee reaches the end of the topic: the form at the end
of the page sends back the token the page was opened with and the answers to the topic's
check-your-understanding questions, checked on the server. The time spent is kept for the
trainer."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.messages import get_messages
from django.utils import timezone

from cms.tests.factories import TrainerFactory
from course.models import TopicCompletion, TopicPage
from course.study import opened_token

from .conftest import url
from .factories import EnrolmentFactory, kk_topic

pytestmark = pytest.mark.django_db

QUIZ = [
    {
        "type": "quiz",
        "id": "q-one",
        "value": {
            "question": "ABC жазбасындағы A нені білдіреді?",
            "choices": [
                {"text": "Мінез-құлықтың салдары", "correct": False},
                {"text": "Мінез-құлықтың алдындағы жағдай", "correct": True},
            ],
            "explanation": "",
        },
    },
    {
        "type": "quiz",
        "id": "q-two",
        "value": {
            "question": "Көмекті біртіндеп азайту қалай аталады?",
            "choices": [
                {"text": "Fading", "correct": True},
                {"text": "Prompting", "correct": False},
                {"text": "Shaping", "correct": False},
            ],
            "explanation": "",
        },
    },
]


def _page(number: str, lang: str) -> TopicPage:
    return TopicPage.objects.get(number=number, locale__language_code=lang)


def _with_questions(page: TopicPage) -> TopicPage:
    page.body = QUIZ
    page.save_revision().publish()
    return TopicPage.objects.get(pk=page.pk)


def _messages(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def _token_from(html: str) -> str:
    return re.search(r'name="opened" value="([^"]+)"', html).group(1)


@pytest.fixture
def trainee_client(client, programme):
    enrolment = EnrolmentFactory()
    client.force_login(enrolment.trainee)
    client.enrolment = enrolment
    return client


def test_the_form_at_the_end_of_the_page_counts_the_topic_and_keeps_the_time(trainee_client):
    page = _page("1.1", "en")
    html = trainee_client.get(page.url).content.decode()
    token = _token_from(html)

    response = trainee_client.post(url("topic_studied", page.pk), {"opened": token})

    completion = TopicCompletion.objects.get(enrolment=trainee_client.enrolment)
    assert response.status_code == 302
    assert (completion.topic_id, completion.source) == (kk_topic("1.1").pk, "studied")
    assert completion.seconds_spent is not None and completion.seconds_spent < 60
    assert "Topic 1.1 is marked as studied." in _messages(response)


def test_one_click_without_the_pages_token_is_refused_and_records_nothing(trainee_client):
    page = _page("1.1", "en")

    response = trainee_client.post(url("topic_studied", page.pk))

    assert (
        "Open the topic and read it to its end, then send the form at the end of the page."
        in _messages(response)
    )
    assert not TopicCompletion.objects.exists()


def test_a_token_from_another_topic_or_person_does_not_finish_this_one(trainee_client):
    page = _page("1.1", "en")
    other_topic = opened_token(user_id=trainee_client.enrolment.trainee_id, page_id=page.pk + 1)
    other_person = opened_token(user_id=trainee_client.enrolment.trainee_id + 999, page_id=page.pk)

    for token in (other_topic, other_person, "forged:token"):
        trainee_client.post(url("topic_studied", page.pk), {"opened": token})

    assert not TopicCompletion.objects.exists()


def test_a_token_older_than_the_limit_asks_to_open_the_topic_again(trainee_client, settings):
    settings.TOPIC_OPEN_TOKEN_MAX_AGE_SECONDS = 0
    page = _page("1.1", "en")
    token = opened_token(user_id=trainee_client.enrolment.trainee_id, page_id=page.pk)

    import time

    time.sleep(1.1)
    response = trainee_client.post(url("topic_studied", page.pk), {"opened": token})

    assert any("Open the topic and read it to its end" in m for m in _messages(response))
    assert not TopicCompletion.objects.exists()


def test_wrong_or_missing_answers_are_refused_and_named(trainee_client):
    page = _with_questions(_page("1.1", "en"))
    html = trainee_client.get(page.url).content.decode()
    token = _token_from(html)
    assert 'form="study-form" name="answer-q-one" value="1"' in html

    response = trainee_client.post(
        url("topic_studied", page.pk), {"opened": token, "answer-q-one": "0"}
    )

    assert "Check your answers to questions 1, 2 and send them again." in _messages(response)
    assert not TopicCompletion.objects.exists()


def test_right_answers_finish_a_topic_with_questions(trainee_client):
    page = _with_questions(_page("1.1", "ru"))
    token = _token_from(trainee_client.get(page.url).content.decode())

    trainee_client.post(
        url("topic_studied", page.pk),
        {"opened": token, "answer-q-one": "1", "answer-q-two": "0"},
    )

    completion = TopicCompletion.objects.get()
    assert completion.topic_id == kk_topic("1.1").pk


def test_the_trainer_sees_the_time_spent_on_the_enrolment_page(client, programme):
    trainer = TrainerFactory()
    enrolment = EnrolmentFactory(cohort__trainers=[trainer])
    TopicCompletion.objects.create(
        enrolment=enrolment,
        topic=kk_topic("1.1"),
        source="studied",
        completed_at=timezone.now() - timedelta(days=1),
        seconds_spent=25 * 60 + 20,
    )
    client.force_login(trainer)

    html = client.get(url("enrolment_detail", enrolment.pk)).content.decode()

    row = re.search(r"<td>1\.1</td>(.*?)</tr>", html, re.S).group(1)
    assert '<td class="num">25</td>' in row


def test_another_trainer_does_not_see_the_enrolment(client, programme):
    enrolment = EnrolmentFactory(cohort__trainers=[TrainerFactory()])
    client.force_login(TrainerFactory())

    assert client.get(url("enrolment_detail", enrolment.pk)).status_code == 404
