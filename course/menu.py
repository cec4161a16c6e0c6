"""The course's link in the site's main menu (cms.navigation renders it)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from cms.navigation import register_menu_item
from cms.roles import is_registrar


def _studies_shown_to(user) -> bool:
    # Trainees, trainers (their cohorts are listed there) and a new sign-up with no role yet (the
    # page explains how to join) use the study page. A registrar works in the administration and
    # studies nothing, so "My studies" would lead nowhere, unless they are enrolled themselves.
    if not is_registrar(user):
        return True
    return user.enrolments.exists()


def _looks_after_cohorts(user) -> bool:
    from cms.roles import is_registrar, is_trainer

    return is_trainer(user) or is_registrar(user)


def register() -> None:
    # 100: first, before the assessment (200s) and mentoring (300s) links.
    register_menu_item(
        order=100,
        label=_("My studies"),
        url_name="course:dashboard",
        shown_to=_studies_shown_to,
        in_public_shell=True,
    )
    # The trainer's home is a cohort's page, and the registrar's cohorts (import, enrolments,
    # sessions, results) are there without the admin: the menu leads there, nobody types its URL.
    register_menu_item(
        order=110,
        label=_("Cohorts"),
        url_name="course:cohort_list",
        shown_to=_looks_after_cohorts,
        staff=True,
    )
