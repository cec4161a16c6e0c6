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
        from . import integration, menu, monitoring, notices, receivers

        menu.register()
        notices.register()

        receivers.connect()
        integration.connect()
        monitoring.connect()
        # Course and assessment pages link to ours through the templates we add at their slots:
        # they may not name our URLs.
        from cms.slots import register_slot_template

        pending_link = "certificates/slots/pending_link.html"
        register_slot_template(
            slot="cohort_links", template="certificates/slots/cohort_pending_link.html"
        )
        register_slot_template(slot="cohort_results_links", template=pending_link)
        register_slot_template(
            slot="cohort_links", template="certificates/slots/cohort_issue_links.html"
        )
        register_slot_template(
            slot="cohort_download_links", template="certificates/slots/cohort_zip_link.html"
        )
        register_slot_template(
            slot="cohort_results_row_actions",
            template="certificates/slots/statement_row_action.html",
        )
        register_slot_template(
            slot="enrolment_sections", template="certificates/slots/enrolment_statement.html"
        )
