"""Shared test fixtures: the programme tree is loaded once per test database."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    from course.programme_data import MODULES, PROGRAMME
    from course.services import programme_load

    with django_db_blocker.unblock():
        programme_load(programme=PROGRAMME, modules=MODULES)


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
