"""The assessment links of the site's main menu, by role (cms.navigation renders them)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cms.navigation import register_menu_item
from cms.roles import is_registrar, is_trainee, is_trainer


def _reviewer(user) -> bool:
    return is_trainer(user) or is_registrar(user)


def register() -> None:
    # 200s: after the course's "My studies" (in base.html), before mentoring's 300s.
    register_menu_item(
        order=200,
        label=_("Practice work"),
        url_name="assessment:practice_list",
        shown_to=is_trainee,
    )
    register_menu_item(
        order=210,
        label=_("Individual support plan"),
        url_name="assessment:plan_edit",
        shown_to=is_trainee,
    )
    register_menu_item(
        order=220,
        label=_("My final assessment"),
        url_name="assessment:my_results",
        shown_to=is_trainee,
    )
    register_menu_item(
        order=230,
        label=_("Grading queue"),
        url_name="assessment:grading_queue",
        shown_to=_reviewer,
        staff=True,
    )
