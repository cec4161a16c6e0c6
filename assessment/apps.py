from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AssessmentConfig(AppConfig):
    name = "assessment"
    verbose_name = _("Assessment")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms.roles import registrar_app_declare

        # Registrars manage rubrics, tests and results in the Wagtail admin.
        registrar_app_declare(app_label=self.label, manages_every_model=True)
        # The course dashboard shows our deadlines, feedback and results; course never imports
        # assessment, so we register the panels with it.
        from cms.personal_data import (
            register_academic_records,
            register_eraser,
            register_exporter,
            register_pseudonymiser,
        )

        from . import dashboard, library, library_search, menu, notices, personal_data, versions

        notices.register()

        versions.connect()
        from cms.slots import register_slot_template

        # The cohort page (course) links to our cohort × module grid of the module controls.
        register_slot_template(
            slot="cohort_staff_links", template="assessment/slots/cohort_controls_link.html"
        )
        dashboard.register()
        menu.register()
        # The cohort page (the trainer's home) and the enrolment page link up to our pages
        # through these templates: course may not name our URLs.
        from cms.slots import register_slot_template

        register_slot_template(slot="cohort_sections", template="assessment/slots/cohort.html")
        register_slot_template(
            slot="enrolment_staff_links", template="assessment/slots/enrolment_links.html"
        )
        library.register()
        library_search.register()
        register_slot_template(
            slot="cohort_score_links", template="assessment/slots/cohort_results_link.html"
        )
        register_exporter(
            "assessment",
            personal_data.export_personal_data,
            models=personal_data.EXPORTED_MODELS,
        )
        register_eraser(personal_data.erase_personal_data)
        register_academic_records(personal_data.academic_records)
        register_pseudonymiser(personal_data.pseudonymise_personal_data)
        from functools import partial

        from cms.retention import register_child_files

        register_child_files(
            "practice attachments", partial(personal_data.child_files_sweep, kind="practice")
        )
        register_child_files(
            "plan attachments", partial(personal_data.child_files_sweep, kind="plan")
        )
