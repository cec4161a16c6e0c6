"""The Jinja2 environment's remembered helpers give what Django's own would, in the language of the
page being rendered, and forget what they remembered when settings change."""

from __future__ import annotations

import datetime

import pytest
from django.template import engines
from django.test import RequestFactory, override_settings
from django.utils import translation

TEMPLATE = (
    '{{ _("Valid until") }}|{{ url("privacy_notice") }}|'
    '{{ day|date_format("DATE_FORMAT") }}|{{ static("cms/site.css") }}'
)
DAY = datetime.date(2029, 10, 20)


def render(language: str, with_request: bool = True) -> list[str]:
    template = engines["jinja2"].from_string(TEMPLATE)
    request = RequestFactory().get("/") if with_request else None
    with translation.override(language):
        return template.render({"day": DAY}, request).split("|")


def expected(language: str) -> list[str]:
    """The same four values from Django's own helpers."""
    from django.templatetags.static import static
    from django.urls import reverse
    from django.utils.formats import date_format
    from django.utils.translation import gettext

    with translation.override(language):
        return [
            gettext("Valid until"),
            reverse("privacy_notice"),
            date_format(DAY, "DATE_FORMAT"),
            static("cms/site.css"),
        ]


@pytest.mark.parametrize("with_request", [True, False], ids=["with a request", "without"])
def test_pages_rendered_in_turn_in_each_language_get_that_languages_words_links_and_dates(
    with_request,
):
    for _round in range(2):  # the second round is served from what the first remembered
        for language in ("kk", "ru", "en", "kk"):
            assert render(language, with_request) == expected(language)
    assert render("kk")[0] != render("ru")[0] != render("en")[0]
    assert render("ru")[1] == "/ru/privacy/"


def test_remembered_urls_and_static_paths_are_forgotten_when_settings_change():
    before = render("en")

    with override_settings(STATIC_URL="/assets/"):
        changed = render("en")

    assert before[3].startswith("/static/")
    assert changed[3] == "/assets/cms/site.css"
    assert render("en") == before


def test_equal_datetimes_in_different_time_zones_are_each_formatted_as_they_read():
    from zoneinfo import ZoneInfo

    template = engines["jinja2"].from_string('{{ at|date_format("d.m.Y H:i") }}')
    utc = datetime.datetime(2029, 10, 20, 22, 30, tzinfo=datetime.UTC)
    almaty = utc.astimezone(ZoneInfo("Asia/Almaty"))

    assert utc == almaty
    assert template.render({"at": utc}) == "20.10.2029 22:30"
    assert template.render({"at": almaty}) == "21.10.2029 03:30"
