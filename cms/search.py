"""Site search: the kinds of things it finds, and the text folding that lets a Kazakh word typed
without its Kazakh letters find the word.

cms sits below every app, so it names none of their models. An app registers a kind from its
AppConfig.ready() with a function that finds its things; the search page (`cms.views.search`)
asks every kind and shows the results grouped by kind, in registration order:

    register_search_kind(key="topics", label=_("Topics"), order=10, find=find_topics)

`find(query=..., language=..., limit=...)` returns SearchHit rows. `query` is already folded (see
`fold`); the kind compares it with text it folded the same way when it indexed it.

Kazakh has no stemmer in PostgreSQL and many people type on a Russian keyboard, writing К for Қ,
А for Ә and so on. `fold` maps each Kazakh letter to the Russian letter people type for it, and
lower-cases, one character for one character, so a position in the folded text is the same
position in the original (that is how the matching words are highlighted).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

# Қ/К, Ә/А, Ө/О, Ү/У, Ұ/У, І/И, Ғ/Г, Ң/Н, Һ/Х (and Ё/Е, which Russian writers drop too).
_FOLD = str.maketrans(
    {
        "қ": "к",
        "ә": "а",
        "ө": "о",
        "ү": "у",
        "ұ": "у",
        "і": "и",
        "ғ": "г",
        "ң": "н",
        "һ": "х",
        "ё": "е",
    }
)


def fold(text: str) -> str:
    """Lower case with Kazakh letters replaced by their Russian look-alikes; same length."""
    lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.translate(_FOLD)


WORD = re.compile(r"\w+", re.UNICODE)


def query_words(query: str) -> list[str]:
    return WORD.findall(fold(query))


def highlight(text: str, query: str) -> SafeString:
    """`text`, escaped, with every word that begins with a word of the query wrapped in <mark>.
    Matching is done on the folded text, so "кукык" marks "құқық"."""
    words = [w for w in query_words(query) if len(w) >= 2]
    if not words or not text:
        return escape(text)
    folded = fold(text)
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")\w*")
    out, last = [], 0
    for match in pattern.finditer(folded):
        start, end = match.span()
        out.append(escape(text[last:start]))
        out.append("<mark>" + escape(text[start:end]) + "</mark>")
        last = end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))


def excerpt(text: str, query: str, *, width: int = 220) -> str:
    """A window of `text` around the first word of the query (the start when none matches)."""
    text = " ".join(text.split())
    if len(text) <= width:
        return text
    folded = fold(text)
    positions = [folded.find(w) for w in query_words(query)]
    positions = [p for p in positions if p >= 0]
    start = max(0, min(positions) - width // 3) if positions else 0
    chunk = text[start : start + width]
    return ("…" if start else "") + chunk + ("…" if start + width < len(text) else "")


@dataclass(frozen=True)
class SearchHit:
    title: str
    url: str
    text: str = ""  # plain text the snippet is cut from
    meta: str = ""


@dataclass(frozen=True)
class SearchKind:
    key: str
    label: Any  # a lazy translation
    order: int
    find: Callable[..., list[SearchHit]]


@dataclass
class SearchGroup:
    kind: SearchKind
    hits: list[SearchHit] = field(default_factory=list)


_kinds: dict[str, SearchKind] = {}


def register_search_kind(
    *, key: str, label: Any, order: int, find: Callable[..., list[SearchHit]]
) -> None:
    """Add a kind of result. Registering a key again replaces it (ready() may run twice)."""
    _kinds[key] = SearchKind(key, label, order, find)


def search_kinds() -> list[SearchKind]:
    return sorted(_kinds.values(), key=lambda kind: kind.order)


def search_all(*, query: str, language: str, limit: int) -> list[SearchGroup]:
    """Every kind's results for `query` (as typed) in `language`; kinds with none are left out."""
    folded = " ".join(query_words(query))
    if not folded:
        return []
    groups = []
    for kind in search_kinds():
        hits = kind.find(query=folded, language=language, limit=limit)
        if hits:
            groups.append(SearchGroup(kind, list(hits)))
    return groups


def search_pages(queryset, *, query: str, limit: int) -> list:
    """Pages (or other indexed objects) of `queryset` matching the folded `query` through Wagtail's
    search backend: the whole words first (full text; on PostgreSQL the `simple` configuration, as
    Kazakh has no stemmer), then, when they find too little, words that begin with what was typed
    ("инклюзив" finds "инклюзивті"), on both databases.

    Trigram similarity (Wagtail's `Fuzzy`) was tried on PostgreSQL for the second pass and
    dropped: it scores a word against whole documents, so a word found nowhere ("казыгурт")
    brought back a dozen unrelated glossary and literature pages. Folding already covers the
    commonest slip, a Kazakh letter typed as its Russian look-alike."""
    from wagtail.search.backends import get_search_backend

    # The backend, not queryset.search(): any indexed model's queryset (pages, the library's files).
    backend = get_search_backend()
    found = list(backend.search(query, queryset, operator="and")[:limit])
    if len(found) >= limit:
        return found
    seen = {page.pk for page in found}
    more = backend.autocomplete(query, queryset, operator="and")[: limit * 2]
    found += [page for page in more if page.pk not in seen][: limit - len(found)]
    return found
