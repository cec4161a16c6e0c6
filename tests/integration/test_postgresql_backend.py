"""cms.db.postgresql on a real PostgreSQL: the health check skipped on a hot connection and done on
an idle one, a connection broken while hot costs one request and no more, and the verification
query prepared once per persistent connection and replaced when it goes stale."""

from __future__ import annotations

import time

import psycopg
import pytest
from django.db import DatabaseError, OperationalError, connections
from django.test.utils import CaptureQueriesContext

from certificates import selectors
from course.tests.database import restore_committed_database

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


def failing_request(connection) -> None:
    """A request whose query fails (a programming error): Django checks the connection after it."""
    connection.close_if_unusable_or_obsolete()
    with pytest.raises(DatabaseError), connection.cursor() as cursor:
        cursor.execute("SELECT * FROM no_such_table")
    connection.close_if_unusable_or_obsolete()


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


def test_a_connection_checked_after_a_failed_request_is_checked_again_once_it_has_idled(persistent):
    request_cycle(persistent)
    failing_request(persistent)  # Django's SELECT 1 after the error
    assert len(persistent.checks) == 1
    persistent.known_good_at -= 1.0  # idle for a second: neither request makes it hot again

    request_cycle(persistent)

    assert len(persistent.checks) == 2


def test_a_connection_opened_outside_a_request_and_left_idle_is_checked(persistent):
    persistent.connect()  # a management command, a startup hook
    persistent.known_good_at -= 1.0

    request_cycle(persistent)

    assert len(persistent.checks) == 1


def test_a_long_request_counts_from_its_first_query_not_from_its_end(persistent):
    request_cycle(persistent)
    persistent.close_if_unusable_or_obsolete()
    with persistent.cursor() as cursor:
        cursor.execute("SELECT 1")
    time.sleep(0.6)  # the request goes on without the database, past the bypass window
    persistent.close_if_unusable_or_obsolete()

    request_cycle(persistent)

    assert len(persistent.checks) == 1


def forget_prepared_statements(db) -> None:
    with db.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # psycopg forgets its own list too


def prepared_look_ups(db) -> list[tuple[str, int]]:
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT name, generic_plans + custom_plans FROM pg_prepared_statements "
            "WHERE statement LIKE %s",
            ["%certificates_certificate%"],
        )
        return cursor.fetchall()


@pytest.fixture(scope="module", autouse=True)
def _restore_database_afterwards(django_db_setup, django_db_blocker):
    """Two tests here commit for real (a statement altered by another connection)."""
    yield
    restore_committed_database(django_db_blocker)


@pytest.fixture
def committed(django_db_blocker):
    """For a transactional test: the programme again, if an earlier one emptied the tables
    (serialized_rollback puts back the migrations' data; the programme is loaded after them)."""
    from course.programme_data import MODULES, PROGRAMME
    from course.services import programme_load

    with django_db_blocker.unblock():
        programme_load(programme=PROGRAMME, modules=MODULES)


@pytest.fixture
def persistent_default(postgres, monkeypatch):
    """The default connection configured as in production: kept between requests."""
    db = connections["default"]
    monkeypatch.setitem(db.settings_dict, "CONN_MAX_AGE", 600)
    return db


@pytest.fixture
def issued(issue_certificate):
    return issue_certificate()


def test_the_verification_query_is_prepared_once_per_connection_and_still_counted(
    persistent_default, issued
):
    forget_prepared_statements(persistent_default)

    with CaptureQueriesContext(persistent_default) as queries:
        for _ in range(3):
            found = selectors.certificate_for_verification(code=issued.code)

    assert found.serial == issued.serial
    assert len(queries) == 3
    assert [runs for _name, runs in prepared_look_ups(persistent_default)] == [3]


def test_django_own_queries_are_not_prepared(persistent_default, issue_certificate):
    forget_prepared_statements(persistent_default)
    issue_certificate()
    with persistent_default.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_prepared_statements")
        assert cursor.fetchone() == (0,)
    assert isinstance(persistent_default.connection, psycopg.Connection)


def test_nothing_is_prepared_when_each_request_has_a_connection_of_its_own(postgres, issued):
    db = connections["default"]
    assert db.settings_dict["CONN_MAX_AGE"] == 0
    forget_prepared_statements(db)

    selectors.certificate_for_verification(code=issued.code)

    assert prepared_look_ups(db) == []


def test_nothing_is_prepared_when_the_settings_turn_preparation_off(
    persistent_default, issued, monkeypatch
):
    options = {**persistent_default.settings_dict["OPTIONS"], "prepare_threshold": None}
    monkeypatch.setitem(persistent_default.settings_dict, "OPTIONS", options)
    forget_prepared_statements(persistent_default)

    found = selectors.certificate_for_verification(code=issued.code)

    assert found.code == issued.code
    assert prepared_look_ups(persistent_default) == []


def forget_behind_psycopgs_back(db) -> None:
    """The server drops the prepared look-up; psycopg still thinks it has it."""
    ((name, _runs),) = prepared_look_ups(db)
    with db.cursor() as cursor:
        cursor.execute(f'DEALLOCATE "{name}"')


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_look_up_whose_statement_the_server_forgot_reconnects_and_answers(
    committed, persistent_default, issued
):
    selectors.certificate_for_verification(code=issued.code)
    before = persistent_default.connection.info.backend_pid
    forget_behind_psycopgs_back(persistent_default)

    found = selectors.certificate_for_verification(code=issued.code)
    again = selectors.certificate_for_verification(code=issued.code)

    assert found.code == again.code == issued.code
    assert persistent_default.connection.info.backend_pid != before


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_look_up_prepared_before_a_migration_changed_a_column_reconnects_and_answers(
    committed, persistent_default, issued
):
    selectors.certificate_for_verification(code=issued.code)
    before = persistent_default.connection.info.backend_pid
    alter = "ALTER TABLE certificates_certificate ALTER COLUMN serial TYPE varchar({})"
    with psycopg.connect(**persistent_default.get_connection_params(), autocommit=True) as other:
        other.execute(alter.format(21))  # what another process's migrate would do
    try:
        found = selectors.certificate_for_verification(code=issued.code)
    finally:
        with psycopg.connect(**persistent_default.get_connection_params()) as other:
            other.execute(alter.format(20))

    assert found.serial == issued.serial
    assert persistent_default.connection.info.backend_pid != before  # replaced, then prepared anew


def test_inside_a_transaction_a_stale_statement_fails_and_the_connection_is_marked_for_closing(
    persistent_default, issued
):
    selectors.certificate_for_verification(code=issued.code)
    forget_behind_psycopgs_back(persistent_default)

    with pytest.raises(DatabaseError):
        selectors.certificate_for_verification(code=issued.code)

    assert persistent_default.in_atomic_block
    assert persistent_default.stale_statement
