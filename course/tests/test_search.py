"""GET /<lang>/search/?q=: topics, glossary terms and literature, in the page's language, grouped
by kind, matching words marked; a Kazakh letter typed or not finds the same word."""

from __future__ import annotations

import re

import pytest

from cms.search import fold, highlight, search_all

pytestmark = pytest.mark.django_db


def _groups(html: str) -> list[str]:
    return re.findall(r'<h2 id="group-(\w+)">', html)


def _result_links(html: str) -> list[str]:
    lists = re.findall(r'<ol class="search-results">(.*?)</ol>', html, re.S)
    return [link for block in lists for link in re.findall(r'<li>\s*<a href="([^"]+)"', block)]


def test_folding_maps_each_kazakh_letter_to_its_russian_look_alike_and_keeps_length():
    assert fold("ҚӘӨҮҰІҒҢҺ") == "каоууигнх"
    assert len(fold("Құқық")) == len("Құқық")


def test_highlight_marks_the_original_letters_of_a_word_found_through_folding():
    assert str(highlight("Инклюзивті білім беру", "инклюзивти")) == (
        "<mark>Инклюзивті</mark> білім беру"
    )
    assert str(highlight("<b>ППҚҚ</b>", "ппкк")) == "&lt;b&gt;<mark>ППҚҚ</mark>&lt;/b&gt;"


def test_a_kazakh_term_is_found_with_and_without_its_kazakh_letters():
    with_letters = search_all(query="ППҚҚ", language="kk", limit=20)
    without = search_all(query="ППКК", language="kk", limit=20)

    def term_titles(groups):
        return {hit.title for g in groups if g.kind.key == "glossary" for hit in g.hits}

    assert "Психологиялық-педагогикалық қолдау қызметі (ППҚҚ)" in term_titles(with_letters)
    assert term_titles(with_letters) == term_titles(without)


def test_a_word_typed_with_a_and_i_for_ә_and_і_finds_the_kazakh_topic(client):
    html = client.get("/kk/search/", {"q": "инклюзивти билим"}).content.decode()

    assert "glossary" in _groups(html)
    assert "<mark>Инклюзивті</mark> <mark>білім</mark> беру" in html


def test_kazakh_search_shows_kazakh_pages_only_grouped_by_kind(client):
    html = client.get("/kk/search/", {"q": "бейімдеу"}).content.decode()

    assert _groups(html)[0] == "topics"
    assert "glossary" in _groups(html)
    links = _result_links(html)
    assert links and all(link.startswith("/kk/programme/") for link in links)


def test_russian_search_finds_russian_topics_and_terms(client):
    html = client.get("/ru/search/", {"q": "инклюзивное образование"}).content.decode()

    assert '<html lang="ru">' in html
    assert "glossary" in _groups(html)
    links = _result_links(html)
    assert "/ru/programme/glossary/inclusive-education/" in links
    assert all(link.startswith("/ru/programme/") for link in links)


def test_a_literature_entry_is_found_by_a_word_of_its_record(client):
    html = client.get("/ru/search/", {"q": "Саламанкская"}).content.decode()

    assert _groups(html) == ["literature"]
    assert 'href="/ru/programme/literature/source-4/"' in html


def test_a_partial_word_finds_the_whole_one(client):
    html = client.get("/kk/search/", {"q": "инклюз"}).content.decode()

    assert "glossary" in _groups(html)


def test_an_empty_query_shows_the_form_and_no_results(client):
    response = client.get("/kk/search/")

    assert response.status_code == 200
    assert _groups(response.content.decode()) == []


def test_the_header_of_every_page_has_a_search_box(client):
    html = client.get("/ru/programme/").content.decode()

    assert '<form method="get" action="/ru/search/" role="search"' in html


def test_a_topic_published_with_a_new_word_is_found_by_it_at_once(client):
    from course.models import TopicPage

    topic = TopicPage.objects.get(number="3.1", locale__language_code="kk")
    before = client.get("/kk/search/", {"q": "казыгурт"}).content.decode()
    topic.introduction = "<p>Қазығұрт ауданындағы мектептің тәжірибесі.</p>"
    topic.save_revision().publish()

    after = client.get("/kk/search/", {"q": "казыгурт"}).content.decode()

    assert _result_links(before) == []
    assert _result_links(after) == [topic.url]
    assert "<mark>Қазығұрт</mark>" in after
