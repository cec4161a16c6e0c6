"""Deleting an account with a course history: the enrolment goes, the certificate's frozen record
stays verifiable without the account."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from cms.tests.factories import TraineeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certified_trainee(programme):
    from certificates.services import certificate_issue
    from course.models import Enrolment
    from course.tests.factories import EnrolmentFactory

    trainee = TraineeFactory()
    enrolment = EnrolmentFactory(trainee=trainee, status=Enrolment.Status.COMPLETED)
    certificate = certificate_issue(enrolment=enrolment, score=88, band="excellent")
    return trainee, enrolment, certificate


def test_deletion_keeps_the_certificate_record_and_removes_the_rest(client, certified_trainee):
    from certificates.models import Certificate
    from course.models import Enrolment

    trainee, enrolment, certificate = certified_trainee
    holder_name = certificate.holder_name_kk
    # The certificate copied the profile's Kazakh name at issue time.
    assert holder_name == trainee.trainee_profile.full_name_kk
    client.force_login(trainee)
    response = client.post("/en/accounts/my-data/delete/", {"confirm": "on"})
    assert response.status_code == 302

    assert not get_user_model().objects.filter(pk=trainee.pk).exists()
    assert not Enrolment.objects.filter(pk=enrolment.pk).exists()
    kept = Certificate.objects.get(pk=certificate.pk)
    assert kept.holder_id is None
    assert kept.holder_name_kk == holder_name
    assert kept.holder_email == ""

    response = client.get(f"/verify/{kept.code}.json")
    assert response.status_code == 200
    assert response.json()["status"] == "valid"
    assert holder_name in str(response.json()["holder_name"])


def test_the_export_includes_the_other_apps_sections(client, certified_trainee):
    trainee, _enrolment, certificate = certified_trainee
    client.force_login(trainee)
    data = client.get("/en/accounts/my-data/export.json").json()
    assert "certificates" in data
    assert certificate.serial in str(data["certificates"])
