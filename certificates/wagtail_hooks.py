"""The certificate register in the Wagtail admin menu, where registrars work."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from cms.admin_snippets import SnippetViewSet

from .models import Certificate, CompletionRule


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


@hooks.register("construct_homepage_panels")
def add_certificates_worklist(request, panels):
    from django.conf import settings
    from django.utils.http import urlencode

    from cms.worklist import WorklistEntry, worklist_panel_add

    from . import selectors
    from .pending import pending_pass_summary

    def entries():
        # The reasons the last completion check stored (certificates.pending), one query.
        waiting, reasons = pending_pass_summary()
        yield WorklistEntry(
            _("Passed, certificate pending"),
            reverse("certificates:pending"),
            waiting,
            "; ".join(f"{reason} — {count}" for reason, count in reasons.most_common()),
        )
        yield WorklistEntry(
            _("Certificates expiring within %(days)s days")
            % {"days": settings.REGISTRAR_WORKLIST_EXPIRY_DAYS},
            reverse("certificates:register") + "?" + urlencode({"status": "expiring"}),
            selectors.certificates_expiring().count(),
        )
        yield WorklistEntry(
            _("Certificates needing review"),
            reverse("certificates:register") + "?" + urlencode({"status": "review"}),
            Certificate.objects.filter(needs_review=True).count(),
        )

    worklist_panel_add(
        request, panels, name="certificates", heading=_("Certificates"), entries=entries, order=110
    )
