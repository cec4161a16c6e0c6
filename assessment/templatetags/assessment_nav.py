"""The assessment links of the site's main navigation, by role."""

from __future__ import annotations

from django import template

from cms.roles import is_registrar, is_trainee, is_trainer

register = template.Library()


@register.inclusion_tag("assessment/includes/nav.html", takes_context=True)
def assessment_nav(context):
    user = context.get("user")
    signed_in = bool(user and user.is_authenticated)
    return {
        "trainee": signed_in and is_trainee(user),
        "reviewer": signed_in and (is_trainer(user) or is_registrar(user)),
    }
