"""Site search on a real PostgreSQL: full text with the `simple` configuration, Kazakh letters
folded in the index and the query, and partial words found by their beginning."""

from __future__ import annotations

import pytest
from django.db import connection

from cms.search import search_all

pytestmark = [pytest.mark.services, pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _pages_indexed(db):
    """The pages indexed as publishing indexes them. In the whole PostgreSQL pass, earlier tests
    of the same worker (transactional ones empty the tables) left these pages without their
    index entries; run alone the module passed. The index is kept current by the page signals,
    which only a save sends."""
    from wagtail.search import index

    from course.models import GlossaryTermPage, LiteratureEntryPage, TopicPage

    for model in (TopicPage, GlossaryTermPage, LiteratureEntryPage):
        for page in model.objects.live():
            index.insert_or_update_object(page)


def _titles(groups, kind: str) -> set[str]:
    return {hit.title for group in groups if group.kind.key == kind for hit in group.hits}


def test_the_trigram_extension_exists(postgres):
    # pg_trgm backs the register's search indexes (certificates migration 0008).
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")
        assert cursor.fetchone() == (1,)


def test_a_kazakh_term_is_found_with_and_without_its_kazakh_letters(postgres):
    with_letters = _titles(search_all(query="ППҚҚ", language="kk", limit=20), "glossary")
    without = _titles(search_all(query="ППКК", language="kk", limit=20), "glossary")

    assert "Психологиялық-педагогикалық қолдау қызметі (ППҚҚ)" in with_letters
    assert with_letters == without


def test_a_word_typed_without_its_kazakh_letters_finds_the_kazakh_glossary_term(postgres):
    found = _titles(search_all(query="инклюзивти билим", language="kk", limit=20), "glossary")

    assert "Инклюзивті білім беру" in found


def test_a_partial_word_is_found_by_its_beginning(postgres):
    found = _titles(search_all(query="инклюзив", language="kk", limit=20), "glossary")

    assert "Инклюзивті білім беру" in found


def test_russian_search_finds_the_russian_term(postgres):
    found = _titles(search_all(query="инклюзивное", language="ru", limit=20), "glossary")

    assert "Инклюзивное образование" in found


def test_a_word_found_nowhere_finds_nothing(postgres):
    assert search_all(query="казыгурт", language="kk", limit=20) == []
