"""What every certificate workflow shares: the refusals, the passing bands, the organisation
that issues, and the gapless serial counters."""

from __future__ import annotations

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.models import Site

from assessment.rubric import PASSING_BANDS  # noqa: F401 - the rubric's; this app's callers use it
from cms.errors import ServiceError
from cms.models import OrganisationSettings

from ..codes import format_serial
from ..job_reads import remembered
from ..models import Certificate, SerialCounter, StatementCounter


class CertificateError(ServiceError):
    """A refusal with a message a person understands; nothing was changed."""


class OrganisationSettingsMissing(CertificateError):
    """Issuing refused because the organisation's names or the signatory are blank: unlike other
    refusals, the registrar must act (fill the settings, then retry), so the task records it."""


def _verification_url(code: str) -> str:
    # settings.SITE_URL is the one public base (scheme + host) of every QR code; see cms/checks.py.
    return f"{settings.SITE_URL}/verify/{code}/"


def _check_organisation(organisation: OrganisationSettings) -> None:
    missing = organisation.missing_for_issue()
    if missing:
        raise OrganisationSettingsMissing(
            _(
                "No certificate can be issued until the organisation settings are filled in "
                "(Settings → Organisation): %(fields)s."
            )
            % {"fields": ", ".join(missing)}
        )


class CompletionNotMet(CertificateError):
    """Passed, but the programme's completion rule is not met yet: "certificate pending"."""

    def __init__(self, missing: list):
        self.missing = missing
        super().__init__(
            _("No certificate yet: %(reasons)s")
            % {"reasons": " ".join(item.reason for item in missing)}
        )


def _organisation() -> OrganisationSettings:
    # Read once per bulk-issue job (job_reads), afresh for a single issue.
    return remembered("organisation", _organisation_read)


def _organisation_read() -> OrganisationSettings:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return OrganisationSettings()
    return OrganisationSettings.for_site(site)


def _final_result(enrolment):
    """The finalised final-assessment result, from the assessment app."""
    from assessment.selectors import final_result_for

    return final_result_for(enrolment=enrolment)


def _ensure_counter(year: int) -> None:
    # Checked once per bulk-issue job (job_reads): the rows, once there, stay.
    remembered(("counters", year), lambda: _ensure_counter_rows(year))


def _ensure_counter_rows(year: int) -> None:
    # Created outside the issuing transaction so two first issues of a year do not both try to
    # insert the counter row inside their locked sections.
    for model in (SerialCounter, StatementCounter):
        if not model.objects.filter(year=year).exists():
            try:
                with transaction.atomic():
                    model.objects.create(year=year)
            except IntegrityError:
                pass


def _next_serial(year: int, kind: str = Certificate.Kind.CERTIFICATE) -> str:
    """Call inside a transaction: the counter row stays locked until it commits or rolls back.
    Statements of attendance have their own counter and prefix."""
    if kind == Certificate.Kind.STATEMENT:
        counter = StatementCounter.objects.select_for_update().get(year=year)
    else:
        counter = SerialCounter.objects.select_for_update().get(year=year)
    counter.last += 1
    counter.save(update_fields=["last"])
    return format_serial(year, counter.last, kind=kind)
