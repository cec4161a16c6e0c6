"""Issuing: the certificate of a passed enrolment and the statement of attendance."""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from course.models import Enrolment

from .. import notices
from ..codes import generate_code, valid_until_for
from ..models import AuditEntry, Certificate
from ..notices import certificate_event_notify
from ..selectors import completion_missing, current_document
from .common import (
    PASSING_BANDS,
    CertificateError,
    CompletionNotMet,
    _check_organisation,
    _ensure_counter,
    _final_result,
    _next_serial,
    _organisation,
    _verification_url,
)
from .documents import _criteria_snapshot, _frozen_fields, certificate_store_pdf


def _create_record(*, enrolment: Enrolment, kind: str, fields: dict, issued_by):
    """Insert the record with the next serial, or return the document a concurrent issuer made.

    Returns (certificate, created)."""
    year = fields["issued_on"].year
    _ensure_counter(year)
    try:
        with transaction.atomic():
            # Issuers of the same enrolment queue up here on PostgreSQL; the second one then sees
            # the first one's committed row and returns it.
            Enrolment.objects.select_for_update().filter(pk=enrolment.pk).first()
            existing = current_document(enrolment=enrolment, kind=kind)
            if existing is not None:
                return existing, False
            code = generate_code()
            certificate = Certificate.objects.create(
                kind=kind,
                serial=_next_serial(year, kind),
                code=code,
                verification_url=_verification_url(code),
                issued_by=issued_by,
                **fields,
            )
            AuditEntry.objects.create(
                certificate=certificate,
                action=AuditEntry.Action.ISSUED,
                actor=issued_by,
                details={"serial": certificate.serial, "kind": kind},
            )
            return certificate, True
    except IntegrityError:
        # Another worker inserted between our check and our insert (SQLite has no row locks, and
        # a lock does not cover an enrolment whose row another transaction has not yet seen).
        # The partial unique index refused our row; the rollback took our serial increment with
        # it, so numbering stays gapless. Return the winner's document.
        existing = current_document(enrolment=enrolment, kind=kind)
        if existing is None:
            raise
        return existing, False


def certificate_issue(
    *,
    enrolment: Enrolment,
    issued_by=None,
    score: int | None = None,
    band: str | None = None,
    issued_on: datetime.date | None = None,
) -> Certificate:
    """Issue the certificate of a passed enrolment, or return the one it already has.

    Idempotent: running it twice, or in two workers at once, gives one certificate. The score and
    band come from the finalised final assessment unless given."""
    existing = current_document(enrolment=enrolment)
    if existing is not None:
        return certificate_store_pdf(certificate=existing)
    result = _final_result(enrolment)
    if score is None:
        if result is None:
            raise CertificateError(
                _("No certificate: the final assessment of this enrolment is not finalised.")
            )
        score, band = result.total, result.band
    if band is None:
        from assessment.rubric import band_for

        band = band_for(score).code
    if band not in PASSING_BANDS:
        raise CertificateError(
            _("No certificate: the final assessment was not passed (%(score)s points).")
            % {"score": score}
        )
    issued_on = issued_on or timezone.localdate()
    # The one place the completion rule is checked: every issuer (the task after finalising, the
    # bulk issue, admin actions, the sweeps) comes through here.
    # Checked against the real date: `issued_on` only dates the document.
    missing = completion_missing(enrolment=enrolment)
    if missing:
        raise CompletionNotMet(missing)
    _refuse_second_valid_certificate(enrolment=enrolment)
    organisation = _organisation()
    _check_organisation(organisation)
    fields = _frozen_fields(enrolment=enrolment, organisation=organisation)
    fields.update(
        score=score,
        band=band,
        # Criterion scores only when they belong to the score printed.
        criteria=_criteria_snapshot(result) if result is not None and result.total == score else [],
        issued_on=issued_on,
        valid_until=valid_until_for(issued_on),
    )
    certificate, _created = _create_record(
        enrolment=enrolment,
        kind=Certificate.Kind.CERTIFICATE,
        fields=fields,
        issued_by=issued_by,
    )
    if _created:
        from course.services import enrolment_complete

        enrolment_complete(enrolment=enrolment, by=issued_by)
        certificate_event_notify(certificate=certificate, event=notices.ISSUED)
    return certificate_store_pdf(certificate=certificate)


def _refuse_second_valid_certificate(*, enrolment: Enrolment) -> None:
    """At most one valid certificate per person and programme: a second enrolment of the same
    person (an old one, or one entered twice) does not earn a second document while the first is
    valid. One that has expired lapses instead: the person is being certified again, as the
    three-year validity intends."""
    # The same rule as the database's (one_valid_certificate_per_person_and_programme): any
    # version of the programme counts.
    other = (
        Certificate.objects.filter(
            kind=Certificate.Kind.CERTIFICATE,
            status=Certificate.Status.VALID,
            lapsed=False,
            holder=enrolment.trainee,
            programme_key=enrolment.cohort.programme.programme_key,
        )
        .exclude(enrolment=enrolment)
        .first()
    )
    if other is None:
        return
    if other.public_status() == "expired":
        # Lapsing an expired document is right whatever happens next: it only stops counting
        # as the person's valid certificate, and verification still reads it as expired.
        with transaction.atomic():
            Certificate.objects.filter(pk=other.pk).update(lapsed=True)
            AuditEntry.objects.create(
                certificate=other,
                action=AuditEntry.Action.LAPSED,
                details={"serial": other.serial, "renewed_by_enrolment": enrolment.pk},
            )
        return
    raise CertificateError(
        _("No certificate: this person already holds valid certificate %(serial)s for the course.")
        % {"serial": other.serial}
    )


def certificate_issue_if_earned(*, enrolment_id: int) -> Certificate | None:
    """Issue the certificate of a finalised pass the moment its completion rule is met; do nothing
    otherwise (an event fired before the last condition, a trainee who has not passed). Called on
    every event that may complete the rule; certificates_sweep catches what no event completed."""
    enrolment = (
        Enrolment.objects.select_related("cohort__programme", "trainee")
        .filter(pk=enrolment_id)
        .first()
    )
    if enrolment is None or current_document(enrolment=enrolment) is not None:
        return None
    result = _final_result(enrolment)
    if result is None or not result.passed:
        return None
    if completion_missing(enrolment=enrolment):
        from ..pending import pending_pass_record

        pending_pass_record(enrolment=enrolment)  # why it waits, for the registrar's worklist
        return None
    try:
        return certificate_issue(enrolment=enrolment)
    except CertificateError:
        return None


# Who gets a statement of attendance instead of a certificate: those who did not pass or left.
STATEMENT_STATUSES = {
    Enrolment.Status.NOT_PASSED,
    Enrolment.Status.EXPELLED,
    Enrolment.Status.WITHDRAWN,
    Enrolment.Status.TRANSFERRED,
}


def statement_issue(
    *, enrolment: Enrolment, issued_by=None, issued_on: datetime.date | None = None
) -> Certificate:
    """Issue a statement of attendance (анықтама) — hours actually attended per module and the
    dates; not a qualification. Idempotent like certificate_issue."""
    from ..selectors import attendance_snapshot

    existing = current_document(enrolment=enrolment, kind=Certificate.Kind.STATEMENT)
    if existing is not None:
        return certificate_store_pdf(certificate=existing)
    if current_document(enrolment=enrolment) is not None:
        raise CertificateError(
            _("This trainee has a certificate; a statement of attendance is not issued.")
        )
    result = _final_result(enrolment)
    failed = result is not None and not result.passed
    if enrolment.status not in STATEMENT_STATUSES and not failed:
        raise CertificateError(
            _(
                "A statement of attendance is for a trainee who did not pass or left the course; "
                "this enrolment is %(status)s."
            )
            % {"status": enrolment.get_status_display().lower()}
        )
    organisation = _organisation()
    _check_organisation(organisation)
    fields = _frozen_fields(enrolment=enrolment, organisation=organisation)
    fields.update(attendance_snapshot(enrolment=enrolment))
    issued_on = issued_on or timezone.localdate()
    # The course's real dates: the cohort's, ending early on the day the trainee left.
    fields.update(attended_from=enrolment.cohort.starts_on, attended_to=_left_on(enrolment))
    fields.update(
        score=result.total if result is not None else None,
        band=result.band if result is not None else "",
        issued_on=issued_on,
        valid_until=None,
    )
    statement, _created = _create_record(
        enrolment=enrolment,
        kind=Certificate.Kind.STATEMENT,
        fields=fields,
        issued_by=issued_by,
    )
    return certificate_store_pdf(certificate=statement)


def _left_on(enrolment: Enrolment) -> datetime.date:
    """The last day of the course for this trainee: the day they left (expelled, withdrawn,
    transferred) when before the cohort's end, else the cohort's end."""
    from course.models import EnrolmentEvent

    ends_on = enrolment.cohort.ends_on
    left = (
        EnrolmentEvent.objects.filter(
            enrolment=enrolment,
            to_status__in=[
                Enrolment.Status.EXPELLED,
                Enrolment.Status.WITHDRAWN,
                Enrolment.Status.TRANSFERRED,
            ],
        )
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    if left is not None:
        day = timezone.localdate(left)
        return max(enrolment.cohort.starts_on, min(day, ends_on))
    return ends_on
