"""`{% slot_templates "verify_form" as names %}`: the templates apps above add at a place of a page
(cms.slots)."""

from __future__ import annotations

from django import template

from cms.slots import slot_templates as _slot_templates

register = template.Library()


@register.simple_tag
def slot_templates(slot: str) -> tuple[str, ...]:
    return _slot_templates(slot)
