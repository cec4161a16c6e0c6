"""The certificates app's monitoring checks: documents without their PDF, passes without a
certificate (counted, never mended here)."""

from __future__ import annotations

import datetime

import time_machine

from assessment.tests.factories import finalised_result
from certificates.models import Certificate
from certificates.monitoring import (
    certificates_without_pdf_count,
    check_certificates_without_pdf,
    check_passes_without_certificate,
    passes_without_certificate_count,
)

from .factories import EnrolmentFactory

NOON = datetime.datetime(2026, 12, 5, 12, 0, tzinfo=datetime.UTC)
FAILING = {"theory": 5, "practice": 5, "plan": 5, "defence": 2, "participation": 2}


def test_a_certificate_whose_pdf_was_never_stored_is_critical_after_the_grace(enrolment, issue):
    stored = issue(enrolment)
    lost = issue(EnrolmentFactory())
    Certificate.objects.filter(pk=lost.pk).update(pdf="", pdf_sha256="")
    Certificate.objects.update(created_at=NOON - datetime.timedelta(minutes=31))
    assert stored.pdf

    with time_machine.travel(NOON, tick=False):
        check = check_certificates_without_pdf()

    assert check.state == "critical"
    assert check.reason.startswith("1 issued document has no stored PDF")


def test_a_certificate_being_issued_right_now_is_not_reported(enrolment, issue):
    lost = issue(enrolment)
    Certificate.objects.filter(pk=lost.pk).update(
        pdf="", pdf_sha256="", created_at=NOON - datetime.timedelta(minutes=29)
    )
    with time_machine.travel(NOON, tick=False):
        assert (
            certificates_without_pdf_count(created_before=NOON - datetime.timedelta(minutes=30))
            == 0
        )
        check = check_certificates_without_pdf()
    assert (check.state, check.reason) == ("ok", "Every document has its PDF.")


def test_a_finalised_pass_without_a_certificate_is_a_warning(programme, issue):
    finalised_before = NOON - datetime.timedelta(minutes=30)
    two_hours_ago = NOON - datetime.timedelta(hours=2)
    stalled = finalised_result(enrolment=EnrolmentFactory(), finalised_at=two_hours_ago)
    issued = finalised_result(enrolment=EnrolmentFactory(), finalised_at=two_hours_ago)
    issue(issued.enrolment)
    finalised_result(enrolment=EnrolmentFactory(), scores=FAILING, finalised_at=two_hours_ago)
    # Still being issued.
    finalised_result(
        enrolment=EnrolmentFactory(), finalised_at=NOON - datetime.timedelta(minutes=5)
    )
    # Pending: the completion rule is not met (no hours done), which is no fault.
    pending = finalised_result(
        enrolment=EnrolmentFactory(met_rule=False), finalised_at=two_hours_ago
    )

    assert stalled.passed and issued.passed and pending.passed
    assert passes_without_certificate_count(finalised_before=finalised_before) == 1
    with time_machine.travel(NOON, tick=False):
        check = check_passes_without_certificate()
    assert check.state == "warning"
    assert check.reason.startswith(
        "1 finalised pass meets the completion rule but has no certificate yet"
    )


def test_a_statement_of_attendance_does_not_count_as_the_certificate_of_a_pass(programme, issue):
    result = finalised_result(
        enrolment=EnrolmentFactory(), finalised_at=NOON - datetime.timedelta(hours=2)
    )
    document = issue(result.enrolment)
    assert passes_without_certificate_count(finalised_before=NOON) == 0

    Certificate.objects.filter(pk=document.pk).update(kind=Certificate.Kind.STATEMENT)
    assert passes_without_certificate_count(finalised_before=NOON) == 1


def test_no_pass_and_no_document_is_ok(db):
    with time_machine.travel(NOON, tick=False):
        assert check_passes_without_certificate().state == "ok"
        assert check_certificates_without_pdf().state == "ok"
