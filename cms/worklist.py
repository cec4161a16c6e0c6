"""The registrar's worklist on the Wagtail admin home: one panel per app.

cms sits below every app, so it cannot ask the certificates app what is pending. Each app adds its
own panel from its wagtail_hooks (Wagtail's `construct_homepage_panels` hook) with
`worklist_panel_add`; this module only renders them alike: a heading and a list of links, each with
a count and a short reason, so the registrar's day starts from one page."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wagtail.admin.ui.components import Component

from cms.roles import is_registrar


@dataclass(frozen=True)
class WorklistEntry:
    label: str
    url: str
    count: int | None = None  # None: a link without a number (e.g. a staff page)
    detail: str = ""


class WorklistPanel(Component):
    template_name = "cms/admin/worklist_panel.html"

    def __init__(self, *, name: str, heading: str, entries: list[WorklistEntry], order: int):
        self.name = name
        self.heading = heading
        self.entries = entries
        # Before Wagtail's own panels (pages to moderate: 210; recent edits: 250).
        self.order = order

    def get_context_data(self, parent_context: Mapping[str, Any] | None = None) -> dict:
        return {
            "panel_id": f"worklist-{self.name}",
            "heading": self.heading,
            "entries": self.entries,
        }


def worklist_panel_add(
    request, panels: list, *, name: str, heading: str, entries, order: int
) -> None:
    """Append a panel for registrars. `entries` is a callable, so nobody else pays for its
    queries."""
    if not is_registrar(request.user):
        return
    panels.append(WorklistPanel(name=name, heading=heading, entries=list(entries()), order=order))
