from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "mentoring"
    verbose_name = _("Post-course mentoring")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.roles import registrar_app_declare

        # No admin: registrars reach tickets and cases through mentoring's own views, which check
        # the role; cases may describe children, so no blanket model permission.
        registrar_app_declare(app_label=self.label, manages_every_model=False)
        from . import integration, menu, notices, versions

        notices.register()

        integration.connect()
        versions.connect()
        menu.register()
