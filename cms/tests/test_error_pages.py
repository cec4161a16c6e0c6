"""The 403, 404 and 500 pages: the site's look, the reader's language, what to do next."""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from cms.tests.factories import TraineeFactory


@pytest.mark.django_db
def test_a_missing_page_answers_in_the_sites_layout_and_the_readers_language(client):
    response = client.get("/ru/no-such-page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="ru">' in html and 'class="site-header"' in html
    assert "Страница не найдена" in html
    assert "Перейти на главную страницу" in html


@pytest.mark.django_db
def test_a_refusal_says_who_is_signed_in_and_what_to_do(client):
    trainee = TraineeFactory(email="aigul@example.kz")
    client.force_login(trainee)
    response = client.get("/kk/certificates/pending/")
    html = response.content.decode()
    assert response.status_code == 403
    assert 'class="site-header"' in html
    assert "Бұл бетке кіру рұқсаты жоқ" in html
    assert "aigul@example.kz" in html


def test_the_server_error_page_needs_no_database_and_speaks_kazakh():
    # No django_db mark: any query here would fail the test.
    request = RequestFactory().get("/kk/study/")
    with translation.override("kk"):
        response = server_error(request)
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="kk">' in html
    assert "Бірдеңе дұрыс болмады" in html
