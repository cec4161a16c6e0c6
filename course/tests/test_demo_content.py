"""The demo's exemplar lecture (2.2) and practice topic (2.4): headings, a video with its
transcript, a downloadable handout and graded questions, marked as demo content."""

from __future__ import annotations

import re

import pytest
from wagtail.models import Revision

from course.demo_content import seed
from course.models import TopicPage

pytestmark = pytest.mark.django_db


def _page(number: str, lang: str) -> TopicPage:
    return TopicPage.objects.get(number=number, locale__language_code=lang)


def test_the_exemplar_lecture_has_every_part_of_a_finished_topic(client):
    seed({})

    html = client.get(_page("2.2", "kk").url).content.decode()

    assert "<b>Демо-мазмұн.</b>" in html
    assert re.search(r"<h2[^>]*>ABC талдау деген не</h2>", html)
    assert '<details class="transcript">' in html and "тапсырмадан қашуға" in html
    assert re.search(
        r'<a href="/documents/\d+/abc-observation-sheet-demo[^"]*\.pdf" download>', html
    )
    assert html.count('form="study-form"') == 6  # two questions, three answers each
    assert "Демо: бейнежазба әлі жүктелмеген" in html


def test_the_exemplar_practice_topic_is_filled_in_russian_too(client):
    seed({})

    html = client.get(_page("2.4", "ru").url).content.decode()

    assert "<b>Демо-содержание.</b>" in html
    assert "Ход практического занятия" in html
    assert "Анализ карты наблюдения: образец (6 минут)" in html


def test_seeding_again_changes_nothing():
    seed({})
    revisions = Revision.objects.count()

    assert seed({}) == []
    assert Revision.objects.count() == revisions


def test_a_topic_an_editor_already_wrote_is_left_alone():
    page = _page("2.2", "ru")
    page.body = [{"type": "paragraph", "value": "<p>Текст редактора.</p>"}]
    page.save_revision().publish()

    filled = seed({})

    assert "2.2 [ru]" not in filled and "2.2 [kk]" in filled
    assert "Текст редактора." in str(_page("2.2", "ru").body)
