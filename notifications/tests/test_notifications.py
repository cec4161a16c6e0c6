"""Sending a notification, the list, opening, marking read, the e-mail switches, the header's
count and the retention clean-up."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from cms.tests.factories import TraineeFactory
from notifications.models import EmailPreference, Notification
from notifications.selectors import menu_label
from notifications.services import (
    email_preferences_save,
    notification_send,
    notifications_purge,
)
from notifications.tasks import notification_email_send_task

from .conftest import OFF, ON

pytestmark = pytest.mark.django_db


def send(recipient, *, kind=ON, **kwargs):
    defaults = {"subject": _("Notifications"), "link": reverse_lazy("notifications:settings")}
    return notification_send(kind=kind, recipient=recipient, **{**defaults, **kwargs})


# --- sending ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "subject", "path"),
    [
        ("kk", "Хабарландырулар", "/kk/notifications/settings/"),
        ("ru", "Уведомления", "/ru/notifications/settings/"),
    ],
)
def test_a_notification_is_written_and_emailed_in_the_recipient_language(
    language, subject, path, django_capture_on_commit_callbacks, settings
):
    settings.WAGTAILADMIN_BASE_URL = "https://kurs.example.kz"
    person = TraineeFactory(email="aigerim@example.kz", preferred_language=language)

    with django_capture_on_commit_callbacks(execute=True):
        notification = send(person)

    assert (notification.subject, notification.link) == (subject, path)
    (sent,) = mail.outbox
    assert sent.to == ["aigerim@example.kz"]
    assert sent.subject == subject
    assert f"https://kurs.example.kz{path}" in sent.body
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_the_e_mail_goes_only_after_the_commit(django_capture_on_commit_callbacks):
    person = TraineeFactory()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        send(person)

    assert mail.outbox == []
    assert len(callbacks) == 1


def test_params_are_filled_in_after_the_translation(django_capture_on_commit_callbacks):
    person = TraineeFactory(preferred_language="ru")

    notification = send(person, subject=_("Notifications (%(count)s)"), params={"count": 4})

    assert notification.subject == "Уведомления (4)"


def test_a_kind_switched_off_is_shown_in_the_site_but_not_emailed(
    client, django_capture_on_commit_callbacks
):
    person = TraineeFactory()
    email_preferences_save(user=person, choices={ON: False})

    with django_capture_on_commit_callbacks(execute=True):
        send(person)

    assert mail.outbox == []
    client.force_login(person)
    response = client.get(reverse("notifications:list"))
    assert "Хабарландырулар" in response.content.decode()
    assert Notification.objects.filter(recipient=person).count() == 1


def test_a_kind_off_by_default_is_emailed_once_the_person_switches_it_on(
    django_capture_on_commit_callbacks,
):
    person = TraineeFactory()
    with django_capture_on_commit_callbacks(execute=True):
        send(person, kind=OFF)
    assert mail.outbox == []

    email_preferences_save(user=person, choices={OFF: True})
    with django_capture_on_commit_callbacks(execute=True):
        send(person, kind=OFF)

    assert len(mail.outbox) == 1


def test_an_unknown_kind_is_refused_and_nothing_is_stored():
    person = TraineeFactory()

    with pytest.raises(ValueError, match=r"Unknown notification kind: 'tests\.nope'"):
        send(person, kind="tests.nope")

    assert not Notification.objects.exists()


def test_a_notification_with_a_once_key_is_sent_once(django_capture_on_commit_callbacks):
    person = TraineeFactory()

    with django_capture_on_commit_callbacks(execute=True):
        first = send(person, once_key="deadline:7:2026-12-08")
        second = send(person, once_key="deadline:7:2026-12-08")

    assert first is not None and second is None
    assert Notification.objects.filter(recipient=person).count() == 1
    assert len(mail.outbox) == 1


def test_the_e_mail_task_run_twice_sends_one_e_mail(django_capture_on_commit_callbacks):
    person = TraineeFactory()
    with django_capture_on_commit_callbacks(execute=True):
        notification = send(person)

    notification_email_send_task(notification.pk)

    assert len(mail.outbox) == 1


# --- the list, opening one, marking all read ------------------------------------------------


def test_the_list_shows_the_newest_first_and_marks_the_unread(client):
    person = TraineeFactory(preferred_language="ru")
    old = send(person, subject=_("Notification settings"))
    Notification.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - dt.timedelta(days=1), read_at=timezone.now()
    )
    send(person, subject=_("Back to notifications"))
    client.force_login(person)

    html = client.get("/ru/notifications/").content.decode()

    assert html.index("Назад к уведомлениям") < html.index("Настройки уведомлений")
    assert "<strong>Новое:</strong> Назад к уведомлениям" in html
    assert "<strong>Новое:</strong> Настройки уведомлений" not in html
    assert "1 непрочитанное уведомление." in html


def test_the_list_is_paged(client, settings):
    settings.NOTIFICATIONS_PER_PAGE = 2
    person = TraineeFactory(preferred_language="ru")
    for _i in range(3):
        send(person)
    client.force_login(person)

    first = client.get("/ru/notifications/")
    second = client.get("/ru/notifications/?page=2")

    assert len(first.context["page"].object_list) == 2
    assert len(second.context["page"].object_list) == 1
    assert "Страница 1 из 2" in first.content.decode()


def test_nobody_sees_another_person_notifications_in_the_list(client):
    owner, stranger = TraineeFactory(), TraineeFactory()
    send(owner, subject=_("Back to notifications"))
    client.force_login(stranger)

    html = client.get("/kk/notifications/").content.decode()

    assert "Хабарландыруларға оралу" not in html
    assert "Әзірге хабарландыру жоқ." in html


def test_opening_a_notification_marks_it_read_and_follows_its_link(client):
    person = TraineeFactory()
    notification = send(person)
    client.force_login(person)

    response = client.get(reverse("notifications:open", args=[notification.pk]))

    assert response.status_code == 302
    assert response["Location"] == "/kk/notifications/settings/"
    notification.refresh_from_db()
    assert notification.is_read


def test_another_person_notification_cannot_be_opened_and_stays_unread(client):
    owner, stranger = TraineeFactory(), TraineeFactory()
    notification = send(owner)
    client.force_login(stranger)

    response = client.get(reverse("notifications:open", args=[notification.pk]))

    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_a_link_to_another_site_is_not_followed(client):
    person = TraineeFactory()
    notification = send(person, link="https://evil.example/")
    client.force_login(person)

    response = client.get(reverse("notifications:open", args=[notification.pk]))

    assert response["Location"] == "/kk/notifications/"


def test_mark_all_as_read_marks_only_the_person_own(client):
    owner, other = TraineeFactory(), TraineeFactory()
    send(owner)
    send(owner)
    theirs = send(other)
    client.force_login(owner)

    response = client.post(reverse("notifications:mark_all_read"), follow=True)

    assert "Барлық хабарландыру оқылды деп белгіленді." in response.content.decode()
    assert not Notification.objects.filter(recipient=owner, read_at__isnull=True).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_all_as_read_takes_a_post_only(client):
    person = TraineeFactory()
    send(person)
    client.force_login(person)

    response = client.get(reverse("notifications:mark_all_read"))

    assert response.status_code == 405
    assert Notification.objects.filter(recipient=person, read_at__isnull=True).count() == 1


def test_the_pages_ask_to_sign_in(client):
    for name in ("notifications:list", "notifications:settings"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


# --- settings -------------------------------------------------------------------------------


def test_the_settings_page_saves_each_kind_switch(client):
    person = TraineeFactory(preferred_language="ru")
    client.force_login(person)

    page = client.get("/ru/notifications/settings/").content.decode()
    response = client.post("/ru/notifications/settings/", {OFF: "on"}, follow=True)

    assert "Также по электронной почте" in page
    assert "Настройки уведомлений сохранены." in response.content.decode()
    chosen = dict(EmailPreference.objects.filter(user=person).values_list("kind", "email"))
    assert chosen[ON] is False and chosen[OFF] is True


def test_the_settings_are_linked_from_the_list_and_from_the_profile(client):
    person = TraineeFactory()
    client.force_login(person)

    for page in ("/kk/notifications/", "/kk/accounts/profile/"):
        assert 'href="/kk/notifications/settings/"' in client.get(page).content.decode()


# --- the header's count ---------------------------------------------------------------------


def test_the_header_shows_the_unread_count_and_links_to_the_list(client):
    person = TraineeFactory(preferred_language="ru")
    send(person)
    send(person)
    read = send(person)
    Notification.objects.filter(pk=read.pk).update(read_at=timezone.now())
    client.force_login(person)

    html = client.get("/ru/notifications/settings/").content.decode()

    assert '<a href="/ru/notifications/">Уведомления (2)</a>' in html


def test_the_header_shows_no_count_when_all_are_read(client):
    person = TraineeFactory(preferred_language="ru")
    client.force_login(person)

    html = client.get("/ru/notifications/settings/").content.decode()

    assert '<a href="/ru/notifications/">Уведомления</a>' in html


def test_the_count_costs_one_query():
    person = TraineeFactory()
    for _i in range(5):
        send(person)

    with translation.override("kk"), CaptureQueriesContext(connection) as queries:
        label = menu_label(person)

    assert label == "Хабарландырулар (5)"
    assert len(queries) == 1


def test_a_page_asks_for_the_count_once(client):
    person = TraineeFactory()
    send(person)
    client.force_login(person)

    with CaptureQueriesContext(connection) as queries:
        client.get("/kk/accounts/profile/")

    assert sum('"notifications_notification"' in q["sql"] for q in queries.captured_queries) == 1


# --- retention and personal data -------------------------------------------------------------


def test_notifications_older_than_the_retention_period_are_deleted(settings):
    settings.NOTIFICATION_RETENTION_DAYS = 365
    person = TraineeFactory()
    now = timezone.now()
    old, recent = send(person), send(person)
    Notification.objects.filter(pk=old.pk).update(created_at=now - dt.timedelta(days=366))
    Notification.objects.filter(pk=recent.pk).update(created_at=now - dt.timedelta(days=364))

    assert notifications_purge(now=now) == 1

    assert list(Notification.objects.values_list("pk", flat=True)) == [recent.pk]


def test_the_person_data_export_has_the_notifications_and_switches():
    from cms.personal_data import exporters

    person = TraineeFactory(preferred_language="ru")
    send(person)
    email_preferences_save(user=person, choices={ON: False})

    section = exporters()["notifications"](person)

    assert [n["subject"] for n in section["notifications"]] == ["Уведомления"]
    assert section["email_preferences"] == [{"kind": ON, "email": False}]


# --- attachments ----------------------------------------------------------------------------

CALENDAR = ("event.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar; charset=utf-8")


def test_an_attachment_goes_with_the_e_mail_and_is_then_dropped_from_the_row(
    django_capture_on_commit_callbacks,
):
    person = TraineeFactory(email="aigerim@example.kz", preferred_language="kk")

    with django_capture_on_commit_callbacks(execute=True):
        notification = send(person, attachments=[CALENDAR])

    (sent,) = mail.outbox
    assert sent.attachments == [CALENDAR]
    assert "Тіркелген файлдар: event.ics" in sent.body
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    assert notification.attachments == []


def test_an_attachment_is_not_kept_when_the_person_switched_the_e_mail_off(
    django_capture_on_commit_callbacks,
):
    person = TraineeFactory(email="aigerim@example.kz")
    email_preferences_save(user=person, choices={ON: False})

    with django_capture_on_commit_callbacks(execute=True):
        notification = send(person, attachments=[CALENDAR])

    assert mail.outbox == []
    notification.refresh_from_db()
    assert (notification.attachments, notification.emailed_at) == ([], None)
    assert Notification.objects.filter(recipient=person).count() == 1
