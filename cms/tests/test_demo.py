from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator
from wagtail.models import Site

from cms import demo
from cms.models import OrganisationSettings
from cms.tests.factories import RegistrarFactory, TraineeFactory, TrainerFactory, totp_code

pytestmark = pytest.mark.django_db


def test_demo_trainers_and_registrars_get_a_published_totp_secret_and_trainees_none():
    trainer = TrainerFactory(mfa=False)
    registrar = RegistrarFactory(mfa=False)
    trainee = TraineeFactory()
    result = {
        "accounts": [
            {"email": trainer.email, "password": "x", "role": "trainer"},
            {"email": registrar.email, "password": "x", "role": "registrar"},
            {"email": trainee.email, "password": "x", "role": "trainee"},
        ]
    }
    demo.seed(result)
    demo.seed(result)  # idempotent
    assert Authenticator.objects.filter(user=trainer, type="totp").count() == 1
    assert Authenticator.objects.filter(user=registrar, type="totp").count() == 1
    assert not Authenticator.objects.filter(user=trainee).exists()
    assert result["accounts"][0]["totp_secret"] == demo.DEMO_TOTP_SECRET
    assert "totp_secret" not in result["accounts"][2]


def test_a_demo_trainer_signs_in_with_the_published_secret(client):
    trainer = TrainerFactory(mfa=False, email="demo-trainer@example.kz")
    demo.seed({"accounts": [{"email": trainer.email, "password": "x", "role": "trainer"}]})
    from cms.tests.factories import DEFAULT_PASSWORD

    client.post("/en/accounts/login/", {"login": trainer.email, "password": DEFAULT_PASSWORD})
    response = client.post(
        "/en/accounts/2fa/authenticate/", {"code": totp_code(demo.DEMO_TOTP_SECRET)}
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(trainer.pk)


def test_the_demo_fills_an_empty_privacy_notice_but_keeps_a_written_one():
    settings = OrganisationSettings.for_site(Site.objects.get(is_default_site=True))
    demo.seed({"accounts": []})
    settings.refresh_from_db()
    assert "Learning and Development Institute LLP processes" in settings.privacy_notice
    settings.privacy_notice = "<p>Our own notice</p>"
    settings.save()
    demo.seed({"accounts": []})
    settings.refresh_from_db()
    assert settings.privacy_notice == "<p>Our own notice</p>"
