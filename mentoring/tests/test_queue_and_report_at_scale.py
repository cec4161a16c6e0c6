"""The mentor queue comes a page at a time and the report is counted by the database, so neither
grows with the history of tickets (issue 22): the same queries at 10 tickets as at 130."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from course.models import TopicPage
from mentoring import selectors
from mentoring.models import Ticket, Topic
from mentoring.views import QUEUE_PER_PAGE

from .helpers import url

pytestmark = pytest.mark.django_db


def _tickets(certificate, graduate, count: int, *, start: int = 0) -> None:
    """`count` tickets, a third of them answered, closed and rated, over the last months."""
    now = timezone.now()
    topic = TopicPage.objects.get(locale__language_code="kk", number="3.5")
    rows = []
    for i in range(start, start + count):
        opened = now - datetime.timedelta(days=2 * i + 1)
        done = i % 3 == 0
        rows.append(
            Ticket(
                certificate=certificate,
                graduate=graduate,
                topic=Topic.TOOLS if i % 2 else Topic.BEHAVIOUR,
                course_topic=topic if i % 4 == 0 else None,
                subject=f"Question {i}",
                description="…",
                created_at=opened,
                first_reply_due=opened + datetime.timedelta(days=3),
                first_response_at=opened + datetime.timedelta(days=1) if done else None,
                closed_at=opened + datetime.timedelta(days=2) if done else None,
                status=Ticket.Status.CLOSED if done else Ticket.Status.NEW,
                rating=4 if done else None,
            )
        )
    Ticket.objects.bulk_create(rows)


def _queries(client, path: str) -> int:
    client.get(path)  # warm per-process caches
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_the_queue_and_the_report_run_as_many_queries_at_130_tickets_as_at_10(
    client, mentor, certificate, graduate
):
    client.force_login(mentor)
    _tickets(certificate, graduate, 10)
    paths = [url("queue"), url("queue") + "?view=all", url("report")]
    small = [_queries(client, path) for path in paths]

    _tickets(certificate, graduate, 120, start=10)
    large = [_queries(client, path) for path in paths]

    assert large == small


def test_the_queue_shows_one_page_of_open_tickets_and_links_to_the_next(
    client, mentor, certificate, graduate
):
    _tickets(certificate, graduate, 90)  # 60 open (new), 30 closed
    client.force_login(mentor)

    first = client.get(url("queue") + "?view=all")
    second = client.get(url("queue") + "?view=all&page=2")

    assert len(first.context["tickets"]) == QUEUE_PER_PAGE == 50
    assert len(second.context["tickets"]) == 10
    assert first.context["page"].paginator.count == 60
    assert 'href="?view=all&amp;page=2"' in first.content.decode()
    shown = {t.pk for t in first.context["tickets"]} | {t.pk for t in second.context["tickets"]}
    assert shown == set(Ticket.objects.exclude(status="closed").values_list("pk", flat=True))


def test_a_trainee_is_refused_the_queue_and_the_report(client, graduate, certificate):
    _tickets(certificate, graduate, 3)
    client.force_login(graduate)

    assert client.get(url("queue")).status_code == 403
    assert client.get(url("report")).status_code == 403


def test_the_report_counted_by_the_database_matches_the_tickets(certificate, graduate):
    _tickets(certificate, graduate, 12)  # i = 0..11: closed and rated when i % 3 == 0

    figures = selectors.report()

    assert figures.total == 12
    # Odd i are tools (6), even i behaviour (6): ties ordered by the topic's code.
    assert sorted(n for _label, n in figures.by_topic) == [6, 6]
    # i % 4 == 0 (0, 4, 8) relate to topic 3.5.
    assert figures.by_course_topic[0][0].startswith("3.5 ") and figures.by_course_topic[0][1] == 3
    assert figures.by_module == [("3", 3)]
    assert figures.ratings == {1: 0, 2: 0, 3: 0, 4: 4, 5: 0}
    assert figures.average_rating == 4.0
    assert sum(n for _month, n in figures.by_month) == 12
    # Open tickets past their due date: ticket i is due 2i - 2 days before the tickets were made
    # (i = 1 at that very moment, already past when the report counts); open when i % 3 != 0:
    # i = 1, 2, 4, 5, 7, 8, 10, 11.
    assert figures.overdue_open == 8
