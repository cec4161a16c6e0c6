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
