"""Which glossary terms a topic uses: the list under "Terms in this topic".

Finding them means reading the whole topic, so the answer is cached per published version of the
topic and of the glossary: a reader's request costs one small query (the glossary's newest
publication time) and a cache read; a new publication of either makes a new key.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import Max

from cms.search import fold

CACHE_SECONDS = 24 * 60 * 60


def _stamp(value) -> str:
    return value.isoformat() if value else "-"


def terms_in_topic(topic) -> list:
    from .models import GlossaryTermPage

    terms = GlossaryTermPage.objects.live().filter(locale_id=topic.locale_id)
    glossary_stamp = terms.aggregate(newest=Max("last_published_at"))["newest"]
    if glossary_stamp is None:
        return []
    key = f"topic-terms:{topic.pk}:{_stamp(topic.last_published_at)}:{_stamp(glossary_stamp)}"
    ids = cache.get(key)
    if ids is None:
        ids = find_terms(topic.plain_text(), terms.order_by("path"))
        cache.set(key, ids, CACHE_SECONDS)
    by_id = {term.pk: term for term in GlossaryTermPage.objects.filter(pk__in=ids)}
    return [by_id[pk] for pk in ids if pk in by_id]


def find_terms(text: str, terms) -> list[int]:
    """Ids of the terms (in the given order) one of whose marking words occurs in `text`."""
    folded = fold(text)
    return [term.pk for term in terms if any(key in folded for key in term.match_keys())]
