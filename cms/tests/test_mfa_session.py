"""Every sign-in goes through allauth, and a second factor is a property of the session: a
trainer's, mentor's or staff member's session that did not pass it sees no page."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from allauth.account.authentication import get_authentication_records
from django.contrib.auth.models import Group

from cms import roles
from cms.tests.factories import (
    DEFAULT_PASSWORD,
    RegistrarFactory,
    TraineeFactory,
    TrainerFactory,
    UserFactory,
    login_without_mfa,
    totp_activate,
    totp_code,
)

pytestmark = pytest.mark.django_db

STAFF_PAGES = [
    "/admin/",
    "/admin/people/profiles/",
    "/admin/api/main/pages/",
    "/kk/assessment/grading/",
    "/kk/certificates/register/",
    "/kk/assessment/cohorts/KZ-2026-01/results/export/csv/",
    "/kk/certificates/cohorts/KZ-2026-01/pdfs.zip",
]


def _signed_in_user_id(client):
    return client.session.get("_auth_user_id")


# --- /admin/login/ is allauth's login ----------------------------------------------------------


def test_a_password_posted_to_the_wagtail_login_signs_nobody_in(client):
    registrar = RegistrarFactory(email="registrar@example.kz")

    response = client.post(
        "/admin/login/", {"username": registrar.email, "password": DEFAULT_PASSWORD}
    )

    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == "/kk/accounts/login/"
    assert _signed_in_user_id(client) is None
    admin = client.get("/admin/")
    assert admin.status_code == 302
    assert urlsplit(admin["Location"]).path == "/kk/accounts/login/"


def test_the_wagtail_login_page_sends_to_allauth_with_the_page_asked_for(client):
    response = client.get("/admin/login/", {"next": "/admin/pages/"}, HTTP_ACCEPT_LANGUAGE="ru")

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == "/ru/accounts/login/"
    assert parse_qs(location.query) == {"next": ["/admin/pages/"]}


def test_the_admin_sends_an_anonymous_visitor_to_allauths_login(client):
    response = client.get("/admin/pages/")

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == "/kk/accounts/login/"
    assert parse_qs(location.query) == {"next": ["/admin/pages/"]}


def test_a_locked_out_trainee_cannot_get_in_through_the_wagtail_login(client):
    trainee = TraineeFactory(email="locked@example.kz")
    for _ in range(5):
        client.post("/en/accounts/login/", {"login": trainee.email, "password": "wrong"})
    refused = client.post(
        "/en/accounts/login/", {"login": trainee.email, "password": DEFAULT_PASSWORD}
    )
    assert "Too many failed login attempts" in refused.content.decode()

    client.post("/admin/login/", {"username": trainee.email, "password": DEFAULT_PASSWORD})

    assert _signed_in_user_id(client) is None
    trainee.refresh_from_db()
    assert trainee.last_login is None


def test_wagtails_own_password_reset_is_switched_off(client):
    """Passwords are reset through allauth only, with its rate limit."""
    assert client.get("/admin/password_reset/", follow=True).status_code == 404


# --- A session without the second factor ---------------------------------------------------


@pytest.mark.parametrize("path", STAFF_PAGES)
def test_a_registrar_session_without_a_second_factor_is_sent_to_the_code_prompt(client, path):
    registrar = RegistrarFactory()
    login_without_mfa(client, registrar)

    response = client.get(path)

    assert response.status_code == 302
    location = urlsplit(response["Location"])
    assert location.path == "/kk/accounts/2fa/reauthenticate/"
    assert parse_qs(location.query) == {"next": [path]}


@pytest.mark.parametrize("path", ["/kk/assessment/grading/", "/kk/accounts/profile/"])
def test_a_trainer_session_without_a_second_factor_sees_no_page(client, path):
    login_without_mfa(client, TrainerFactory())

    response = client.get(path)

    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == "/kk/accounts/2fa/reauthenticate/"


def test_a_password_only_session_cannot_see_or_make_recovery_codes(client):
    """A stolen password must not lead to the second factor."""
    login_without_mfa(client, RegistrarFactory())

    for path in ("/kk/accounts/2fa/recovery-codes/", "/kk/accounts/2fa/recovery-codes/generate/"):
        response = client.get(path)
        assert response.status_code == 302
        assert urlsplit(response["Location"]).path == "/kk/accounts/2fa/reauthenticate/"


def test_a_password_only_session_is_told_why_it_must_give_a_code(client):
    login_without_mfa(client, RegistrarFactory())

    response = client.get("/en/accounts/profile/", follow=True)

    assert "enter the code from your authenticator app to continue" in response.content.decode()


def test_the_code_prompt_lets_the_session_in_and_returns_to_the_page(client):
    registrar = RegistrarFactory()
    login_without_mfa(client, registrar)

    response = client.post("/en/accounts/2fa/reauthenticate/?next=/admin/", {"code": totp_code()})

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_at_the_prompt_lets_nothing_in(client):
    login_without_mfa(client, RegistrarFactory())

    response = client.post("/en/accounts/2fa/reauthenticate/?next=/admin/", {"code": "000000"})

    assert response.status_code == 200
    assert client.get("/admin/").status_code == 302


# --- A session that passed the second factor -------------------------------------------------


def test_a_registrar_who_signs_in_with_password_and_code_reaches_the_admin(client):
    registrar = RegistrarFactory(email="full@example.kz")

    client.post("/en/accounts/login/", {"login": registrar.email, "password": DEFAULT_PASSWORD})
    client.post("/en/accounts/2fa/authenticate/", {"code": totp_code()})

    assert _signed_in_user_id(client) == str(registrar.pk)
    methods = [record["method"] for record in _records(client, registrar)]
    assert methods == ["password", "mfa"]
    for path in [*STAFF_PAGES[:2], "/en/assessment/grading/", "/en/certificates/register/"]:
        assert client.get(path).status_code == 200, path


def test_the_admin_login_then_allauth_then_the_code_lands_on_the_page_asked_for(client):
    registrar = RegistrarFactory(email="next@example.kz")

    login_url = client.get("/admin/login/", {"next": "/admin/pages/"})["Location"]
    client.post(login_url, {"login": registrar.email, "password": DEFAULT_PASSWORD})
    response = client.post("/kk/accounts/2fa/authenticate/", {"code": totp_code()})

    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"


def _records(client, user):
    from django.test import RequestFactory

    request = RequestFactory().get("/")
    request.session = client.session
    return get_authentication_records(request, user)


# --- Who needs a second factor ---------------------------------------------------------------


def _mentor(**kwargs):
    mentor = UserFactory(**kwargs)
    mentor.groups.add(Group.objects.get_or_create(name=roles.MENTOR)[0])
    roles.forget_roles(mentor)
    return mentor


def test_a_mentor_needs_a_second_factor():
    assert roles.requires_mfa(_mentor())
    assert not roles.requires_mfa(TraineeFactory())


def test_a_mentor_without_an_authenticator_is_sent_to_set_one_up(client):
    client.force_login(_mentor())

    response = client.get("/kk/mentoring/")

    assert response.status_code == 302
    assert response["Location"] == "/kk/accounts/2fa/totp/activate/"


def test_a_mentor_with_an_authenticator_must_pass_it_in_the_session(client):
    mentor = _mentor()
    totp_activate(mentor)
    login_without_mfa(client, mentor)
    assert urlsplit(client.get("/kk/mentoring/")["Location"]).path == (
        "/kk/accounts/2fa/reauthenticate/"
    )

    client.force_login(mentor)  # with the code, as the suite's sign-in records it
    assert client.get("/kk/mentoring/").status_code == 200


def test_a_trainee_session_is_never_asked_for_a_code(client):
    login_without_mfa(client, TraineeFactory())

    assert client.get("/kk/accounts/profile/").status_code == 200


def test_a_password_only_session_changes_nothing_in_the_admin(client):
    trainee = TraineeFactory()
    profile = trainee.trainee_profile
    login_without_mfa(client, RegistrarFactory())

    response = client.post(
        f"/admin/people/profiles/edit/{profile.pk}/",
        {"surname_kk": "Өзгертілген", "surname_ru": "Изменённая"},
    )

    assert response.status_code == 302
    assert urlsplit(response["Location"]).path == "/kk/accounts/2fa/reauthenticate/"
    profile.refresh_from_db()
    assert profile.surname_kk != "Өзгертілген"
    assert profile.surname_ru != "Изменённая"
