from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from cms.names import display_name
from cms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def self_registered():
    """Signed up with an e-mail only, then filled in the profile: no name on the account."""
    from cms.models import TraineeProfile

    user = UserFactory(email="zhanar.test@example.kz", first_name="", last_name="")
    TraineeProfile.objects.update_or_create(
        user=user,
        defaults={
            "surname_kk": "Сәрсенбаева",
            "given_name_kk": "Жанар",
            "surname_ru": "Сарсенбаева",
            "given_name_ru": "Жанар",
        },
    )
    return user


def test_a_self_registered_trainee_is_shown_by_the_profiles_name_in_the_readers_language(
    self_registered,
):
    assert display_name(self_registered, "kk") == "Сәрсенбаева Жанар"
    assert display_name(self_registered, "ru") == "Сарсенбаева Жанар"
    with translation.override("ru"):
        assert (
            Template("{% load person_names %}{{ u|display_name }}").render(
                Context({"u": self_registered})
            )
            == "Сарсенбаева Жанар"
        )


def test_without_a_profile_the_account_name_then_the_address_is_shown():
    named = UserFactory(first_name="Дана", last_name="Омарова")
    nameless = UserFactory(email="no.name@example.kz", first_name="", last_name="")
    assert display_name(named, "kk") == "Дана Омарова"
    assert display_name(nameless, "kk") == "no.name@example.kz"
