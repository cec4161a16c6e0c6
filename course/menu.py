"""The course's link in the site's main menu (cms.navigation renders it)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cms.navigation import register_menu_item
from cms.roles import is_registrar


def _signed_in(user) -> bool:
    # Every signed-in person has a study page (it explains what to do without an enrolment).
    return True


def register() -> None:
    # 100: first, before the assessment (200s) and mentoring (300s) links.
    register_menu_item(
        order=100,
        label=_("My studies"),
        url_name="course:dashboard",
        shown_to=_signed_in,
        in_public_shell=True,
    )
    # 150: the registrar's cohorts (import, enrolments, sessions, results) without the admin.
    register_menu_item(
        order=150,
        label=_("Cohorts"),
        url_name="course:cohort_list",
        shown_to=is_registrar,
        staff=True,
    )
