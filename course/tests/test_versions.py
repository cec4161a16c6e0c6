"""Versions of the approved programme: a version cohorts use keeps its structure; structural
changes are made on a copy, the next version; trainees' progress is never deleted."""

from __future__ import annotations

import html

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale, Page

from cms.tests.admin_forms import admin_publish_data
from cms.tests.factories import TrainerFactory, totp_activate
from course.models import Cohort, ModulePage, ProgrammePage, TopicCompletion, TopicPage
from course.versioning import programme_new_version

from .factories import CohortFactory, EnrolmentFactory
from .test_programme_pages import _admin_in_english

pytestmark = pytest.mark.django_db

IN_USE = "Cohorts study “Жалпы білім беретін мектептердегі педагог-ассистент"


@pytest.fixture(autouse=True)
def _english():
    """Models and services speak the active language (Kazakh by default); these tests read the
    English. Requests choose their own (the editor's admin is in English)."""
    with translation.override("en"):
        yield


@pytest.fixture
def editor(client, django_user_model):
    admin = django_user_model.objects.create_superuser(email="editor@example.com", password="x")
    totp_activate(admin)
    _admin_in_english(admin)
    client.force_login(admin)
    return admin


def _messages(response) -> list[str]:
    # Wagtail renders a message through a template, which leaves blank lines after it.
    return [html.unescape(str(m)).strip() for m in get_messages(response.wsgi_request)]


def _topic(programme, number: str) -> TopicPage:
    return TopicPage.objects.descendant_of(programme).get(number=number)


def _with_progress(programme, number: str = "1.1") -> TopicCompletion:
    enrolment = EnrolmentFactory(cohort=CohortFactory(programme=programme))
    return TopicCompletion.objects.create(
        enrolment=enrolment, topic=_topic(programme, number), source="studied"
    )


def _page_count(programme) -> int:
    return Page.objects.descendant_of(programme).count()


# --- A topic with progress is never deleted ----------------------------------------------------


def test_the_admin_refuses_to_delete_a_topic_with_trainees_progress(client, editor, programme):
    completion = _with_progress(programme, "1.1")
    topic = completion.topic
    pages_before = Page.objects.count()

    response = client.get(reverse("wagtailadmin_pages:delete", args=[topic.pk]))

    assert response.status_code == 302
    assert _messages(response) == [
        "Topic 1.1 has trainees' progress, so it is never deleted: their hours and "
        "certificates are counted on it."
    ]
    assert Page.objects.count() == pages_before
    assert TopicCompletion.objects.filter(pk=completion.pk).exists()


def test_the_admin_refuses_to_delete_the_russian_page_of_a_topic_with_progress(
    client, editor, programme
):
    # With the tree kept in sync, deleting a translation deletes the Kazakh page too.
    completion = _with_progress(programme, "2.3")
    russian = completion.topic.get_translation(Locale.objects.get(language_code="ru"))
    pages_before = Page.objects.count()

    response = client.post(reverse("wagtailadmin_pages:delete", args=[russian.pk]))

    assert response.status_code == 302
    assert "Topic 2.3 has trainees' progress" in _messages(response)[0]
    assert Page.objects.count() == pages_before


def test_the_admin_refuses_to_delete_a_module_holding_a_topic_with_progress(
    client, editor, programme
):
    completion = _with_progress(programme, "3.2")
    module = completion.topic.get_parent()
    pages_before = Page.objects.count()

    response = client.post(reverse("wagtailadmin_pages:delete", args=[module.pk]))

    assert "Topic 3.2 has trainees' progress" in _messages(response)[0]
    assert Page.objects.count() == pages_before


def test_the_admins_bulk_delete_refuses_a_topic_with_progress(client, editor, programme):
    completion = _with_progress(programme, "1.1")
    spare = _topic(programme, "1.2")
    pages_before = Page.objects.count()
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))

    response = client.post(f"{url}?id={spare.pk}&id={completion.topic.pk}")

    assert response.status_code == 302
    assert any("Topic 1.1 has trainees' progress" in m for m in _messages(response))
    assert Page.objects.count() == pages_before


def test_a_topic_with_progress_is_not_deleted_from_code_either(programme):
    completion = _with_progress(programme, "1.1")
    pages_before = Page.objects.count()

    with pytest.raises(ProtectedError):
        completion.topic.delete()

    assert Page.objects.count() == pages_before
    assert TopicCompletion.objects.filter(pk=completion.pk).exists()


# --- A version in use keeps its structure ---------------------------------------------------


def test_a_topic_of_a_version_in_use_keeps_its_hours_kind_and_number(programme):
    CohortFactory(programme=programme)
    topic = _topic(programme, "2.4")
    topic.hours, topic.kind, topic.number = 6, "lecture", "2.9"

    with pytest.raises(ValidationError) as error:
        topic.full_clean()

    assert set(error.value.message_dict) == {"hours", "kind", "number"}
    assert error.value.message_dict["hours"][0].startswith(IN_USE)
    assert "“Create a new version”" in error.value.message_dict["hours"][0]
    assert TopicPage.objects.filter(pk=topic.pk).values_list("hours", "kind", "number").get() == (
        4,
        "practice",
        "2.4",
    )


def test_the_wording_of_a_topic_in_use_stays_free(programme):
    CohortFactory(programme=programme)
    topic = _topic(programme, "2.4")
    topic.title = "A clearer short title"
    topic.introduction = "<p>Clearer wording.</p>"

    topic.full_clean()
    topic.save_revision().publish()

    assert TopicPage.objects.get(pk=topic.pk).title == "A clearer short title"


def test_the_admin_refuses_new_hours_for_a_topic_in_use_with_the_message(client, editor, programme):
    CohortFactory(programme=programme)
    topic = _topic(programme, "2.4")
    revisions_before = topic.revisions.count()
    form = client.get(f"/admin/pages/{topic.pk}/edit/").context["form"]
    data = admin_publish_data(form)
    data["hours"] = "6"

    response = client.post(f"/admin/pages/{topic.pk}/edit/", data)

    assert response.status_code == 200
    assert str(response.context["form"].errors["hours"][0]).startswith(IN_USE)
    assert TopicPage.objects.get(pk=topic.pk).hours == 4
    assert topic.revisions.count() == revisions_before


def test_a_module_of_a_version_in_use_keeps_its_number(programme):
    CohortFactory(programme=programme)
    module = ModulePage.objects.child_of(programme).get(number=2)
    module.number = 7

    with pytest.raises(ValidationError) as error:
        module.full_clean()

    assert error.value.message_dict["number"][0].startswith(IN_USE)


def test_the_admin_refuses_to_add_a_topic_to_a_version_in_use(client, editor, programme):
    CohortFactory(programme=programme)
    module = ModulePage.objects.child_of(programme).get(number=1)
    pages_before = Page.objects.count()

    response = client.get(
        reverse("wagtailadmin_pages:add", args=("course", "topicpage", module.pk))
    )

    assert response.status_code == 302
    assert _messages(response)[0].startswith(IN_USE)
    assert Page.objects.count() == pages_before


def test_a_topic_added_from_code_to_a_version_in_use_is_refused(programme):
    CohortFactory(programme=programme)
    module = ModulePage.objects.child_of(programme).get(number=1)
    pages_before = Page.objects.count()

    with pytest.raises(ValidationError) as error:
        module.add_child(
            instance=TopicPage(
                title="New",
                slug="topic-1-9",
                number="1.9",
                kind="lecture",
                hours=1,
                locale=programme.locale,
            )
        )

    assert error.value.message_dict["__all__"][0].startswith(IN_USE)
    assert Page.objects.count() == pages_before


def test_the_admins_plain_copy_of_a_topic_into_a_version_in_use_is_refused(
    client, editor, programme
):
    CohortFactory(programme=programme)
    topic = _topic(programme, "1.2")
    pages_before = Page.objects.count()

    response = client.post(
        reverse("wagtailadmin_pages:copy", args=[topic.pk]),
        {
            "new_title": "Copy",
            "new_slug": "topic-1-2-copy",
            "new_parent_page": topic.get_parent().pk,
        },
    )

    assert response.status_code == 302
    assert _messages(response)[0].startswith(IN_USE)
    assert Page.objects.count() == pages_before


def test_the_admin_copies_a_programme_only_as_a_new_version(client, editor, programme):
    pages_before = Page.objects.count()

    response = client.get(reverse("wagtailadmin_pages:copy", args=[programme.pk]))

    assert response.status_code == 302
    assert _messages(response) == [
        "A programme is copied as its next version: use “Create a new version” on the "
        "programme page."
    ]
    assert Page.objects.count() == pages_before


def test_a_russian_topic_of_a_version_in_use_is_held_as_well(programme):
    CohortFactory(programme=programme)
    russian = TopicPage.objects.get(locale__language_code="ru", number="1.3")
    russian.hours = 9

    with pytest.raises(ValidationError) as error:
        russian.full_clean()

    assert "hours" in error.value.message_dict


# --- Topics stay under their module; numbers are unique in a version -------------------------


def test_the_admin_refuses_to_move_a_topic_into_another_module(client, editor, programme):
    topic = _topic(programme, "1.2")
    other = ModulePage.objects.child_of(programme).get(number=2)
    path_before = topic.path

    response = client.get(reverse("wagtailadmin_pages:move_confirm", args=[topic.pk, other.pk]))

    assert response.status_code == 302
    assert _messages(response) == [
        "Topic 1.2 stays in its module: topics are numbered within their module. To teach it "
        "in another module, add a topic there in a new version of the programme."
    ]
    assert TopicPage.objects.get(pk=topic.pk).path == path_before


def test_a_topic_moved_from_code_into_another_module_is_refused(programme):
    topic = _topic(programme, "1.2")
    other = ModulePage.objects.child_of(programme).get(number=2)
    path_before = topic.path

    with pytest.raises(ValidationError, match=r"Topic 1\.2 stays in its module"):
        topic.move(other, pos="last-child")

    assert TopicPage.objects.get(pk=topic.pk).path == path_before


def test_a_second_topic_with_one_number_in_a_version_is_refused(programme):
    topic = _topic(programme, "2.4")
    topic.number = "2.3"

    with pytest.raises(ValidationError) as error:
        topic.full_clean()

    assert error.value.message_dict["number"] == [
        "This version of the programme already has a topic 2.3: topic numbers are unique "
        "within a version."
    ]
    assert TopicPage.objects.get(pk=topic.pk).number == "2.4"


# --- A new version -----------------------------------------------------------------------------


def test_a_new_version_copies_the_tree_in_every_language_as_a_draft(programme, editor):
    cohort = CohortFactory(programme=programme)

    new = programme_new_version(programme=programme, by=editor)

    assert (new.version, new.programme_key, new.live) == (2, programme.programme_key, False)
    assert new.locale.language_code == "kk" and new.pk != programme.pk
    assert TopicPage.objects.descendant_of(new).count() == 28
    assert ModulePage.objects.child_of(new).count() == 5
    for language in ("ru", "en"):
        translated = new.get_translations().get(locale__language_code=language).specific
        assert translated.version == 2
        assert translated.get_parent().locale.language_code == language
        copied = TopicPage.objects.descendant_of(translated).get(number="1.2")
        # A translation of the copied Kazakh topic, not of the old one.
        assert copied.translation_key == _topic(new, "1.2").translation_key
        assert copied.translation_key != _topic(programme, "1.2").translation_key
        assert copied.title == _topic(programme, "1.2").get_translation(copied.locale).title
    cohort.refresh_from_db()
    assert cohort.programme_id == programme.pk


def test_a_new_version_is_free_to_change_while_the_old_one_is_held(programme, editor):
    CohortFactory(programme=programme)
    new = programme_new_version(programme=programme, by=editor)

    changed = _topic(new, "1.1")
    changed.hours = 5
    changed.full_clean()
    changed.save()

    assert new.derived_hours().total == 0  # a draft: its topics are not live yet
    assert _topic(new, "1.1").hours == 5
    assert _topic(programme, "1.1").hours == 2
    assert programme.derived_hours().total == 80


def test_a_cohort_on_the_old_version_keeps_its_hours_and_topics(programme, editor):
    cohort = CohortFactory(programme=programme)
    new = programme_new_version(programme=programme, by=editor)
    _publish_tree(new)
    topic = _topic(new, "1.1")
    topic.hours = 5
    topic.save_revision().publish()

    assert _topic(new, "1.1").hours == 5
    assert new.derived_hours().total == 83
    cohort = Cohort.objects.get(pk=cohort.pk)
    assert cohort.programme.specific.derived_hours().total == 80
    assert _topic(cohort.programme, "1.1").hours == 2


def test_a_third_version_is_numbered_after_the_second(programme, editor):
    programme_new_version(programme=programme, by=editor)

    third = programme_new_version(programme=programme, by=editor)

    assert third.version == 3
    assert ProgrammePage.objects.filter(programme_key=programme.programme_key).count() == 9


def test_the_admin_offers_and_makes_a_new_version(client, editor, programme):
    page = client.get(reverse("wagtailadmin_explore", args=[programme.pk])).content.decode()
    url = reverse("course_programme_new_version", args=[programme.pk])
    assert url in page and "Create a new version" in page

    confirm = client.get(url)
    assert confirm.status_code == 200 and "as version 2" in confirm.content.decode()

    response = client.post(url)

    new = ProgrammePage.objects.get(
        programme_key=programme.programme_key, version=2, locale=programme.locale
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_explore", args=[new.pk])
    assert _messages(response)[0].startswith("Version 2 is a draft copy")


def test_a_trainer_cannot_make_a_new_version(client, programme):
    client.force_login(TrainerFactory())
    versions_before = ProgrammePage.objects.count()

    response = client.post(reverse("course_programme_new_version", args=[programme.pk]))

    assert response.status_code in (302, 403)
    assert ProgrammePage.objects.count() == versions_before


def test_a_cohort_with_trainees_keeps_its_version(programme, editor):
    enrolment = EnrolmentFactory(cohort=CohortFactory(programme=programme))
    new = programme_new_version(programme=programme, by=editor)
    new.save_revision().publish()
    new = ProgrammePage.objects.get(pk=new.pk)
    cohort = enrolment.cohort
    cohort.programme = new

    with pytest.raises(ValidationError) as error:
        cohort.full_clean()

    assert error.value.message_dict["programme"] == [
        "Trainees of this cohort study version 1 of the programme; a cohort with trainees "
        "keeps its version."
    ]
    assert Cohort.objects.get(pk=cohort.pk).programme_id == programme.pk


def test_a_new_cohort_cannot_study_a_version_not_yet_published(programme, editor):
    new = programme_new_version(programme=programme, by=editor)
    cohort = CohortFactory.build(programme=new)

    with pytest.raises(ValidationError) as error:
        cohort.full_clean()

    assert error.value.message_dict["programme"] == [
        "Version 2 of the programme is not published yet: publish it before a cohort studies it."
    ]


def test_the_cohort_form_names_each_version(client, editor, programme):
    programme_new_version(programme=programme, by=editor)

    html = client.get(reverse("cohort:add")).content.decode()

    assert "(version 1)" in html and "(version 2)" in html


def _publish_tree(programme) -> None:
    for page in Page.objects.descendant_of(programme, inclusive=True).specific():
        page.save_revision().publish()
    for translated in programme.get_translations():
        for page in Page.objects.descendant_of(translated, inclusive=True).specific():
            page.save_revision().publish()
