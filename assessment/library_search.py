"""The materials library in site search (cms.search): the generated templates and the files
editors attached to modules and topics, found by title, purpose and transcript.

The files are found in Wagtail's search index (course.models.PageAttachment is indexed, folded like
the pages): one indexed search a model (module files, topic files), limited to the live pages of
the programme and to the reader's language or all languages, so a query never loads every file.
The ten generated templates are not stored anywhere (their titles are translated strings in
assessment.materials), so they are matched in memory: every word of the query must begin a word of
the title or purpose, as the index's second pass does."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cms.search import SearchHit, fold, register_search_kind, search_pages


def _matches(words: list[str], text: str) -> bool:
    folded_words = fold(text).split()
    return all(any(w.startswith(q) for w in folded_words) for q in words)


def _templates(words: list[str], language: str) -> list[SearchHit]:
    from .materials import materials

    hits = []
    with translation.override(language):
        for material in materials():
            title, purpose = str(material.title), str(material.purpose)
            if _matches(words, f"{title} {purpose}"):
                hits.append(
                    SearchHit(
                        title=title,
                        url=reverse("assessment:library_module", args=[material.module]),
                        text=purpose,
                        meta=material.kind_label,
                    )
                )
    return hits


def _files(query: str, language: str, limit: int) -> list[SearchHit]:
    from course.models import ModuleAttachment, ModulePage, TopicAttachment, TopicPage

    hits, seen = [], set()
    for model, pages, module_of in (
        (ModuleAttachment, ModulePage, lambda a: a.page.number),
        (TopicAttachment, TopicPage, lambda a: int(a.page.number.split(".")[0])),
    ):
        queryset = model.objects.filter(
            language__in=[language, "all"], page__in=pages.objects.live().values("pk")
        ).select_related("page")
        for attachment in search_pages(queryset, query=query, limit=limit):
            # A page's translation carries a copy of its files: the same document, found once.
            if attachment.document_id in seen:
                continue
            seen.add(attachment.document_id)
            with translation.override(language):
                hits.append(
                    SearchHit(
                        title=attachment.title,
                        url=reverse("assessment:library_module", args=[module_of(attachment)]),
                        text=attachment.transcript,
                        meta=str(attachment.get_kind_display()),
                    )
                )
    return hits


def find_materials(*, query: str, language: str, limit: int) -> list[SearchHit]:
    hits = _templates(query.split(), language) + _files(query, language, limit)
    return hits[:limit]


def register() -> None:
    register_search_kind(
        key="materials", label=_("Library materials"), order=40, find=find_materials
    )
