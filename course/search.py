"""The course's kinds of search result: topics, glossary terms, literature entries (registered
with cms.search from CourseConfig.ready())."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from cms.search import SearchHit, register_search_kind, search_pages


def _pages(model, *, query: str, language: str, limit: int) -> list:
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    queryset = model.objects.live().filter(locale=locale)
    return search_pages(queryset, query=query, limit=limit)


def find_topics(*, query: str, language: str, limit: int) -> list[SearchHit]:
    from .models import TopicPage

    return [
        SearchHit(
            title=f"{topic.number} {topic.title}",
            url=topic.url,
            # The snippet shows the text, not the title again.
            text=topic.plain_text().removeprefix(f"{topic.number} {topic.full_title}").strip(),
            meta=str(topic.get_kind_display()),
        )
        for topic in _pages(TopicPage, query=query, language=language, limit=limit)
    ]


def find_terms(*, query: str, language: str, limit: int) -> list[SearchHit]:
    from .models import GlossaryTermPage

    return [
        SearchHit(title=term.title, url=term.url, text=term.definition, meta=term.source)
        for term in _pages(GlossaryTermPage, query=query, language=language, limit=limit)
    ]


def find_literature(*, query: str, language: str, limit: int) -> list[SearchHit]:
    from .models import LiteratureEntryPage

    return [
        SearchHit(title=f"{entry.number}. {entry.text}", url=entry.url, text="", meta=entry.link)
        for entry in _pages(LiteratureEntryPage, query=query, language=language, limit=limit)
    ]


def register() -> None:
    register_search_kind(key="topics", label=_("Topics"), order=10, find=find_topics)
    register_search_kind(key="glossary", label=_("Glossary terms"), order=20, find=find_terms)
    register_search_kind(key="literature", label=_("Literature"), order=30, find=find_literature)
