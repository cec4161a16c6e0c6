"""Shared test fixtures: the programme tree is loaded once per test database."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from course.content_data import GLOSSARY, LITERATURE
    from course.programme_data import MODULES, PROGRAMME
    from course.services import programme_content_load, programme_load

    with django_db_blocker.unblock():
        programme_load(programme=PROGRAMME, modules=MODULES)
        programme_content_load(glossary=GLOSSARY, literature=LITERATURE)
        _fill_organisation_settings()


# What a registrar fills in before the first certificate (issuing is refused while these are
# blank). Test values: the approved programme names the provider in Kazakh only.
TEST_ORGANISATION = {
    "name_kk": "ЖШС «Оқу және Даму Институты»",
    "name_ru": "ТОО «Оқу және Даму Институты»",
    "city_kk": "Астана қ.",
    "city_ru": "г. Астана",
    "signatory_name": "А. Б. Сапарова",
    "signatory_position_kk": "Директор",
    "signatory_position_ru": "Директор",
}


def _fill_organisation_settings() -> None:
    from wagtail.models import Site

    from cms.models import OrganisationSettings

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    organisation = OrganisationSettings.for_site(site)
    if all(getattr(organisation, name) == value for name, value in TEST_ORGANISATION.items()):
        return
    for name, value in TEST_ORGANISATION.items():
        setattr(organisation, name, value)
    organisation.save()


@pytest.fixture(autouse=True)
def _organisation_settings_filled(request):
    """Every test with a database starts with the organisation filled in, as a registrar does
    before the first certificate: a transactional test (django_db(transaction=True)) empties
    the tables when it ends, and a test that blanks the settings expects to see them blank."""
    uses_database = request.node.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db", "django_db_setup"} & set(request.fixturenames)
    )
    if not uses_database:
        return
    request.getfixturevalue("_django_db_helper")
    _fill_organisation_settings()


@pytest.fixture(autouse=True)
def _force_login_passes_mfa(monkeypatch):
    """`client.force_login(person)` stands for a complete allauth sign-in: for a person with an
    authenticator, the session records the TOTP step as allauth does
    (cms.middleware.RequireMFAMiddleware refuses a staff session without it). A test of a
    password-only session uses cms.tests.factories.login_without_mfa."""
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        original(self, user, backend)
        from cms.tests.factories import session_record_mfa

        session_record_mfa(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture
def programme(db):
    from course.models import ProgrammePage

    return ProgrammePage.objects.get(locale__language_code="kk")


def pytest_report_header(config):
    """Name the database engine and server version the suite runs on (SQLite or PostgreSQL)."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    engine = db["ENGINE"].rsplit(".", 1)[-1]
    if engine == "sqlite3":
        import sqlite3

        return [f"database: SQLite {sqlite3.sqlite_version} ({db['NAME']})"]
    try:
        import psycopg

        with psycopg.connect(
            host=db.get("HOST") or None,
            port=db.get("PORT") or None,
            user=db.get("USER") or None,
            password=db.get("PASSWORD") or None,
            dbname=db["NAME"],
            connect_timeout=5,
        ) as conn:
            version = conn.execute("SHOW server_version").fetchone()[0]
    except Exception as exc:  # the header must never stop the run; the tests will say why
        version = f"unreachable: {exc}"
    return [f"database: PostgreSQL {version} ({db.get('HOST')}:{db.get('PORT')}/{db['NAME']})"]
