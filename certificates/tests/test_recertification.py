"""Re-certification: a certificate is valid for three years; after that the person may take the
course again and earn a new one. The expired one lapses (it stops counting as the person's valid
certificate) and verification still shows it as expired."""

from __future__ import annotations

import datetime

import pytest
from django.db import IntegrityError, transaction
from django.utils import timezone

from assessment.tests.factories import finalised_result
from certificates.models import AuditEntry, Certificate
from certificates.services import CertificateError, certificate_issue
from certificates.tests.factories import EnrolmentFactory
from course.models import Enrolment

TODAY = timezone.localdate()


def _certified(*, issued_on: datetime.date):
    enrolment = EnrolmentFactory()
    finalised_result(enrolment=enrolment)
    return certificate_issue(enrolment=enrolment, issued_on=issued_on)


def _second_enrolment_of(certificate):
    second = EnrolmentFactory(trainee=certificate.holder, status=Enrolment.Status.COMPLETED)
    finalised_result(enrolment=second)
    return second


def test_a_person_whose_certificate_expired_is_certified_again(programme):
    old = _certified(issued_on=TODAY - datetime.timedelta(days=3 * 365 + 30))
    assert old.public_status() == "expired"
    second = _second_enrolment_of(old)

    new = certificate_issue(enrolment=second)

    old.refresh_from_db()
    assert new.public_status() == "valid"
    assert new.valid_until > TODAY
    assert old.lapsed is True
    assert old.status == Certificate.Status.VALID
    assert old.public_status() == "expired"
    entry = AuditEntry.objects.get(certificate=old, action=AuditEntry.Action.LAPSED)
    assert entry.details == {"serial": old.serial, "renewed_by_enrolment": second.pk}


def test_a_certificate_still_valid_blocks_a_second_one_and_does_not_lapse(programme):
    old = _certified(issued_on=TODAY - datetime.timedelta(days=365))
    second = _second_enrolment_of(old)

    with pytest.raises(CertificateError) as error:
        certificate_issue(enrolment=second)

    assert str(error.value) == (
        f"No certificate: this person already holds valid certificate {old.serial} for the course."
    )
    old.refresh_from_db()
    assert old.lapsed is False
    assert Certificate.objects.filter(enrolment=second).count() == 0
    assert not AuditEntry.objects.filter(action=AuditEntry.Action.LAPSED).exists()


def test_a_certificate_valid_until_today_still_counts(programme):
    old = _certified(issued_on=TODAY - datetime.timedelta(days=400))
    Certificate.objects.filter(pk=old.pk).update(valid_until=TODAY)
    second = _second_enrolment_of(old)

    with pytest.raises(CertificateError):
        certificate_issue(enrolment=second)
    assert Certificate.objects.filter(holder=old.holder).count() == 1


def test_the_database_allows_a_new_valid_certificate_beside_a_lapsed_one_only(programme):
    old = _certified(issued_on=TODAY - datetime.timedelta(days=3 * 365 + 30))
    fields = {
        f.name: getattr(old, f.name)
        for f in Certificate._meta.concrete_fields
        if f.name not in ("id", "serial", "code", "enrolment", "lapsed", "pdf", "pdf_sha256")
    }
    second = EnrolmentFactory(trainee=old.holder)

    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(
            **fields, serial="X-1", code="ABCD-EFGH-JKLM-NPQR", enrolment=second
        )

    Certificate.objects.filter(pk=old.pk).update(lapsed=True)
    Certificate.objects.create(**fields, serial="X-1", code="ABCD-EFGH-JKLM-NPQR", enrolment=second)
    assert Certificate.objects.filter(holder=old.holder, status="valid").count() == 2
