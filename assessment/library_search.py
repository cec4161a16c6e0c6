"""The materials library in site search (cms.search): the generated templates and the files
editors attached to modules and topics, found by title, purpose and transcript.

Both are few (ten templates; a few files a topic), so they are matched in Python against text
folded like the query: every word of the query must begin a word of the text, as on SQLite's
page search."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from cms.search import SearchHit, fold, register_search_kind


def _matches(words: list[str], text: str) -> bool:
    folded_words = fold(text).split()
    return all(any(w.startswith(q) for w in folded_words) for q in words)


def find_materials(*, query: str, language: str, limit: int) -> list[SearchHit]:
    from course.models import ModuleAttachment, TopicAttachment

    from .materials import materials

    words = query.split()
    hits: list[SearchHit] = []
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
        for model, module_of in (
            (ModuleAttachment, lambda a: a.page.number),
            (TopicAttachment, lambda a: int(a.page.number.split(".")[0])),
        ):
            attachments = model.objects.filter(
                page__locale__language_code=language, page__live=True
            ).select_related("page")
            for attachment in attachments:
                if _matches(words, f"{attachment.title} {attachment.transcript}"):
                    hits.append(
                        SearchHit(
                            title=attachment.title,
                            url=reverse("assessment:library_module", args=[module_of(attachment)]),
                            text=attachment.transcript,
                            meta=str(attachment.get_kind_display()),
                        )
                    )
    return hits[:limit]


def register() -> None:
    register_search_kind(
        key="materials", label=_("Library materials"), order=40, find=find_materials
    )
