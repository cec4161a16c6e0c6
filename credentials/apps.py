from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "credentials"
    verbose_name = _("Digital credentials")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import checks, monitoring, receivers  # noqa: F401 - checks registers on import

        receivers.connect()
        monitoring.connect()
