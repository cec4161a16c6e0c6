"""The mentoring policy per programme is set in the Wagtail admin (README, "Mentoring"), by
administrators; registrars, trainers and trainees cannot open it."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cms.tests.factories import (
    RegistrarFactory,
    TraineeFactory,
    TrainerFactory,
    UserFactory,
    totp_activate,
)
from mentoring.models import MentoringPolicy
from mentoring.selectors import policy_for

pytestmark = pytest.mark.django_db


def _administrator():
    user = UserFactory(is_superuser=True, is_staff=True)
    totp_activate(user)
    return user


def test_an_administrator_sets_a_programmes_policy_and_mentoring_uses_it(
    client, programme, graduate, make_certificate
):
    client.force_login(_administrator())
    add_url = reverse("wagtailsnippets_mentoring_mentoringpolicy:add")

    assert client.get(add_url).status_code == 200
    response = client.post(
        add_url,
        {
            "programme": programme.pk,
            "tickets_per_certificate": 5,
            "support_months": 6,
            "weak_share_percent": 60,
            "first_reply_working_days": 2,
            "reopen_days": 7,
        },
    )

    assert response.status_code == 302
    policy = MentoringPolicy.objects.get(programme=programme)
    assert (policy.tickets_per_certificate, policy.support_months) == (5, 6)
    assert policy_for(certificate=make_certificate(graduate)).tickets_per_certificate == 5


def test_the_policies_list_speaks_kazakh_by_default(client, programme):
    client.force_login(_administrator())

    html = client.get(reverse("wagtailsnippets_mentoring_mentoringpolicy:list")).content.decode()

    assert "Тәлімгерлік қолдау ережелері" in html


def test_others_cannot_open_or_add_a_policy(client, programme):
    add_url = reverse("wagtailsnippets_mentoring_mentoringpolicy:add")
    for person in (RegistrarFactory(), TrainerFactory(), TraineeFactory()):
        client.force_login(person)
        assert client.get(add_url).status_code in {302, 403}
        response = client.post(add_url, {"programme": programme.pk, "tickets_per_certificate": 9})
        assert response.status_code in {302, 403}
    assert not MentoringPolicy.objects.exists()
