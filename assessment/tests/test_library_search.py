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
