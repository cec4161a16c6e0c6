"""Panels other apps add to the trainee's dashboard (deadlines, feedback, results, certificates).

The course app must not import assessment or certificates, so they register here instead, in their
`AppConfig.ready()`:

    from course.dashboard import register_panel

    def deadlines_panel(request, enrolment):
        items = ...  # keep it to a fixed number of queries: the dashboard's count is asserted
        if not items:
            return None  # nothing to show
        return {"template": "assessment/dashboard_deadlines.html", "context": {"items": items}}

    register_panel(deadlines_panel, order=20)

Each panel's template is rendered with its own context plus `request`, `enrolment` and `user`, and
placed in a <section> of the dashboard in `order` (lower first)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

Panel = Callable[[Any, Any], "dict | None"]
_panels: list[tuple[int, str, Panel]] = []


def register_panel(fn: Panel, *, order: int = 50) -> Panel:
    """Add a panel; registering the same function twice keeps one (ready() may run twice)."""
    key = f"{fn.__module__}.{fn.__qualname__}"
    if all(existing != key for _o, existing, _f in _panels):
        _panels.append((order, key, fn))
        _panels.sort(key=lambda item: (item[0], item[1]))
    return fn


def unregister_panel(fn: Panel) -> None:
    key = f"{fn.__module__}.{fn.__qualname__}"
    _panels[:] = [item for item in _panels if item[1] != key]


def panels_render(request, enrolment) -> list[str]:
    """The HTML of every panel with something to show, in order."""
    html = []
    for _order, key, fn in list(_panels):
        panel = fn(request, enrolment)
        if not panel:
            continue
        context = {
            **panel.get("context", {}),
            "request": request,
            "enrolment": enrolment,
            "user": request.user,
        }
        html.append(render_to_string(panel["template"], context, request=request))
        logger.debug("dashboard panel %s rendered", key)
    return html
