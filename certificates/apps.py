from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = _("Certificates")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms.roles import registrar_app_declare

        # Registrars issue, reissue and revoke certificates in the Wagtail admin.
        registrar_app_declare(app_label=self.label, manages_every_model=True)
        from . import integration, monitoring, receivers

        receivers.connect()
        integration.connect()
        monitoring.connect()
