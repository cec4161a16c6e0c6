"""After issuing: revoking, re-issuing and flagging a document for review."""

from __future__ import annotations

import datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import notices
from ..codes import generate_code
from ..models import AuditEntry, Certificate, RevocationReason
from ..notices import certificate_event_notify
from ..selectors import holder_names
from .common import CertificateError, _ensure_counter, _next_serial, _verification_url
from .documents import certificate_store_pdf


def certificate_revoke(
    *,
    certificate: Certificate,
    revoked_by,
    reason: str,
    note: str = "",
    revoked_on: datetime.date | None = None,
) -> Certificate:
    """Revoke a valid document. The record stays; verification says revoked, with the date and
    the public reason (one of RevocationReason, shown in the reader's language). The note is for
    staff only and is never published."""
    if reason not in RevocationReason.values:
        raise CertificateError(_("Choose the public reason for revoking the certificate."))
    note = (note or "").strip()
    with transaction.atomic():
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if locked.status != Certificate.Status.VALID:
            raise CertificateError(
                _("Only a valid certificate can be revoked; this one is %(status)s.")
                % {"status": locked.get_status_display().lower()}
            )
        locked.status = Certificate.Status.REVOKED
        locked.revoked_on = revoked_on or timezone.localdate()
        locked.revocation_code = reason
        locked.revocation_note = note
        locked.save(update_fields=["status", "revoked_on", "revocation_code", "revocation_note"])
        AuditEntry.objects.create(
            certificate=locked,
            action=AuditEntry.Action.REVOKED,
            actor=revoked_by,
            details={
                "reason": reason,
                "note": note,
                "revoked_on": locked.revoked_on.isoformat(),
            },
        )
        certificate_event_notify(certificate=locked, event=notices.REVOKED)
    return locked


# What a re-issue copies unchanged from the document it replaces: the result and its dates belong
# to the course the holder took, not to the correction.
_REISSUE_COPIED = (
    "kind",
    "enrolment",
    "holder",
    "cohort",
    "programme_key",
    "holder_email",
    "course_title_kk",
    "course_title_ru",
    "hours",
    "modules",
    "score",
    "band",
    "attended_from",
    "attended_to",
    "course_from",
    "course_to",
    "study_form_kk",
    "study_form_ru",
    "hours_completed",
    "criteria",
    "hours_split",
    "issued_on",
    "valid_until",
    "signatory_name",
    "signatory_position_kk",
    "signatory_position_ru",
    "signatory_acting",
    "organisation_name_kk",
    "organisation_name_ru",
    "city_kk",
    "city_ru",
)


def certificate_reissue(*, certificate: Certificate, reissued_by, reason: str) -> Certificate:
    """Replace a valid document by a new one (new serial, new code) carrying the holder's current
    name spelling, e.g. after a correction; the old one becomes superseded and points to it."""
    reason = (reason or "").strip()
    if not reason:
        raise CertificateError(_("Give the reason for re-issuing the certificate."))
    with transaction.atomic():
        old = Certificate.objects.select_for_update().get(pk=certificate.pk)
        if old.status != Certificate.Status.VALID:
            raise CertificateError(
                _("Only a valid certificate can be re-issued; this one is %(status)s.")
                % {"status": old.get_status_display().lower()}
            )
        fields = {name: getattr(old, name) for name in _REISSUE_COPIED}
        if old.holder is not None:
            names = holder_names(user=old.holder)
            fields.update(
                holder_name_kk=names.kk,
                holder_name_ru=names.ru,
                holder_surname=names.surname_kk,
                holder_surname_ru=names.surname_ru,
            )
        else:
            fields.update(
                holder_name_kk=old.holder_name_kk,
                holder_name_ru=old.holder_name_ru,
                holder_surname=old.holder_surname,
                holder_surname_ru=old.holder_surname_ru,
            )
        # Free the "one current document" slot first; the constraint is checked per statement.
        old.status = Certificate.Status.SUPERSEDED
        old.save(update_fields=["status"])
        year = old.issued_on.year
        _ensure_counter(year)
        code = generate_code()
        new = Certificate.objects.create(
            serial=_next_serial(year, old.kind),
            code=code,
            verification_url=_verification_url(code),
            issued_by=reissued_by,
            **fields,
        )
        old.superseded_by = new
        old.save(update_fields=["superseded_by"])
        AuditEntry.objects.create(
            certificate=old,
            action=AuditEntry.Action.SUPERSEDED,
            actor=reissued_by,
            details={"reason": reason, "superseded_by": new.serial},
        )
        AuditEntry.objects.create(
            certificate=new,
            action=AuditEntry.Action.REISSUED,
            actor=reissued_by,
            details={"reason": reason, "supersedes": old.serial},
        )
        certificate_event_notify(certificate=new, event=notices.REISSUED)
    return certificate_store_pdf(certificate=new)


def certificate_flag_for_review(*, enrolment_id: int, result_id: int | None = None) -> int:
    """A finalised result changed: mark the enrolment's current documents for the registrar to
    review (the certificate itself stays as issued). Returns how many were flagged."""
    flagged = 0
    documents = Certificate.objects.filter(enrolment_id=enrolment_id).exclude(
        status=Certificate.Status.SUPERSEDED
    )
    for document in documents:
        document.needs_review = True
        document.review_note = _("The final result changed after the certificate was issued.")
        document.save(update_fields=["needs_review", "review_note"])
        AuditEntry.objects.create(
            certificate=document,
            action=AuditEntry.Action.FLAGGED,
            details={"result_id": result_id},
        )
        flagged += 1
    return flagged
