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


def _attach(*, number: int, language: str, title: str, transcript: str = ""):
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from course.models import ModuleAttachment, ModulePage

    module = ModulePage.objects.get(locale__language_code="kk", number=number)
    document = Document.objects.create(title=title, file=ContentFile(b"%PDF-1.4", "f.pdf"))
    return ModuleAttachment.objects.create(
        page=module,
        kind="slides",
        title=title,
        language=language,
        document=document,
        transcript=transcript,
    )


def test_a_library_file_is_found_in_the_index_by_its_transcript_without_kazakh_letters(postgres):
    _attach(number=3, language="kk", title="Дәріс слайдтары", transcript="Сенсорлық үзіліс туралы")

    found = _titles(search_all(query="сенсорлык узилис", language="kk", limit=20), "materials")

    assert found == {"Дәріс слайдтары"}
    assert _titles(search_all(query="сенсорлык", language="ru", limit=20), "materials") == set()


def test_a_library_file_for_all_languages_is_found_in_russian_by_a_partial_word(postgres):
    _attach(number=4, language="all", title="Визуальное расписание: бланк")

    found = _titles(search_all(query="расписан", language="ru", limit=20), "materials")

    assert "Визуальное расписание: бланк" in found


def test_a_library_file_missing_from_the_index_is_not_found(postgres):
    from wagtail.search import index

    attachment = _attach(number=4, language="kk", title="Қыдырма үлгісі")
    index.remove_object(attachment)

    assert _titles(search_all(query="кыдырма", language="kk", limit=20), "materials") == set()
