from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = _("Notifications")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms.roles import registrar_app_declare

        # Each person's own messages: registrars manage none of them (no admin either).
        registrar_app_declare(app_label=self.label, manages_every_model=False)
        from . import integration

        integration.connect()
