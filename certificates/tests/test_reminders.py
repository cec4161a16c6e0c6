from __future__ import annotations

import datetime

import time_machine
from django.core import mail

from certificates.models import ExpiryReminder
from certificates.services import expiry_reminders_send
from certificates.tasks import expiry_reminders_send_task


def _at(day: datetime.date):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(9)), tick=False)


def test_holders_are_reminded_90_and_30_days_before_expiry_once_each(
    enrolment, issue, django_capture_on_commit_callbacks
):
    certificate = issue(enrolment, issued_on=datetime.date(2026, 6, 15))
    expires = certificate.valid_until  # 2029-06-15
    mail.outbox.clear()  # the notice of the issue

    with _at(expires - datetime.timedelta(days=91)):
        assert expiry_reminders_send_task.apply().get() == 0
    with _at(expires - datetime.timedelta(days=90)):
        with django_capture_on_commit_callbacks(execute=True):
            assert expiry_reminders_send_task.apply().get() == 1
        assert expiry_reminders_send_task.apply().get() == 0  # the same day again: nothing
    with (
        _at(expires - datetime.timedelta(days=30)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert expiry_reminders_send_task.apply().get() == 1
    with _at(expires - datetime.timedelta(days=10)):
        assert expiry_reminders_send_task.apply().get() == 0

    assert len(mail.outbox) == 2
    assert mail.outbox[0].to == [enrolment.trainee.email]
    assert certificate.serial in mail.outbox[0].subject
    assert certificate.verification_url in mail.outbox[1].body
    assert sorted(ExpiryReminder.objects.values_list("days_before", flat=True)) == [30, 90]


def test_a_late_run_sends_only_the_nearest_reminder(
    enrolment, issue, django_capture_on_commit_callbacks
):
    certificate = issue(enrolment, issued_on=datetime.date(2026, 6, 15))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        sent = expiry_reminders_send(today=certificate.valid_until - datetime.timedelta(days=25))

    assert sent == 1 and len(mail.outbox) == 1


def test_revoked_and_expired_certificates_get_no_reminder(enrolment, issue):
    from certificates.services import certificate_revoke

    certificate = issue(enrolment, issued_on=datetime.date(2026, 6, 15))
    certificate_revoke(certificate=certificate, revoked_by=None, reason="annulled_by_order")

    assert expiry_reminders_send(today=certificate.valid_until - datetime.timedelta(days=30)) == 0
    assert expiry_reminders_send(today=certificate.valid_until + datetime.timedelta(days=1)) == 0
    assert mail.outbox == []


def test_the_reminder_task_is_on_the_beat_schedule():
    from cms.celery import app

    entry = app.conf.beat_schedule["certificates-expiry-reminders"]
    assert entry["task"] == "certificates.tasks.send_expiry_reminders"


def _reminders(user):
    from notifications.models import Notification

    return list(
        Notification.objects.filter(recipient=user, kind="certificates.expiry_near").values_list(
            "subject", "link"
        )
    )


def test_the_expiry_reminder_is_a_notification_in_the_holders_language(
    enrolment, issue, django_capture_on_commit_callbacks
):
    enrolment.trainee.preferred_language = "ru"
    enrolment.trainee.save(update_fields=["preferred_language"])
    certificate = issue(enrolment, issued_on=datetime.date(2026, 6, 15))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        expiry_reminders_send(today=certificate.valid_until - datetime.timedelta(days=30))

    assert _reminders(enrolment.trainee) == [
        (
            f"Срок действия вашего сертификата {certificate.serial} истекает 15.06.2029",
            "/ru/certificates/",
        )
    ]
    (sent,) = mail.outbox
    assert (
        sent.subject == f"Срок действия вашего сертификата {certificate.serial} истекает 15.06.2029"
    )
    assert "действителен до 15.06.2029 (осталось 30 дн.)" in sent.body
    assert certificate.verification_url in sent.body


def test_a_holder_who_switched_expiry_reminders_off_finds_them_in_the_site_only_once(
    enrolment, issue, django_capture_on_commit_callbacks
):
    from notifications.services import email_preferences_save

    certificate = issue(enrolment, issued_on=datetime.date(2026, 6, 15))
    email_preferences_save(user=enrolment.trainee, choices={"certificates.expiry_near": False})
    mail.outbox.clear()
    day = certificate.valid_until - datetime.timedelta(days=30)

    with django_capture_on_commit_callbacks(execute=True):
        assert expiry_reminders_send(today=day) == 1
        assert expiry_reminders_send(today=day) == 0

    assert mail.outbox == []
    assert _reminders(enrolment.trainee) == [
        (
            f"{certificate.serial} сертификатыңыздың мерзімі 15.06.2029 аяқталады",
            "/kk/certificates/",
        )
    ]
    assert list(ExpiryReminder.objects.values_list("days_before", flat=True)) == [30]
    certificate.refresh_from_db()
    assert certificate.status == "valid"


def test_a_holder_without_an_account_still_gets_the_plain_e_mail(
    enrolment, issue, django_capture_on_commit_callbacks
):
    from certificates.models import Certificate
    from notifications.models import Notification

    certificate = issue(enrolment, issued_on=datetime.date(2026, 6, 15))
    Certificate.objects.filter(pk=certificate.pk).update(
        holder=None, holder_email="former@example.kz"
    )
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert (
            expiry_reminders_send(today=certificate.valid_until - datetime.timedelta(days=30)) == 1
        )

    (sent,) = mail.outbox
    assert sent.to == ["former@example.kz"]
    assert certificate.serial in sent.subject
    assert not Notification.objects.filter(kind="certificates.expiry_near").exists()
