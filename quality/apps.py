from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class QualityConfig(AppConfig):
    name = "quality"
    verbose_name = _("Quality of the course")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.roles import registrar_app_declare

        # Registrars edit the question bank and trainers' qualifications in the Wagtail admin.
        # Answers are not registered there: the anonymous survey is read only as a cohort's
        # aggregate (views), never row by row.
        registrar_app_declare(app_label=self.label, manages_every_model=True)
        from . import integration, menu, notices

        integration.connect()
        menu.register()
        notices.register()
