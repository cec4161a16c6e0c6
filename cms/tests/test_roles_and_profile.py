from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from django.contrib.auth.models import AnonymousUser, Group

from cms import roles
from cms.selectors import profile_for
from cms.services import role_assign, trainee_profile_update
from cms.tests.factories import (
    RegistrarFactory,
    TraineeFactory,
    TraineeProfileFactory,
    TrainerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_the_three_role_groups_exist_after_migrate():
    assert set(Group.objects.values_list("name", flat=True)) >= {"trainee", "trainer", "registrar"}


def test_registrars_may_enter_the_admin_and_manage_cohorts():
    registrar = RegistrarFactory()
    assert registrar.has_perm("wagtailadmin.access_admin")
    assert registrar.has_perm("course.change_cohort")
    assert registrar.has_perm("course.add_enrolment")
    assert registrar.has_perm("cms.change_organisationsettings")


def test_trainers_and_trainees_may_not_enter_the_admin():
    assert not TrainerFactory().has_perm("wagtailadmin.access_admin")
    assert not TraineeFactory().has_perm("wagtailadmin.access_admin")


def test_user_role_names_the_highest_role():
    assert roles.user_role(AnonymousUser()) == ""
    assert roles.user_role(UserFactory()) == ""
    assert roles.user_role(TraineeFactory()) == "trainee"
    assert roles.user_role(TrainerFactory()) == "trainer"
    assert roles.user_role(RegistrarFactory()) == "registrar"
    assert roles.user_role(UserFactory(is_superuser=True)) == "registrar"


def test_role_assign_adds_the_group_and_refreshes_the_cached_role():
    user = UserFactory()
    assert not roles.is_trainer(user)
    role_assign(user=user, role="trainer")
    assert roles.is_trainer(user)
    assert roles.requires_mfa(user)


def test_role_assign_refuses_an_unknown_role():
    user = UserFactory()
    with pytest.raises(ValueError):
        role_assign(user=user, role="headmaster")
    assert not user.groups.exists()


def test_trainer_and_registrar_factories_set_up_mfa():
    assert Authenticator.objects.filter(user=TrainerFactory()).exists()
    assert Authenticator.objects.filter(user=RegistrarFactory()).exists()
    assert not Authenticator.objects.filter(user=TrainerFactory(mfa=False)).exists()


def test_a_factory_profile_is_complete_and_names_are_joined_per_language():
    profile = TraineeProfileFactory(surname_kk="Омарова", surname_ru="Омарова")
    assert profile.is_complete
    assert profile.full_name_kk == "Омарова Әйгерім Болатқызы"
    assert profile.full_name_ru == "Омарова Айгерим Болатовна"
    assert profile.position == "pedagogue_assistant"


def test_a_profile_without_employer_email_is_incomplete():
    profile = TraineeProfileFactory(employer_email="")
    assert not profile.is_complete
    assert profile.missing_fields == ["employer_email"]


def test_profile_for_returns_none_for_anonymous_and_for_a_person_without_one():
    assert profile_for(AnonymousUser()) is None
    assert profile_for(UserFactory()) is None
    trainee = TraineeFactory()
    assert profile_for(trainee) == trainee.trainee_profile


def test_trainee_profile_update_creates_then_updates():
    user = UserFactory()
    profile = trainee_profile_update(user=user, surname_kk="Ахметова", school="№ 5 мектеп")
    assert profile.position == "pedagogue_assistant"
    trainee_profile_update(user=user, school="№ 6 мектеп")
    profile.refresh_from_db()
    assert (profile.surname_kk, profile.school) == ("Ахметова", "№ 6 мектеп")


def test_trainee_profile_update_refuses_unknown_fields_and_bad_choices():
    user = UserFactory()
    with pytest.raises(ValueError):
        trainee_profile_update(user=user, salary=5)
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        trainee_profile_update(user=user, region="atlantis")
