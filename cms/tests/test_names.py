"""Names are letters (Kazakh, Russian, Latin), spaces, hyphens and apostrophes before they reach
a signed document: the validator, the profile form and the admin's profile form."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from cms.models import TraineeProfile
from cms.names import is_person_name, validate_person_name
from cms.tests.factories import TraineeFactory, UserFactory

from .test_profile_and_data import PROFILE_POST

KK_MESSAGE = (
    "Есімді тек әріптермен жазыңыз (қазақ, орыс немесе латын әріптерімен); сөздердің арасына бос "
    "орын, сызықша немесе апостроф қоюға болады."
)

db = pytest.mark.django_db

MESSAGE = (
    "Write the name in letters only (Kazakh, Russian or Latin), with spaces, hyphens or "
    "apostrophes between words."
)


@pytest.mark.parametrize(
    "name",
    [
        "Әбілқасымова",
        "Ғалия",
        "Құрманғалиқызы",
        "Ңұрлы",  # every Kazakh letter is a letter, even where Kazakh spelling never puts it first
        "Өмірзақ",
        "Ұлжан",
        "Үмбетова",
        "Һадиса",
        "Іңкәр",
        "Жұмабаева Гүлнұр Серікқызы",
        "Ёлкина-Щербакова",
        "Мухамед-Али",
        "O'Neil",
        "D’Artagnan",
        "Nurlan Abenuly",
        "Äsel Ğabit Şaimerden",
        "Müller",
    ],
)
def test_kazakh_russian_and_latin_names_are_accepted(name):
    assert is_person_name(name)
    validate_person_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "Иванова2",
        "Agent 007",
        "<script>",
        "Ана<b>",
        "=HYPERLINK(1)",
        "Ана=Бек",
        "@Асель",
        "-Асель",
        "Асель.",
        "王芳",
        "",
    ],
)
def test_digits_markup_and_formula_signs_are_refused_with_a_clear_message(name):
    assert not is_person_name(name)
    with pytest.raises(ValidationError) as refusal:
        validate_person_name(name)
    with translation.override("en"):  # the message is lazy: read in the reader's language
        assert refusal.value.messages == [MESSAGE]


@db
def test_the_profile_form_refuses_a_name_with_digits_or_signs_and_changes_nothing(client):
    user = TraineeFactory()
    before = TraineeProfile.objects.get(user=user)
    client.force_login(user)

    response = client.post(
        "/en/accounts/profile/edit/",
        {**PROFILE_POST, "surname_kk": "Жұмабаева1", "given_name_ru": "<b>Гульнур</b>"},
    )

    assert response.status_code == 200
    assert response.content.decode().count(MESSAGE) >= 2
    after = TraineeProfile.objects.get(user=user)
    assert (after.surname_kk, after.given_name_ru) == (before.surname_kk, before.given_name_ru)


@db
def test_the_profile_form_accepts_every_kazakh_letter(client):
    user = UserFactory(role="trainee")
    client.force_login(user)

    response = client.post(
        "/en/accounts/profile/edit/",
        {**PROFILE_POST, "surname_kk": "Әғқңөұүһі-Ұлы", "given_name_kk": "Ғалия"},
    )

    assert response.status_code == 302
    assert TraineeProfile.objects.get(user=user).surname_kk == "Әғқңөұүһі-Ұлы"


def test_the_message_is_translated_into_kazakh_and_russian():
    with translation.override("kk"):
        assert str(validate_person_name.message) == KK_MESSAGE
    with translation.override("ru"):
        assert str(validate_person_name.message).startswith("Напишите имя только буквами")


@db
def test_the_admin_refuses_a_name_with_a_formula_and_changes_nothing(client):
    from cms.tests.factories import RegistrarFactory

    profile = TraineeFactory().trainee_profile
    client.force_login(RegistrarFactory())
    fields = [
        "surname_kk",
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
    data = {field: getattr(profile, field) or "" for field in fields}
    data["last_refresher_course_on"] = profile.last_refresher_course_on.isoformat()
    before = profile.surname_kk
    data["surname_kk"] = '=HYPERLINK("http://x","y")'

    response = client.post(f"/admin/people/profiles/edit/{profile.pk}/", data)

    assert response.status_code == 200
    assert KK_MESSAGE in response.content.decode()  # the registrar reads the admin in Kazakh
    assert TraineeProfile.objects.get(pk=profile.pk).surname_kk == before


@db
def test_the_account_name_is_checked_too_since_a_certificate_prints_it_without_a_profile():
    from cms.models import User

    user = User(email="a@example.kz", first_name="Ғалия", last_name="=1+1")
    with pytest.raises(ValidationError) as refusal:
        user.full_clean(exclude=["password"])
    assert set(refusal.value.message_dict) == {"last_name"}
