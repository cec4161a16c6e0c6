"""Another app adds its kind of search result (the materials library will) without cms naming it:
its results appear on the search page as a group of their own, after the kinds before it."""

from __future__ import annotations

import re

import pytest

from cms import search

pytestmark = pytest.mark.django_db


@pytest.fixture
def materials_kind():
    seen = []

    def find(*, query, language, limit):
        seen.append((query, language, limit))
        return [search.SearchHit(title="ABC бақылау парағы", url="/kk/library/abc/", text="")]

    search.register_search_kind(key="materials", label="Materials", order=40, find=find)
    yield seen
    search._kinds.pop("materials", None)


def test_a_registered_kind_gets_the_folded_query_and_its_own_group(client, materials_kind):
    html = client.get("/kk/search/", {"q": "ABC Қадам"}).content.decode()

    assert materials_kind == [("abc кадам", "kk", 20)]
    groups = re.findall(r'<h2 id="group-(\w+)">', html)
    assert groups[-1] == "materials"
    assert '<a href="/kk/library/abc/"><mark>ABC</mark> бақылау парағы</a>' in html


def test_a_query_of_no_words_asks_no_kind(client, materials_kind):
    client.get("/kk/search/", {"q": " … ! "})

    assert materials_kind == []
