"""PostgreSQL with persistent connections whose health check is skipped while they are hot.

Django's CONN_HEALTH_CHECKS sends `SELECT 1` before the first query of every request that reuses
a connection: a second round trip for a page that needs one query, and about a fifth of the
verification page's cost under load (profiled with py-spy, see README → Performance). This
backend skips that check when the connection was last known good less than
`HEALTH_CHECK_BYPASS_SECONDS` ago (0.5 s by default; HikariCP, the usual JDBC pool, skips its
alive check for the same 500 ms). "Known good" means: just opened, just passed a health check,
or used by a request that finished without a database error.

So a busy site stops paying a round trip per request, and a connection that sat idle (where
PostgreSQL restarts, idle timeouts and dropped networks happen) is still checked before use. What
is given up: a connection broken less than half a second after a clean use fails one request
instead of being replaced first; Django then closes it at the end of that request, as it does
without health checks."""

from __future__ import annotations

import time

from django.db.backends.postgresql import base

DEFAULT_BYPASS_SECONDS = 0.5


class PreparingCursor(base.ServerBindingCursor):
    """Binds on the server and prepares every statement it runs (psycopg keeps up to 100
    prepared statements per connection)."""

    def execute(self, query, params=None, *, prepare=True, binary=None):
        return super().execute(query, params, prepare=prepare, binary=binary)


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.known_good_at: float | None = None
        self.health_checks_skipped = 0

    @property
    def health_check_bypass_seconds(self) -> float:
        return float(self.settings_dict.get("HEALTH_CHECK_BYPASS_SECONDS", DEFAULT_BYPASS_SECONDS))

    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        # Django turns psycopg's statement preparation off (None); PreparingCursor needs it on.
        # Django's own cursors bind on the client, which never prepares, so they are unaffected.
        if connection.prepare_threshold is None:
            connection.prepare_threshold = 5
        return connection

    def connect(self):
        super().connect()
        self.known_good_at = time.monotonic()

    def close_if_health_check_failed(self):
        if (
            self.connection is not None
            and self.health_check_enabled
            and not self.health_check_done
            and not self.pool
            and self.known_good_at is not None
            and time.monotonic() - self.known_good_at < self.health_check_bypass_seconds
        ):
            self.health_check_done = True
            self.health_checks_skipped += 1
            return
        checking = not self.health_check_done and self.connection is not None
        super().close_if_health_check_failed()
        if checking and self.connection is not None:
            self.known_good_at = time.monotonic()

    def close_if_unusable_or_obsolete(self):
        # At the end (and start) of a request. `health_check_done` is set by the request's first
        # query, so it says whether this request used the connection at all.
        used_cleanly = (
            self.connection is not None and self.health_check_done and not self.errors_occurred
        )
        super().close_if_unusable_or_obsolete()
        if used_cleanly and self.connection is not None:
            self.known_good_at = time.monotonic()

    def close(self):
        super().close()
        if self.connection is None:
            self.known_good_at = None

    def prepared_cursor(self):
        """A cursor for a hot query of fixed shape: its statement is prepared once per connection,
        and PostgreSQL then skips parsing and planning it. Django's own cursors bind on the
        client and never prepare (server_side_binding is off: some ORM queries fail with it).
        Otherwise as cursor(): same health check, error wrapping and query logging."""
        self.close_if_health_check_failed()
        self.ensure_connection()
        with self.wrap_database_errors:
            return self._prepare_cursor(PreparingCursor(self.connection))
