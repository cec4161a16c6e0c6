"""PostgreSQL with persistent connections whose health check is skipped while they are hot.

Django's CONN_HEALTH_CHECKS sends `SELECT 1` before the first query of every request that reuses
a connection: a second round trip for a page that needs one query, and about a fifth of the
verification page's cost under load (profiled with py-spy, see README → Performance). This
backend skips that check when the connection was last known good less than
`HEALTH_CHECK_BYPASS_SECONDS` ago (0.5 s by default; HikariCP, the usual JDBC pool, skips its
alive check for the same 500 ms). "Known good" means: just opened, just passed a health check
(Django's, or the one Django runs after a database error), or used by a request that finished
without a database error, as of that request's first query.

So a busy site stops paying a round trip per request, and a connection that sat idle (where
PostgreSQL restarts, idle timeouts and dropped networks happen) is still checked before use. What
is given up: a connection broken less than half a second after a clean use fails one request
instead of being replaced first; Django then closes it at the end of that request, as it does
without health checks.

It also adds `prepared_cursor()`, `fetchone_prepared()` and `fetchall_prepared()` for hot
queries of fixed shape (the certificate verification look-up, the dashboard's state query):
prepared once per persistent connection, replaced if they go stale."""

from __future__ import annotations

import time

from django.db import DatabaseError
from django.db.backends.postgresql import base
from django.utils.asyncio import async_unsafe

DEFAULT_BYPASS_SECONDS = 0.5
# A statement this connection prepared and the server no longer runs: its result type changed (a
# migration altered a column while this worker ran) or the server forgot it (DEALLOCATE).
STALE_STATEMENT = frozenset({"0A000", "26000"})


class PreparingCursor(base.ServerBindingCursor):
    """Binds on the server and prepares every statement it runs (psycopg keeps up to 100
    prepared statements per connection)."""

    def execute(self, query, params=None, *, prepare=True, binary=None):
        return super().execute(query, params, prepare=prepare, binary=binary)


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # When the connection last did a round trip known to succeed; None: never, or closed.
        self.known_good_at: float | None = None
        # When this request first used the connection (None: not yet); see below.
        self.first_use_at: float | None = None
        self.health_checks_skipped = 0
        # A prepared statement went stale inside a transaction: drop the connection after it.
        self.stale_statement = False

    @property
    def health_check_bypass_seconds(self) -> float:
        return float(self.settings_dict.get("HEALTH_CHECK_BYPASS_SECONDS", DEFAULT_BYPASS_SECONDS))

    @property
    def prepares(self) -> bool:
        """Whether prepared_cursor() prepares: not when the settings turn psycopg's preparation
        off (OPTIONS prepare_threshold: None, e.g. behind an old PgBouncer), and not when each
        request opens a connection of its own (CONN_MAX_AGE 0), where preparing costs a round
        trip that no later request reuses."""
        options = self.settings_dict.get("OPTIONS", {})
        if "prepare_threshold" in options and options["prepare_threshold"] is None:
            return False
        return bool(self.pool) or self.settings_dict.get("CONN_MAX_AGE") != 0

    def connect(self):
        super().connect()
        self.known_good_at = time.monotonic()
        self.first_use_at = None

    def close_if_health_check_failed(self):
        """Before the request's first query. A connection known good less than the bypass
        window ago is not checked again."""
        if self.connection is None or self.health_check_done:
            return super().close_if_health_check_failed()
        now = time.monotonic()
        if (
            self.health_check_enabled
            and not self.pool
            and self.known_good_at is not None
            and now - self.known_good_at < self.health_check_bypass_seconds
        ):
            self.health_check_done = True
            self.health_checks_skipped += 1
        else:
            super().close_if_health_check_failed()
            if self.connection is not None and self.health_check_enabled:
                self.known_good_at = time.monotonic()  # SELECT 1 answered just now
        if self.connection is not None:
            self.first_use_at = now

    def close_if_unusable_or_obsolete(self):
        """At the start and the end of each request (close_old_connections). A request that used
        the connection without a database error proves it worked when that request began;
        after an error, Django's SELECT 1 proves it works now."""
        first_use_at, self.first_use_at = self.first_use_at, None
        if self.stale_statement and self.connection is not None and not self.in_atomic_block:
            self.close()
            return
        had_errors = self.connection is not None and self.errors_occurred
        super().close_if_unusable_or_obsolete()
        if self.connection is None:
            return
        if had_errors and not self.errors_occurred:  # Django's SELECT 1 answered
            self.known_good_at = time.monotonic()
        elif first_use_at is not None and not had_errors:
            self.known_good_at = max(self.known_good_at or 0.0, first_use_at)

    def close(self):
        super().close()
        if self.connection is None:
            self.known_good_at = None
            self.first_use_at = None
            self.stale_statement = False

    @async_unsafe
    def prepared_cursor(self):
        """A cursor for a hot query of fixed shape: its statement is prepared once per connection,
        and PostgreSQL then skips parsing and planning it. Django's own cursors bind on the
        client and never prepare (server_side_binding is off: some ORM queries fail with it).
        Otherwise as cursor(): same health check, error wrapping and query logging. A plain
        cursor when this connection does not prepare (see `prepares`)."""
        if not self.prepares:
            return self.cursor()
        self.close_if_health_check_failed()
        self.ensure_connection()
        if self.connection.prepare_threshold is None:
            # Django connects with psycopg's prepare_threshold=None (never prepare) unless
            # OPTIONS name one. Django's own cursors bind on the client, which never prepares,
            # so turning it on changes nothing for them.
            self.connection.prepare_threshold = 5
        with self.wrap_database_errors:
            return self._prepare_cursor(PreparingCursor(self.connection))

    def fetchone_prepared(self, sql: str, params):
        """Run a hot query through prepared_cursor() and return its first row. If the statement
        went stale (see STALE_STATEMENT), outside a transaction the connection is replaced and
        the query run once more; inside one the error stands (the transaction is lost anyway)
        and the connection is dropped at the end of the request."""
        return self._run_prepared(sql, params, lambda cursor: cursor.fetchone())

    def fetchall_prepared(self, sql: str, params):
        """As fetchone_prepared(), every row (the dashboard's state query)."""
        return self._run_prepared(sql, params, lambda cursor: cursor.fetchall())

    def _run_prepared(self, sql: str, params, fetch):
        try:
            return self._fetch_prepared(sql, params, fetch)
        except DatabaseError as error:
            if getattr(error.__cause__, "sqlstate", None) not in STALE_STATEMENT:
                raise
            if self.in_atomic_block:
                self.stale_statement = True
                raise
            self.close()
            return self._fetch_prepared(sql, params, fetch)

    def _fetch_prepared(self, sql: str, params, fetch):
        with self.prepared_cursor() as cursor:
            cursor.execute(sql, params)
            return fetch(cursor)
