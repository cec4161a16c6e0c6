"""The certificates app's monitoring checks (registered with cms.monitoring): issuing that
stalled, seen from the records. Counts only; the sweep that mends them is another matter."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from cms.monitoring import CRITICAL, OK, WARNING, Check, register_check

from .models import Certificate


def _grace_cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    return (now or timezone.now()) - datetime.timedelta(
        minutes=settings.MONITOR_ISSUING_GRACE_MINUTES
    )


def certificates_without_pdf_count(*, created_before: datetime.datetime) -> int:
    """Documents (certificates and statements) whose PDF was never stored: the holder gets a 404."""
    return (
        Certificate.objects.filter(created_at__lt=created_before)
        .filter(Q(pdf="") | Q(pdf__isnull=True) | Q(pdf_sha256=""))
        .count()
    )


def passes_without_certificate_count(*, finalised_before: datetime.datetime) -> int:
    """Finalised passes that meet the completion rule yet have no certificate: issuing stalled.

    A pass the rule still holds pending is the normal state of a running cohort, not a fault, so
    it is left out: cheaply first (the rule needs the cohort's end, so a cohort still running is
    skipped in SQL), then by the rule itself for the few that remain."""
    from assessment.models import FinalResult
    from assessment.rubric import PASSING_BANDS
    from course.models import Enrolment

    from .selectors import completion_missing

    passing = list(PASSING_BANDS)
    certificate = Certificate.objects.filter(
        enrolment=OuterRef("pk"), kind=Certificate.Kind.CERTIFICATE
    )
    passed = FinalResult.objects.filter(
        status=FinalResult.Status.FINALISED,
        band__in=passing,
        finalised_at__lt=finalised_before,
    ).values("enrolment")
    candidates = (
        Enrolment.objects.filter(pk__in=passed, cohort__ends_on__lte=timezone.localdate())
        .filter(~Exists(certificate))
        .select_related("cohort__programme", "trainee")
    )
    return sum(1 for enrolment in candidates if not completion_missing(enrolment=enrolment))


def check_certificates_without_pdf() -> Check:
    title = _("Certificates without a PDF")
    count = certificates_without_pdf_count(created_before=_grace_cutoff())
    if not count:
        return Check("certificates_without_pdf", title, OK, _("Every document has its PDF."))
    return Check(
        "certificates_without_pdf",
        title,
        CRITICAL,
        ngettext(
            "%(count)s issued document has no stored PDF: its holder cannot download it. "
            "See the failed background tasks and the worker's log.",
            "%(count)s issued documents have no stored PDF: their holders cannot download them. "
            "See the failed background tasks and the worker's log.",
            count,
        )
        % {"count": count},
    )


def check_passes_without_certificate() -> Check:
    title = _("Passes without a certificate")
    count = passes_without_certificate_count(finalised_before=_grace_cutoff())
    if not count:
        return Check(
            "passes_without_certificate", title, OK, _("Every finalised pass has a certificate.")
        )
    return Check(
        "passes_without_certificate",
        title,
        WARNING,
        ngettext(
            "%(count)s finalised pass meets the completion rule but has no certificate yet: "
            "issuing stalled (workers, failed tasks; `manage.py certificates_sweep`).",
            "%(count)s finalised passes meet the completion rule but have no certificate yet: "
            "issuing stalled (workers, failed tasks; `manage.py certificates_sweep`).",
            count,
        )
        % {"count": count},
    )


def connect() -> None:
    register_check("certificates_without_pdf", check_certificates_without_pdf)
    register_check("passes_without_certificate", check_passes_without_certificate)
