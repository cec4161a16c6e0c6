"""E-mails greet a self-registered trainee by the profile's name, not the e-mail address."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from cms.models import TraineeProfile
from cms.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_defence_e_mail_greets_the_trainee_by_name_in_her_language():
    trainee = UserFactory(email="zhanar.test@example.kz", first_name="", last_name="")
    TraineeProfile.objects.update_or_create(
        user=trainee, defaults={"surname_kk": "Сәрсенбаева", "given_name_kk": "Жанар"}
    )
    slot = SimpleNamespace(
        starts_at=timezone.now() + dt.timedelta(days=3), duration_minutes=20, place="204"
    )
    with translation.override("kk"):
        body = render_to_string(
            "assessment/email/defence_body.txt", {"slot": slot, "trainee": trainee}
        )
    assert body.startswith("Құрметті Сәрсенбаева Жанар,")
    assert "zhanar.test@example.kz" not in body
