"""`{% slot_templates "verify_form" as names %}`: the templates other apps add at a place of the
certificate pages (certificates.slots)."""

from __future__ import annotations

from django import template

from ..slots import slot_templates as _slot_templates

register = template.Library()


@register.simple_tag
def slot_templates(slot: str) -> tuple[str, ...]:
    return _slot_templates(slot)
