"""Helpers shared by the assessment models of every capability."""

from __future__ import annotations

from django.utils import translation

# Files about children never go to the public media folder. Migrations name the storage by the
# package's attribute: assessment.models.private_storage.
from cms.private_files import private_storage  # noqa: F401


def _in_language(obj, stem: str) -> str:
    """The kk/ru/en field for the active language, falling back to Kazakh (the source)."""
    language = (translation.get_language() or "kk")[:2]
    return getattr(obj, f"{stem}_{language}", "") or getattr(obj, f"{stem}_kk", "")
