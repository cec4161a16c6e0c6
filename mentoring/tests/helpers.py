"""Helpers shared by the mentoring tests."""

from __future__ import annotations

from django.urls import reverse
from django.utils import translation

from mentoring import services
from mentoring.models import Topic


def url(name: str, *args) -> str:
    """A mentoring URL in English, so tests read the messages as written in the code."""
    with translation.override("en"):
        return reverse(f"mentoring:{name}", args=args)


def open_ticket(certificate, graduate, **kwargs):
    defaults = {
        "topic": Topic.BEHAVIOUR,
        "subject": "Tantrums at transitions",
        "description": "A 9-year-old (code L-07) screams when the lesson changes.",
        "preferred_format": "written",
    }
    return services.ticket_open(
        certificate=certificate, graduate=graduate, **{**defaults, **kwargs}
    )
