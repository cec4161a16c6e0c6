"""{{ user|display_name }}: a person's name in the active language (cms.names.display_name)."""

from __future__ import annotations

from django import template

from cms.names import display_name as _display_name

register = template.Library()


@register.filter
def display_name(user) -> str:
    return _display_name(user)
