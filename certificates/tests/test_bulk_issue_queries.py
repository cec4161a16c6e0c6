"""Bulk issue reads what every certificate of a cohort shares (the organisation's settings, the
programme's snapshot and completion rule) once per job, so the queries per certificate are a small
constant (issue 22: 19 before). The PDF renderer is replaced here: its time is not the question."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from assessment.tests.factories import finalised_result
from assessment.tests.test_scoring_views import GOOD
from certificates import services
from certificates.models import Certificate

from .factories import CohortFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db

# Measured: 36 a certificate before the job read the shared parts once. What is left is the
# enrolment's own: its final result with its scores, the completion facts (topics studied,
# practice accepted, module controls, theory test taken, plan, defence), the second-valid check,
# the holder's profile and hours, and the writing: the enrolment lock, the current document under
# it, the serial counter, the record and its audit entry, the enrolment's completion, the PDF;
# and the holder's notification (the row and the holder's e-mail switch for the kind).
QUERIES_PER_CERTIFICATE = 25


def _passing_cohort(size: int):
    cohort = CohortFactory()
    for _ in range(size):
        finalised_result(enrolment=EnrolmentFactory(cohort=cohort), scores=GOOD)
    return cohort


def _queries_of_bulk_issue(cohort) -> int:
    with CaptureQueriesContext(connection) as queries:
        progress = services.cohort_bulk_issue(cohort=cohort, issued_by=None, job_id="t")
    assert progress["issued"] == cohort.enrolments.count()
    return len(queries)


def test_bulk_issue_runs_a_small_constant_number_of_queries_per_certificate(
    programme, monkeypatch, settings
):
    settings.CERTIFICATES_PDF_POSTPROCESSORS = []
    monkeypatch.setattr(services.documents, "document_pdf", lambda certificate: b"%PDF-1.7 test")
    two = _queries_of_bulk_issue(_passing_cohort(2))
    five = _queries_of_bulk_issue(_passing_cohort(5))

    per_certificate = (five - two) / 3
    print("bulk issue:", two, five, per_certificate)
    assert Certificate.objects.count() == 7
    assert per_certificate == QUERIES_PER_CERTIFICATE
