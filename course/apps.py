from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CourseConfig(AppConfig):
    name = "course"
    verbose_name = _("Course")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from cms.roles import registrar_app_declare

        # Registrars edit the programme, cohorts and enrolments in the Wagtail admin.
        registrar_app_declare(app_label=self.label, manages_every_model=True)
        from cms.personal_data import (
            register_academic_records,
            register_eraser,
            register_exporter,
        )

        from . import menu, personal_data, search, signals

        signals.connect()
        menu.register()
        search.register()
        register_exporter(
            "course", personal_data.export_personal_data, models=personal_data.EXPORTED_MODELS
        )
        register_eraser(personal_data.erase_personal_data)
        register_academic_records(personal_data.academic_records)
