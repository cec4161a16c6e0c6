"""Writes: issuing, rendering and storing, revoking and re-issuing certificates and statements."""

from __future__ import annotations

import datetime
import hashlib
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Site

from cms.errors import ServiceError
from cms.models import OrganisationSettings
from course.models import Enrolment

from .codes import format_serial, generate_code, valid_until_for
from .models import AuditEntry, Certificate, RevocationReason, SerialCounter, StatementCounter
from .pdf import document_pdf
from .selectors import (
    completion_missing,
    current_document,
    holder_names,
    hours_completed,
    programme_snapshot,
)

logger = logging.getLogger(__name__)


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


PASSING_BANDS = {"excellent", "good", "satisfactory"}


def _organisation() -> OrganisationSettings:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return OrganisationSettings()
    return OrganisationSettings.for_site(site)


def _final_result(enrolment):
    """The finalised final-assessment result, from the assessment app."""
    from assessment.selectors import final_result_for

    return final_result_for(enrolment=enrolment)


def _ensure_counter(year: int) -> None:
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


def _study_form_labels(code: str) -> tuple[str, str]:
    from django.utils import translation

    from course.models import StudyForm

    if code not in StudyForm.values:
        return "", ""
    labels = []
    for language in ("kk", "ru"):
        with translation.override(language):
            labels.append(str(StudyForm(code).label))
    return labels[0], labels[1]


def _hours_split(*, organisation: OrganisationSettings, programme) -> dict:
    """What the annex prints beside module hours, as the registrar chose (default: nothing)."""
    mode = organisation.annex_hours_split or "none"
    if mode != "declared":
        return {"mode": mode}
    return {
        "mode": mode,
        "lecture": programme.declared_lecture_hours,
        "practice": programme.declared_practice_hours,
        "final_work": programme.declared_final_work_hours,
    }


def _criteria_snapshot(result) -> list[dict]:
    """The rubric's criteria, titled as approved, with the scores that count."""
    if result is None:
        return []
    return [
        {
            "code": criterion.code,
            "title_kk": criterion.title_kk,
            "title_ru": criterion.title_ru,
            "max": criterion.max_score,
            "score": score,
        }
        for criterion, score, _comment in result.criterion_scores()
    ]


def _frozen_fields(*, enrolment: Enrolment, organisation: OrganisationSettings) -> dict:
    names = holder_names(user=enrolment.trainee)
    cohort = enrolment.cohort
    snapshot = programme_snapshot(programme=cohort.programme)
    study_form_kk, study_form_ru = _study_form_labels(cohort.study_form)
    return {
        "enrolment": enrolment,
        "holder": enrolment.trainee,
        "cohort": enrolment.cohort,
        "programme_key": cohort.programme.programme_key,
        "holder_name_kk": names.kk,
        "holder_name_ru": names.ru,
        "holder_surname": names.surname_kk,
        "holder_surname_ru": names.surname_ru,
        "holder_email": enrolment.trainee.email,
        "signatory_name": organisation.signatory_name,
        "signatory_position_kk": organisation.signatory_position_kk,
        "signatory_position_ru": organisation.signatory_position_ru,
        "signatory_acting": organisation.signatory_acting,
        "organisation_name_kk": organisation.name_kk,
        "organisation_name_ru": organisation.name_ru,
        "city_kk": organisation.city_kk,
        "city_ru": organisation.city_ru,
        "course_from": cohort.starts_on,
        "course_to": cohort.ends_on,
        "study_form_kk": study_form_kk,
        "study_form_ru": study_form_ru,
        "hours_completed": hours_completed(enrolment=enrolment),
        "hours_split": _hours_split(organisation=organisation, programme=cohort.programme),
        **snapshot,
    }


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


def _postprocess(data: bytes) -> bytes:
    """Apply settings.CERTIFICATES_PDF_POSTPROCESSORS (dotted paths of `fn(pdf_bytes) -> bytes`,
    e.g. the credentials app's digital signature) before hashing, so the stored SHA-256 is that of
    the file the holder downloads."""
    from django.conf import settings
    from django.utils.module_loading import import_string

    for path in settings.CERTIFICATES_PDF_POSTPROCESSORS:
        data = import_string(path)(data)
    return data


def certificate_store_pdf(*, certificate: Certificate) -> Certificate:
    """Render and store the PDF once. An issued PDF is never rendered again: editing a template or
    a profile never changes it."""
    if certificate.pdf:
        return certificate
    data = _postprocess(document_pdf(certificate))
    digest = hashlib.sha256(data).hexdigest()
    storage = certificate.pdf.storage
    name = storage.save(
        f"certificates/{certificate.issued_on.year}/{certificate.serial}.pdf", ContentFile(data)
    )
    # Only the first renderer's file is kept when two workers finish the same certificate.
    stored = Certificate.objects.filter(pk=certificate.pk, pdf="").update(
        pdf=name, pdf_sha256=digest
    )
    if not stored:
        storage.delete(name)
    certificate.refresh_from_db(fields=["pdf", "pdf_sha256"])
    return certificate


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
    return certificate_store_pdf(certificate=certificate)


def _refuse_second_valid_certificate(*, enrolment: Enrolment) -> None:
    """At most one valid certificate per person and programme: a second enrolment of the same
    person (an old one, or one entered twice) does not earn a second document while the first is
    valid."""
    # The same rule as the database's (one_valid_certificate_per_person_and_programme): any
    # version of the programme, and an expired document whose status is still valid counts too.
    other = (
        Certificate.objects.filter(
            kind=Certificate.Kind.CERTIFICATE,
            status=Certificate.Status.VALID,
            holder=enrolment.trainee,
            programme_key=enrolment.cohort.programme.programme_key,
        )
        .exclude(enrolment=enrolment)
        .first()
    )
    if other is not None:
        raise CertificateError(
            _(
                "No certificate: this person already holds valid certificate %(serial)s "
                "for the course."
            )
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
        return None
    try:
        return certificate_issue(enrolment=enrolment)
    except CertificateError:
        return None


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
    from .selectors import attendance_snapshot

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
    """Email holders whose certificate expires in 90 or 30 days (or fewer, if a day was missed),
    inviting them to a new cohort. Each reminder is sent once. Returns how many were sent."""
    from django.core.mail import send_mail
    from django.template.loader import render_to_string
    from django.utils import translation

    from .models import ExpiryReminder

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
            except IntegrityError:  # another run sent it a moment ago
                continue
            language = getattr(certificate.holder, "preferred_language", "kk") or "kk"
            with translation.override(language):
                context = {"c": certificate, "days": (certificate.valid_until - today).days}
                subject = _("Your certificate %(serial)s expires on %(date)s") % {
                    "serial": certificate.serial,
                    "date": certificate.valid_until.strftime("%d.%m.%Y"),
                }
                body = render_to_string("certificates/email/expiry_reminder.txt", context)
            email = certificate.holder.email if certificate.holder else certificate.holder_email
            send_mail(subject, body, None, [email])
            sent += 1
    return sent


def _bulk_key(job_id: str) -> str:
    return f"certificates:bulk:{job_id}"


def bulk_progress(*, job_id: str) -> dict | None:
    from django.core.cache import cache

    return cache.get(_bulk_key(job_id))


def _bulk_save(job_id: str, progress: dict) -> None:
    from django.core.cache import cache

    cache.set(_bulk_key(job_id), progress, timeout=24 * 3600)


def cohort_bulk_issue_start(*, cohort, started_by, job_id: str) -> dict:
    """Record a queued bulk issue so the progress page has something to show at once."""
    progress = {
        "cohort": cohort.code,
        "total": cohort.enrolments.count(),
        "done": 0,
        "issued": 0,
        "already": 0,
        "skipped": 0,
        "finished": False,
        "started_by": started_by.pk if started_by else None,
    }
    _bulk_save(job_id, progress)
    return progress


def cohort_bulk_issue(*, cohort, issued_by, job_id: str) -> dict:
    """Issue the certificate of every enrolment of the cohort whose final result passed; the
    others are skipped (they may get a statement of attendance). Progress is kept in the cache
    for the page that polls it. Safe to re-run: issuing is idempotent."""
    enrolments = list(
        cohort.enrolments.select_related("cohort__programme", "trainee").order_by("pk")
    )
    progress = {
        "cohort": cohort.code,
        "total": len(enrolments),
        "done": 0,
        "issued": 0,  # new certificates
        "already": 0,  # had one before: issuing again returns it, nothing new
        "skipped": 0,
        "finished": False,
    }
    _bulk_save(job_id, progress)
    from .selectors import current_document

    for enrolment in enrolments:
        try:
            had = current_document(enrolment=enrolment) is not None
            certificate_issue(enrolment=enrolment, issued_by=issued_by)
            progress["already" if had else "issued"] += 1
        except CertificateError:
            progress["skipped"] += 1
        progress["done"] += 1
        _bulk_save(job_id, progress)
    progress["finished"] = True
    _bulk_save(job_id, progress)
    return progress


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
    from django.conf import settings

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
