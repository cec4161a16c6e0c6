"""cms.db.postgresql on a real PostgreSQL: the health check skipped on a hot connection and done on
an idle one, a connection broken while hot costs one request and no more, and the verification
query prepared once per connection."""

from __future__ import annotations

import time

import psycopg
import pytest
from django.db import OperationalError, connections
from django.test.utils import CaptureQueriesContext

from certificates import selectors
from certificates.services import certificate_issue
from certificates.tests.factories import EnrolmentFactory

pytestmark = [pytest.mark.services, pytest.mark.django_db]


@pytest.fixture
def persistent(postgres):
    """A connection of its own, kept between requests and health-checked, as in production."""
    connection = connections.create_connection("default")
    connection.settings_dict = {
        **connection.settings_dict,
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
        "HEALTH_CHECK_BYPASS_SECONDS": 0.5,
    }
    checks = []
    real_is_usable = connection.is_usable

    def counted_is_usable():
        checks.append(time.monotonic())
        return real_is_usable()

    connection.is_usable = counted_is_usable
    connection.checks = checks
    yield connection
    connection.close()


def request_cycle(connection, sql: str = "SELECT 1") -> int:
    """What Django does around one request that runs one query: close_old_connections at the
    start and at the end. Returns the server process that answered."""
    connection.close_if_unusable_or_obsolete()
    try:
        with connection.cursor() as cursor:
            cursor.execute(sql)
            cursor.fetchone()
        return connection.connection.info.backend_pid
    finally:
        connection.close_if_unusable_or_obsolete()


def kill_backend(pid: int) -> None:
    db = connections["default"]
    with db.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    time.sleep(0.2)  # the server ends the process asynchronously


def forget_prepared_statements(db) -> None:
    with db.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # psycopg forgets its own list too


def test_a_connection_used_moments_ago_is_not_health_checked_again(persistent):
    first = request_cycle(persistent)
    second = request_cycle(persistent)
    third = request_cycle(persistent)

    assert first == second == third
    assert persistent.checks == []
    assert persistent.health_checks_skipped == 2


def test_an_idle_connection_is_health_checked_before_its_next_query(persistent):
    request_cycle(persistent)
    persistent.known_good_at -= 1.0  # idle for a second

    request_cycle(persistent)

    assert len(persistent.checks) == 1


def test_an_idle_connection_that_the_server_closed_is_replaced_before_the_request_uses_it(
    persistent,
):
    before = request_cycle(persistent)
    kill_backend(before)
    persistent.known_good_at -= 1.0

    after = request_cycle(persistent)  # no error: the health check found it dead

    assert after != before
    assert len(persistent.checks) == 1


def test_a_connection_closed_moments_after_a_clean_use_fails_one_request_and_is_then_replaced(
    persistent,
):
    before = request_cycle(persistent)
    kill_backend(before)

    with pytest.raises(OperationalError):
        request_cycle(persistent)
    assert persistent.connection is None  # closed at the end of the failed request

    after = request_cycle(persistent)
    assert after != before


def test_with_no_bypass_window_every_request_is_health_checked(persistent):
    persistent.settings_dict["HEALTH_CHECK_BYPASS_SECONDS"] = 0
    for _ in range(3):
        request_cycle(persistent)

    assert len(persistent.checks) == 2  # the first request opened the connection


def test_the_verification_query_is_prepared_once_per_connection_and_still_counted(
    postgres, programme
):
    certificate = certificate_issue(enrolment=EnrolmentFactory(), score=88, band="excellent")
    db = connections["default"]
    forget_prepared_statements(db)

    with CaptureQueriesContext(db) as queries:
        for _ in range(3):
            found = selectors.certificate_for_verification(code=certificate.code)
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans + custom_plans FROM pg_prepared_statements "
            "WHERE statement LIKE %s",
            ["%certificates_certificate%"],
        )
        prepared = cursor.fetchall()

    assert found.serial == certificate.serial
    assert len(queries) == 3
    assert prepared == [(3,)]


def test_django_own_queries_are_not_prepared(postgres, programme):
    db = connections["default"]
    forget_prepared_statements(db)
    certificate_issue(enrolment=EnrolmentFactory(), score=88, band="excellent")
    with db.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        assert cursor.fetchone() == (0,)
    assert isinstance(db.connection, psycopg.Connection)
