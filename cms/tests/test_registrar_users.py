"""Registrars add people and give them a role in the admin's Users; administrators stay the
administrators' to make and change."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from cms.models import User
from cms.roles import TRAINER, is_trainer
from cms.tests.factories import RegistrarFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "Ақбота-2026-сенімді"


def _new_user_data(**extra):
    data = {
        "email": "new.trainer@example.kz",
        "first_name": "Ақбота",
        "last_name": "Сейітова",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "groups": [Group.objects.get(name=TRAINER).pk],
    }
    return {**data, **extra}


def test_a_registrar_adds_a_person_as_a_trainer(client):
    client.force_login(RegistrarFactory())
    assert client.get("/admin/users/new/").status_code == 200
    response = client.post("/admin/users/new/", _new_user_data())
    assert response.status_code == 302
    person = User.objects.get(email="new.trainer@example.kz")
    assert is_trainer(person) and not person.is_superuser


def test_a_registrar_makes_an_existing_person_a_trainer(client):
    person = UserFactory(email="later.trainer@example.kz", first_name="Дана", last_name="Омарова")
    client.force_login(RegistrarFactory())
    response = client.post(
        f"/admin/users/edit/{person.pk}/",
        {
            "email": person.email,
            "first_name": "Дана",
            "last_name": "Омарова",
            "is_active": "on",
            "groups": [Group.objects.get(name=TRAINER).pk],
        },
    )
    assert response.status_code == 302
    assert is_trainer(User.objects.get(pk=person.pk))


def test_a_registrar_cannot_create_an_administrator_and_nobody_is_created(client):
    client.force_login(RegistrarFactory())
    response = client.post("/admin/users/new/", _new_user_data(is_superuser="on"))
    assert response.status_code == 403
    # The admin speaks the registrar's admin language: Kazakh by default.
    assert "Біреуді әкімші етіп тек әкімші тағайындай алады." in response.content.decode()
    assert not User.objects.filter(email="new.trainer@example.kz").exists()


def test_a_registrar_cannot_change_an_administrators_account_and_nothing_changes(client):
    admin = UserFactory(is_superuser=True, email="root@example.kz")
    password = admin.password
    client.force_login(RegistrarFactory())
    response = client.post(
        f"/admin/users/edit/{admin.pk}/",
        {"email": "root@example.kz", "password1": PASSWORD, "password2": PASSWORD},
    )
    assert response.status_code == 403
    assert "Әкімшінің тіркелгісін тек әкімші өзгерте алады." in response.content.decode()
    assert User.objects.get(pk=admin.pk).password == password
