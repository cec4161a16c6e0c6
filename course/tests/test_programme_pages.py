"""The programme as Wagtail pages: tree rules, derived hours, refusals and rendering."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from wagtail.models import Page

from cms.models import HomePage
from cms.tests.admin_forms import admin_publish_data
from cms.tests.factories import totp_activate
from course.models import ModulePage, ProgrammePage, TopicPage

pytestmark = pytest.mark.django_db


def test_the_tree_allows_only_programme_module_topic_nesting_beside_glossary_and_literature():
    from course.models import GlossaryPage, GlossaryTermPage, LiteratureEntryPage, LiteraturePage

    assert ProgrammePage.can_create_at(HomePage.objects.first())
    assert ProgrammePage.allowed_parent_page_models() == [HomePage]
    assert ModulePage.allowed_parent_page_models() == [ProgrammePage]
    assert TopicPage.allowed_parent_page_models() == [ModulePage]
    assert ProgrammePage.allowed_subpage_models() == [ModulePage, GlossaryPage, LiteraturePage]
    assert GlossaryPage.allowed_subpage_models() == [GlossaryTermPage]
    assert LiteraturePage.allowed_subpage_models() == [LiteratureEntryPage]
    assert ModulePage.allowed_subpage_models() == [TopicPage]
    assert TopicPage.allowed_subpage_models() == []
    programme = ProgrammePage.objects.first()
    assert not TopicPage.can_exist_under(programme)
    assert not ModulePage.can_exist_under(HomePage.objects.first())
    assert TopicPage.can_exist_under(ModulePage.objects.first())


def test_a_home_page_takes_only_programme_pages_which_name_it_as_their_parent():
    # cms names no course page type (the dependency rule): HomePage derives its children from
    # ProgrammePage.parent_page_types. Before that change subpage_types said the same.
    assert HomePage.allowed_subpage_models() == [ProgrammePage]
    assert HomePage.creatable_subpage_models() == [ProgrammePage]
    assert not HomePage.can_exist_under(HomePage.objects.first())
    assert not Page.can_exist_under(HomePage.objects.first())


def test_the_home_page_lists_its_live_programme_and_not_a_draft_one(client):
    home = HomePage.objects.get(locale__language_code="kk")
    draft = home.add_child(
        instance=ProgrammePage(title="Жарияланбаған бағдарлама", slug="draft-programme", live=False)
    )
    context = home.get_context(RequestFactory().get("/kk/"))
    assert list(context["programmes"]) == [ProgrammePage.objects.get(locale=home.locale, live=True)]
    assert type(context["programmes"][0]) is ProgrammePage
    assert draft.title not in client.get("/kk/").content.decode()


def test_the_loaded_programme_has_five_modules_and_twenty_eight_topics_in_every_language():
    for code in ("kk", "ru", "en"):
        programme = ProgrammePage.objects.get(locale__language_code=code)
        modules = ModulePage.objects.child_of(programme)
        assert sorted(m.number for m in modules) == [1, 2, 3, 4, 5]
        assert TopicPage.objects.descendant_of(programme).count() == 28


def test_programme_hours_are_derived_from_the_topics(programme):
    hours = programme.derived_hours()
    assert (hours.total, hours.lecture, hours.practice) == (80, 28, 52)


def test_module_hours_are_derived_from_their_topics(programme):
    modules = ModulePage.objects.child_of(programme).order_by("number")
    assert [m.derived_hours().total for m in modules] == [16, 16, 20, 20, 8]
    assert [m.derived_hours().lecture for m in modules] == [8, 6, 8, 6, 0]


def test_changing_a_topics_hours_changes_the_derived_totals(programme):
    topic = TopicPage.objects.descendant_of(programme).get(number="1.1")
    topic.hours = 5
    topic.save_revision().publish()
    assert programme.derived_hours().total == 83
    module = ModulePage.objects.child_of(programme).get(number=1)
    assert module.derived_hours().lecture == 11


def test_the_declared_split_that_disagrees_with_the_topics_gives_warnings(programme):
    assert (programme.declared_lecture_hours, programme.declared_practice_hours) == (32, 40)
    assert programme.declared_final_work_hours == 8
    warnings = programme.hours_warnings()
    assert len(warnings) == 2
    assert "32" in warnings[0] and "28" in warnings[0]
    assert "48" in warnings[1] and "52" in warnings[1]


def test_a_declared_split_that_matches_the_topics_gives_no_warning(programme):
    programme.declared_lecture_hours = 28
    programme.declared_practice_hours = 44
    programme.declared_final_work_hours = 8
    assert programme.hours_warnings() == []


def test_a_declared_total_that_disagrees_is_reported(programme):
    programme.declared_lecture_hours = 28
    programme.declared_practice_hours = 52
    programme.declared_final_work_hours = 8
    warnings = programme.hours_warnings()
    assert any("88" in w and "80" in w for w in warnings)


@pytest.mark.parametrize("hours", [0, -2])
def test_a_topic_with_non_positive_hours_is_refused(programme, hours):
    topic = TopicPage.objects.descendant_of(programme).get(number="2.4")
    topic.hours = hours
    with pytest.raises(ValidationError) as excinfo:
        topic.full_clean()
    assert "hours" in excinfo.value.message_dict
    assert TopicPage.objects.get(pk=topic.pk).hours == 4


def test_publishing_a_topic_with_zero_hours_in_the_admin_is_refused_with_a_message(
    client, django_user_model, programme
):
    admin = django_user_model.objects.create_superuser(email="editor@example.com", password="x")
    totp_activate(admin)  # staff must use a second factor before reaching the admin
    _admin_in_english(admin)
    client.force_login(admin)
    topic = TopicPage.objects.descendant_of(programme).get(number="2.4")
    revisions_before = topic.revisions.count()
    response = client.get(f"/admin/pages/{topic.pk}/edit/")
    assert response.status_code == 200
    form = response.context["form"]
    data = admin_publish_data(form)
    data["hours"] = "0"
    response = client.post(f"/admin/pages/{topic.pk}/edit/", data)
    assert response.status_code == 200
    assert "hours" in response.context["form"].errors
    assert "at least one hour" in str(response.context["form"].errors["hours"])
    topic.refresh_from_db()
    assert topic.hours == 4
    assert topic.revisions.count() == revisions_before


def test_the_admin_edit_page_of_the_programme_warns_about_declared_hours(
    client, django_user_model, programme
):
    admin = django_user_model.objects.create_superuser(email="editor@example.com", password="x")
    totp_activate(admin)  # staff must use a second factor before reaching the admin
    _admin_in_english(admin)
    client.force_login(admin)
    response = client.get(f"/admin/pages/{programme.pk}/edit/")
    content = response.content.decode()
    assert response.status_code == 200
    assert "Derived from the topics: 80 h = 28 h lectures + 52 h practice" in content
    assert "The declared hours disagree with the topics" in content


def test_publishing_a_topic_updates_hours_in_its_translations(programme):
    topic = TopicPage.objects.descendant_of(programme).get(number="3.5")
    topic.hours = 6
    topic.save_revision().publish()
    for translation in topic.get_translations():
        assert translation.specific.hours == 6


def _admin_in_english(user) -> None:
    """The admin speaks the editor's chosen language; these tests read the English strings."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()


@pytest.mark.parametrize("language", ["kk", "ru", "en"])
def test_every_page_type_renders_in_each_language(client, language):
    programme = ProgrammePage.objects.get(locale__language_code=language)
    module = ModulePage.objects.child_of(programme).get(number=2)
    topic = TopicPage.objects.child_of(module).get(number="2.3")
    home = HomePage.objects.get(locale__language_code=language)
    for page in (home, programme, module, topic):
        url = page.get_url()
        assert url.startswith(f"/{language}/")
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert f'<html lang="{language}">' in html
        assert page.title.split("«")[0][:20] in html
        assert 'href="#main"' in html and 'id="main"' in html


def test_the_programme_page_lists_five_modules_and_eighty_hours(client):
    response = client.get("/kk/programme/")
    html = response.content.decode()
    assert response.status_code == 200
    rows = re.findall(r'<th scope="row"><a href="/kk/programme/module-\d/">', html)
    assert len(rows) == 5
    total_row = re.search(r"<tfoot>.*?</tfoot>", html, re.S).group(0)
    assert re.findall(r'class="num">(\d+)<', total_row) == ["28", "52", "80"]


def test_the_topic_page_links_to_the_previous_and_next_topic_across_modules(client):
    response = client.get("/ru/programme/module-1/topic-1-6/")
    html = response.content.decode()
    assert 'rel="prev" href="/ru/programme/module-1/topic-1-5/"' in html
    assert 'rel="next" href="/ru/programme/module-2/topic-2-1/"' in html


def test_the_language_switcher_links_to_the_same_page_in_each_language(client):
    html = client.get("/kk/programme/module-3/").content.decode()
    assert 'href="/ru/programme/module-3/" lang="ru"' in html
    assert 'href="/en/programme/module-3/" lang="en"' in html


@pytest.mark.parametrize(
    ("accept_language", "expected"), [("ru-RU,ru;q=0.9", "/ru/"), ("de", "/kk/"), ("", "/kk/")]
)
def test_the_unprefixed_root_redirects_by_accept_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_wagtails_placeholder_page_is_gone():
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail").exists()
