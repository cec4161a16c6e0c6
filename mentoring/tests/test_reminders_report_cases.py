"""Response-time reminders (frozen clock), the institute's report, and the case library."""

from __future__ import annotations

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import translation

from cms.tests.factories import TraineeFactory
from cms.tests.spreadsheets import csv_rows, xlsx_rows
from course.models import TopicPage
from mentoring import selectors, services
from mentoring.models import Case, Topic
from mentoring.workdays import add_working_days, working_days_between

from .helpers import open_ticket, url

pytestmark = pytest.mark.django_db

MONDAY_10 = datetime.datetime(2026, 11, 23, 10, 0, tzinfo=datetime.UTC)


def test_working_days_skip_the_weekend():
    friday = datetime.datetime(2026, 11, 27, 10, 0, tzinfo=datetime.UTC)
    assert add_working_days(friday, 1) == datetime.datetime(
        2026, 11, 30, 10, 0, tzinfo=datetime.UTC
    )
    assert add_working_days(MONDAY_10, 3).weekday() == 3
    assert working_days_between(friday, friday + datetime.timedelta(days=3)) == 1.0


def test_the_first_reply_is_due_three_working_days_after_opening(certificate, graduate):
    with time_machine.travel(MONDAY_10, tick=False):
        ticket = open_ticket(certificate, graduate)
    assert ticket.first_reply_due == datetime.datetime(2026, 11, 26, 10, 0, tzinfo=datetime.UTC)


def test_reminders_fire_a_day_before_the_target_and_alert_registrars_once_overdue(
    certificate, graduate, mentor, registrar, django_capture_on_commit_callbacks
):
    with time_machine.travel(MONDAY_10, tick=False):
        ticket = open_ticket(certificate, graduate)
        assert services.reminders_send() == {"reminded": 0, "alerted": 0}
        assert mail.outbox == []
    # Wednesday 10:00: the target (Thursday 10:00) is one working day away.
    with time_machine.travel(MONDAY_10 + datetime.timedelta(days=2), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert services.reminders_send() == {"reminded": 1, "alerted": 0}
        assert [m.to for m in mail.outbox] == [["mentor@example.kz"]]
        assert services.reminders_send() == {"reminded": 0, "alerted": 0}
    # Friday: overdue; the registrar is alerted, once.
    with time_machine.travel(MONDAY_10 + datetime.timedelta(days=4), tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            assert services.reminders_send() == {"reminded": 0, "alerted": 1}
        assert mail.outbox[-1].to == ["registrar@example.kz"]
        # In the registrar's own language (Kazakh here).
        with translation.override("kk"):
            expected = translation.gettext("Overdue mentoring ticket: no reply by the target")
        assert (
            mail.outbox[-1].subject
            == expected
            != "Overdue mentoring ticket: no reply by the target"
        )
        assert services.reminders_send() == {"reminded": 0, "alerted": 0}
    ticket.refresh_from_db()
    assert ticket.mentor_reminded_at is not None and ticket.registrar_alerted_at is not None


def test_an_answered_ticket_triggers_no_reminder(certificate, graduate, mentor):
    with time_machine.travel(MONDAY_10, tick=False):
        ticket = open_ticket(certificate, graduate)
        services.ticket_reply(ticket=ticket, author=mentor, body="Here is a plan.")
    mail.outbox.clear()
    with time_machine.travel(MONDAY_10 + datetime.timedelta(days=6), tick=False):
        assert services.reminders_send() == {"reminded": 0, "alerted": 0}
    assert mail.outbox == []


def test_the_report_counts_topics_modules_months_times_and_ratings(
    certificate, graduate, mentor, make_certificate
):
    second_certificate = make_certificate(TraineeFactory(), scores=None)
    topic_35 = TopicPage.objects.get(locale__language_code="kk", number="3.5")
    topic_41 = TopicPage.objects.get(locale__language_code="kk", number="4.1")
    with time_machine.travel(MONDAY_10, tick=False):
        a = open_ticket(certificate, graduate, topic=Topic.TOOLS, course_topic=topic_35)
        b = open_ticket(certificate, graduate, topic=Topic.TOOLS, course_topic=topic_35)
        c = open_ticket(
            second_certificate,
            second_certificate.holder,
            topic=Topic.ADAPTATION,
            course_topic=topic_41,
        )
    with time_machine.travel(MONDAY_10 + datetime.timedelta(days=1), tick=False):
        services.ticket_reply(ticket=a, author=mentor, body="…")
    with time_machine.travel(MONDAY_10 + datetime.timedelta(days=2), tick=False):
        services.ticket_reply(ticket=b, author=mentor, body="…")
        services.ticket_close(ticket=a, by=mentor, summary="Done")
    services.ticket_rate(ticket=a, by=graduate, rating=4)
    with time_machine.travel(MONDAY_10 + datetime.timedelta(days=10), tick=False):
        figures = selectors.report()
    assert figures.total == 3
    assert figures.by_topic[0][1] == 2
    assert dict(figures.by_module) == {"3": 2, "4": 1}
    assert figures.by_course_topic[0][1] == 2 and figures.by_course_topic[0][0].startswith("3.5")
    assert figures.by_month == [("2026-11", 3)]
    assert figures.median_first_response_days == 1.5
    assert figures.median_resolution_days == 2.0
    assert figures.average_rating == 4.0
    assert figures.overdue_open == 1
    assert c.first_response_at is None


def test_the_report_exports_csv_for_mentors_only(client, mentor, certificate, graduate):
    open_ticket(certificate, graduate)
    client.force_login(graduate)
    assert client.get(url("report")).status_code == 403
    client.force_login(mentor)
    response = client.get(url("report") + "?format=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_rows(response)
    assert rows[0] == ["Section", "Item", "Tickets"]
    assert ["Topic", "Behaviour support", "1"] in rows
    xlsx = client.get(url("report") + "?format=xlsx")
    assert ["Topic", "Behaviour support", 1] in xlsx_rows(xlsx)
    html = client.get(url("report")).content.decode()
    assert "<svg" in html and "<table" in html


def test_a_case_is_published_only_with_the_graduates_consent(certificate, graduate, mentor):
    ticket = open_ticket(certificate, graduate)
    services.ticket_close(ticket=ticket, by=mentor, summary="Done")
    with pytest.raises(ValidationError) as excinfo:
        services.case_publish(
            ticket=ticket, by=mentor, title="Transitions", situation="…", advice="…"
        )
    assert "has not agreed to publication" in excinfo.value.messages[0]
    assert not Case.objects.exists()

    services.ticket_consent_to_publish(ticket=ticket, by=graduate)
    case = services.case_publish(
        ticket=ticket,
        by=mentor,
        title="Transitions without tears",
        situation="A pupil of grade 3 protests when the lesson changes.",
        advice="A visual schedule and a 2-minute warning timer.",
    )
    assert case.topic == Topic.BEHAVIOUR


def test_an_open_ticket_cannot_become_a_case(certificate, graduate, mentor):
    ticket = open_ticket(certificate, graduate)
    services.ticket_consent_to_publish(ticket=ticket, by=graduate)
    with pytest.raises(ValidationError) as excinfo:
        services.case_publish(ticket=ticket, by=mentor, title="t", situation="s", advice="a")
    assert "Only a closed ticket can become a case." in excinfo.value.messages


def test_trainees_browse_the_case_library_by_topic(client, certificate, graduate, mentor):
    ticket = open_ticket(certificate, graduate)
    services.ticket_close(ticket=ticket, by=mentor, summary="Done")
    services.ticket_consent_to_publish(ticket=ticket, by=graduate)
    case = services.case_publish(
        ticket=ticket, by=mentor, title="Transitions without tears", situation="s", advice="a"
    )
    client.force_login(TraineeFactory())
    listing = client.get(url("cases") + "?topic=behaviour").content.decode()
    assert "Transitions without tears" in listing
    assert (
        "Transitions without tears" not in client.get(url("cases") + "?topic=plan").content.decode()
    )
    assert client.get(url("case", case.pk)).status_code == 200


def test_the_case_library_needs_an_account(client):
    response = client.get(url("cases"))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_the_graduate_sees_remaining_tickets_on_the_mentoring_page(client, certificate, graduate):
    open_ticket(certificate, graduate)
    client.force_login(graduate)
    html = client.get(url("index")).content.decode()
    assert "2 of 3 tickets left" in html
    assert "Tantrums at transitions" in html


def test_the_graduate_data_export_includes_tickets(certificate, graduate):
    from cms.personal_data import exporters

    open_ticket(certificate, graduate)
    exported = exporters()["mentoring"](graduate)
    assert exported["tickets"][0]["subject"] == "Tantrums at transitions"


def test_the_dashboard_panel_shows_the_allowance(client, certificate, graduate):
    from mentoring.integration import dashboard_panel

    request = type("R", (), {"user": graduate})()
    panel = dashboard_panel(request, certificate.enrolment)
    assert panel["template"] == "mentoring/dashboard_panel.html"
    assert panel["context"]["rows"][0][1].remaining == 3
