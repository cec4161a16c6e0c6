"""The quality links of the site's main menu, by role (cms.navigation renders them)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cms.navigation import register_menu_item
from cms.roles import is_registrar, is_trainee, is_trainer


def _staff(user) -> bool:
    return is_trainer(user) or is_registrar(user)


def register() -> None:
    # 400s: after mentoring's links.
    register_menu_item(
        order=400, label=_("My competences"), url_name="quality:competence", shown_to=is_trainee
    )
    register_menu_item(
        order=410, label=_("Course quality"), url_name="quality:cohorts", shown_to=_staff
    )
    register_menu_item(
        order=420,
        label=_("Report for the authority"),
        url_name="quality:report",
        shown_to=is_registrar,
    )
