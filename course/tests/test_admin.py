"""The registrar runs cohorts, sessions and enrolments in the Wagtail admin."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cms.tests.factories import RegistrarFactory, TrainerFactory

from .factories import CohortFactory, EnrolmentFactory, LiveSessionFactory

pytestmark = pytest.mark.django_db


def test_the_registrar_lists_and_filters_cohorts_sessions_and_enrolments(client, programme):
    kk = CohortFactory(code="pa-kk", language="kk")
    ru = CohortFactory(code="pa-ru", language="ru")
    LiveSessionFactory(cohort=kk)
    EnrolmentFactory(cohort=ru)
    client.force_login(RegistrarFactory())
    response = client.get(reverse("cohort:index"), {"language": "ru"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "pa-ru" in html and "pa-kk" not in html
    assert client.get(reverse("livesession:index")).status_code == 200
    response = client.get(reverse("enrolment:index"), {"cohort": ru.pk})
    assert response.status_code == 200 and "pa-ru" in response.content.decode()
    assert client.get(reverse("cohort:edit", args=[kk.pk])).status_code == 200


def test_a_trainer_cannot_manage_cohorts_in_the_admin(client, programme):
    CohortFactory()
    client.force_login(TrainerFactory())
    response = client.get(reverse("cohort:index"))
    assert response.status_code in (302, 403)


def test_a_session_is_scheduled_on_a_kazakh_topic_from_the_admin(client, programme):
    from course.models import LiveSession, TopicPage

    cohort = CohortFactory()
    kk = TopicPage.objects.get(number="1.5", locale__language_code="kk")
    ru = TopicPage.objects.get(number="1.5", locale__language_code="ru")
    client.force_login(RegistrarFactory())
    html = client.get(reverse("livesession:add")).content.decode()
    assert f'value="{kk.pk}"' in html and f'value="{ru.pk}"' not in html
    response = client.post(
        reverse("livesession:add"),
        {
            "cohort": cohort.pk,
            "topic": kk.pk,
            "starts_at": "2026-12-01 15:00",
            "duration_minutes": 90,
            "online_link": "",
            "room": "",
        },
    )
    # The admin page is in Kazakh (the default language): the message comes from our catalogue.
    assert "Онлайн сілтемені немесе аудиторияны көрсетіңіз." in response.content.decode()
    assert not LiveSession.objects.exists()


def test_an_enrolment_added_in_the_admin_starts_its_history_and_makes_a_trainee(client, programme):
    from cms.roles import TRAINEE
    from cms.tests.factories import UserFactory
    from course.models import Enrolment, EnrolmentEvent

    cohort = CohortFactory()
    person = UserFactory()
    registrar = RegistrarFactory()
    client.force_login(registrar)

    response = client.post(reverse("enrolment:add"), {"cohort": cohort.pk, "trainee": person.pk})

    assert response.status_code == 302
    enrolment = Enrolment.objects.get(cohort=cohort, trainee=person)
    assert enrolment.status == Enrolment.Status.ACTIVE
    event = EnrolmentEvent.objects.get(enrolment=enrolment)
    assert (event.from_status, event.to_status, event.by) == ("", "active", registrar)
    assert event.reason
    assert person.groups.filter(name=TRAINEE).exists()


def test_the_admin_neither_edits_nor_deletes_an_enrolment_or_its_history(client, programme):
    from course.models import Enrolment, EnrolmentEvent

    enrolment = EnrolmentFactory()
    event = EnrolmentEvent.objects.create(
        enrolment=enrolment, from_status="", to_status="active", reason="joined"
    )
    other_cohort = CohortFactory()
    client.force_login(RegistrarFactory())

    edit = client.post(
        reverse("enrolment:edit", args=[enrolment.pk]),
        {"cohort": other_cohort.pk, "trainee": enrolment.trainee_id},
    )
    delete = client.post(reverse("enrolment:delete", args=[enrolment.pk]))
    edit_event = client.post(
        reverse("enrolmentevent:edit", args=[event.pk]), {"reason": "rewritten"}
    )

    assert {edit.status_code, delete.status_code, edit_event.status_code} <= {302, 403}
    enrolment.refresh_from_db()
    event.refresh_from_db()
    assert enrolment.cohort_id != other_cohort.pk
    assert Enrolment.objects.filter(pk=enrolment.pk).exists()
    assert event.reason == "joined"
    assert client.get(reverse("enrolment:inspect", args=[enrolment.pk])).status_code == 200
