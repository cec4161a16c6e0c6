"""The queryset of a Wagtail admin list, with what its columns read joined in.

Wagtail 8's `ModelViewSet` never calls a `get_queryset(self, request)` method: that is a hook of
`SnippetViewSet` only. Its index view reads its `queryset` attribute, which the viewset passes
through `get_index_view_kwargs()` (the list and its results-only refresh alike). Without it, each
row's column that shows a related object (a trainee, a cohort) runs a query of its own: 33 to 133
queries a page at a national year's data (issue 22)."""

from __future__ import annotations

from django.db.models import QuerySet


class ListQuerysetMixin:
    """For a `ModelViewSet`: `list_queryset()` returns the list's queryset (None: the default)."""

    def list_queryset(self) -> QuerySet | None:
        return None

    def get_index_view_kwargs(self, **kwargs):
        queryset = self.list_queryset()
        if queryset is not None:
            kwargs.setdefault("queryset", queryset)
        return super().get_index_view_kwargs(**kwargs)
