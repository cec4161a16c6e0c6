from __future__ import annotations

import pytest
from allauth.mfa.models import Authenticator

from cms import demo
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


def test_the_demo_publishes_the_default_notice_while_it_is_blank_but_keeps_a_written_one():
    from cms.models import PrivacyNotice
    from cms.services import privacy_notice_publish

    privacy_notice_publish(by=None, text_kk="", text_ru="", text_en="")
    demo.seed({"accounts": []})
    latest = PrivacyNotice.objects.order_by("-version").first()
    assert "Learning and Development Institute LLP processes" in latest.text_en
    own = privacy_notice_publish(by=None, text_kk="<p>Біздің</p>", text_ru="", text_en="")
    demo.seed({"accounts": []})
    assert PrivacyNotice.objects.order_by("-version").first() == own
