"""Account pages in Kazakh, Russian and English, with <html lang> naming the language shown."""

from __future__ import annotations

import pytest

from cms.tests.factories import TraineeFactory, TrainerFactory

pytestmark = pytest.mark.django_db

ANONYMOUS_PAGES = {
    "/{lang}/accounts/login/": {
        "kk": "Кіру",
        "ru": "Войти",
        "en": "Sign In",
    },
    "/{lang}/accounts/signup/": {
        "kk": "Дербес деректерімді мына құжатқа сәйкес өңдеуге келісемін",
        "ru": "Я согласен(на) на обработку моих персональных данных",
        "en": "I agree to the processing of my personal data",
    },
    "/{lang}/accounts/password/reset/": {
        "kk": "Құпиясөзді ұмыттыңыз ба? Электрондық пошта мекенжайыңызды төменге енгізіңіз",
        "ru": "Забыли свой пароль?",
        "en": "Forgotten your password?",
    },
    "/{lang}/privacy/": {
        "kk": "Құпиялылық саясаты",
        "ru": "Политика конфиденциальности",
        "en": "Privacy notice",
    },
}

TRAINEE_PAGES = {
    "/{lang}/accounts/profile/": {"kk": "Менің профилім", "ru": "Мой профиль", "en": "My profile"},
    "/{lang}/accounts/profile/edit/": {
        "kk": "Аты-жөні қазақша",
        "ru": "ФИО на казахском",
        "en": "Name in Kazakh",
    },
    "/{lang}/accounts/my-data/": {
        "kk": "Деректерімді жүктеп алу (JSON)",
        "ru": "Скачать мои данные (JSON)",
        "en": "Download my data (JSON)",
    },
    "/{lang}/accounts/my-data/delete/": {
        "kk": "Не сақталады",
        "ru": "Что сохранится",
        "en": "What will be kept",
    },
    "/{lang}/accounts/password/change/": {
        "kk": "Ағымдағы құпиясөз",
        "ru": "Текущий пароль",
        "en": "Current Password",
    },
    "/{lang}/accounts/email/": {
        "kk": "Ағымдағы электрондық пошта",
        "ru": "Текущий e-mail",
        "en": "Current email",
    },
}


def _check(response, lang, text):
    assert response.status_code == 200
    body = response.content.decode()
    assert f'<html lang="{lang}">' in body
    assert text in body, f"{text!r} missing from the {lang} page"
    assert 'class="skip-link" href="#main"' in body
    assert '<main id="main"' in body


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize("path", list(ANONYMOUS_PAGES))
def test_public_account_pages_are_shown_in_each_language(client, path, lang):
    _check(client.get(path.format(lang=lang)), lang, ANONYMOUS_PAGES[path][lang])


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
@pytest.mark.parametrize("path", list(TRAINEE_PAGES))
def test_a_trainees_own_pages_are_shown_in_each_language(client, path, lang):
    client.force_login(TraineeFactory())
    _check(client.get(path.format(lang=lang)), lang, TRAINEE_PAGES[path][lang])


def test_the_kazakh_login_page_has_no_english_left(client):
    body = client.get("/kk/accounts/login/").content.decode()
    for english in ("Sign In", "Password", "Remember Me", "Forgot your password?", "sign up"):
        assert f">{english}<" not in body and f"{english}:" not in body


def test_the_kazakh_signup_page_explains_password_rules_in_kazakh(client):
    body = client.get("/kk/accounts/signup/").content.decode()
    assert "Құпиясөз кемінде 8 таңбадан тұруы керек." in body
    assert "Your password must contain" not in body


def test_the_mfa_setup_page_is_in_kazakh(client):
    client.force_login(TrainerFactory(mfa=False))
    # A fresh force_login has no password record, so allauth asks for the password first.
    response = client.get("/kk/accounts/2fa/totp/activate/", follow=True)
    body = response.content.decode()
    assert '<html lang="kk">' in body
    assert "Кіруді растау" in body or "Аутентификатор қолданбасын қосу" in body


def test_the_verification_email_is_in_the_language_of_the_sign_up(client):
    from django.core import mail

    client.post(
        "/kk/accounts/signup/",
        {
            "email": "til@example.kz",
            "password1": "Qazaq-Tili-2026!",
            "password2": "Qazaq-Tili-2026!",
            "consent": "on",
        },
    )
    assert "Электрондық пошта мекенжайыңызды растаңыз" in mail.outbox[0].subject
