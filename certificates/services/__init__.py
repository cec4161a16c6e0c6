"""Writes: issuing, rendering and storing, revoking and re-issuing certificates and statements.

One module per capability; the names below are the app's public service API, imported as
`certificates.services.<name>` everywhere else."""

from __future__ import annotations

from .bulk import bulk_progress, cohort_bulk_issue, cohort_bulk_issue_start
from .common import (
    PASSING_BANDS,
    CertificateError,
    CompletionNotMet,
    OrganisationSettingsMissing,
)
from .documents import certificate_store_pdf
from .issue import (
    STATEMENT_STATUSES,
    certificate_issue,
    certificate_issue_if_earned,
    statement_issue,
)
from .lifecycle import certificate_flag_for_review, certificate_reissue, certificate_revoke
from .sweep import REMINDER_DAYS, certificates_sweep, expiry_reminders_send, retake_windows_close

__all__ = [
    "PASSING_BANDS",
    "REMINDER_DAYS",
    "STATEMENT_STATUSES",
    "CertificateError",
    "CompletionNotMet",
    "OrganisationSettingsMissing",
    "bulk_progress",
    "certificate_flag_for_review",
    "certificate_issue",
    "certificate_issue_if_earned",
    "certificate_reissue",
    "certificate_revoke",
    "certificate_store_pdf",
    "certificates_sweep",
    "cohort_bulk_issue",
    "cohort_bulk_issue_start",
    "expiry_reminders_send",
    "retake_windows_close",
    "statement_issue",
]
