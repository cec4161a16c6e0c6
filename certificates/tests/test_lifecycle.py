from __future__ import annotations

import hashlib

import pytest
from django.core.cache import cache

from assessment.models import FinalResult
from assessment.signals import result_changed_after_finalising, result_finalised
from assessment.tests.factories import finalised_result
from certificates.models import AuditEntry, Certificate
from certificates.services import CertificateError, certificate_reissue, certificate_revoke
from certificates.tasks import certificate_issue_task
from cms.celery import _enqueue
from cms.tests.factories import RegistrarFactory, TraineeFactory, TrainerFactory

from .factories import CohortFactory, EnrolmentFactory

FAILING = {"theory": 5, "practice": 10, "plan": 10, "defence": 2, "participation": 2}


def _issue_callbacks(captured):
    """The after-commit enqueues of certificate_issue_task (cms.celery.enqueue_on_commit)."""
    return [
        c
        for c in captured
        if getattr(c, "func", None) is _enqueue and c.args and c.args[0] is certificate_issue_task
    ]


def _finalise(result, callbacks):
    with callbacks(execute=True) as captured:
        result_finalised.send(
            sender=FinalResult, result_id=result.pk, enrolment_id=result.enrolment_id
        )
    return captured


def test_a_passed_final_result_issues_the_certificate_after_commit(
    enrolment, django_capture_on_commit_callbacks
):
    result = finalised_result(enrolment=enrolment)

    captured = _finalise(result, django_capture_on_commit_callbacks)

    assert len(_issue_callbacks(captured)) == 1
    certificate = Certificate.objects.get(enrolment=enrolment)
    assert (certificate.score, certificate.band) == (80, "good")
    assert certificate.pdf_sha256


def test_a_failed_final_result_enqueues_nothing(enrolment, django_capture_on_commit_callbacks):
    result = finalised_result(enrolment=enrolment, scores=FAILING)

    captured = _finalise(result, django_capture_on_commit_callbacks)

    assert _issue_callbacks(captured) == []
    assert not Certificate.objects.exists()


def test_the_issuing_task_run_twice_gives_one_certificate(enrolment):
    finalised_result(enrolment=enrolment)

    first = certificate_issue_task.delay(enrolment.pk).get()
    second = certificate_issue_task.delay(enrolment.pk).get()

    assert first == second
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_the_task_refuses_an_enrolment_without_a_finalised_result(enrolment):
    assert certificate_issue_task.delay(enrolment.pk).get() is None
    assert not Certificate.objects.exists()


def test_issuing_a_failed_result_directly_is_refused_with_a_message(enrolment):
    finalised_result(enrolment=enrolment, scores=FAILING)

    from certificates.services import certificate_issue

    with pytest.raises(CertificateError, match="not passed"):
        certificate_issue(enrolment=enrolment)
    assert not Certificate.objects.exists()


def test_a_result_changed_after_finalising_flags_the_certificate(
    enrolment, issue, django_capture_on_commit_callbacks
):
    certificate = issue(enrolment)

    with django_capture_on_commit_callbacks(execute=True):
        result_changed_after_finalising.send(
            sender=FinalResult, result_id=7, enrolment_id=enrolment.pk
        )

    certificate.refresh_from_db()
    assert certificate.needs_review
    assert certificate.status == "valid"
    assert AuditEntry.objects.filter(certificate=certificate, action="flagged").exists()


def test_revoking_without_a_reason_from_the_list_is_refused_and_changes_nothing(enrolment, issue):
    certificate = issue(enrolment)

    for reason in ("  ", "Forged attendance records"):
        with pytest.raises(CertificateError, match="Choose the public reason"):
            certificate_revoke(certificate=certificate, revoked_by=None, reason=reason)

    certificate.refresh_from_db()
    assert certificate.status == "valid" and certificate.revoked_on is None
    assert not AuditEntry.objects.filter(action="revoked").exists()


def test_revoking_is_audited_and_a_second_revocation_is_refused(enrolment, issue):
    registrar = RegistrarFactory()
    certificate = issue(enrolment)

    certificate_revoke(
        certificate=certificate, revoked_by=registrar, reason="replaced", note="Duplicate record"
    )
    with pytest.raises(CertificateError, match="Only a valid certificate"):
        certificate_revoke(certificate=certificate, revoked_by=registrar, reason="other")

    certificate.refresh_from_db()
    assert certificate.revocation_code == "replaced"
    assert certificate.revocation_note == "Duplicate record"
    entry = AuditEntry.objects.get(certificate=certificate, action="revoked")
    assert entry.actor == registrar and entry.details["reason"] == "replaced"
    assert entry.details["note"] == "Duplicate record"


def test_reissue_supersedes_the_old_certificate_with_the_corrected_name(enrolment, issue):
    registrar = RegistrarFactory()
    old = issue(enrolment)
    enrolment.trainee.first_name = "Гүлнұр"
    enrolment.trainee.save()

    new = certificate_reissue(certificate=old, reissued_by=registrar, reason="Name corrected")

    old.refresh_from_db()
    assert old.status == "superseded" and old.superseded_by == new
    assert new.status == "valid" and new.serial != old.serial and new.code != old.code
    assert "Гүлнұр" in new.holder_name_kk and "Гүлнұр" not in old.holder_name_kk
    assert (new.score, new.band, new.valid_until) == (old.score, old.band, old.valid_until)
    assert new.pdf_sha256 and new.pdf_sha256 != old.pdf_sha256
    assert Certificate.objects.filter(enrolment=enrolment).exclude(status="superseded").count() == 1
    actions = set(AuditEntry.objects.filter(actor=registrar).values_list("action", flat=True))
    assert actions == {"superseded", "reissued"}


def test_a_revoked_certificate_cannot_be_reissued(enrolment, issue):
    certificate = issue(enrolment)
    certificate_revoke(certificate=certificate, revoked_by=None, reason="annulled_by_order")

    with pytest.raises(CertificateError, match="Only a valid certificate can be re-issued"):
        certificate_reissue(certificate=certificate, reissued_by=None, reason="Try")

    assert Certificate.objects.count() == 1


class TestHolderDownload:
    @pytest.fixture
    def certificate(self, enrolment, issue):
        return issue(enrolment)

    def _url(self, certificate):
        return f"/certificates/{certificate.code}/pdf/"

    def test_the_holder_downloads_the_stored_pdf(self, client, certificate):
        client.force_login(certificate.holder)

        response = client.get(self._url(certificate))

        assert response.status_code == 200
        data = b"".join(response.streaming_content)
        assert hashlib.sha256(data).hexdigest() == certificate.pdf_sha256
        assert response["Content-Type"] == "application/pdf"
        assert "no-store" in response["Cache-Control"]

    def test_staff_download_any_certificate(self, client, certificate):
        client.force_login(RegistrarFactory())
        assert client.get(self._url(certificate)).status_code == 200

    def test_another_trainee_gets_404(self, client, certificate):
        client.force_login(TraineeFactory())
        assert client.get(self._url(certificate)).status_code == 404

    def test_a_trainer_of_another_cohort_gets_404(self, client, certificate):
        trainer = TrainerFactory()
        CohortFactory().trainers.add(trainer)
        client.force_login(trainer)
        assert client.get(self._url(certificate)).status_code == 404

    def test_an_anonymous_visitor_is_sent_to_the_login_page(self, client, certificate):
        response = client.get(self._url(certificate))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_the_holder_sees_how_many_times_the_certificate_was_checked(client, enrolment, issue):
    cache.clear()
    certificate = issue(enrolment)
    for _ in range(3):
        client.get(f"/verify/{certificate.code}.json")
    client.get("/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ.json")
    client.force_login(certificate.holder)

    response = client.get("/en/certificates/")

    assert response.status_code == 200
    row = response.context["rows"][0]
    assert row["c"].check_count == 3
    assert certificate.serial in response.content.decode()
    assert f"/certificates/{certificate.code}/pdf/" in response.content.decode()
    # The help text names the last column; on a phone each cell carries its column's name.
    body = response.content.decode()
    assert body.index('<th scope="col">Times checked</th>') > body.index(">Files</th>")
    assert 'data-label="Times checked">3</td>' in body
    assert "{#" not in body and "#}" not in body


def test_another_trainees_list_does_not_show_the_certificate(client, enrolment, issue):
    certificate = issue(enrolment)
    client.force_login(EnrolmentFactory().trainee)

    response = client.get("/en/certificates/")

    assert certificate.serial not in response.content.decode()
    assert response.context["rows"] == []


def test_my_certificates_sends_an_anonymous_visitor_to_login(client, db):
    response = client.get("/en/certificates/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_dashboard_panel_lists_the_enrolments_documents(rf, enrolment, issue):
    from certificates.integration import dashboard_panel

    certificate = issue(enrolment)
    request = rf.get("/")
    request.user = enrolment.trainee

    panel = dashboard_panel(request, enrolment)

    assert panel["template"] == "certificates/dashboard_panel.html"
    assert panel["context"]["rows"] == [(certificate, "valid")]
    request.user = EnrolmentFactory().trainee
    assert dashboard_panel(request, enrolment) is None


def test_erasing_an_account_keeps_the_certificate_but_drops_the_address(enrolment, issue):
    from certificates.integration import erase_personal_data, export_personal_data

    certificate = issue(enrolment)
    exported = export_personal_data(enrolment.trainee)
    assert exported["documents"][0]["serial"] == certificate.serial

    erase_personal_data(enrolment.trainee)
    enrolment.trainee.delete()

    certificate.refresh_from_db()
    assert certificate.holder_email == "" and certificate.holder is None
    assert certificate.holder_name_kk and certificate.public_status() == "valid"
