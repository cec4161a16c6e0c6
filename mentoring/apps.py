from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "mentoring"
    verbose_name = _("Post-course mentoring")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import integration, menu

        integration.connect()
        menu.register()
