from __future__ import annotations

import pytest
from django.test import Client

from course import demo
from course.models import Attendance, Cohort, Enrolment, TopicCompletion

from .conftest import url

pytestmark = pytest.mark.django_db


def _counts():
    return (
        Cohort.objects.count(),
        Enrolment.objects.count(),
        TopicCompletion.objects.count(),
        Attendance.objects.count(),
    )


def test_seed_makes_the_demo_cohort_and_accounts_and_running_it_again_changes_nothing(programme):
    result = {"accounts": [], "certificates": [], "statements": []}
    demo.seed(result)
    roles = [a["role"] for a in result["accounts"]]
    assert roles.count("registrar") == 1 and roles.count("trainer") == 2
    assert roles.count("trainee") == 20
    assert {"email": "trainee01@demo.kz", "password": "demo-trainee-2026", "role": "trainee"} in (
        result["accounts"]
    )
    cohort = Cohort.objects.get(enrolment_key="DEMO-2026")
    assert cohort.trainers.count() == 2 and cohort.enrolments.count() == 20
    assert all(e.trainee.trainee_profile.is_complete for e in cohort.enrolments.all())
    done = {e.completions.count() for e in cohort.enrolments.all()}
    assert len(done) > 5  # varied progress
    assert Attendance.objects.filter(session__cohort=cohort).exists()
    before = _counts()
    again = {"accounts": [], "certificates": [], "statements": []}
    demo.seed(again)
    assert _counts() == before and again["accounts"] == result["accounts"]


def test_a_demo_trainee_signs_in_with_the_published_password_and_sees_progress(programme):
    demo.seed({"accounts": [], "certificates": [], "statements": []})
    client = Client()
    assert client.login(email="trainee20@demo.kz", password="demo-trainee-2026")
    html = client.get(url("dashboard")).content.decode()
    assert "of 80 h" in html and "DEMO-2026".lower() in html
