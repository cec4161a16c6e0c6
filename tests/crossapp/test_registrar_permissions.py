"""What the registrar group may do, now that each app declares it (cms.roles.registrar_apps)."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from cms import roles
from cms.services import role_permissions_sync

pytestmark = pytest.mark.django_db


def test_registrars_manage_every_model_of_course_assessment_and_certificates_as_before():
    # quality: the question bank and trainers' qualifications, edited in the Wagtail admin.
    assert sorted(roles.registrar_apps()) == ["assessment", "certificates", "course", "quality"]


def test_the_registrar_group_gets_the_declared_apps_permissions_and_none_of_mentoring():
    role_permissions_sync()
    granted = {
        f"{app_label}.{codename}"
        for app_label, codename in Group.objects.get(name=roles.REGISTRAR).permissions.values_list(
            "content_type__app_label", "codename"
        )
    }
    assert {
        "course.change_cohort",
        "assessment.change_rubric",
        "certificates.view_certificate",
    } <= granted
    assert "cms.change_organisationsettings" in granted
    assert not {p for p in granted if p.startswith(("mentoring.", "credentials."))}
