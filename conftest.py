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
