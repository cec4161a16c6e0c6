"""The mentoring links of the site's main menu, by role (cms.navigation renders them)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cms.navigation import register_menu_item
from cms.roles import in_group, is_registrar, is_trainee

from .selectors import MENTOR_GROUP


def _mentor(user) -> bool:
    return in_group(user, MENTOR_GROUP) or is_registrar(user)


def register() -> None:
    # 300s: after assessment's links.
    register_menu_item(
        order=300, label=_("Mentoring"), url_name="mentoring:index", shown_to=is_trainee
    )
    register_menu_item(
        order=310, label=_("Mentor queue"), url_name="mentoring:queue", shown_to=_mentor
    )
