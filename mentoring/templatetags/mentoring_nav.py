"""The mentoring links of the site's main navigation, by role."""

from __future__ import annotations

from django import template

from cms.roles import in_group, is_registrar, is_trainee

from ..selectors import MENTOR_GROUP

register = template.Library()


@register.inclusion_tag("mentoring/includes/nav.html", takes_context=True)
def mentoring_nav(context):
    user = context.get("user")
    signed_in = bool(user and user.is_authenticated)
    return {
        "graduate": signed_in and is_trainee(user),
        "mentor": signed_in and (in_group(user, MENTOR_GROUP) or is_registrar(user)),
    }
