"""The admin's avatars are drawn locally: the closed network cannot reach Gravatar, and a staff
member's e-mail hash must not leave the site."""

from __future__ import annotations

import pytest

from cms.tests.factories import RegistrarFactory

pytestmark = pytest.mark.django_db


def test_the_admin_home_page_fetches_no_avatar_from_gravatar(client):
    client.force_login(RegistrarFactory(email="registrar.avatar@example.kz"))

    response = client.get("/admin/")

    assert response.status_code == 200
    assert "gravatar" not in response.content.decode().lower()
