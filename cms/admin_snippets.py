"""The base of every snippet viewset of the project.

Wagtail 8 builds a snippet list's breadcrumb ("Home", "Snippets") with `gettext` when the admin's
URLs are loaded, and hands the result to the views once: the language of the first request after
a start stayed in every registrar's breadcrumb until the next restart (a Kazakh admin showed
"Snippets" after an English request came first). Here the labels are lazy, so each request reads
them in its own language."""

from __future__ import annotations

from django.conf import settings
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy
from wagtail.snippets.views.snippets import SnippetViewSet as WagtailSnippetViewSet


class SnippetViewSet(WagtailSnippetViewSet):
    @property
    def breadcrumbs_items(self):
        items = [{"url": reverse_lazy("wagtailadmin_home"), "label": gettext_lazy("Home")}]
        if settings.WAGTAILSNIPPETS_MENU_SHOW_ALL or not self.get_menu_item_is_registered():
            items.append(
                {"url": reverse_lazy("wagtailsnippets:index"), "label": gettext_lazy("Snippets")}
            )
        return items
