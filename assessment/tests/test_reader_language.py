"""Practice works are titled in the reader's language: the title is the practice topic's, and each
language has its own topic page (the Russian tree holds the Russian title)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

from assessment.models import Assignment
from assessment.selectors import assignments_localize
from course.models import TopicPage


@pytest.fixture
def assignment(programme):
    topic = (
        TopicPage.objects.filter(kind="practice", locale__language_code="kk")
        .order_by("path")
        .first()
    )
    return Assignment.objects.create(topic=topic, brief_kk="<p>Кейс</p>")


@pytest.fixture
def titles(assignment) -> dict[str, str]:
    russian = assignment.topic.get_translation(
        TopicPage.objects.filter(locale__language_code="ru").first().locale
    )
    return {"kk": assignment.topic.title, "ru": russian.title}


def _get(client, language: str, name: str, *args):
    with translation.override(language):
        path = reverse(f"assessment:{name}", args=args)
    return client.get(path).content.decode()


def test_the_programme_has_different_kazakh_and_russian_practice_titles(titles):
    # What the tests below rely on: the two titles differ, so a page shows one or the other.
    assert titles["kk"] and titles["ru"] and titles["kk"] != titles["ru"]


@pytest.mark.parametrize(("language", "other"), [("ru", "kk"), ("kk", "ru")])
def test_the_practice_list_titles_each_work_in_the_readers_language(
    client, enrolment, assignment, titles, language, other
):
    client.force_login(enrolment.trainee)

    html = _get(client, language, "practice_list")

    assert titles[language] in html
    assert titles[other] not in html


@pytest.mark.parametrize(("language", "other"), [("ru", "kk"), ("kk", "ru")])
def test_the_practice_page_titles_the_work_in_the_readers_language(
    client, enrolment, assignment, titles, language, other
):
    client.force_login(enrolment.trainee)

    html = _get(client, language, "practice_detail", assignment.pk)

    assert f"{assignment.topic.number} {titles[language]}</h1>" in html
    assert titles[other] not in html


def test_an_assignment_alone_looks_its_title_up_in_the_active_language(assignment, titles):
    fresh = Assignment.objects.select_related("topic").get(pk=assignment.pk)

    with translation.override("ru"):
        russian = fresh.title
    with translation.override("kk"):
        kazakh = fresh.title

    assert (russian, kazakh) == (titles["ru"], titles["kk"])


def test_a_list_looks_all_its_titles_up_in_one_query(programme, django_assert_num_queries, titles):
    topics = TopicPage.objects.filter(kind="practice", locale__language_code="kk").order_by("path")
    for topic in topics[1:3]:
        Assignment.objects.create(topic=topic, brief_kk="<p>Кейс</p>")
    assignments = list(Assignment.objects.select_related("topic"))
    assert len(assignments) == 3

    with translation.override("ru"), django_assert_num_queries(1):
        assignments_localize(assignments)
        shown = [a.title for a in assignments]

    assert titles["ru"] in shown
