"""A page added in Kazakh reaches the Russian and English trees only as a marked alias."""

from __future__ import annotations

import pytest
from wagtail.contrib.simple_translation.models import after_create_page
from wagtail.models import Locale

from course.models import ModulePage, TopicPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def new_kazakh_topic(programme):
    module = ModulePage.objects.child_of(programme).get(number=1)
    topic = module.add_child(
        instance=TopicPage(
            title="Жаңа тақырып",
            slug="topic-1-9",
            number="1.9",
            kind="lecture",
            hours=1,
            locale=programme.locale,
        )
    )
    topic.save_revision().publish()
    # What the admin's create view does next (WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE).
    after_create_page(None, topic)
    return topic


def test_a_new_kazakh_topic_is_in_the_russian_tree_only_as_an_alias(new_kazakh_topic):
    russian = new_kazakh_topic.get_translation(Locale.objects.get(language_code="ru")).specific

    assert russian.alias_of_id == new_kazakh_topic.pk
    assert russian.untranslated_language == "kk"
    assert new_kazakh_topic.untranslated_language is None


def test_the_russian_module_lists_it_marked_as_not_translated_in_kazakh(client, new_kazakh_topic):
    module = ModulePage.objects.get(locale__language_code="ru", number=1)

    html = client.get(module.get_url()).content.decode()

    assert '<span lang="kk">Жаңа тақырып</span>' in html
    assert html.count("не переведено") == 1


def test_the_russian_page_of_the_topic_says_it_is_not_translated(client, new_kazakh_topic):
    russian = new_kazakh_topic.get_translation(Locale.objects.get(language_code="ru"))

    html = client.get(russian.get_url()).content.decode()

    assert '<html lang="ru">' in html
    assert "Эта тема ещё не переведена: она показана на языке оригинала (Казахский)." in html
    assert '<article class="topic" lang="kk">' in html


def test_a_translated_russian_topic_carries_no_mark(client, programme):
    module = ModulePage.objects.get(locale__language_code="ru", number=1)

    html = client.get(module.get_url()).content.decode()

    assert "не переведено" not in html
