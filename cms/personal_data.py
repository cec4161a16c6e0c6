"""A registry through which every app takes part in a person's data export and erasure.

Each app registers, from its AppConfig.ready():

    from cms.personal_data import register_eraser, register_exporter

    register_exporter("assessment", submissions_export)   # fn(user) -> JSON-serialisable dict
    register_eraser(submissions_erase)                     # fn(user) -> None

Erasers run inside the deletion transaction, before the user row is deleted, so an app can remove
what must go (submissions and their private files) and detach what must stay (an issued
certificate's frozen record keeps the holder's name, not the account).

A person with academic records (an enrolment, a result, a certificate) is not deleted but
pseudonymised once a registrar approves the request; the same registry carries that case:

    register_academic_records(records_describe)   # fn(user) -> list of sentences, [] when none
    register_pseudonymiser(drafts_erase)          # fn(user) -> None, removes what is not a record

The descriptions say what is kept and why, for the person and for the registrar who reviews the
request."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Exporter = Callable[[Any], dict]
Eraser = Callable[[Any], None]

_exporters: dict[str, Exporter] = {}
# "app_label.ModelName" of every model an exporter covers: a test walks the models and fails when
# one holding a person's data is covered by none (tests/crossapp/test_personal_data_coverage.py).
_covered: dict[str, set[str]] = {}
_erasers: list[Eraser] = []
_record_describers: list[Callable[[Any], list[str]]] = []
_pseudonymisers: list[Eraser] = []


def register_exporter(name: str, fn: Exporter, *, models: tuple[str, ...] = ()) -> None:
    """Add a section `name` to the person's data export. Registering a name again replaces it.
    `models` names ("app_label.ModelName") the models whose rows the section exports."""
    _exporters[name] = fn
    _covered[name] = set(models)


# Models whose rows another app's section exports: an app above reads them there through a
# reverse relation, and declares them itself because the app below may not name its models.
_covered_elsewhere: set[str] = set()


def register_covered_elsewhere(*, models: tuple[str, ...]) -> None:
    _covered_elsewhere.update(models)


def covered_models() -> set[str]:
    return set().union(_covered_elsewhere, *_covered.values())


def row(obj: Any, *, exclude: tuple[str, ...] = ()) -> dict:
    """Every concrete field of a row, JSON-ready, so a field added to the model later is exported
    without anyone remembering to: a related row as its text, a file as its name, a date in ISO
    format. `exclude` names the fields that are not the person's data (ids, lock counters)."""
    data: dict[str, Any] = {}
    for field in obj._meta.concrete_fields:
        if field.primary_key or field.name in exclude:
            continue
        if field.is_relation:
            related = getattr(obj, field.name)
            data[field.name] = str(related) if related is not None else None
            continue
        value = getattr(obj, field.attname)
        if hasattr(value, "isoformat"):
            value = value.isoformat()
        elif hasattr(value, "storage"):  # a FieldFile: its name, never its bytes
            value = value.name.rsplit("/", 1)[-1] if value else None
        elif value is not None and not isinstance(value, (str, int, float, bool, list, dict)):
            value = str(value)
        data[field.name] = value
    return data


def register_eraser(fn: Eraser) -> None:
    """Run `fn(user)` when a person deletes their account (once per function)."""
    if fn not in _erasers:
        _erasers.append(fn)


def exporters() -> dict[str, Exporter]:
    return dict(_exporters)


def erasers() -> list[Eraser]:
    return list(_erasers)


def register_academic_records(fn: Callable[[Any], list[str]]) -> None:
    """`fn(user)` lists, one sentence each, the academic records an app keeps about the person
    when the account goes (an empty list when it holds none)."""
    if fn not in _record_describers:
        _record_describers.append(fn)


def register_pseudonymiser(fn: Eraser) -> None:
    """Run `fn(user)` when a person with academic records is pseudonymised: remove what is not an
    academic record (drafts, tickets, contact data), keep the records."""
    if fn not in _pseudonymisers:
        _pseudonymisers.append(fn)


def academic_records(user: Any) -> list[str]:
    return [sentence for fn in _record_describers for sentence in fn(user)]


def pseudonymisers() -> list[Eraser]:
    return list(_pseudonymisers)
