"""Celery tasks: take ids, load, call one service. Declared with cms.celery.task: the names written
out are the ones queued messages, failed-task records and the beat schedule already use."""

from __future__ import annotations

import logging

from cms.celery import task
from course.models import Enrolment

from . import lookups
from .services import (
    CertificateError,
    OrganisationSettingsMissing,
    certificate_flag_for_review,
    certificate_issue,
)

logger = logging.getLogger(__name__)


# Issuing is idempotent, so a message whose worker died mid-task is done again (idempotent=True).
@task("certificates.tasks.issue_certificate", idempotent=True, bind=True)
def certificate_issue_task(self, enrolment_id: int) -> str | None:
    """Idempotent: running it again (a retry, a duplicate message, two workers) returns the
    certificate already issued. Transient database or storage errors are retried with backoff."""
    enrolment = (
        Enrolment.objects.select_related("cohort__programme", "trainee")
        .filter(pk=enrolment_id)
        .first()
    )
    if enrolment is None:
        logger.warning("certificate_issue_task: enrolment %s no longer exists", enrolment_id)
        return None
    try:
        certificate = certificate_issue(enrolment=enrolment)
    except OrganisationSettingsMissing as exc:
        # The registrar must act: kept as a failed task (admin, "Failed background tasks") so it
        # can be retried once the organisation settings are filled in.
        from cms.services import failed_task_record

        logger.error("certificate_issue_task: enrolment %s refused: %s", enrolment_id, exc)
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
        logger.warning("certificate_issue_task: enrolment %s refused: %s", enrolment_id, exc)
        return None
    return certificate.serial


@task("certificates.tasks.flag_certificate_for_review")
def certificate_flag_for_review_task(enrolment_id: int, result_id: int | None = None) -> int:
    return certificate_flag_for_review(enrolment_id=enrolment_id, result_id=result_id)


@task("certificates.tasks.send_expiry_reminders")
def expiry_reminders_send_task() -> int:
    from .services import expiry_reminders_send

    return expiry_reminders_send()


@task("certificates.tasks.bulk_issue_cohort", idempotent=True)
def cohort_bulk_issue_task(cohort_id: int, user_id: int | None, job_id: str) -> dict:
    from django.contrib.auth import get_user_model

    from course.models import Cohort

    from .services import cohort_bulk_issue

    cohort = Cohort.objects.get(pk=cohort_id)
    user = get_user_model().objects.filter(pk=user_id).first() if user_id else None
    return cohort_bulk_issue(cohort=cohort, issued_by=user, job_id=job_id)


@task("certificates.tasks.flush_verification_lookups")
def verification_lookups_flush_task() -> int:
    """Every minute (beat): the public look-ups counted on Redis into VerificationLookup rows."""
    return lookups.flush_log()


@task("certificates.tasks.certificates_sweep", idempotent=True)
def certificates_sweep_task() -> dict[str, int]:
    """Beat: the one sweep — passes without a certificate (pending ones whose rule is now met
    included) and certificates without a PDF, completed."""
    from .services import certificates_sweep

    return certificates_sweep()


@task("certificates.tasks.certificates_issue_pending", idempotent=True)
def certificates_issue_pending_task() -> dict[str, int]:
    """The daily sweep of pending passes, now part of certificates_sweep. Kept registered under its
    name for one release: a beat still running the previous release sends it at 00:15, and a
    failed-task record may be retried by it. Remove once no release before this one runs."""
    from .services import certificates_sweep

    return certificates_sweep()


@task("certificates.tasks.issue_certificate_if_earned")
def certificate_issue_if_earned_task(enrolment_id: int) -> str | None:
    """After an event that may complete the rule: issue if the pass is now earned, else nothing."""
    from .services import certificate_issue_if_earned

    certificate = certificate_issue_if_earned(enrolment_id=enrolment_id)
    return certificate.serial if certificate is not None else None


@task("certificates.tasks.prune_verification_lookups")
def verification_lookups_prune_task() -> int:
    """Nightly (beat): look-ups past VERIFICATION_LOOKUP_RETENTION_DAYS deleted."""
    return lookups.prune()


@task("certificates.tasks.retake_windows_close")
def retake_windows_close_task() -> int:
    """Daily (beat): trainees whose retake window closed without a pass become "not passed" and
    get their statement of attendance."""
    from .services import retake_windows_close

    return retake_windows_close()
