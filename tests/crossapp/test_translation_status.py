"""Each page's language shown large in the editor, its translations' status (up to date, out of
date, missing) and the action that creates a missing one; the explorer lists modules and topics by
number with their hours."""

from __future__ import annotations

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Locale, Page

from cms.tests.factories import RegistrarFactory, TrainerFactory
from cms.translation_status import MISSING, OUT_OF_DATE, SOURCE, UP_TO_DATE, page_translation_status

pytestmark = pytest.mark.django_db


def _module(language: str, number: int):
    from course.models import ModulePage

    return ModulePage.objects.get(locale__language_code=language, number=number)


def _statuses(page) -> dict[str, str]:
    return {row.locale.language_code: row.status for row in page_translation_status(page)}


def _new_topic(module, *, aliases: bool = True):
    """A topic an editor adds to the Kazakh module; in the admin, the page tree's sync
    (wagtail.contrib.simple_translation) gives the Russian and English modules an alias of it."""
    from course.models import TopicPage

    topic = TopicPage(title="Жаңа тақырып", slug="new-topic", number="2.9", kind="lecture", hours=2)
    module.add_child(instance=topic)
    topic.save_revision().publish()
    if aliases:
        for language in ("ru", "en"):
            topic.create_alias(
                parent=module.get_translation(Locale.objects.get(language_code=language)),
                update_locale=Locale.objects.get(language_code=language),
                reset_translation_key=False,
            )
    return topic


def test_loaded_translations_are_up_to_date_and_kazakh_is_the_source():
    assert _statuses(_module("kk", 2)) == {"kk": SOURCE, "ru": UP_TO_DATE, "en": UP_TO_DATE}
    # In the order of the site's languages.
    rows = page_translation_status(_module("en", 2))
    assert [row.locale.language_code for row in rows] == ["kk", "ru", "en"]


def test_a_kazakh_edit_makes_the_russian_and_english_versions_out_of_date_until_they_are_saved():
    _module("kk", 2).save_revision()

    assert _statuses(_module("kk", 2)) == {"kk": SOURCE, "ru": OUT_OF_DATE, "en": OUT_OF_DATE}

    _module("ru", 2).save_revision()

    # The same answer from whichever page of the set one asks.
    assert _statuses(_module("en", 2)) == {"kk": SOURCE, "ru": UP_TO_DATE, "en": OUT_OF_DATE}


def test_an_alias_made_by_the_tree_sync_counts_as_a_missing_translation():
    topic = _new_topic(_module("kk", 2))

    assert _statuses(topic) == {"kk": SOURCE, "ru": MISSING, "en": MISSING}


def test_the_editor_shows_the_pages_language_and_its_translations_status(client):
    client.force_login(RegistrarFactory(preferred_language="en"))
    page = _module("ru", 2)
    _module("kk", 2).save_revision()

    html = client.get(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    assert "This page is in Русский (RU)" in html
    assert re.search(r'data-locale="kk" data-status="source"', html)
    assert re.search(r'data-locale="ru" data-status="out_of_date"', html)
    assert reverse("wagtailadmin_pages:edit", args=[_module("kk", 2).pk]) in html


def test_a_registrar_creates_the_missing_russian_version_from_the_status_panel(client):
    registrar = RegistrarFactory()
    client.force_login(registrar)
    topic = _new_topic(_module("kk", 2))
    ru = Locale.objects.get(language_code="ru")

    response = client.post(reverse("page_translation_create", args=[topic.pk, "ru"]))

    russian = topic.get_translation(ru)
    assert russian.alias_of_id is None
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[russian.pk])
    assert _statuses(topic)["ru"] in (UP_TO_DATE, OUT_OF_DATE)
    assert _statuses(topic)["en"] == MISSING


def test_a_missing_translation_with_no_alias_is_created_as_a_draft_copy(client):
    client.force_login(RegistrarFactory())
    topic = _new_topic(_module("kk", 2), aliases=False)
    en = Locale.objects.get(language_code="en")
    assert _statuses(topic)["en"] == MISSING

    client.post(reverse("page_translation_create", args=[topic.pk, "en"]))

    english = topic.get_translation(en)
    assert english.get_parent().pk == _module("en", 2).pk
    assert english.live is False
    assert _statuses(topic)["en"] != MISSING


def test_creating_a_translation_that_exists_is_refused_with_a_message_and_changes_nothing(client):
    client.force_login(RegistrarFactory(preferred_language="en"))
    page = _module("kk", 2)
    before = Page.objects.count()

    response = client.post(
        reverse("page_translation_create", args=[page.pk, "ru"]), HTTP_ACCEPT_LANGUAGE="en"
    )

    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "This page already has a translation in that language."
    ]
    assert Page.objects.count() == before


def test_a_trainer_cannot_create_a_translation(client):
    client.force_login(TrainerFactory())
    topic = _new_topic(_module("kk", 2))

    response = client.post(reverse("page_translation_create", args=[topic.pk, "ru"]))

    assert response.status_code in (302, 403)
    assert topic.get_translation(Locale.objects.get(language_code="ru")).alias_of_id == topic.pk


# --- The explorer -------------------------------------------------------------------------------


def _listed_ids(html: str, candidates) -> list[int]:
    positions = {
        page.pk: html.find(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        for page in candidates
    }
    assert all(position >= 0 for position in positions.values())
    return sorted(positions, key=positions.get)


def test_the_explorer_lists_modules_by_number_even_when_a_later_one_was_edited_last(client):
    from course.models import ModulePage

    client.force_login(RegistrarFactory())
    modules = list(ModulePage.objects.filter(locale__language_code="kk"))
    _module("kk", 4).save_revision()  # newest first would put module 4 on top
    programme = _module("kk", 1).get_parent()

    html = client.get(reverse("wagtailadmin_explore", args=[programme.pk])).content.decode()

    assert _listed_ids(html, modules) == [_module("kk", n).pk for n in (1, 2, 3, 4, 5)]


def test_the_explorer_lists_a_modules_topics_by_number_with_their_hours(client):
    from course.models import TopicPage

    client.force_login(RegistrarFactory(preferred_language="en"))
    module = _module("kk", 2)
    topics = list(TopicPage.objects.child_of(module))
    topics[0].save_revision()

    html = client.get(
        reverse("wagtailadmin_explore", args=[module.pk]), HTTP_ACCEPT_LANGUAGE="en"
    ).content.decode()

    expected = sorted(topics, key=lambda t: t.sort_key)
    assert _listed_ids(html, topics) == [t.pk for t in expected]
    first = expected[0]
    assert f"{first.number} {first.title} · {first.hours} h" in html


def test_a_module_is_shown_in_the_admin_with_its_number_and_derived_hours():
    module = _module("kk", 2)

    from django.utils import translation

    with translation.override("en"):
        title = module.get_admin_display_title()

    assert title == f"Module 2. {module.title} · {module.derived_hours().total} h"
