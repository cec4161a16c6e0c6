"""GET /<lang>/search/?q=: every registered kind's results, grouped by kind (cms.search)."""

from __future__ import annotations

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from cms.search import excerpt, highlight, search_all


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[: settings.SEARCH_QUERY_MAX_LENGTH]
    language = translation.get_language()
    groups = []
    if query:
        for group in search_all(
            query=query, language=language, limit=settings.SEARCH_RESULTS_PER_KIND
        ):
            rows = [
                {
                    "url": hit.url,
                    "title": highlight(hit.title, query),
                    "snippet": highlight(excerpt(hit.text, query), query) if hit.text else "",
                    "meta": hit.meta,
                }
                for hit in group.hits
            ]
            groups.append({"key": group.kind.key, "label": group.kind.label, "rows": rows})
    total = sum(len(group["rows"]) for group in groups)
    return render(request, "cms/search.html", {"query": query, "groups": groups, "total": total})
