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
placed in a <section> of the dashboard in `order` (lower first).

The enrolment's state, read once (issue 22: the panels read it again, one small query each, 30
queries a dashboard). An app names the facts its panels need as SQL expressions on the enrolment
(EXISTS or a scalar subquery), and every panel reads them with `enrolment_state()`, which runs
one query for all the registered facts together, the first time any panel asks:

    register_state("plan_status", lambda: Subquery(SupportPlan.objects.filter(
        enrolment=OuterRef("pk")).values("status")[:1]))
    ...
    state = enrolment_state(enrolment)  # {"plan_status": "draft", ...}

Reads several panels share that are not single values (the enrolment's documents, its results)
go through `shared(request, key, read)`: made once per request."""

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


_state: dict[str, Callable[[], Any]] = {}


def register_state(name: str, expression: Callable[[], Any]) -> None:
    """Add a fact to the enrolment's state: `expression()` gives a query expression on the
    enrolment (OuterRef("pk") is the enrolment), made afresh per read (it may depend on today)."""
    _state[name] = expression


def state_expressions() -> dict[str, Any]:
    """{name: expression} of every registered fact, made now."""
    return {name: expression() for name, expression in _state.items()}


def state_keep(enrolment, values: dict[str, Any]) -> None:
    """Keep the facts read with the enrolment (selectors.enrolment_current(with_state=True))."""
    enrolment._dashboard_state = values


def enrolment_state(enrolment) -> dict[str, Any]:
    """Every registered fact of the enrolment: read with the enrolment itself on the dashboard
    (no query here), else in one query, kept on the enrolment object for the rest of the request
    (the object lives one request)."""
    cached = getattr(enrolment, "_dashboard_state", None)
    if cached is None:
        from .models import Enrolment

        cached = Enrolment.objects.filter(pk=enrolment.pk).values(**state_expressions()).get()
        state_keep(enrolment, cached)
    return cached


def shared(request, key, read: Callable[[], Any]) -> Any:
    """`read()` made once per request under `key`, for reads several panels need."""
    memory = request.__dict__.setdefault("_dashboard_shared", {})
    if key not in memory:
        memory[key] = read()
    return memory[key]
