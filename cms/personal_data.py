"""A registry through which every app takes part in a person's data export and erasure.

Each app registers, from its AppConfig.ready():

    from cms.personal_data import register_eraser, register_exporter

    register_exporter("assessment", submissions_export)   # fn(user) -> JSON-serialisable dict
    register_eraser(submissions_erase)                     # fn(user) -> None

Erasers run inside the deletion transaction, before the user row is deleted, so an app can remove
what must go (submissions and their private files) and detach what must stay (an issued
certificate's frozen record keeps the holder's name, not the account)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

Exporter = Callable[[Any], dict]
Eraser = Callable[[Any], None]

_exporters: dict[str, Exporter] = {}
_erasers: list[Eraser] = []


def register_exporter(name: str, fn: Exporter) -> None:
    """Add a section `name` to the person's data export. Registering a name again replaces it."""
    _exporters[name] = fn


def register_eraser(fn: Eraser) -> None:
    """Run `fn(user)` when a person deletes their account (once per function)."""
    if fn not in _erasers:
        _erasers.append(fn)


def exporters() -> dict[str, Exporter]:
    return dict(_exporters)


def erasers() -> list[Eraser]:
    return list(_erasers)
