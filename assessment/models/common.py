"""Helpers shared by the assessment models of every capability."""

from __future__ import annotations

from django.utils import translation


def _in_language(obj, stem: str) -> str:
    """The kk/ru/en field for the active language, falling back to Kazakh (the source)."""
    language = (translation.get_language() or "kk")[:2]
    return getattr(obj, f"{stem}_{language}", "") or getattr(obj, f"{stem}_kk", "")


def private_storage():
    """Files about children never go to the public media folder (see cms.private_files)."""
    from django.core.files.storage import storages

    return storages["private"]
