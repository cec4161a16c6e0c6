from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "credentials"
    verbose_name = _("Digital credentials")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from cms.roles import registrar_app_declare

        # No admin: a credential record follows its certificate (issued, revoked there).
        registrar_app_declare(app_label=self.label, manages_every_model=False)
        from . import checks, monitoring, receivers  # noqa: F401 - checks registers on import

        receivers.connect()
        monitoring.connect()
        # Certificates' pages link to ours (the PDF check, the Open Badges files) through the
        # templates we add at their slots: certificates may not name our URLs.
        from cms.personal_data import register_covered_elsewhere
        from cms.slots import register_slot_template

        # The certificates section of a person's data export gives each document's place in
        # the status list (certificates.integration reads our record through its reverse
        # relation), so our one model is covered there.
        register_covered_elsewhere(models=("credentials.CredentialRecord",))

        register_slot_template(slot="verify_form", template="credentials/slots/verify_form.html")
        register_slot_template(
            slot="my_certificates_row", template="credentials/slots/my_certificates_row.html"
        )
        register_slot_template(
            slot="verify_detail", template="credentials/slots/verify_detail.html"
        )
