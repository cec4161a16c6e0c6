"""Site search finds the materials library: the generated templates by title and purpose, and
the files editors attached, in the page's language, with or without Kazakh letters."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from wagtail.documents.models import Document

from cms.search import search_all
from course.models import ModuleAttachment, ModulePage

pytestmark = pytest.mark.django_db


def _materials(query: str, language: str) -> list[tuple[str, str]]:
    groups = {
        group.kind.key: group for group in search_all(query=query, language=language, limit=20)
    }
    return (
        [(hit.title, hit.url) for hit in groups["materials"].hits] if "materials" in groups else []
    )


def test_the_observation_card_is_found_in_kazakh_with_and_without_kazakh_letters(programme):
    assert _materials("бақылау картасы", "kk") == [
        ("Бақылау картасы", "/kk/assessment/library/modules/2/")
    ]
    assert _materials("бакылау карта", "kk") == _materials("бақылау картасы", "kk")


def test_the_observation_card_is_found_in_russian_by_its_russian_title(programme):
    assert _materials("карта наблюдения", "ru") == [
        ("Карта наблюдения", "/ru/assessment/library/modules/2/")
    ]
    assert _materials("карта наблюдения", "kk") == []


def test_a_file_an_editor_attached_to_a_module_is_found_by_its_transcript(programme):
    module = ModulePage.objects.get(locale__language_code="kk", number=3)
    document = Document.objects.create(title="slides", file=ContentFile(b"%PDF-1.4", "s.pdf"))
    ModuleAttachment.objects.create(
        page=module,
        kind="slides",
        title="Дәріс слайдтары",
        document=document,
        transcript="Сенсорлық үзіліс туралы",
    )

    assert _materials("сенсорлык узилис", "kk") == [
        ("Дәріс слайдтары", "/kk/assessment/library/modules/3/")
    ]
    assert _materials("сенсорлык узилис", "ru") == []


def _attach(module, *, language: str, title: str, transcript: str = "") -> ModuleAttachment:
    document = Document.objects.create(title=title, file=ContentFile(b"%PDF-1.4", "f.pdf"))
    return ModuleAttachment.objects.create(
        page=module,
        kind="slides",
        title=title,
        language=language,
        document=document,
        transcript=transcript,
    )


def test_a_russian_file_on_the_kazakh_page_is_found_in_russian_and_not_in_kazakh(programme):
    module = ModulePage.objects.get(locale__language_code="kk", number=4)
    _attach(module, language="ru", title="Слайды о визуальном расписании")

    assert _materials("визуальном расписании", "ru") == [
        ("Слайды о визуальном расписании", "/ru/assessment/library/modules/4/")
    ]
    assert _materials("визуальном расписании", "kk") == []


def test_a_file_for_all_languages_is_found_in_each(programme):
    module = ModulePage.objects.get(locale__language_code="kk", number=4)
    _attach(module, language="all", title="Кесте / Расписание: бланк")

    assert _materials("бланк", "kk") == [
        ("Кесте / Расписание: бланк", "/kk/assessment/library/modules/4/")
    ]
    assert _materials("бланк", "ru") == [
        ("Кесте / Расписание: бланк", "/ru/assessment/library/modules/4/")
    ]


def test_files_are_found_through_the_search_index_not_by_reading_every_file(programme):
    from wagtail.search import index

    module = ModulePage.objects.get(locale__language_code="kk", number=4)
    # bulk_create sends no signal, so nothing puts these files in the index.
    document = Document.objects.create(title="d", file=ContentFile(b"%PDF-1.4", "d.pdf"))
    unindexed = ModuleAttachment.objects.bulk_create(
        [
            ModuleAttachment(
                page=module, kind="slides", title=f"Қыдырма {n}", language="kk", document=document
            )
            for n in range(30)
        ]
    )

    assert _materials("кыдырма", "kk") == []
    index.insert_or_update_object(unindexed[7])
    assert _materials("кыдырма", "kk") == [("Қыдырма 7", "/kk/assessment/library/modules/4/")]


def test_a_file_on_a_page_taken_offline_is_not_found(programme):
    module = ModulePage.objects.get(locale__language_code="kk", number=4)
    _attach(module, language="kk", title="Ескі слайдтар")
    module.unpublish()

    assert _materials("ескі слайдтар", "kk") == []
