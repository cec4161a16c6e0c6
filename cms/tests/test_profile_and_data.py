"""The trainee's profile and their personal data: view, edit, export, deletion."""

from __future__ import annotations

import json

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model

from cms import personal_data
from cms.models import PersonalDataConsent, TraineeProfile
from cms.services import AccountDeletionRefused, account_delete
from cms.tests.factories import TraineeFactory, TrainerFactory, UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()

PROFILE_POST = {
    "surname_kk": "Жұмабаева",
    "given_name_kk": "Гүлнұр",
    "patronymic_kk": "Серікқызы",
    "surname_ru": "Жумабаева",
    "given_name_ru": "Гульнур",
    "patronymic_ru": "Сериковна",
    "position": "pedagogue_assistant",
    "school": "Қарағанды қ., № 45 мектеп-гимназия",
    "region": "karaganda",
    "organisation_type": "general_school",
    "qualification_category": "expert",
    "years_of_experience": "7",
    "employer_email": "school45@edu.kz",
    "last_refresher_course_on": "2022-11-03",
}


@pytest.fixture
def registry():
    """Keep the personal-data registry as it was around a test that registers into it."""
    exporters, erasers = dict(personal_data._exporters), list(personal_data._erasers)
    yield personal_data
    personal_data._exporters.clear()
    personal_data._exporters.update(exporters)
    personal_data._erasers[:] = erasers


# --- Profile ---------------------------------------------------------------------------------


def test_a_new_trainee_is_asked_to_fill_in_the_profile(client):
    client.force_login(UserFactory(role="trainee"))
    body = client.get("/en/accounts/profile/").content.decode()
    assert "You have not filled in your profile yet." in body


def test_a_trainee_fills_in_the_profile(client):
    user = UserFactory(role="trainee")
    client.force_login(user)
    response = client.post("/en/accounts/profile/edit/", PROFILE_POST)
    assert response.status_code == 302
    assert response["Location"] == "/en/accounts/profile/"
    profile = TraineeProfile.objects.get(user=user)
    assert profile.is_complete
    assert profile.full_name_kk == "Жұмабаева Гүлнұр Серікқызы"
    assert profile.full_name_ru == "Жумабаева Гульнур Сериковна"
    body = client.get("/en/accounts/profile/").content.decode()
    assert "Жұмабаева Гүлнұр Серікқызы" in body
    assert "pedagogue-expert" in body
    assert "Karaganda region" in body


def test_a_trainee_edits_the_profile(client):
    user = TraineeFactory()
    client.force_login(user)
    response = client.post("/en/accounts/profile/edit/", {**PROFILE_POST, "school": "№ 3 college"})
    assert response.status_code == 302
    user.trainee_profile.refresh_from_db()
    assert user.trainee_profile.school == "№ 3 college"
    assert TraineeProfile.objects.filter(user=user).count() == 1


def test_a_profile_missing_required_fields_is_refused_with_messages_and_nothing_changes(client):
    user = TraineeFactory()
    before = TraineeProfile.objects.get(user=user)
    client.force_login(user)
    post = {**PROFILE_POST, "surname_ru": "", "years_of_experience": "99", "region": "atlantis"}
    response = client.post("/en/accounts/profile/edit/", post)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Please correct the following:" in body
    assert "This field is required." in body
    assert "Years of experience must be between 0 and 60." in body
    assert "Select a valid choice." in body
    after = TraineeProfile.objects.get(user=user)
    assert (after.surname_ru, after.years_of_experience, after.region) == (
        before.surname_ru,
        before.years_of_experience,
        before.region,
    )


def test_the_profile_form_labels_every_field(client):
    client.force_login(TraineeFactory())
    body = client.get("/en/accounts/profile/edit/").content.decode()
    for name in PROFILE_POST:
        assert f'<label for="id_{name}">' in body


def test_the_profile_pages_send_anonymous_visitors_to_login(client):
    for path in ("/en/accounts/profile/", "/en/accounts/profile/edit/"):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")


def test_a_person_sees_only_their_own_profile(client):
    mine, theirs = TraineeFactory(), TraineeFactory()
    client.force_login(mine)
    body = client.get("/en/accounts/profile/").content.decode()
    assert mine.trainee_profile.full_name_kk in body
    assert theirs.trainee_profile.full_name_kk not in body


def test_a_trainee_cannot_edit_someone_elses_profile(client):
    mine, theirs = TraineeFactory(), TraineeFactory()
    client.force_login(mine)
    # No URL names another person; a stray id in the form is ignored.
    client.post("/en/accounts/profile/edit/", {**PROFILE_POST, "user": theirs.pk})
    theirs.trainee_profile.refresh_from_db()
    assert theirs.trainee_profile.surname_kk != PROFILE_POST["surname_kk"]
    assert TraineeProfile.objects.get(user=mine).surname_kk == PROFILE_POST["surname_kk"]


def test_a_trainer_has_no_access_to_a_trainees_profile_through_these_pages(client):
    trainee = TraineeFactory()
    client.force_login(TrainerFactory())
    body = client.get("/en/accounts/profile/").content.decode()
    assert trainee.trainee_profile.full_name_kk not in body


# --- Export ----------------------------------------------------------------------------------


def test_a_trainee_downloads_their_data_as_json(client):
    user = TraineeFactory(email="mine@example.kz")
    other = TraineeFactory(email="other@example.kz")
    client.force_login(user)
    response = client.get("/en/accounts/my-data/export.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == "mine@example.kz"
    assert data["account"]["role"] == "trainee"
    assert data["profile"]["surname_kk"] == user.trainee_profile.surname_kk
    assert data["profile"]["employer_email"] == user.trainee_profile.employer_email
    assert data["consents"][0]["notice_version"] == "1"
    assert "other@example.kz" not in response.content.decode()
    assert other.trainee_profile.surname_kk not in response.content.decode()


def test_the_export_keeps_kazakh_letters_readable(client):
    user = TraineeFactory()
    client.force_login(user)
    raw = client.get("/en/accounts/my-data/export.json").content.decode()
    assert "Әйгерім" in raw


def test_the_export_never_contains_secrets(client):
    trainer = TrainerFactory()
    client.force_login(trainer)
    raw = client.get("/en/accounts/my-data/export.json").content.decode()
    data = json.loads(raw)
    assert data["account"]["second_factors"] == ["totp"]
    assert "JBSWY3DP" not in raw
    assert trainer.password not in raw


def test_other_apps_add_their_sections_to_the_export(client, registry):
    registry.register_exporter("demo_app", lambda user: {"email_seen": user.email})
    user = TraineeFactory(email="sections@example.kz")
    client.force_login(user)
    data = json.loads(client.get("/en/accounts/my-data/export.json").content)
    assert data["demo_app"] == {"email_seen": "sections@example.kz"}


def test_the_data_pages_send_anonymous_visitors_to_login(client):
    for path in (
        "/en/accounts/my-data/",
        "/en/accounts/my-data/export.json",
        "/en/accounts/my-data/delete/",
    ):
        response = client.get(path)
        assert response.status_code == 302
        assert response["Location"].startswith("/en/accounts/login/?next=")


def test_the_my_data_page_shows_the_consent(client):
    client.force_login(TraineeFactory())
    body = client.get("/en/accounts/my-data/").content.decode()
    assert "You agreed to version 1 of the privacy notice" in body


# --- Deletion --------------------------------------------------------------------------------


def test_the_deletion_page_says_what_is_deleted_and_what_is_kept(client):
    client.force_login(TraineeFactory())
    body = client.get("/en/accounts/my-data/delete/").content.decode()
    assert "What will be deleted" in body
    assert "your submissions (case studies and support plans with their files)" in body
    assert "What will be kept" in body
    assert "its frozen record is kept" in body
    assert "This cannot be undone." in body


def test_deletion_without_the_confirmation_box_is_refused_and_deletes_nothing(client):
    user = TraineeFactory()
    client.force_login(user)
    response = client.post("/en/accounts/my-data/delete/", {})
    assert response.status_code == 200
    assert "Tick the box to confirm the deletion." in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()
    assert TraineeProfile.objects.filter(user_id=user.pk).exists()


def test_a_trainee_deletes_the_account_and_everything_tied_to_it(client, registry):
    erased = []
    registry.register_eraser(lambda user: erased.append(user.pk))
    user = TraineeFactory()
    keep = TraineeFactory()
    client.force_login(user)
    user_id = user.pk
    response = client.post("/en/accounts/my-data/delete/", {"confirm": "on"})
    assert response.status_code == 302
    assert response["Location"] == "/en/"
    assert erased == [user_id]
    assert not User.objects.filter(pk=user_id).exists()
    assert not TraineeProfile.objects.filter(user_id=user_id).exists()
    assert not PersonalDataConsent.objects.filter(user_id=user_id).exists()
    assert not EmailAddress.objects.filter(user_id=user_id).exists()
    assert not Authenticator.objects.filter(user_id=user_id).exists()
    assert "_auth_user_id" not in client.session
    # Nobody else's data went with it.
    assert TraineeProfile.objects.filter(user=keep).exists()
    assert PersonalDataConsent.objects.filter(user=keep).exists()


def test_when_an_eraser_fails_nothing_is_deleted(client, registry):
    from django.db.models import ProtectedError

    def refuse(user):
        TraineeProfile.objects.filter(user=user).delete()  # undone by the rollback
        raise ProtectedError("still needed", set())

    registry.register_eraser(refuse)
    user = TraineeFactory()
    with pytest.raises(AccountDeletionRefused):
        account_delete(user=user)
    assert User.objects.filter(pk=user.pk).exists()
    assert TraineeProfile.objects.filter(user=user).exists()

    client.force_login(user)
    response = client.post("/en/accounts/my-data/delete/", {"confirm": "on"}, follow=True)
    assert "Your account could not be deleted" in response.content.decode()
    assert User.objects.filter(pk=user.pk).exists()


def test_the_deletion_keeps_issued_certificates_frozen_records():
    """The certificates app's frozen record survives its holder's account (SET_NULL holder)."""
    certificates = pytest.importorskip("certificates.models")
    holder_field = certificates.Certificate._meta.get_field("holder")
    assert holder_field.remote_field.on_delete.__name__ == "SET_NULL"
