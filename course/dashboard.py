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

Each panel's template is rendered with its own context plus `request`, `enrolment` and `user` (and
no context processors: they ran once for the page), and placed in a <section> of the dashboard in
`order` (lower first).

The enrolment's state, read once (issue 22: the panels read it again, one small query each, 30
queries a dashboard). An app names the facts its panels need as SQL expressions on the enrolment
(EXISTS or a scalar subquery), and every panel reads them with `enrolment_state()`, which runs
one query for all the registered facts together (a cms.db.compiled.CompiledQuery), the
first time any panel asks:

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

from cms.db.compiled import CompiledQuery

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
        # Without `request=`: the page's context processors (the site shell, messages, settings)
        # ran once for the page and would run again for every panel, a cache read each; a panel
        # template has `request` and `user` in its context, and a form in one would pass its
        # CSRF token explicitly.
        html.append(render_to_string(panel["template"], context))
        logger.debug("dashboard panel %s rendered", key)
    return html


_state: dict[str, Callable[[], Any]] = {}
_state_groups: list[tuple[tuple[str, ...], Callable[[], dict[str, Any]]]] = []


def register_state(name: str, expression: Callable[[], Any]) -> None:
    """Add a fact to the enrolment's state: `expression()` gives a query expression on the
    enrolment (OuterRef("pk") is the enrolment), made afresh per day (it may depend on today)."""
    _state[name] = expression
    _states_query.forget()


def register_states(names: tuple[str, ...], build: Callable[[], dict[str, Any]]) -> None:
    """Add several facts made together: `build()` returns {name: expression} for `names`
    (an app whose facts share their subqueries builds them once, not once per fact)."""
    global _state_groups
    _state_groups = [group for group in _state_groups if group[0] != tuple(names)]
    _state_groups.append((tuple(names), build))
    _states_query.forget()


def state_names() -> list[str]:
    return [*_state, *(name for names, _build in _state_groups for name in names)]


def state_expressions() -> dict[str, Any]:
    """{name: expression} of every registered fact, made now."""
    made = {name: expression() for name, expression in _state.items()}
    for names, build in _state_groups:
        built = build()
        made.update({name: built[name] for name in names})
    return made


def _states_of(trainee_id):
    """The state query: building the ORM expressions of some twenty facts and compiling them
    cost more than everything else on the dashboard together (issue 22: about 60 % of its CPU),
    and they are the same for every trainee on a given day, so it is a CompiledQuery (made once
    a day; prepared on PostgreSQL, which then skips planning its thirty subqueries)."""
    from .models import Enrolment

    expressions = state_expressions()
    return (
        Enrolment.objects.filter(trainee_id=trainee_id)
        .annotate(**expressions)
        .values_list("pk", *expressions)
    )


_states_query = CompiledQuery(_states_of)


def states_of_trainee(trainee_id: int) -> dict[int, dict[str, Any]]:
    """Every registered fact of each of the trainee's enrolments, in one query."""
    names = state_names()
    return {row[0]: dict(zip(names, row[1:], strict=True)) for row in _states_query(trainee_id)}


def state_keep(enrolment, values: dict[str, Any]) -> None:
    """Keep the facts read with the enrolment (selectors.enrolment_current(with_state=True))."""
    enrolment._dashboard_state = values


def enrolment_state(enrolment) -> dict[str, Any]:
    """Every registered fact of the enrolment: read beside the enrolment on the dashboard (no
    query here), else in one query, kept on the enrolment object for the rest of the request
    (the object lives one request)."""
    cached = getattr(enrolment, "_dashboard_state", None)
    if cached is None:
        cached = states_of_trainee(enrolment.trainee_id)[enrolment.pk]
        state_keep(enrolment, cached)
    return cached


def shared(request, key, read: Callable[[], Any]) -> Any:
    """`read()` made once per request under `key`, for reads several panels need."""
    memory = request.__dict__.setdefault("_dashboard_shared", {})
    if key not in memory:
        memory[key] = read()
    return memory[key]


def outline(request, enrolment) -> list:
    """The enrolment's programme outline (modules and their topics), read once per request: the
    page and the panels that need the programme's topics or modules share it."""
    from .selectors import programme_outline

    return shared(
        request,
        ("programme_outline", enrolment.cohort.programme_id),
        lambda: programme_outline(enrolment.cohort.programme),
    )
