"""The frozen fields of a document and its PDF, rendered and stored once."""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.core.files.base import ContentFile

from cms.models import OrganisationSettings
from course.models import Enrolment

from ..models import Certificate
from ..pdf import document_pdf
from ..selectors import holder_names, hours_completed, programme_snapshot


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


def _postprocess(data: bytes) -> bytes:
    """Apply settings.CERTIFICATES_PDF_POSTPROCESSORS (dotted paths of `fn(pdf_bytes) -> bytes`,
    e.g. the credentials app's digital signature) before hashing, so the stored SHA-256 is that of
    the file the holder downloads."""
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
