"""The holder is told when a certificate is issued, revoked or re-issued, in her language, with a
link to "My certificates"."""

from __future__ import annotations

import pytest
from django.core import mail

from certificates.services import certificate_reissue, certificate_revoke
from cms.tests.factories import RegistrarFactory
from notifications.models import Notification

pytestmark = pytest.mark.django_db


def _told(user) -> list[tuple[str, str, str]]:
    return list(
        Notification.objects.filter(recipient=user)
        .order_by("pk")
        .values_list("kind", "subject", "link")
    )


def test_the_holder_is_told_of_the_issue_in_kazakh(
    enrolment, issue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        certificate = issue(enrolment)
        issue(enrolment)  # issued already: the same certificate, no second notification

    assert _told(enrolment.trainee) == [
        (
            "certificates.issued",
            f"{certificate.serial} сертификатыңыз берілді",
            "/kk/certificates/",
        )
    ]
    assert [m.to for m in mail.outbox] == [[enrolment.trainee.email]]


def test_the_holder_is_told_of_a_revocation_and_a_reissue_in_russian(
    enrolment, issue, django_capture_on_commit_callbacks
):
    registrar = RegistrarFactory()
    enrolment.trainee.preferred_language = "ru"
    enrolment.trainee.save(update_fields=["preferred_language"])
    first = issue(enrolment)
    second = certificate_reissue(certificate=first, reissued_by=registrar, reason="Name corrected")

    with django_capture_on_commit_callbacks(execute=True):
        certificate_revoke(
            certificate=second,
            revoked_by=registrar,
            reason="issued_in_error",
            note="Дубликат записи",  # staff only: never told
        )

    told = _told(enrolment.trainee)
    assert told[1:] == [
        (
            "certificates.reissued",
            f"Ваш сертификат перевыпущен: {second.serial}",
            "/ru/certificates/",
        ),
        ("certificates.revoked", f"Ваш сертификат {second.serial} отозван", "/ru/certificates/"),
    ]
    revoked = Notification.objects.get(kind="certificates.revoked")
    assert revoked.text == "Причина: Выдан ошибочно."
    assert "Дубликат" not in mail.outbox[-1].body
