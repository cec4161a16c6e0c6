"""Celery tasks: take ids, load, call one service."""

from __future__ import annotations

import logging

from celery import shared_task
from django.db import DatabaseError

from course.models import Enrolment

from . import lookups
from .services import (
    CertificateError,
    OrganisationSettingsMissing,
    certificate_flag_for_review,
    certificate_issue,
)

logger = logging.getLogger(__name__)


# Issuing is idempotent, so a message whose worker died mid-task (killed, out of memory) is put back
# on the queue and done again rather than marked failed and forgotten: late acknowledgement plus
# reject-on-worker-lost. Tasks that are not idempotent keep Celery's default.
IDEMPOTENT = {"acks_late": True, "reject_on_worker_lost": True}


@shared_task(
    bind=True,
    autoretry_for=(DatabaseError, OSError),
    retry_backoff=True,
    retry_backoff_max=600,
    retry_jitter=True,
    max_retries=6,
    **IDEMPOTENT,
)
def issue_certificate(self, enrolment_id: int) -> str | None:
    """Idempotent: running it again (a retry, a duplicate message, two workers) returns the
    certificate already issued. Transient database or storage errors are retried with backoff."""
    enrolment = (
        Enrolment.objects.select_related("cohort__programme", "trainee")
        .filter(pk=enrolment_id)
        .first()
    )
    if enrolment is None:
        logger.warning("issue_certificate: enrolment %s no longer exists", enrolment_id)
        return None
    try:
        certificate = certificate_issue(enrolment=enrolment)
    except OrganisationSettingsMissing as exc:
        # The registrar must act: kept as a failed task (admin, "Failed background tasks") so it
        # can be retried once the organisation settings are filled in.
        from cms.services import failed_task_record

        logger.error("issue_certificate: enrolment %s refused: %s", enrolment_id, exc)
        failed_task_record(
            task_name=self.name,
            task_id=self.request.id or "",
            args=[enrolment_id],
            kwargs={},
            exception=exc,
            traceback="",
        )
        return None
    except CertificateError as exc:
        # A refusal is an answer, not a failure: retrying would refuse again.
        logger.warning("issue_certificate: enrolment %s refused: %s", enrolment_id, exc)
        return None
    return certificate.serial


@shared_task
def flag_certificate_for_review(enrolment_id: int, result_id: int | None = None) -> int:
    return certificate_flag_for_review(enrolment_id=enrolment_id, result_id=result_id)


@shared_task
def send_expiry_reminders() -> int:
    from .services import expiry_reminders_send

    return expiry_reminders_send()


@shared_task(
    autoretry_for=(DatabaseError, OSError), retry_backoff=True, max_retries=3, **IDEMPOTENT
)
def bulk_issue_cohort(cohort_id: int, user_id: int | None, job_id: str) -> dict:
    from django.contrib.auth import get_user_model

    from course.models import Cohort

    from .services import cohort_bulk_issue

    cohort = Cohort.objects.get(pk=cohort_id)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return cohort_bulk_issue(cohort=cohort, issued_by=user, job_id=job_id)


@shared_task(
    autoretry_for=(DatabaseError,),
    retry_backoff=True,
    retry_backoff_max=300,
    retry_jitter=True,
    max_retries=3,
)
def flush_verification_lookups() -> int:
    """Every minute (beat): the public look-ups counted on Redis into VerificationLookup rows."""
    return lookups.flush_log()


@shared_task(**IDEMPOTENT)
def certificates_sweep() -> dict[str, int]:
    """Beat: finalised passes without a certificate and certificates without a PDF, completed."""
    from .services import certificates_sweep as sweep

    return sweep()


@shared_task(autoretry_for=(DatabaseError, OSError), retry_backoff=True, max_retries=6)
def issue_certificate_if_earned(enrolment_id: int) -> str | None:
    """After an event that may complete the rule: issue if the pass is now earned, else nothing."""
    from .services import certificate_issue_if_earned

    certificate = certificate_issue_if_earned(enrolment_id=enrolment_id)
    return certificate.serial if certificate is not None else None


@shared_task
def certificates_issue_pending() -> int:
    """Daily (beat): finalised passes whose rule is now met (the cohort ended, a missed event)."""
    from .services import certificates_issue_pending as sweep

    return sweep()


@shared_task
def prune_verification_lookups() -> int:
    """Nightly (beat): look-ups past VERIFICATION_LOOKUP_RETENTION_DAYS deleted."""
    return lookups.prune()


@shared_task
def retake_windows_close() -> int:
    """Daily (beat): trainees whose retake window closed without a pass become "not passed" and
    get their statement of attendance."""
    from .services import retake_windows_close as close

    return close()
