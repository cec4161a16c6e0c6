from __future__ import annotations

import pytest

from cms.models import PersonalDataConsent
from cms.tests.factories import RegistrarFactory, TraineeFactory, TrainerFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_registrar_finds_a_trainee_profile_in_the_admin(client):
    trainee = TraineeFactory()
    client.force_login(RegistrarFactory())
    response = client.get("/admin/people/profiles/", {"q": trainee.trainee_profile.surname_kk})
    assert response.status_code == 200
    assert trainee.trainee_profile.full_name_kk in response.content.decode()


def test_a_registrar_corrects_a_misspelt_name(client):
    trainee = TraineeFactory()
    profile = trainee.trainee_profile
    client.force_login(RegistrarFactory())
    url = f"/admin/people/profiles/edit/{profile.pk}/"
    assert client.get(url).status_code == 200
    data = {
        field: getattr(profile, field) or ""
        for field in [
            "given_name_kk",
            "patronymic_kk",
            "surname_ru",
            "given_name_ru",
            "patronymic_ru",
            "position",
            "school",
            "region",
            "organisation_type",
            "qualification_category",
            "years_of_experience",
            "employer_email",
        ]
    }
    data["surname_kk"] = "Түзетілген"
    data["last_refresher_course_on"] = profile.last_refresher_course_on.isoformat()
    response = client.post(url, data)
    assert response.status_code == 302
    profile.refresh_from_db()
    assert profile.surname_kk == "Түзетілген"


def test_consents_are_view_only_even_for_a_superuser(client):
    trainee = TraineeFactory()
    consent = PersonalDataConsent.objects.get(user=trainee)
    client.force_login(RegistrarFactory())
    assert client.get("/admin/people/consents/").status_code == 200
    superuser = UserFactory(is_superuser=True, is_staff=True)
    from cms.tests.factories import totp_activate

    totp_activate(superuser)
    client.force_login(superuser)
    response = client.post(f"/admin/people/consents/edit/{consent.pk}/", {"notice_version": "99"})
    assert response.status_code in {302, 403}
    consent.refresh_from_db()
    assert consent.notice_version == "1"


def test_trainers_and_trainees_cannot_open_the_profiles_in_the_admin(client):
    for person in (TrainerFactory(), TraineeFactory()):
        client.force_login(person)
        response = client.get("/admin/people/profiles/")
        assert response.status_code in {302, 403}
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"]
