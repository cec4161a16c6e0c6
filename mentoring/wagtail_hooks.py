"""The mentoring policy per programme in the Wagtail admin (README, "Mentoring"). Administrators
only: registrars get no mentoring model permission (mentoring/apps.py says why)."""

from __future__ import annotations

from wagtail.snippets.models import register_snippet

from cms.admin_snippets import SnippetViewSet

from .models import MentoringPolicy


class MentoringPolicyViewSet(SnippetViewSet):
    model = MentoringPolicy
    icon = "group"
    menu_order = 470
    add_to_admin_menu = True  # labelled with the model's plural name, translated
    list_display = ["programme", "tickets_per_certificate", "support_months"]


register_snippet(MentoringPolicyViewSet)
