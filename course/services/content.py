"""The glossary (section 2) and the literature list (section 9) of the approved programme, loaded
under the programme page in every language by `load_content` (like `load_programme`)."""

from __future__ import annotations

from django.db import transaction
from wagtail.models import Locale

from cms.errors import ServiceError

from ..models import (
    GlossaryPage,
    GlossaryTermPage,
    LiteratureEntryPage,
    LiteraturePage,
    ProgrammePage,
)
from .programme import (
    LANGUAGES,
    SOURCE_LANGUAGE,
    LoadReport,
    _add_child,
    _copy_for,
    _paragraphs,
    _sync_page,
    _translation,
    short_title,
)

GLOSSARY_TITLE = {"kk": "Глоссарий", "ru": "Глоссарий", "en": "Glossary"}
GLOSSARY_INTRO = {
    "kk": "Бағдарламаның 2-бөлімі: негізгі ұғымдар және оларды анықтайтын нормативтік актілер.",
    "ru": (
        "Раздел 2 программы: основные понятия и нормативные акты, которые их определяют. "
        "Перевод; утверждённый текст глоссария — на казахском языке."
    ),
    "en": (
        "Section 2 of the programme: the key terms and the legal acts that define them. The "
        "approved glossary is in Kazakh; the definitions here are our translation of it, and each "
        "legal source is cited as the approved text names it."
    ),
}
LITERATURE_TITLE = {
    "kk": "Негізгі және қосымша әдебиеттер тізімі",
    "ru": "Список основной и дополнительной литературы",
    "en": "Basic and additional literature",
}
LITERATURE_INTRO = {
    "kk": "Бағдарламаның 9-бөлімі, бекітілген нөмірлеумен.",
    "ru": "Раздел 9 программы, с утверждённой нумерацией.",
    "en": "Section 9 of the programme, numbered as approved.",
}


def _term_values(term: dict, code: str) -> dict:
    # Kazakh is the approved text (seed 004, section 2; the seed has no Russian or English
    # glossary). Russian and English pages carry our translation and say so; the legal source
    # stays as the approved text cites it.
    translated = code in term["definition"] and code != SOURCE_LANGUAGE
    language = code if translated else SOURCE_LANGUAGE
    note = term.get("note", {})
    return {
        "title": term["term"][code][:255],
        "definition": term["definition"][language],
        "note": note.get(language, note.get(SOURCE_LANGUAGE, "")),
        "source": term["source"][SOURCE_LANGUAGE],
        "source_url": term["url"],
        "is_translation": translated,
        "match_words": "\n".join(term["keys"]),
    }


def _entry_values(entry: dict) -> dict:
    return {
        "title": short_title(f"{entry['number']}. {entry['text']}", limit=120),
        "number": entry["number"],
        "text": entry["text"],
        "link": entry["url"],
        "is_law": entry["law"],
    }


def _sync_in_locales(*, report, label, source_parent, existing, create, values_for):
    """The Kazakh page under `source_parent`, then its Russian and English translations."""
    source = _sync_page(
        report=report,
        label=f"{label} [{SOURCE_LANGUAGE}]",
        existing=existing,
        create=create,
        values=values_for(SOURCE_LANGUAGE),
    )
    for code in LANGUAGES:
        if code == SOURCE_LANGUAGE:
            continue
        locale = Locale.objects.get(language_code=code)
        _sync_page(
            report=report,
            label=f"{label} [{code}]",
            existing=_translation(source, locale),
            create=_copy_for(source, locale),
            values=values_for(code),
        )
    return source


class ContentLoadError(ServiceError):
    pass


@transaction.atomic
def programme_content_load(*, glossary: list[dict], literature: list[dict]) -> LoadReport:
    """Build (or bring up to date) the glossary and the literature list under the programme, in
    every language. Running it twice changes nothing; pages an editor changed are left alone and
    listed. The programme itself must be loaded first (load_programme)."""
    report = LoadReport()
    programme = ProgrammePage.objects.filter(locale__language_code=SOURCE_LANGUAGE).first()
    if programme is None:
        raise ContentLoadError("No programme yet: run load_programme first.")
    locale = programme.locale

    glossary_page = _sync_in_locales(
        report=report,
        label="glossary",
        source_parent=programme,
        existing=GlossaryPage.objects.child_of(programme).first(),
        create=lambda: _add_child(
            programme, GlossaryPage(slug="glossary", title="-", locale=locale)
        ),
        values_for=lambda code: {
            "title": GLOSSARY_TITLE[code],
            "introduction": _paragraphs(GLOSSARY_INTRO[code]),
        },
    )
    for term in glossary:
        _sync_in_locales(
            report=report,
            label=f"term {term['slug']}",
            source_parent=glossary_page,
            existing=GlossaryTermPage.objects.child_of(glossary_page)
            .filter(slug=term["slug"])
            .first(),
            create=lambda t=term: _add_child(
                glossary_page,
                GlossaryTermPage(slug=t["slug"], title="-", definition="-", locale=locale),
            ),
            values_for=lambda code, t=term: _term_values(t, code),
        )

    literature_page = _sync_in_locales(
        report=report,
        label="literature",
        source_parent=programme,
        existing=LiteraturePage.objects.child_of(programme).first(),
        create=lambda: _add_child(
            programme, LiteraturePage(slug="literature", title="-", locale=locale)
        ),
        values_for=lambda code: {
            "title": LITERATURE_TITLE[code],
            "introduction": _paragraphs(LITERATURE_INTRO[code]),
        },
    )
    for entry in literature:
        _sync_in_locales(
            report=report,
            label=f"literature {entry['number']}",
            source_parent=literature_page,
            existing=LiteratureEntryPage.objects.child_of(literature_page)
            .filter(number=entry["number"])
            .first(),
            create=lambda e=entry: _add_child(
                literature_page,
                LiteratureEntryPage(
                    slug=f"source-{e['number']}",
                    title="-",
                    number=e["number"],
                    text="-",
                    locale=locale,
                ),
            ),
            values_for=lambda code, e=entry: _entry_values(e),
        )
    return report
