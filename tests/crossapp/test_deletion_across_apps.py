"""Records outlive an account: a person with academic records asks for deletion, a registrar
approves, and the login and contact data go while the enrolment, attendance, results with their
audit and the certificate stay under a pseudonym. A person without records deletes at once."""

from __future__ import annotations

import os

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from cms.models import AccountDeletionRequest
from cms.tests.factories import DEFAULT_PASSWORD, RegistrarFactory, TraineeFactory, TrainerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def certified_trainee(programme):
    """A trainee who passed (result with an audited score change), attended one session and holds
    a certificate."""
    from assessment.models import ScoreChange
    from assessment.tests.factories import finalised_result
    from certificates.services import certificate_issue
    from certificates.tests.factories import EnrolmentFactory
    from course.models import Attendance
    from course.tests.factories import LiveSessionFactory

    trainee = TraineeFactory(email="aigerim@example.kz")
    # A trainee who met the completion rule (a finished cohort, every hour, plan defended).
    enrolment = EnrolmentFactory(trainee=trainee)
    result = finalised_result(enrolment=enrolment, scores={"theory": 18})
    session = LiveSessionFactory(cohort=enrolment.cohort)
    Attendance.objects.create(session=session, enrolment=enrolment, mark="present")
    change = ScoreChange.objects.create(
        result=result,
        criterion=result.rubric.criteria.first(),
        role="first",
        old_score=17,
        new_score=18,
        changed_by=TrainerFactory(mfa=False),
        reason="Recount",
    )
    certificate = certificate_issue(enrolment=enrolment)
    return trainee, enrolment, result, change, certificate


def _english_registrar():
    """A registrar whose admin speaks English, so the page reads as the test's sentences."""
    from wagtail.users.models import UserProfile

    registrar = RegistrarFactory()
    profile = UserProfile.get_for_user(registrar)
    profile.preferred_language = "en"
    profile.save()
    return registrar


def test_a_trainee_with_records_is_shown_what_is_kept_and_why(client, certified_trainee):
    trainee, enrolment, _result, _change, certificate = certified_trainee
    client.force_login(trainee)

    page = client.get("/en/accounts/my-data/delete/").content.decode()

    assert "What will be kept, and why" in page
    assert f"Enrolment in cohort {enrolment.cohort.code}" in page
    assert f"No {certificate.serial}" in page
    assert "must be kept for 75 years after the course ends" in page
    assert "Ask for my account to be deleted" in page


def test_a_trainee_with_records_makes_a_request_and_nothing_is_deleted_yet(
    client, certified_trainee
):
    trainee, enrolment, *_ = certified_trainee
    client.force_login(trainee)

    response = client.post("/en/accounts/my-data/delete/", {"confirm": "on"}, follow=True)

    assert "Your request has been sent to the registrar." in response.content.decode()
    request = AccountDeletionRequest.objects.get(user=trainee)
    assert request.status == AccountDeletionRequest.Status.PENDING
    trainee.refresh_from_db()
    assert trainee.email == "aigerim@example.kz" and trainee.is_active
    assert enrolment.__class__.objects.filter(pk=enrolment.pk).exists()
    # Asking again keeps the one request.
    client.post("/en/accounts/my-data/delete/", {"confirm": "on"})
    assert AccountDeletionRequest.objects.filter(user=trainee).count() == 1
    assert (
        "The registrar is reviewing your request"
        in client.get("/en/accounts/my-data/delete/").content.decode()
    )


def test_a_request_without_the_confirmation_box_is_refused_and_makes_no_request(
    client, certified_trainee
):
    trainee, *_ = certified_trainee
    client.force_login(trainee)

    response = client.post("/en/accounts/my-data/delete/", {})

    assert response.status_code == 200
    assert "Tick the box to confirm the deletion." in response.content.decode()
    assert not AccountDeletionRequest.objects.exists()


def test_the_registrar_sees_what_is_kept_and_what_is_removed(client, certified_trainee):
    trainee, enrolment, *_ = certified_trainee
    from cms.services import account_deletion_request

    deletion = account_deletion_request(user=trainee)
    client.force_login(_english_registrar())

    listing = client.get("/admin/people/deletion-requests/")
    page = client.get(f"/admin/people/deletion-requests/inspect/{deletion.pk}/").content.decode()

    assert listing.status_code == 200 and str(trainee) in listing.content.decode()
    assert f"Enrolment in cohort {enrolment.cohort.code}" in page
    assert "Final result, attempt 1" in page
    assert "the login: password, e-mail addresses" in page
    assert f"/admin/people/deletion-requests/approve/{deletion.pk}/" in page


def test_approving_keeps_the_records_and_removes_the_login_and_contact_data(
    client, certified_trainee, django_capture_on_commit_callbacks
):
    from assessment.models import FinalResult, ScoreChange
    from certificates.models import Certificate
    from cms.models import TraineeProfile
    from cms.services import account_deletion_request
    from course.models import Attendance, Enrolment

    trainee, enrolment, result, change, certificate = certified_trainee
    holder_name = certificate.holder_name_kk
    deletion = account_deletion_request(user=trainee)
    client.force_login(_english_registrar())

    with django_capture_on_commit_callbacks(execute=True):
        with_email = client.post(
            f"/admin/people/deletion-requests/approve/{deletion.pk}/", follow=True
        )

    assert "The account was pseudonymised" in with_email.content.decode()
    person = get_user_model().objects.get(pk=trainee.pk)
    assert person.email == f"deleted-{trainee.pk}@pseudonymised.invalid"
    assert not person.is_active and not person.has_usable_password()
    assert (person.first_name, person.last_name) == ("", "")
    assert not person.emailaddress_set.exists()
    profile = TraineeProfile.objects.get(user=person)
    assert (profile.surname_kk, profile.school, profile.employer_email) == ("", "", "")
    # The academic records are all there, still tied to the (pseudonymous) person.
    assert Enrolment.objects.get(pk=enrolment.pk).trainee_id == trainee.pk
    assert Attendance.objects.filter(enrolment=enrolment).count() == 1
    assert FinalResult.objects.get(pk=result.pk).total == result.total
    assert ScoreChange.objects.filter(pk=change.pk).exists()
    kept = Certificate.objects.get(pk=certificate.pk)
    assert kept.holder_name_kk == holder_name and kept.holder_email == ""
    verified = client.get(f"/verify/{kept.code}.json").json()
    assert verified["status"] == "valid" and holder_name in verified["holder_name"]
    deletion.refresh_from_db()
    assert deletion.status == AccountDeletionRequest.Status.APPROVED
    # The person was told, at the address they had, in their language (Kazakh).
    assert [m.to for m in mail.outbox] == [["aigerim@example.kz"]]
    assert mail.outbox[0].subject == "Тіркелгіңіз жойылды"
    assert "Тіркелгіңізді жою туралы өтінішіңіз мақұлданды." in mail.outbox[0].body
    assert "75 жыл" in mail.outbox[0].body


def test_a_pseudonymised_person_cannot_sign_in_and_their_open_session_ends(
    client, certified_trainee
):
    from cms.services import account_deletion_approve, account_deletion_request

    trainee, *_ = certified_trainee
    client.force_login(trainee)
    assert client.get("/en/accounts/my-data/").status_code == 200

    account_deletion_approve(deletion=account_deletion_request(user=trainee), by=RegistrarFactory())

    assert client.get("/en/accounts/my-data/").status_code == 302
    response = client.post(
        "/en/accounts/login/", {"login": "aigerim@example.kz", "password": DEFAULT_PASSWORD}
    )
    # The sign-in form is shown again, and the person is still not let in.
    assert response.status_code == 200
    assert client.get("/en/accounts/my-data/").status_code == 302


def test_drafts_go_with_their_files_after_commit_but_submitted_work_stays(
    certified_trainee, django_capture_on_commit_callbacks
):
    from django.core.files.base import ContentFile

    from assessment.models import Submission, SubmissionFile, SubmissionVersion
    from cms.services import account_deletion_approve, account_deletion_request

    trainee, enrolment, *_ = certified_trainee
    submitted, draft = _practice_work(enrolment)
    draft_file = SubmissionFile(version=draft, name="draft.pdf", size=9)
    draft_file.file.save("draft.pdf", ContentFile(b"%PDF-1.7\n"), save=False)
    draft_file.save()
    stored = draft_file.file.path

    registrar = RegistrarFactory()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        account_deletion_approve(deletion=account_deletion_request(user=trainee), by=registrar)
    # The file is still there until the transaction commits.
    assert os.path.exists(stored)
    for callback in callbacks:
        callback()

    assert SubmissionVersion.objects.filter(pk=submitted.pk).exists()
    assert not SubmissionVersion.objects.filter(pk=draft.pk).exists()
    assert Submission.objects.filter(pk=submitted.submission_id).exists()
    assert not os.path.exists(stored)


@pytest.mark.parametrize("factory", [TraineeFactory, TrainerFactory])
def test_only_a_registrar_approves_and_a_refusal_changes_nothing(
    client, certified_trainee, factory
):
    from cms.services import account_deletion_request

    trainee, *_ = certified_trainee
    deletion = account_deletion_request(user=trainee)
    client.force_login(factory())

    response = client.post(f"/admin/people/deletion-requests/approve/{deletion.pk}/")

    assert response.status_code in (302, 403)
    deletion.refresh_from_db()
    trainee.refresh_from_db()
    assert deletion.status == AccountDeletionRequest.Status.PENDING
    assert trainee.email == "aigerim@example.kz" and trainee.is_active
    assert mail.outbox == []


def test_a_staff_member_without_the_registrar_role_gets_403(client, certified_trainee):
    from cms.services import account_deletion_request

    trainee, *_ = certified_trainee
    deletion = account_deletion_request(user=trainee)
    from django.contrib.auth.models import Permission

    staff = TrainerFactory(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)

    response = client.post(f"/admin/people/deletion-requests/approve/{deletion.pk}/")

    assert response.status_code == 403
    # In the staff member's language, Kazakh: "Only a registrar may approve a deletion request."
    assert response.content.decode() == "Жою туралы өтінішті тек тіркеуші мақұлдай алады."
    deletion.refresh_from_db()
    assert deletion.status == AccountDeletionRequest.Status.PENDING


def test_approving_twice_is_refused_with_a_message(
    client, certified_trainee, django_capture_on_commit_callbacks
):
    from cms.services import account_deletion_approve, account_deletion_request

    trainee, *_ = certified_trainee
    registrar = _english_registrar()
    deletion = account_deletion_approve(
        deletion=account_deletion_request(user=trainee), by=registrar
    )
    client.force_login(registrar)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/people/deletion-requests/approve/{deletion.pk}/", follow=True
        )

    assert "This request has already been decided." in response.content.decode()
    assert mail.outbox == []


def test_the_service_refuses_to_erase_a_person_with_records(certified_trainee):
    from cms.services import AccountDeletionRefused, account_delete

    trainee, enrolment, *_ = certified_trainee

    with pytest.raises(AccountDeletionRefused):
        account_delete(user=trainee)

    assert get_user_model().objects.filter(pk=trainee.pk).exists()
    assert enrolment.__class__.objects.filter(pk=enrolment.pk).exists()


def test_a_trainee_without_records_deletes_the_account_at_once(client, programme):
    trainee = TraineeFactory()
    client.force_login(trainee)

    response = client.post("/en/accounts/my-data/delete/", {"confirm": "on"})

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=trainee.pk).exists()
    assert not AccountDeletionRequest.objects.exists()


def test_the_export_includes_the_other_apps_sections(client, certified_trainee):
    trainee, _enrolment, result, _change, certificate = certified_trainee
    client.force_login(trainee)
    data = client.get("/en/accounts/my-data/export.json").json()
    assert certificate.serial in str(data["certificates"])
    assert data["course"]["enrolments"][0]["status"] == "completed"
    assert data["assessment"]["final_results"][0]["total"] == result.total


def _practice_work(enrolment):
    from django.utils import timezone

    from assessment.models import Assignment, Submission, SubmissionVersion
    from course.models import TopicPage

    topic = TopicPage.objects.get(locale__language_code="kk", number="1.5")
    assignment = Assignment.objects.create(topic=topic, brief_kk="…")
    submission = Submission.objects.create(
        assignment=assignment, enrolment=enrolment, status=Submission.Status.RETURNED
    )
    submitted = SubmissionVersion.objects.create(
        submission=submission, number=1, text="…", submitted_at=timezone.now()
    )
    draft = SubmissionVersion.objects.create(submission=submission, number=2, text="draft")
    return submitted, draft
