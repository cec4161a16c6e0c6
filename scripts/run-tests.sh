#!/usr/bin/env bash
# `make test`: the whole suite on PostgreSQL (with a real Redis, a real Celery worker and nginx for
# the tests marked `services`), then again on SQLite, which is what `make run` and most developers
# use. Browser tests (marked `browser`) run once, on SQLite, in a pytest run of their own: they test
# pages, not the database engine (their site server copies the in-memory SQLite test database in
# milliseconds), and Playwright's sync API leaves an asyncio loop in the process that makes every
# later Django database call in that process fail with SynchronousOnlyOperation. Both passes run even when the first
# fails, so one run shows every failure; any failure — or a pass that collects no test (pytest's
# exit code 5) — makes the script fail.
#
#   TEST_SQLITE=0     skip the SQLite pass (e.g. when iterating on PostgreSQL-only problems)
#   PYTEST_WORKERS=N  pytest-xdist processes per pass (default 2, the machine's cores)
#   extra arguments   passed to pytest in both passes (e.g. `scripts/run-tests.sh course/tests`)
set -uo pipefail
cd "$(dirname "$0")/.."

WORKERS=${PYTEST_WORKERS:-2}
PY=.venv/bin/python
XDIST=()
[ "$WORKERS" -gt 1 ] && XDIST=(-n "$WORKERS" --dist loadfile)

run_pass() {
  local name=$1
  shift
  echo "=============================== $name ==============================="
  local start=$SECONDS
  "$@"
  local rc=$?
  echo "=== $name: exit $rc in $((SECONDS - start)) s"
  return $rc
}

if [ -z "${DATABASE_URL:-}" ] && [ -z "${PA_LMS_UNDER_SERVICES:-}" ]; then
  # Re-enter through with-services.sh, which starts PostgreSQL and Redis and stops them after.
  PA_LMS_UNDER_SERVICES=1 exec bash scripts/with-services.sh bash "$0" "$@"
fi

rc_pg=0
rc_sqlite=0
if [ -n "${DATABASE_URL:-}" ]; then
  run_pass "PostgreSQL pass" "$PY" -m pytest "${XDIST[@]}" -m "not browser" "$@" || rc_pg=$?
elif [ "${CI:-}" = "true" ]; then
  echo "ERROR: no PostgreSQL for the test run under CI" >&2
  rc_pg=1
else
  echo "!!! WARNING: no PostgreSQL: the PostgreSQL pass is SKIPPED !!!" >&2
fi

if [ "${TEST_SQLITE:-1}" != "0" ]; then
  # Tests marked `services` ran in the PostgreSQL pass.
  run_pass "SQLite pass" env -u DATABASE_URL "$PY" -m pytest "${XDIST[@]}" \
    -m "not services and not browser" "$@" || rc_sqlite=$?
fi

rc_browser=0
run_pass "Browser pass (SQLite)" env -u DATABASE_URL "$PY" -m pytest "${XDIST[@]}" -m browser "$@" \
  || rc_browser=$?
# 5 = no browser test selected (e.g. `scripts/run-tests.sh course/tests`): the other passes ran.
[ "$rc_browser" -eq 5 ] && rc_browser=0

echo "make test: PostgreSQL pass exit $rc_pg, SQLite pass exit $rc_sqlite, browser pass exit $rc_browser"
[ "$rc_pg" -eq 0 ] && [ "$rc_sqlite" -eq 0 ] && [ "$rc_browser" -eq 0 ]
