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
    assert len({render(language)[0] for language in ("kk", "ru", "en")}) == 3
    assert render("ru")[1] == "/ru/privacy/"


@pytest.mark.parametrize("number", [1, 3, 5, 21])
def test_plural_forms_follow_each_languages_rules(number):
    from django.utils.translation import ngettext

    template = engines["jinja2"].from_string(
        '{{ ngettext("%(n)s trainee", "%(n)s trainees", n)|format(n=n) }}'
    )
    for language in ("kk", "ru", "en", "ru"):
        with translation.override(language):
            shown = template.render({"n": number}, RequestFactory().get("/"))
            expected = ngettext("%(n)s trainee", "%(n)s trainees", number) % {"n": number}
        assert shown == expected
    with translation.override("ru"):
        forms = {template.render({"n": n}, RequestFactory().get("/")).split()[1] for n in (1, 3, 5)}
    assert len(forms) == 3  # Russian has three plural forms


def test_a_safe_string_is_translated_without_being_remembered_as_plain_text():
    from django.utils.safestring import SafeString, mark_safe

    from cms.jinja2_env import _gettext_for

    translate = _gettext_for("en")

    assert isinstance(translate(mark_safe("Valid until")), SafeString)
    assert not isinstance(translate("Valid until"), SafeString)


def test_remembered_static_paths_are_forgotten_when_settings_change():
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


def test_a_recompiled_catalogue_under_runserver_clears_what_was_remembered():
    from pathlib import Path

    from django.utils.autoreload import file_changed

    from cms.jinja2_env import _gettext_in

    render("ru")
    assert _gettext_in.cache_info().currsize > 0

    file_changed.send(sender=None, file_path=Path("cms/locale/ru/LC_MESSAGES/django.mo"))

    assert _gettext_in.cache_info().currsize == 0
