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
    from certificates.tests.factories import EnrolmentFactory
    from course.models import Enrolment

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
    assert data["course"]["enrolments"][0]["status"] == "completed"


def test_a_trainee_with_results_and_practice_files_can_delete_the_account(client, programme):
    from assessment.models import FinalResult, Submission, SubmissionFile
    from assessment.tests.factories import finalised_result
    from certificates.models import Certificate
    from certificates.services import certificate_issue
    from certificates.tests.factories import EnrolmentFactory

    trainee = TraineeFactory()
    # A trainee who met the completion rule (a finished cohort, every hour, plan defended).
    enrolment = EnrolmentFactory(trainee=trainee)
    result = finalised_result(enrolment=enrolment, scores={"theory": 18})
    certificate = certificate_issue(enrolment=enrolment)
    submission_file = _practice_file(enrolment)
    stored = submission_file.file.path

    client.force_login(trainee)
    exported = client.get("/en/accounts/my-data/export.json").json()
    assert exported["assessment"]["final_results"][0]["total"] == result.total
    assert exported["assessment"]["practice_work"][0]["versions"][0]["files"] == ["case.pdf"]

    response = client.post("/en/accounts/my-data/delete/", {"confirm": "on"})
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=trainee.pk).exists()
    assert not FinalResult.objects.filter(pk=result.pk).exists()
    assert not Submission.objects.exists() and not SubmissionFile.objects.exists()
    import os

    assert not os.path.exists(stored)
    assert (
        client.get(f"/verify/{Certificate.objects.get(pk=certificate.pk).code}.json").json()[
            "status"
        ]
        == "valid"
    )


def _practice_file(enrolment):
    from django.core.files.base import ContentFile

    from assessment.models import Assignment, Submission, SubmissionFile, SubmissionVersion
    from course.models import TopicPage

    topic = TopicPage.objects.get(locale__language_code="kk", number="1.5")
    assignment = Assignment.objects.create(topic=topic, brief_kk="…")
    submission = Submission.objects.create(assignment=assignment, enrolment=enrolment)
    version = SubmissionVersion.objects.create(submission=submission, number=1, text="…")
    row = SubmissionFile(version=version, name="case.pdf", size=9)
    row.file.save("case.pdf", ContentFile(b"%PDF-1.7\n"), save=False)
    row.save()
    return row
