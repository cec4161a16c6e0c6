"""A registrar reads any cohort's attendance register (to check it) but records none."""

from __future__ import annotations

import pytest

from cms.tests.factories import RegistrarFactory, TrainerFactory
from course.models import Attendance

from .conftest import url
from .factories import CohortFactory, EnrolmentFactory, LiveSessionFactory, kk_topic

pytestmark = pytest.mark.django_db


@pytest.fixture
def marked_register(programme):
    trainer = TrainerFactory()
    session = LiveSessionFactory(cohort=CohortFactory(trainers=[trainer]), topic=kk_topic("1.5"))
    present = EnrolmentFactory(cohort=session.cohort, trainee__profile__surname_kk="Асанова")
    unmarked = EnrolmentFactory(cohort=session.cohort, trainee__profile__surname_kk="Бекова")
    Attendance.objects.create(session=session, enrolment=present, mark="present")
    return session, present, unmarked


def test_a_registrar_reads_a_register_without_radio_buttons(client, marked_register):
    session, _present, _unmarked = marked_register
    client.force_login(RegistrarFactory())
    response = client.get(url("session_attendance", session.pk))
    html = response.content.decode()
    assert response.status_code == 200
    assert "You are reading this register: the cohort's trainers record it." in html
    assert 'type="radio"' not in html
    assert "<td>Present</td>" in html
    assert "<td>not marked</td>" in html


def test_a_registrar_cannot_record_a_register_and_nothing_changes(client, marked_register):
    session, present, unmarked = marked_register
    client.force_login(RegistrarFactory())
    response = client.post(
        url("session_attendance", session.pk),
        {f"mark-{present.pk}": "absent", f"mark-{unmarked.pk}": "absent"},
    )
    assert response.status_code == 403
    assert dict(Attendance.objects.values_list("enrolment_id", "mark")) == {present.pk: "present"}


def test_the_cohort_page_links_a_registrar_to_every_sessions_register(client, marked_register):
    session, _present, _unmarked = marked_register
    client.force_login(RegistrarFactory())
    html = client.get(url("cohort_detail", session.cohort.code)).content.decode()
    assert url("session_attendance", session.pk) in html
