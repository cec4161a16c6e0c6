"""Issuing a whole cohort's certificates in the background, with progress the page polls."""

from __future__ import annotations

from ..job_reads import once_per_job
from ..models import Certificate
from .common import CertificateError
from .issue import certificate_issue


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
    # Which enrolments had a document before the job, in one query rather than one each.
    had_before = set(
        Certificate.objects.filter(enrolment__in=enrolments, kind=Certificate.Kind.CERTIFICATE)
        .exclude(status=Certificate.Status.SUPERSEDED)
        .values_list("enrolment_id", flat=True)
    )
    # What every certificate of the cohort shares (organisation, programme snapshot, completion
    # rule) is read once for the whole job, not per certificate (issue 22).
    with once_per_job():
        for enrolment in enrolments:
            try:
                certificate_issue(enrolment=enrolment, issued_by=issued_by)
                progress["already" if enrolment.pk in had_before else "issued"] += 1
            except CertificateError:
                progress["skipped"] += 1
            progress["done"] += 1
            _bulk_save(job_id, progress)
    progress["finished"] = True
    _bulk_save(job_id, progress)
    return progress
