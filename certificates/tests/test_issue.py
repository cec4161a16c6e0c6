from __future__ import annotations

import datetime
import hashlib
import re
from unittest import mock

import pytest
from django.conf import settings
from django.db import IntegrityError, transaction

from certificates.models import AuditEntry, Certificate, SerialCounter
from certificates.services import CertificateError, certificate_issue

from .factories import EnrolmentFactory


def test_it_issues_a_frozen_certificate_with_its_pdf_in_private_storage(enrolment, issue):
    certificate = issue(enrolment, issued_on=datetime.date(2026, 10, 20))

    assert re.fullmatch(r"PA-2026-\d{5}", certificate.serial)
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){3}", certificate.code)
    assert certificate.holder == enrolment.trainee
    assert certificate.holder_name_kk == enrolment.trainee.get_full_name()
    assert certificate.holder_surname == enrolment.trainee.last_name
    assert certificate.hours == 80
    assert [m["number"] for m in certificate.modules] == [1, 2, 3, 4, 5]
    assert sum(m["total"] for m in certificate.modules) == 80
    assert all(m["lecture"] + m["practice"] == m["total"] for m in certificate.modules)
    assert certificate.course_title_kk and certificate.course_title_ru
    assert certificate.course_title_kk != certificate.course_title_ru
    assert (certificate.score, certificate.band) == (88, "excellent")
    assert certificate.valid_until == datetime.date(2029, 10, 20)
    assert certificate.organisation_name_kk and certificate.signatory_position_ru
    assert certificate.verification_url == f"https://lms.example.kz/verify/{certificate.code}/"
    path = certificate.pdf.path
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    with open(path, "rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF")
    assert hashlib.sha256(data).hexdigest() == certificate.pdf_sha256
    assert AuditEntry.objects.filter(certificate=certificate, action="issued").count() == 1


def test_issuing_twice_returns_the_same_certificate(enrolment, issue):
    first = issue(enrolment)
    second = issue(enrolment)

    assert second.pk == first.pk
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_serials_are_sequential_and_unique_within_a_year(programme, issue):
    serials = [
        issue(EnrolmentFactory(), issued_on=datetime.date(2027, 1, 10)).serial for _ in range(3)
    ]
    assert serials == ["PA-2027-00001", "PA-2027-00002", "PA-2027-00003"]
    assert issue(EnrolmentFactory(), issued_on=datetime.date(2028, 1, 2)).serial == (
        "PA-2028-00001"
    )


def test_it_refuses_a_failed_result_and_changes_nothing(enrolment):
    with pytest.raises(CertificateError, match="was not passed"):
        certificate_issue(enrolment=enrolment, score=42, band="fail")

    assert not Certificate.objects.exists()
    assert not SerialCounter.objects.filter(last__gt=0).exists()


def test_the_database_refuses_a_second_current_certificate(enrolment, issue):
    first = issue(enrolment)
    fields = {
        f.name: getattr(first, f.name)
        for f in Certificate._meta.concrete_fields
        if f.name not in {"id", "serial", "code"}
    }
    with pytest.raises(IntegrityError), transaction.atomic():
        Certificate.objects.create(serial="PA-2026-99999", code="AAAA-AAAA-AAAA-AAAA", **fields)


def test_a_lost_race_returns_the_winners_certificate_without_using_a_serial(enrolment, issue):
    winner = issue(enrolment, issued_on=datetime.date(2026, 5, 5))
    counter_before = SerialCounter.objects.get(year=2026).last

    # Simulate the race: this issuer checked before the winner inserted, so both of its checks
    # see nothing and it goes on to insert; the partial unique index must stop it.
    with mock.patch(
        "certificates.services.issue.current_document", side_effect=[None, None, winner]
    ):
        loser = certificate_issue(
            enrolment=enrolment, score=88, band="excellent", issued_on=datetime.date(2026, 5, 5)
        )

    assert loser.pk == winner.pk
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
    assert SerialCounter.objects.get(year=2026).last == counter_before


def test_a_certificate_issued_on_a_leap_day_is_valid_until_28_february(enrolment, issue):
    certificate = issue(enrolment, issued_on=datetime.date(2028, 2, 29))

    assert certificate.valid_until == datetime.date(2031, 2, 28)


def test_deleting_the_holders_account_keeps_the_certificate(enrolment, issue):
    certificate = issue(enrolment)
    enrolment.trainee.delete()

    certificate.refresh_from_db()
    assert certificate.holder is None
    assert certificate.enrolment is None
    assert certificate.holder_name_kk


def test_the_stored_pdf_is_not_rendered_again(enrolment, issue):
    certificate = issue(enrolment)
    digest = certificate.pdf_sha256
    enrolment.trainee.first_name = "Changed"
    enrolment.trainee.save()

    again = certificate_issue(enrolment=enrolment)

    assert again.pdf_sha256 == digest
    assert again.holder_name_kk == certificate.holder_name_kk


def _stamp(data: bytes) -> bytes:
    return data + b"\n% stamped\n"


def test_pdf_postprocessors_run_before_the_hash_is_taken(settings, enrolment, issue):
    settings.CERTIFICATES_PDF_POSTPROCESSORS = ["certificates.tests.test_issue._stamp"]

    certificate = issue(enrolment)

    with certificate.pdf.open("rb") as handle:
        data = handle.read()
    assert data.endswith(b"% stamped\n")
    assert hashlib.sha256(data).hexdigest() == certificate.pdf_sha256


@pytest.mark.parametrize("blank", ["name_ru", "signatory_name", "signatory_position_kk"])
def test_issuing_is_refused_while_the_organisation_names_or_signatory_are_blank(
    enrolment, issue, blank
):
    from cms.models import OrganisationSettings

    organisation = OrganisationSettings.objects.get()
    setattr(organisation, blank, "")
    organisation.save()

    with pytest.raises(CertificateError) as excinfo:
        issue(enrolment)

    label = str(OrganisationSettings._meta.get_field(blank).verbose_name)
    assert str(excinfo.value) == (
        "No certificate can be issued until the organisation settings are filled in "
        f"(Settings → Organisation): {label}."
    )
    assert not Certificate.objects.exists()
    assert SerialCounter.objects.filter(last__gt=0).count() == 0


def test_the_issuing_task_records_a_failed_task_while_the_signatory_is_blank(enrolment):
    from assessment.tests.factories import finalised_result
    from certificates.tasks import certificate_issue_task
    from cms.models import FailedTask, OrganisationSettings

    finalised_result(enrolment=enrolment)  # a pass: only the settings stand in the way
    OrganisationSettings.objects.update(signatory_name="")

    assert certificate_issue_task.delay(enrolment.pk).get() is None

    failed = FailedTask.objects.get()
    assert failed.task_name == "certificates.tasks.issue_certificate"
    assert failed.args == [enrolment.pk]
    assert "signatory's name" in failed.exception
    assert not Certificate.objects.exists()


def test_a_certificate_freezes_the_course_dates_form_of_study_and_hours_completed(enrolment, issue):
    from course.models import TopicCompletion

    cohort = enrolment.cohort
    cohort.starts_on, cohort.ends_on = datetime.date(2026, 9, 1), datetime.date(2026, 10, 16)
    cohort.study_form = "blended"
    cohort.save()
    # The trainee met the rule (every topic done) but for topics 1.5 and 1.6 (4 h each), made
    # optional by a rule of 90 %: 72 of the 80 hours.
    from certificates.models import CompletionRule

    CompletionRule.objects.create(programme=cohort.programme, min_hours_percent=90)
    TopicCompletion.objects.filter(enrolment=enrolment, topic__number__in=("1.5", "1.6")).delete()

    certificate = issue(enrolment)
    cohort.starts_on = datetime.date(2026, 9, 8)
    cohort.save()
    certificate.refresh_from_db()

    assert certificate.course_from == datetime.date(2026, 9, 1)
    assert certificate.course_to == datetime.date(2026, 10, 16)
    assert certificate.study_form_kk == "аралас (онлайн және күндізгі)"
    assert certificate.study_form_ru == "смешанная (онлайн и очно)"
    assert certificate.hours_completed == 72
    assert (certificate.city_kk, certificate.city_ru) == ("Астана қ.", "г. Астана")
    assert certificate.hours_split == {"mode": "none"}
