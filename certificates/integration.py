"""How certificates plug into the rest: the trainee dashboard, the personal-data export and
erasure (its periodic tasks are on the one beat schedule, cms/settings/base.py)."""

from __future__ import annotations


def dashboard_panel(request, enrolment):
    """The enrolment's current documents with status, check count and download link, once the
    result is released; or, for a released pass whose completion rule is not met yet, what is
    left to do ("passed — certificate pending")."""
    from django.db.models import Count

    from course.dashboard import enrolment_state

    from .models import Certificate
    from .selectors import released_to_holder

    state = enrolment_state(enrolment)
    if not state["certificates_has_document"]:
        # No document, and no released result (the usual case while studying): nothing to say,
        # and no query of its own (the dashboard's state query answered both).
        if not state["assessment_result_released"]:
            return None
        return pending_note(request, enrolment)
    documents = [
        d
        for d in Certificate.objects.filter(enrolment=enrolment, holder=request.user)
        .exclude(status=Certificate.Status.SUPERSEDED)
        .annotate(check_count=Count("lookups"))
        .order_by("kind")
        if released_to_holder(certificate=d)
    ]
    if not documents:
        return pending_note(request, enrolment)
    rows = [(d, d.public_status()) for d in documents]
    return {"template": "certificates/dashboard_panel.html", "context": {"rows": rows}}


def _has_document():
    """The enrolment has a current (not superseded) document: a fact of its dashboard state."""
    from django.db.models import Exists, OuterRef

    from .models import Certificate

    return Exists(
        Certificate.objects.filter(enrolment=OuterRef("pk")).exclude(
            status=Certificate.Status.SUPERSEDED
        )
    )


def _has_certificate():
    """The enrolment has a certificate in any status (mentoring's panel lists them)."""
    from django.db.models import Exists, OuterRef

    from .models import Certificate

    return Exists(
        Certificate.objects.filter(enrolment=OuterRef("pk"), kind=Certificate.Kind.CERTIFICATE)
    )


EXPORTED_MODELS = (
    "certificates.Certificate",
    "certificates.AuditEntry",
    "certificates.VerificationLookup",
    "certificates.ExpiryReminder",
    "certificates.PendingPass",
)


def pending_note(request, enrolment):
    """ "Passed — certificate pending": the trainee's released pass and what is left to do."""
    from assessment.selectors import final_result_for

    from .selectors import certificate_pending

    if enrolment.trainee_id != request.user.pk:
        return None
    result = final_result_for(enrolment=enrolment)
    if result is None or not result.is_released:
        return None
    missing = certificate_pending(enrolment=enrolment)
    if not missing:
        return None
    return {"template": "certificates/pending_panel.html", "context": {"missing": missing}}


def export_personal_data(user) -> dict:
    """Each document with every field of its frozen record, its history (what was done when; an
    internal note stays with the staff), the public checks of it, the reminders sent and its place
    in the Open Badges status list."""
    from cms.personal_data import row

    from .models import Certificate, PendingPass

    documents = (
        Certificate.objects.filter(holder=user)
        .order_by("issued_on", "serial")
        .prefetch_related("audit_entries", "lookups", "expiry_reminders")
    )
    return {
        "documents": [
            {
                **row(c, exclude=("holder", "enrolment")),
                "status": c.public_status(),
                "times_checked": len(c.lookups.all()),
                "checks": [
                    {"at": lk.at.isoformat(), "result": lk.result} for lk in c.lookups.all()
                ],
                "history": [
                    {"action": e.action, "at": e.at.isoformat()} for e in c.audit_entries.all()
                ],
                "expiry_reminders": [
                    row(r, exclude=("certificate",)) for r in c.expiry_reminders.all()
                ],
                "status_list_entry": _status_list_entry(c),
            }
            for c in documents
        ],
        # Why a pass of theirs waits for its certificate, as the last check found it.
        "pending_passes": [
            {
                "enrolment": p.enrolment_id,
                "reasons": p.reasons,
                "checked_at": p.checked_at.isoformat(),
            }
            for p in PendingPass.objects.filter(enrolment__trainee=user).order_by("pk")
        ],
    }


def _status_list_entry(certificate) -> dict | None:
    # Read through the reverse relation: the credentials app sits above this one.
    record = getattr(certificate, "credential_record", None)
    if record is None:
        return None
    return {"status_list": record.status_list, "status_index": record.status_index}


def erase_personal_data(user) -> None:
    """An issued certificate is a legal record and stays verifiable under the name printed on it;
    the account link goes (SET_NULL) and so does the contact address."""
    from .models import Certificate

    Certificate.objects.filter(holder=user).update(holder_email="")


def academic_records(user) -> list[str]:
    """Issued documents are legal records and stay verifiable under the name printed on them."""
    from django.utils.translation import gettext as _

    from .models import Certificate

    return [
        _(
            "%(kind)s No %(serial)s issued on %(date)s: kept with the name printed on it, so "
            "employers can still verify it."
        )
        % {"kind": c.get_kind_display(), "serial": c.serial, "date": c.issued_on.isoformat()}
        for c in Certificate.objects.filter(holder=user).order_by("issued_on", "serial")
    ]


def pseudonymise_personal_data(user) -> None:
    """The document stays linked to the pseudonymised account; only the contact address goes."""
    from .models import Certificate

    Certificate.objects.filter(holder=user).update(holder_email="")


def connect() -> None:

    from assessment.dashboard import register_result_note
    from cms.personal_data import (
        register_academic_records,
        register_eraser,
        register_exporter,
        register_pseudonymiser,
    )
    from course.dashboard import register_panel, register_state

    register_panel(dashboard_panel, order=60)
    register_state("certificates_has_document", _has_document)
    register_state("certificates_has_certificate", _has_certificate)
    register_result_note(pending_note)
    register_exporter("certificates", export_personal_data, models=EXPORTED_MODELS)
    register_eraser(erase_personal_data)
    register_academic_records(academic_records)
    register_pseudonymiser(pseudonymise_personal_data)
