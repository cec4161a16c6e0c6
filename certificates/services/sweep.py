"""The periodic jobs: closing retake windows, expiry reminders and the certificate sweep."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from course.models import Enrolment

from ..models import Certificate
from .common import PASSING_BANDS, CertificateError, CompletionNotMet, _final_result
from .documents import certificate_store_pdf
from .issue import certificate_issue, statement_issue

logger = logging.getLogger(__name__)


def retake_windows_close(*, today: datetime.date | None = None) -> int:
    """Trainees who did not pass and whose retake window closed (a year after the first attempt,
    no retake pending) become "not passed" and get a statement of attendance. Returns how many
    enrolments were closed."""
    from assessment.models import FinalResult
    from assessment.selectors import retake_deadline
    from course.services import enrolment_not_passed

    today = today or timezone.localdate()
    candidates = (
        Enrolment.objects.filter(
            status=Enrolment.Status.ACTIVE,
            final_results__attempt=1,
            final_results__status=FinalResult.Status.FINALISED,
        )
        .select_related("cohort__programme", "trainee")
        .distinct()
    )
    closed = 0
    for enrolment in candidates:
        deadline = retake_deadline(enrolment=enrolment)
        if deadline is None or today <= deadline:
            continue
        latest = _final_result(enrolment)
        if latest is not None and latest.passed:
            continue
        open_attempt = FinalResult.objects.filter(enrolment=enrolment).exclude(
            status=FinalResult.Status.FINALISED
        )
        if open_attempt.exists():
            continue  # a retake started in time is still being assessed
        enrolment = enrolment_not_passed(
            enrolment=enrolment, reason=_("The retake window closed without a pass.")
        )
        statement_issue(enrolment=enrolment)
        closed += 1
    return closed


# Nearest first: a certificate found late (25 days left, nothing sent) gets only the 30-day
# reminder, and the 90-day pass then sees that a nearer one went out.
REMINDER_DAYS = (30, 90)


def expiry_reminders_send(*, today: datetime.date | None = None) -> int:
    """Remind holders whose certificate expires in 90 or 30 days (or fewer, if a day was missed),
    inviting them to a new cohort. Each reminder is sent once. Returns how many were sent.

    A holder with an account is told by a notification (the site's list, and the e-mail unless
    she switched this kind off). A holder without one (the account deleted, the e-mail address
    kept on the certificate) has no list and no switch: she gets the plain e-mail."""
    from ..models import ExpiryReminder
    from ..notices import expiry_near_notify

    today = today or timezone.localdate()
    sent = 0
    for days in REMINDER_DAYS:
        due = (
            Certificate.objects.filter(
                kind=Certificate.Kind.CERTIFICATE,
                status=Certificate.Status.VALID,
                valid_until__gte=today,
                valid_until__lte=today + datetime.timedelta(days=days),
            )
            .exclude(holder_email="")
            .exclude(expiry_reminders__days_before__lte=days)
            .select_related("holder")
        )
        for certificate in due:
            try:
                with transaction.atomic():
                    ExpiryReminder.objects.create(certificate=certificate, days_before=days)
                    left = (certificate.valid_until - today).days
                    if certificate.holder is not None:
                        expiry_near_notify(certificate=certificate, days=left, reminder_days=days)
                    else:
                        transaction.on_commit(
                            lambda c=certificate, n=left: _expiry_email_send(certificate=c, days=n)
                        )
            except IntegrityError:  # another run sent it a moment ago
                continue
            sent += 1
    return sent


def _expiry_email_send(*, certificate: Certificate, days: int) -> None:
    """The expiry reminder as a plain e-mail, to a holder who has no account any more."""
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.utils import translation

    from cms.emails import language_of

    from ..notices import expiry_message

    with translation.override(language_of(None)):
        subject, _text = expiry_message(certificate=certificate, days=days)
        body = render_to_string(
            "certificates/email/expiry_reminder.txt",
            {"c": certificate, "days": days, "valid_years": settings.CERTIFICATE_VALID_YEARS},
        )
    send_mail(subject, body, None, [certificate.holder_email])


def certificates_sweep(*, grace: datetime.timedelta | None = None) -> dict[str, int]:
    """The one certificate sweep (beat, every CERTIFICATES_SWEEP_EVERY_MINUTES; `manage.py
    certificates_sweep` with no grace). It completes what a lost task left undone and issues the
    pending passes whose completion rule is now met (the cohort's end date reached, a missed
    event), so no daily sweep of its own is needed:

    - a certificate without its stored PDF (a worker killed while rendering): the PDF is rendered
      from the frozen record, keeping its serial and code;
    - a finalised pass without a certificate (the broker was down when it was finalised): issued
      through certificate_issue, so every rule of issuing applies; a refusal is left as it is.

    Anything younger than `grace` (default CERTIFICATES_SWEEP_GRACE_SECONDS) is left to the task
    enqueued for it. Idempotent: a second run finds nothing to do. Two runs at once: the second
    one returns at once (a lock), and issuing itself is safe against doubles anyway.
    Returns counts: pdfs_stored, issued, pending (the completion rule not met yet), refused,
    failed, and locked (1 if another run held the
    lock)."""

    from assessment.models import FinalResult
    from cms.locks import job_lock

    if grace is None:
        grace = datetime.timedelta(seconds=settings.CERTIFICATES_SWEEP_GRACE_SECONDS)
    cutoff = timezone.now() - grace
    counts = {"pdfs_stored": 0, "issued": 0, "pending": 0, "refused": 0, "failed": 0, "locked": 0}
    with job_lock("certificates_sweep") as acquired:
        if not acquired:
            counts["locked"] = 1
            return counts
        without_pdf = Certificate.objects.filter(pdf="", created_at__lte=cutoff).order_by("pk")
        for certificate in without_pdf:
            try:
                certificate_store_pdf(certificate=certificate)
            except Exception:  # one bad document must not stop the others; ids only in the log
                logger.exception(
                    "certificates_sweep: no PDF stored for certificate %s", certificate.pk
                )
                counts["failed"] += 1
            else:
                counts["pdfs_stored"] += 1
        current_certificates = Certificate.objects.filter(
            kind=Certificate.Kind.CERTIFICATE, enrolment__isnull=False
        ).exclude(status=Certificate.Status.SUPERSEDED)
        passed_without_certificate = (
            Enrolment.objects.filter(
                final_results__status=FinalResult.Status.FINALISED,
                final_results__band__in=PASSING_BANDS,
                final_results__finalised_at__lte=cutoff,
            )
            .exclude(pk__in=current_certificates.values("enrolment_id"))
            .select_related("cohort__programme", "trainee")
            .distinct()
            .order_by("pk")
        )
        for enrolment in passed_without_certificate:
            try:
                certificate_issue(enrolment=enrolment)
            except CompletionNotMet:
                # Passed, but the completion rule is not met yet: the normal state of a pending
                # pass, issued by the event that completes it (or by this sweep then).
                from ..pending import pending_pass_record

                pending_pass_record(enrolment=enrolment)  # why it waits, for the worklist
                counts["pending"] += 1
            except CertificateError as refusal:
                logger.info("certificates_sweep: enrolment %s refused: %s", enrolment.pk, refusal)
                counts["refused"] += 1
            except Exception:
                logger.exception("certificates_sweep: enrolment %s not issued", enrolment.pk)
                counts["failed"] += 1
            else:
                counts["issued"] += 1
    if any(counts.values()):
        logger.info("certificates_sweep: %s", counts)
    return counts
