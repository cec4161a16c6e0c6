"""The main menu, whose links assessment and mentoring register with cms (cms.navigation).

The expected links are the ones base.html rendered when it loaded the apps' template tags itself
(captured for each role before the registry replaced them)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group

from cms.tests.factories import (
    RegistrarFactory,
    TraineeFactory,
    TrainerFactory,
    UserFactory,
    totp_activate,
)
from mentoring.selectors import MENTOR_GROUP

pytestmark = pytest.mark.django_db

HOME = ("/kk/", "Басты бет")
# Every signed-in person (notifications.integration): without unread ones, no count.
NOTIFICATIONS = ("/kk/notifications/", "Хабарландырулар")
STUDIES = ("/kk/study/", "Менің оқуым")
PROFILE = ("/kk/accounts/profile/", "Менің профилім")
MY_DATA = ("/kk/accounts/my-data/", "Менің деректерім")
COHORTS = ("/kk/study/cohorts/", "Ағындар")
GRADING = ("/kk/assessment/grading/", "Тексеру кезегі")
MENTOR_QUEUE = ("/kk/mentoring/queue/", "Тәлімгер кезегі")
QUALITY = ("/kk/quality/cohorts/", "Курс сапасы")
# Staff, and trainees with an enrolment (assessment.library.library_allowed).
LIBRARY = ("/kk/assessment/library/", "Материалдар кітапханасы")


def menu_links(client) -> list[tuple[str, str]]:
    response = client.get("/kk/")
    assert response.status_code == 200
    nav = re.search(r'<nav [^>]*class="main-nav"[^>]*>.*?</nav>', response.content.decode(), re.S)
    return re.findall(r'<a href="([^"]+)">([^<]+)</a>', nav.group(0))


def test_a_trainee_sees_the_assessment_links_then_mentoring(client):
    client.force_login(TraineeFactory())
    assert menu_links(client) == [
        HOME,
        NOTIFICATIONS,
        STUDIES,
        ("/kk/assessment/practice/", "Практикалық жұмыстар"),
        ("/kk/assessment/plan/", "Жеке қолдау жоспары"),
        ("/kk/assessment/my/", "Менің қорытынды бағалауым"),
        ("/kk/mentoring/", "Тәлімгерлік"),
        ("/kk/quality/competence/", "Менің құзыреттерім"),
        PROFILE,
        MY_DATA,
    ]


def test_a_trainer_sees_the_cohorts_and_the_grading_queue(client):
    client.force_login(TrainerFactory())
    assert menu_links(client) == [
        HOME,
        NOTIFICATIONS,
        STUDIES,
        COHORTS,
        LIBRARY,
        GRADING,
        QUALITY,
        PROFILE,
        MY_DATA,
    ]


def test_a_mentor_sees_the_mentor_queue_only(client):
    mentor = UserFactory()
    mentor.groups.add(Group.objects.get_or_create(name=MENTOR_GROUP)[0])
    totp_activate(mentor)  # mentors sign in with a second factor
    client.force_login(mentor)
    assert menu_links(client) == [HOME, NOTIFICATIONS, STUDIES, MENTOR_QUEUE, PROFILE, MY_DATA]


def test_a_registrar_sees_both_queues_and_the_administration(client):
    # A registrar studies nothing (no "My studies" unless enrolled): cohorts, the queues, the
    # register and the certificates waiting, the quality pages and the administration.
    client.force_login(RegistrarFactory())
    assert menu_links(client) == [
        HOME,
        NOTIFICATIONS,
        COHORTS,
        LIBRARY,
        GRADING,
        MENTOR_QUEUE,
        ("/kk/certificates/register/", "Тізілім"),
        ("/kk/certificates/pending/", "Күтілетін сертификаттар"),
        QUALITY,
        ("/kk/quality/report/", "Уәкілетті органға есеп"),
        ("/admin/", "Әкімшілік бөлім"),
        PROFILE,
        MY_DATA,
    ]


def test_a_person_without_a_role_sees_only_the_notifications_and_a_visitor_no_app_links(client):
    client.force_login(UserFactory())
    assert menu_links(client) == [HOME, NOTIFICATIONS, STUDIES, PROFILE, MY_DATA]
    client.logout()
    assert menu_links(client) == [
        HOME,
        ("/kk/accounts/login/", "Кіру"),
        ("/kk/accounts/signup/", "Тіркелу"),
    ]
