"""Wording the browser walks found (issue 19): a ticket's topic is the area of help, worded apart
from its subject. The course catalogue, read before mentoring's, words a bare "Topic" as the
course topic, the same word as "Subject" ("Тақырып", "Тема"): two queue columns read alike."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import translation

from .helpers import open_ticket

pytestmark = pytest.mark.django_db

HEADINGS = {"kk": ["#", "Тақырып", "Бағыт"], "ru": ["#", "Тема", "Направление"]}


def _column_headings(html: str) -> list[str]:
    head = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    return re.findall(r'<th scope="col">([^<]*)</th>', head)


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_queue_heads_the_subject_and_the_area_of_help_with_different_words(
    client, mentor, certificate, graduate, lang
):
    open_ticket(certificate, graduate)
    client.force_login(mentor)
    with translation.override(lang):
        response = client.get(reverse("mentoring:queue"))

    assert _column_headings(response.content.decode())[:3] == HEADINGS[lang]


@pytest.mark.parametrize(("lang", "label"), [("kk", "Бағыт"), ("ru", "Направление")])
def test_the_ticket_page_labels_the_area_of_help_as_such(
    client, mentor, certificate, graduate, lang, label
):
    ticket = open_ticket(certificate, graduate)
    client.force_login(mentor)
    with translation.override(lang):
        response = client.get(reverse("mentoring:ticket", args=[ticket.pk]))

    assert f"<dt>{label}</dt>" in response.content.decode()


def test_the_reports_topic_bars_carry_their_labels_as_text_not_inside_the_scaled_drawing(
    client, mentor, certificate, graduate
):
    # One behaviour ticket, two on tools: the tools bar is full width, the behaviour bar half.
    open_ticket(certificate, graduate)
    open_ticket(certificate, graduate, topic="tools", subject="Visual timetable")
    open_ticket(certificate, graduate, topic="tools", subject="Timer")
    client.force_login(mentor)
    with translation.override("en"):
        html = client.get(reverse("mentoring:report")).content.decode()

    chart = html.split('<figure class="topic-bars"', 1)[1].split("</figure>", 1)[0]
    labels = re.findall(r'<span class="topic-bar-label">([^<]*)</span>', chart)
    bars = re.findall(r'<rect width="(\d+)"', chart)
    counts = re.findall(r'<span class="topic-bar-count">(\d+)</span>', chart)
    assert len(labels) == 2 and "Behaviour support" in labels
    assert dict(zip(labels, counts, strict=True))["Behaviour support"] == "1"
    assert sorted(bars) == ["100", "50"]
    assert "<text" not in chart


def test_a_new_ticket_reads_as_new_in_russian_not_as_the_score_audits_after_value(
    client, mentor, certificate, graduate
):
    # The score audit's "Old"/"New" columns ("Было"/"Стало") are worded under their own context:
    # without it, assessment's catalogue, read before mentoring's, named new tickets "Стало".
    open_ticket(certificate, graduate)
    client.force_login(mentor)
    with translation.override("ru"):
        html = client.get(reverse("mentoring:queue")).content.decode()
        audit_columns = [translation.pgettext("score change", w) for w in ("Old", "New")]

    tabs = html.split('<ul class="tabs">', 1)[1].split("</ul>", 1)[0]
    assert re.findall(r'aria-current="page">([^<]*)</a>', tabs) == ["Новая"]
    assert "<td>Новая</td>" in html
    assert "Стало" not in html
    assert audit_columns == ["Было", "Стало"]
