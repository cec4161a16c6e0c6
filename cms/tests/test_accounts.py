"""Sign-up, email verification, login, consent, MFA enforcement and the login rate limit."""

from __future__ import annotations

import re

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.core import mail

from cms.models import PersonalDataConsent
from cms.tests.factories import (
    DEFAULT_PASSWORD,
    TOTP_SECRET,
    RegistrarFactory,
    TraineeFactory,
    TrainerFactory,
    UserFactory,
    totp_code,
)

pytestmark = pytest.mark.django_db
User = get_user_model()
PASSWORD = "Qazaq-Tili-2026!"


def _signup(client, email="aigerim@example.kz", consent=True, language="kk"):
    data = {"email": email, "password1": PASSWORD, "password2": PASSWORD}
    if consent:
        data["consent"] = "on"
    return client.post(f"/{language}/accounts/signup/", data)


def _publish_notice(**texts):
    from cms.services import privacy_notice_publish

    texts = {"text_kk": "", "text_ru": "", "text_en": "", **texts}
    return privacy_notice_publish(by=None, **texts)


def test_a_new_person_signs_up_confirms_the_email_and_signs_in():
    from django.test import Client

    client = Client()
    response = _signup(client)
    assert response.status_code == 302
    assert response["Location"] == "/kk/accounts/confirm-email/"

    user = User.objects.get(email="aigerim@example.kz")
    assert user.groups.filter(name="trainee").exists()
    assert user.preferred_language == "kk"
    assert not EmailAddress.objects.get(user=user).verified
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["aigerim@example.kz"]

    # Mandatory verification: a password alone does not let the person in yet.
    client.post("/kk/accounts/logout/")
    response = client.post(
        "/kk/accounts/login/", {"login": "aigerim@example.kz", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == "/kk/accounts/confirm-email/"
    assert "_auth_user_id" not in client.session

    link = re.search(r"https?://[^\s]+/accounts/confirm-email/[^\s]+/", mail.outbox[-1].body)
    assert link, mail.outbox[-1].body
    path = re.sub(r"^https?://[^/]+", "", link.group(0))
    response = client.post(path)
    assert response.status_code == 302
    assert EmailAddress.objects.get(user=user).verified

    response = client.post(
        "/kk/accounts/login/", {"login": "aigerim@example.kz", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)


def test_sign_up_records_the_consent_with_the_exact_notice_version(client):
    # Version 1 is the default notice the migration published.
    notice = _publish_notice(text_kk="<p>Екінші нұсқа</p>", text_ru="<p>Вторая версия</p>")
    assert notice.version == 2
    _signup(client)
    consent = PersonalDataConsent.objects.get(user__email="aigerim@example.kz")
    assert (consent.notice_version, consent.notice) == ("2", notice)
    assert consent.accepted_at is not None


def test_sign_up_remembers_the_language_the_person_used(client):
    _signup(client, language="ru")
    assert User.objects.get(email="aigerim@example.kz").preferred_language == "ru"


def test_sign_up_without_consent_is_refused_and_creates_nothing(client):
    response = _signup(client, consent=False, language="en")
    assert response.status_code == 200
    assert "You can sign up only if you agree to the processing of personal data." in (
        response.content.decode()
    )
    assert not User.objects.filter(email="aigerim@example.kz").exists()
    assert not PersonalDataConsent.objects.exists()
    assert mail.outbox == []


def test_the_signup_form_links_to_the_privacy_notice(client):
    body = client.get("/kk/accounts/signup/").content.decode()
    assert 'href="/kk/privacy/"' in body
    assert 'name="consent"' in body
    # The consent is the last field, after the passwords.
    assert body.index('name="consent"') > body.index('name="password2"')


def test_the_privacy_notice_page_shows_the_notice_and_its_version(client):
    _publish_notice(text_en="<p>We keep your name to print it on the certificate.</p>")
    body = client.get("/en/privacy/").content.decode()
    assert "We keep your name to print it on the certificate." in body
    assert "Version 2, published on" in body


def test_password_reset_sends_a_link_that_sets_a_new_password(client):
    user = UserFactory(email="reset@example.kz")
    response = client.post("/en/accounts/password/reset/", {"email": "reset@example.kz"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^\s]+/accounts/password/reset/key/[^\s]+/", mail.outbox[0].body)
    path = re.sub(r"^https?://[^/]+", "", link.group(0))
    response = client.get(path)
    assert response.status_code == 302  # allauth moves the key into the session
    response = client.post(
        response["Location"], {"password1": "Another-Pass-77", "password2": "Another-Pass-77"}
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Another-Pass-77")


def test_a_signed_in_person_changes_the_password(client):
    user = TraineeFactory()
    client.force_login(user)
    response = client.post(
        "/en/accounts/password/change/",
        {"oldpassword": DEFAULT_PASSWORD, "password1": "Brand-New-55", "password2": "Brand-New-55"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Brand-New-55")


def test_a_signed_in_person_adds_an_email_address_which_must_be_verified(client):
    user = TraineeFactory()
    client.force_login(user)
    response = client.post(
        "/en/accounts/email/", {"action_add": "", "email": "new-address@example.kz"}
    )
    assert response.status_code == 302
    address = EmailAddress.objects.get(user=user, email="new-address@example.kz")
    assert not address.verified
    assert mail.outbox[-1].to == ["new-address@example.kz"]


# --- Brute-force protection ------------------------------------------------------------------


def test_login_is_refused_with_a_clear_message_after_five_failures(client):
    user = UserFactory(email="target@example.kz")
    for _ in range(5):
        response = client.post(
            "/en/accounts/login/", {"login": "target@example.kz", "password": "wrong"}
        )
        assert "Too many failed login attempts" not in response.content.decode()
    response = client.post(
        "/en/accounts/login/", {"login": "target@example.kz", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert "_auth_user_id" not in client.session
    user.refresh_from_db()
    assert user.last_login is None


def test_failures_of_colleagues_sharing_one_address_do_not_lock_out_another_person(client):
    """A school's staff room often shares one IP address: the lock is per account."""
    for n in range(8):
        UserFactory(email=f"colleague{n}@example.kz")
        client.post("/en/accounts/login/", {"login": f"colleague{n}@example.kz", "password": "x"})
    UserFactory(email="careful@example.kz")
    response = client.post(
        "/en/accounts/login/", {"login": "careful@example.kz", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    assert "_auth_user_id" in client.session


def test_the_rate_limit_message_is_translated_into_kazakh(client):
    UserFactory(email="target@example.kz")
    for _ in range(6):
        response = client.post(
            "/kk/accounts/login/", {"login": "target@example.kz", "password": "wrong"}
        )
    body = response.content.decode()
    assert "Сәтсіз кіру әрекеттері тым көп болды. Кейінірек қайталап көріңіз." in body


# --- MFA for trainers and staff --------------------------------------------------------------


@pytest.mark.parametrize("factory", [TrainerFactory, RegistrarFactory])
@pytest.mark.parametrize("path", ["/kk/", "/kk/accounts/profile/", "/admin/"])
def test_trainers_and_registrars_without_mfa_are_sent_to_set_it_up(client, factory, path):
    client.force_login(factory(mfa=False))
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"] == "/kk/accounts/2fa/totp/activate/"


def test_staff_without_a_role_must_also_set_up_mfa(client):
    client.force_login(UserFactory(is_staff=True))
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].endswith("/accounts/2fa/totp/activate/")


def test_a_trainee_is_not_asked_for_mfa(client):
    client.force_login(TraineeFactory())
    assert client.get("/kk/accounts/profile/").status_code == 200


def test_a_trainer_with_mfa_reaches_the_pages(client):
    client.force_login(TrainerFactory())
    assert client.get("/kk/accounts/profile/").status_code == 200


def test_a_registrar_with_mfa_reaches_the_admin(client):
    client.force_login(RegistrarFactory())
    assert client.get("/admin/").status_code == 200


def test_a_trainer_signs_in_activates_totp_and_then_may_go_on(client):
    trainer = TrainerFactory(mfa=False, email="trainer@example.kz")
    response = client.post(
        "/en/accounts/login/", {"login": "trainer@example.kz", "password": DEFAULT_PASSWORD}
    )
    assert response.status_code == 302
    response = client.get("/en/", follow=True)
    assert response.redirect_chain[-1][0] == "/en/accounts/2fa/totp/activate/"
    assert "you must set up two-factor authentication" in response.content.decode()

    secret = client.session["mfa.totp.secret"]
    # The code typed to set it up counts as the session's second factor (cms.mfa_forms).
    response = client.post("/en/accounts/2fa/totp/activate/", {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=trainer, type=Authenticator.Type.TOTP).exists()
    assert client.get("/en/accounts/profile/").status_code == 200


def test_a_trainer_with_mfa_must_give_a_code_after_the_password(client):
    trainer = TrainerFactory(email="coded@example.kz")
    response = client.post(
        "/en/accounts/login/", {"login": "coded@example.kz", "password": DEFAULT_PASSWORD}
    )
    assert response["Location"] == "/en/accounts/2fa/authenticate/"
    assert "_auth_user_id" not in client.session
    response = client.post("/en/accounts/2fa/authenticate/", {"code": "000000"})
    assert "_auth_user_id" not in client.session
    response = client.post("/en/accounts/2fa/authenticate/", {"code": totp_code(TOTP_SECRET)})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(trainer.pk)


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_signing_in_lands_on_the_home_page_in_the_language_of_the_login_page(client, language):
    TraineeFactory(email="tili@example.kz")
    response = client.post(
        f"/{language}/accounts/login/",
        {"login": "tili@example.kz", "password": DEFAULT_PASSWORD},
        HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9",
    )
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/"


def test_a_trainer_who_gives_the_code_on_the_kazakh_page_lands_on_the_kazakh_home_page(client):
    TrainerFactory(email="kodty@example.kz")
    client.post(
        "/kk/accounts/login/",
        {"login": "kodty@example.kz", "password": DEFAULT_PASSWORD},
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    response = client.post(
        "/kk/accounts/2fa/authenticate/",
        {"code": totp_code(TOTP_SECRET)},
        HTTP_ACCEPT_LANGUAGE="ru",
    )
    assert response.status_code == 302
    assert response["Location"] == "/kk/"


def test_a_next_page_given_to_the_login_still_wins_over_the_home_page(client):
    TraineeFactory(email="kelesi@example.kz")
    response = client.post(
        "/kk/accounts/login/?next=/kk/certificates/",
        {"login": "kelesi@example.kz", "password": DEFAULT_PASSWORD},
    )
    assert response["Location"] == "/kk/certificates/"


def test_an_account_made_without_a_language_keeps_the_one_she_first_signs_in_with(
    client, django_user_model
):
    # An account made for her (by an administrator, createsuperuser) has no language yet; her
    # notifications went out in Kazakh whatever she reads.
    made = django_user_model.objects.create_user(email="made@example.kz", password="x-long-pass")
    assert made.preferred_language == ""
    trainee = TraineeFactory(email="tilsiz@example.kz", preferred_language="")

    client.post("/ru/accounts/login/", {"login": "tilsiz@example.kz", "password": DEFAULT_PASSWORD})

    trainee.refresh_from_db()
    assert trainee.preferred_language == "ru"


def test_signing_in_in_another_language_does_not_change_the_one_on_the_account(client):
    trainee = TraineeFactory(email="tildi@example.kz", preferred_language="kk")

    client.post("/ru/accounts/login/", {"login": "tildi@example.kz", "password": DEFAULT_PASSWORD})

    trainee.refresh_from_db()
    assert trainee.preferred_language == "kk"
