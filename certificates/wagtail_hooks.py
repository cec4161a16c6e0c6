"""The certificate register in the Wagtail admin menu, where registrars work."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


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
