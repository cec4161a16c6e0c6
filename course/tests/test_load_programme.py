"""`manage.py load_programme`: builds the tree once, then changes nothing and respects editors."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from course.models import TopicPage
from course.programme_data import MODULES, PROGRAMME

pytestmark = pytest.mark.django_db


def _snapshot():
    pages = list(
        Page.objects.order_by("path").values_list("path", "title", "slug", "live", "locale_id")
    )
    topics = list(TopicPage.objects.order_by("path").values_list("number", "kind", "hours"))
    return pages, topics, Revision.objects.count()


def test_the_data_file_matches_the_approved_programme():
    topics = [t for m in MODULES for t in m["topics"]]
    assert len(MODULES) == 5 and len(topics) == 28
    assert sum(t["hours"] for t in topics) == 80
    assert [sum(t["hours"] for t in m["topics"]) for m in MODULES] == [16, 16, 20, 20, 8]
    assert PROGRAMME["title"]["kk"].startswith("Жалпы білім беретін мектептердегі")


def test_running_load_programme_again_changes_nothing():
    before = _snapshot()
    out = StringIO()
    call_command("load_programme", stdout=out)
    assert _snapshot() == before
    assert "0 created, 0 updated" in out.getvalue()
    assert "0 skipped" in out.getvalue()


def test_load_programme_leaves_a_page_an_editor_changed_and_reports_it(django_user_model):
    editor = django_user_model.objects.create_superuser(email="ed@example.com", password="x")
    topic = TopicPage.objects.get(locale__language_code="ru", number="4.2")
    topic.title = "Пошаговое обучение: наш вариант"
    topic.save_revision(user=editor).publish(user=editor)

    out = StringIO()
    call_command("load_programme", stdout=out)

    topic.refresh_from_db()
    assert topic.title == "Пошаговое обучение: наш вариант"
    assert "1 skipped" in out.getvalue()
    assert "topic 4.2 [ru] (edited by" in out.getvalue()


def test_load_programme_restores_its_own_pages_when_the_data_changes():
    topic = TopicPage.objects.get(locale__language_code="en", number="1.3")
    original = topic.title
    topic.title = "Stale title written by an older loader"
    topic.save_revision(user=None).publish()

    out = StringIO()
    call_command("load_programme", stdout=out)

    topic.refresh_from_db()
    assert topic.title == original
    assert "1 updated" in out.getvalue()
