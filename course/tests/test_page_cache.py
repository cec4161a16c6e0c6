"""Anonymous visitors' programme, module and topic pages are served whole from the cache, and an
editor's publish is seen at once (cms/page_cache.py, course/wagtail_hooks.py; issue 22)."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from cms.tests.factories import TraineeFactory
from course.models import ModulePage, ProgrammePage, TopicPage

from .factories import EnrolmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300
    cache.clear()
    yield
    cache.clear()


def kk_topic(number: str) -> TopicPage:
    return TopicPage.objects.get(number=number, locale__language_code="kk")


def test_an_anonymous_visitors_second_look_at_a_topic_is_served_whole_without_a_query(client):
    url = kk_topic("2.1").url
    first = client.get(url)
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_programme_and_module_pages_are_cached_for_anonymous_visitors_too(client):
    programme = ProgrammePage.objects.get(locale__language_code="kk")
    module = ModulePage.objects.child_of(programme).get(number=1)
    for url in (programme.url, module.url):
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit"


def test_publishing_a_page_purges_the_cache_at_once(client):
    topic = kk_topic("2.1")
    client.get(topic.url)
    topic.title = "Жаңартылған тақырып"
    topic.save_revision().publish()

    response = client.get(topic.url)

    assert response["X-Page-Cache"] == "miss"
    assert "Жаңартылған тақырып" in response.content.decode()


def test_an_unpublished_page_is_not_served_from_the_cache(client):
    topic = kk_topic("2.2")
    url = topic.url
    assert client.get(url).status_code == 200
    topic.unpublish()
    assert client.get(url).status_code == 404


def test_a_signed_in_trainee_gets_their_own_progress_never_the_cached_page(client):
    topic = kk_topic("1.1")
    anonymous = client.get(topic.url).content.decode()
    assert "/accounts/login/?next=" in anonymous  # the invitation to sign in, nothing personal
    enrolment = EnrolmentFactory(trainee=TraineeFactory())
    client.force_login(enrolment.trainee)

    response = client.get(topic.url)

    assert response.status_code == 200
    assert not response.has_header("X-Page-Cache")
    assert f"/study/topics/{topic.pk}/studied/" in response.content.decode()  # "Mark as studied"
    client.logout()
    assert client.get(topic.url)["X-Page-Cache"] == "hit"


def test_a_page_behind_a_password_is_never_cached_and_its_form_never_shared(client):
    module = ModulePage.objects.filter(locale__language_code="kk").get(number=2)
    PageViewRestriction.objects.create(
        page=module, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    first = client.get(module.url)
    second = client.get(module.url)
    assert first.status_code == second.status_code == 200
    assert not second.has_header("X-Page-Cache")
    assert "password" in second.content.decode().lower()


def test_a_query_string_is_served_fresh_and_not_stored(client):
    url = kk_topic("2.1").url + "?utm_source=newsletter"
    assert not client.get(url).has_header("X-Page-Cache")
    assert not client.get(url).has_header("X-Page-Cache")


def test_with_page_cache_seconds_zero_nothing_is_cached(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    url = kk_topic("2.1").url
    client.get(url)
    assert not client.get(url).has_header("X-Page-Cache")


def _dashboard_queries(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/kk/study/")
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_dashboard_reads_the_programme_outline_from_the_cache_and_sees_a_publish(
    client, settings
):
    enrolment = EnrolmentFactory(trainee=TraineeFactory())
    client.force_login(enrolment.trainee)
    settings.PAGE_CACHE_SECONDS = 0
    client.get("/kk/study/")
    uncached, _ = _dashboard_queries(client)
    settings.PAGE_CACHE_SECONDS = 300
    client.get("/kk/study/")  # stores the outline
    cached, html = _dashboard_queries(client)
    assert cached == uncached - 2  # the modules and the topics of the programme
    first = kk_topic("1.1")
    assert first.title in html  # the next topic to study

    first.title = "Инклюзивті білім беру: жаңа атау"
    first.save_revision().publish()

    _, html = _dashboard_queries(client)
    assert "Инклюзивті білім беру: жаңа атау" in html


def test_a_signed_in_trainee_gets_the_shared_topic_body_from_the_cache_and_a_publish_at_once(
    client,
):
    from course.models import TopicCompletion

    topic = kk_topic("1.1")
    studied = EnrolmentFactory(trainee=TraineeFactory())
    TopicCompletion.objects.create(enrolment=studied, topic=topic, source="studied")
    fresh = EnrolmentFactory(trainee=TraineeFactory())
    client.force_login(studied.trainee)
    client.get(topic.url)  # renders the body and keeps it
    # Changed behind Wagtail's back (no save signal, no new revision): only the cache shows the old.
    TopicPage.objects.filter(pk=topic.pk).update(introduction="<p>Changed quietly</p>")

    mine = client.get(topic.url).content.decode()
    client.force_login(fresh.trainee)
    theirs = client.get(topic.url).content.decode()

    assert "Changed quietly" not in mine and "Changed quietly" not in theirs  # the shared body
    assert "studied-note" in mine and "studied-note" not in theirs  # each one's own progress
    assert f"/study/topics/{topic.pk}/studied/" in theirs

    topic.refresh_from_db()
    topic.introduction = "<p>Published by the editor</p>"
    topic.save_revision().publish()

    assert "Published by the editor" in client.get(topic.url).content.decode()


def test_with_page_cache_seconds_zero_a_signed_in_topic_body_is_rendered_every_time(
    client, settings
):
    settings.PAGE_CACHE_SECONDS = 0
    topic = kk_topic("1.1")
    client.force_login(EnrolmentFactory(trainee=TraineeFactory()).trainee)
    client.get(topic.url)
    TopicPage.objects.filter(pk=topic.pk).update(introduction="<p>Changed quietly</p>")

    assert "Changed quietly" in client.get(topic.url).content.decode()


def _signed_in_topic(client, topic) -> tuple[int, str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(topic.url)
    return response.status_code, response.content.decode(), len(queries)


def test_a_signed_in_trainees_page_is_routed_from_the_cache_not_through_the_tree(
    client, monkeypatch
):
    from wagtail.models import Page

    topic = kk_topic("2.1")
    enrolment = EnrolmentFactory(trainee=TraineeFactory())
    client.force_login(enrolment.trainee)
    walked = []
    route = Page.route

    def walking(self, request, path_components):
        walked.append(self.pk)
        return route(self, request, path_components)

    monkeypatch.setattr(Page, "route", walking)

    first = _signed_in_topic(client, topic)
    steps_first = len(walked)
    again = _signed_in_topic(client, topic)

    assert first[0] == again[0] == 200
    assert topic.title in again[1]
    assert steps_first >= 3  # site root → programme → module → topic
    assert len(walked) == steps_first  # the second time: no step through the tree


def test_a_renamed_page_is_routed_afresh_and_its_old_address_is_gone(client):
    topic = kk_topic("2.1")
    enrolment = EnrolmentFactory(trainee=TraineeFactory())
    client.force_login(enrolment.trainee)
    old_url = topic.url
    client.get(old_url)
    client.get(old_url)

    topic.slug = "zhana-atau"
    topic.save_revision().publish()
    topic.refresh_from_db()

    assert client.get(old_url).status_code == 404
    assert client.get(topic.url).status_code == 200


def test_a_page_unpublished_after_its_route_was_kept_is_not_served_to_a_signed_in_trainee(client):
    topic = kk_topic("2.2")
    enrolment = EnrolmentFactory(trainee=TraineeFactory())
    client.force_login(enrolment.trainee)
    url = topic.url
    client.get(url)
    assert client.get(url).status_code == 200

    # Behind the cache's back (no signal): the page is read fresh, and live pages only.
    TopicPage.objects.filter(pk=topic.pk).update(live=False)

    assert client.get(url).status_code == 404
