"""What a person consented to is fixed: the privacy notice is a versioned text in each language,
publishing a change makes a new version, a consent names its exact version and that text can be
shown later; sign-up is refused while the notice is blank."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from cms.models import PersonalDataConsent, PrivacyNotice
from cms.services import consent_record, privacy_notice_publish
from cms.tests.factories import RegistrarFactory, TraineeFactory

pytestmark = pytest.mark.django_db
PASSWORD = "Qazaq-Tili-2026!"


def _publish(**texts):
    return privacy_notice_publish(by=None, **{"text_kk": "", "text_ru": "", "text_en": "", **texts})


NEW_TEXTS = {"kk": "Жаңа", "ru": "Новый", "en": "New"}


def _draftail(text: str) -> str:
    """What the admin's rich-text editor posts for one paragraph."""
    import json

    block = {
        "key": "a",
        "type": "unstyled",
        "text": text,
        "depth": 0,
        "inlineStyleRanges": [],
        "entityRanges": [],
    }
    return json.dumps({"blocks": [block], "entityMap": {}})


def _signup(client, language="en"):
    return client.post(
        f"/{language}/accounts/signup/",
        {
            "email": "aigerim@example.kz",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "consent": "on",
        },
    )


def test_a_fresh_installation_publishes_a_default_notice_that_tells_about_retention():
    notice = PrivacyNotice.objects.get(version=1)
    assert "deleted automatically 12 months after the certificate" in notice.text_en
    assert "12 месяцев после выдачи сертификата" in notice.text_ru
    assert "12 ай өткенде" in notice.text_kk


def test_publishing_makes_the_next_version_and_a_published_one_is_never_edited():
    first = PrivacyNotice.objects.get(version=1)
    second = _publish(text_kk="<p>Жаңа</p>")

    assert second.version == 2
    first.text_kk = "<p>changed</p>"
    with pytest.raises(ValueError):
        first.save()
    assert "changed" not in PrivacyNotice.objects.get(version=1).text_kk


def test_sign_up_is_refused_while_the_notice_is_blank_and_creates_nothing(client):
    _publish()

    response = _signup(client)

    assert response.status_code == 200
    assert (
        "Sign-up is closed until the organisation publishes its privacy notice."
        in response.content.decode()
    )
    assert not get_user_model().objects.filter(email="aigerim@example.kz").exists()
    assert not PersonalDataConsent.objects.exists()
    assert mail.outbox == []


def test_each_language_reads_its_own_text(client):
    _publish(
        text_kk="<p>Қазақша мәтін</p>", text_ru="<p>Русский текст</p>", text_en="<p>English</p>"
    )

    assert "Қазақша мәтін" in client.get("/kk/privacy/").content.decode()
    russian = client.get("/ru/privacy/").content.decode()
    assert "Русский текст" in russian and "Қазақша мәтін" not in russian
    assert "English" in client.get("/en/privacy/").content.decode()


def test_a_missing_language_falls_back_to_kazakh_and_says_so(client):
    _publish(text_kk="<p>Қазақша мәтін</p>")

    body = client.get("/en/privacy/").content.decode()

    assert "Қазақша мәтін" in body
    assert "This notice has not been published in your language yet; it is shown in" in body


def test_the_person_reads_the_exact_version_they_agreed_to_after_a_new_one_is_published(client):
    trainee = TraineeFactory(preferred_language="en")
    agreed = _publish(text_en="<p>We keep your name.</p>")
    consent_record(user=trainee, notice=agreed)
    _publish(text_en="<p>We keep your name and your school.</p>")
    client.force_login(trainee)

    my_data = client.get("/en/accounts/my-data/").content.decode()
    assert f'href="/en/privacy/version-{agreed.version}/"' in my_data
    old = client.get(f"/en/privacy/version-{agreed.version}/").content.decode()
    assert "We keep your name." in old and "This is an earlier version of the notice." in old
    exported = client.get("/en/accounts/my-data/export.json").json()["consents"]
    assert {
        "notice_version": str(agreed.version),
        "notice_text": "<p>We keep your name.</p>",
    }.items() <= exported[-1].items()


def test_an_unknown_version_is_404(client):
    assert client.get("/en/privacy/version-999/").status_code == 404


def test_a_registrar_publishes_a_new_version_from_the_newest_text_and_cannot_edit_one(client):
    from wagtail.users.models import UserProfile

    registrar = RegistrarFactory()
    profile = UserProfile.get_for_user(registrar)
    profile.preferred_language = "en"
    profile.save()
    latest = _publish(text_kk="<p>Бұрынғы</p>", text_ru="<p>Прежний</p>", text_en="<p>Earlier</p>")
    client.force_login(registrar)

    form = client.get("/admin/people/privacy-notices/new/")
    assert form.status_code == 200
    assert form.context["form"].initial["text_ru"] == "<p>Прежний</p>"
    response = client.post(
        "/admin/people/privacy-notices/new/",
        {f"text_{code}": _draftail(text) for code, text in NEW_TEXTS.items()},
    )

    assert response.status_code == 302
    newest = PrivacyNotice.objects.order_by("-version").first()
    assert newest.version == latest.version + 1 and "Новый" in newest.text_ru
    assert newest.published_by == registrar
    # No edit view: a published version stays as it was.
    assert client.get(f"/admin/people/privacy-notices/edit/{latest.pk}/").status_code in (
        302,
        403,
        404,
    )
    latest.refresh_from_db()
    assert latest.text_ru == "<p>Прежний</p>"
