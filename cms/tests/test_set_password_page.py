"""The page behind the invitation link (allauth's reset-from-key): an invited trainee sets her
first password in her language, with no stray "Cancel"; a forgotten password is still changed."""

from __future__ import annotations

import pytest
from allauth.account.forms import default_token_generator
from allauth.account.utils import user_pk_to_url_str
from django.urls import reverse
from django.utils import translation

from cms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _open_link(client, user, language):
    with translation.override(language):
        path = reverse(
            "account_reset_password_from_key",
            kwargs={
                "uidb36": user_pk_to_url_str(user),
                "key": default_token_generator.make_token(user),
            },
        )
    # allauth moves the key into the session and redirects to a key-less address.
    return client.get(path, follow=True)


def _invited(email):
    user = UserFactory(email=email)
    user.set_unusable_password()  # what the registrar's import gives a new trainee
    user.save()
    return user


@pytest.mark.parametrize(
    ("language", "title", "old_title"),
    [
        ("kk", "Құпиясөзіңізді орнатыңыз", "Құпиясөзді өзгерту"),
        ("ru", "Задайте свой пароль", "Изменить пароль"),
        ("en", "Set your password", "Change Password"),
    ],
)
def test_the_invited_trainee_is_asked_to_set_her_password_in_her_language(
    client, language, title, old_title
):
    user = _invited(f"invited.{language}@example.kz")

    response = _open_link(client, user, language)

    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="password1"' in html
    assert html.count(title) == 3  # the window title, the heading and the button
    assert old_title not in html


def test_the_set_password_page_has_no_cancel_button(client):
    user = _invited("invited.cancel@example.kz")

    html = _open_link(client, user, "ru").content.decode()

    assert "Отмена" not in html
    assert 'form="logout-from-stage"' not in html
    assert 'id="logout-from-stage"' not in html


def test_a_person_who_forgot_her_password_still_changes_it(client):
    user = UserFactory(email="forgot@example.kz")  # has a usable password

    html = _open_link(client, user, "ru").content.decode()

    assert "Изменить пароль" in html
    assert "Задайте свой пароль" not in html
    assert "Отмена" not in html


def test_the_invited_trainee_sets_her_password_and_can_sign_in_with_it(client):
    user = _invited("invited.sets@example.kz")
    response = _open_link(client, user, "kk")

    client.post(
        response.redirect_chain[-1][0],
        {"password1": "Qazaq-Tili-2026!", "password2": "Qazaq-Tili-2026!"},
    )

    user.refresh_from_db()
    assert user.check_password("Qazaq-Tili-2026!")
