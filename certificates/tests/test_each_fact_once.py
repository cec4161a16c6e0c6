"""The certificate's validity is the setting CERTIFICATE_VALID_YEARS, stated once: the validity
date and the expiry e-mail read it (issue 18, "each fact once")."""

from __future__ import annotations

import datetime

from django.core import mail
from django.test import override_settings

from certificates.codes import valid_until_for
from certificates.services import expiry_reminders_send


def test_a_certificate_is_valid_for_the_configured_number_of_years():
    assert valid_until_for(datetime.date(2026, 6, 30)) == datetime.date(2029, 6, 30)
    with override_settings(CERTIFICATE_VALID_YEARS=5):
        assert valid_until_for(datetime.date(2028, 2, 29)) == datetime.date(2033, 2, 28)


def test_the_expiry_e_mail_says_how_often_the_qualification_is_upgraded(
    enrolment, issue, django_capture_on_commit_callbacks
):
    certificate = issue(enrolment, issued_on=datetime.date(2026, 6, 15))
    enrolment.trainee.preferred_language = "ru"
    enrolment.trainee.save(update_fields=["preferred_language"])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        expiry_reminders_send(today=certificate.valid_until - datetime.timedelta(days=25))

    assert len(mail.outbox) == 1
    assert "Квалификация повышается раз в 3 года." in mail.outbox[0].body


def test_the_expiry_e_mail_in_kazakh_formats_the_years_in(
    enrolment, issue, django_capture_on_commit_callbacks
):
    certificate = issue(enrolment, issued_on=datetime.date(2026, 6, 15))
    mail.outbox.clear()

    with (
        override_settings(CERTIFICATE_VALID_YEARS=5),
        django_capture_on_commit_callbacks(execute=True),
    ):
        expiry_reminders_send(today=certificate.valid_until - datetime.timedelta(days=25))

    assert "Біліктілік 5 жыл сайын арттырылады." in mail.outbox[0].body
