"""The certificate register in the Wagtail admin menu, where registrars work."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CompletionRule


class RegisterMenuItem(MenuItem):
    def is_shown(self, request):
        from cms.roles import is_registrar

        return request.user.is_superuser or is_registrar(request.user)


@hooks.register("register_admin_menu_item")
def register_certificates_menu_item():
    return RegisterMenuItem(
        _("Certificate register"),
        reverse("certificates:register"),
        icon_name="doc-full",
        order=450,
    )


class CompletionRuleViewSet(SnippetViewSet):
    """The registrar's completion rule per programme (help text on every field)."""

    model = CompletionRule
    icon = "tasks"
    menu_label = _("Completion rules")
    menu_order = 460
    add_to_admin_menu = True
    list_display = ["programme", "min_hours_percent"]


register_snippet(CompletionRuleViewSet)


@hooks.register("register_admin_menu_item")
def register_pending_menu_item():
    return RegisterMenuItem(
        _("Certificates pending"),
        reverse("certificates:pending"),
        icon_name="time",
        order=455,
    )
