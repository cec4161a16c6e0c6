"""The admin's cohort and session forms refuse bad input with plain messages, and its detail
pages show local time as its lists do."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from cms.tests.factories import RegistrarFactory
from course.models import Cohort, Enrolment, LiveSession
from course.tests.factories import kk_programme, kk_topic

from .factories import CohortFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db


def _cohort_data(**changes):
    data = {
        "programme": kk_programme().pk,
        "code": "pa-new",
        "name": "Жаңа ағын",
        "language": "kk",
        "starts_on": "2027-02-01",
        "ends_on": "2027-03-01",
        "study_form": "online",
        "capacity": "25",
        "enrolment_key": "",
    }
    return {**data, **changes}


def test_a_cohort_ending_before_it_starts_is_refused_in_plain_words(client, programme):
    client.force_login(RegistrarFactory())
    response = client.post(reverse("cohort:add"), _cohort_data(ends_on="2027-01-01"))
    html = response.content.decode()
    # The admin speaks Kazakh by default.
    assert "Ағын басталмай тұрып аяқтала алмайды." in html
    assert "cohort_ends_after_start" not in html
    assert not Cohort.objects.filter(code="pa-new").exists()


def test_a_cohort_without_places_is_refused(client, programme):
    client.force_login(RegistrarFactory())
    response = client.post(reverse("cohort:add"), _cohort_data(capacity="0"))
    assert "Ағында кемінде бір орын болуы керек." in response.content.decode()
    assert not Cohort.objects.filter(code="pa-new").exists()


def test_a_session_outside_the_cohorts_dates_is_refused(client, programme):
    cohort = CohortFactory(starts_on=datetime.date(2027, 2, 1), ends_on=datetime.date(2027, 3, 1))
    client.force_login(RegistrarFactory())
    response = client.post(
        reverse("livesession:add"),
        {
            "cohort": cohort.pk,
            "topic": kk_topic("1.5").pk,
            "starts_at": "2027-03-02 10:00",
            "duration_minutes": 90,
            "online_link": "https://meet.example.kz/pa",
            "room": "",
        },
    )
    assert "Сабақ ағынның мерзімі ішінде болуы керек: 01.02.2027 – 01.03.2027." in (
        response.content.decode()
    )
    assert not LiveSession.objects.exists()


def test_the_enrolment_detail_in_the_admin_shows_local_time(client, programme):
    enrolment = EnrolmentFactory()
    # 03:30 UTC is 08:30 in Almaty (UTC+5).
    at = datetime.datetime(2026, 11, 2, 3, 30, tzinfo=datetime.UTC)
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=at)
    client.force_login(RegistrarFactory())
    html = client.get(reverse("enrolment:inspect", args=[enrolment.pk])).content.decode()
    assert "08:30" in html
    assert "03:30" not in html
    assert timezone.get_current_timezone_name() == "Asia/Almaty"
