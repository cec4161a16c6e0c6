"""The registrar's certificate links in the site's main menu (cms.navigation renders them)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cms.navigation import register_menu_item
from cms.roles import is_registrar


def register() -> None:
    # 400s: after assessment's 200s and mentoring's 300s.
    register_menu_item(
        order=400,
        label=_("Register"),
        url_name="certificates:register",
        shown_to=is_registrar,
        staff=True,
    )
    register_menu_item(
        order=410,
        label=_("Certificates pending"),
        url_name="certificates:pending",
        shown_to=is_registrar,
        staff=True,
    )
