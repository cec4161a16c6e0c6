"""The language switcher: same page in another language, on prefixed and unprefixed URLs."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_a_prefixed_page_links_to_the_same_path_under_each_prefix(client):
    html = client.get("/kk/privacy/").content.decode()
    assert 'href="/ru/privacy/" lang="ru"' in html
    assert 'href="/en/privacy/" lang="en"' in html


def test_an_unprefixed_page_links_with_a_lang_parameter_that_switches_the_language(client):
    html = client.get("/verify/", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert '<html lang="kk">' in html
    assert 'href="/verify/?lang=ru" lang="ru"' in html
    response = client.get("/verify/?lang=ru", HTTP_ACCEPT_LANGUAGE="kk")
    assert '<html lang="ru">' in response.content.decode()
    assert response["Content-Language"] == "ru"


def test_an_unknown_lang_parameter_is_ignored(client):
    html = client.get("/verify/?lang=xx", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert '<html lang="ru">' in html


def test_an_unprefixed_page_keeps_the_last_value_of_each_query_name_and_swaps_the_language(
    client,
):
    html = client.get("/verify/?serial=PA-2026-00001&lang=ru&serial=PA-2026-00002").content
    html = html.decode()

    # One value per name, the last one (as a form submitted twice would mean), sorted by name.
    assert 'href="/verify/?lang=en&amp;serial=PA-2026-00002" lang="en"' in html
    assert 'href="/verify/?lang=kk&amp;serial=PA-2026-00002" lang="kk"' in html
