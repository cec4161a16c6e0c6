#!/usr/bin/env bash
# Runs a command with a throw-away PostgreSQL and Redis on loopback, then stops them.
#
#   scripts/with-services.sh .venv/bin/python -m pytest ...
#
# Installs the Debian packages (postgresql, redis-server, nginx for its config test, age and restic
# for the backup tests) when absent, starts both servers in a
# temporary folder owned by this run on free ports, exports
#   DATABASE_URL=postgres://postgres@127.0.0.1:<port>/pa_lms
#   PA_LMS_REDIS_URL=redis://127.0.0.1:<port>/0
#   PA_LMS_PG_BIN=<folder with pg_dump/pg_restore of the same version as the server>
# and runs the command. Both servers are stopped and the folder removed on any exit (trap), so a
# failing or interrupted test run leaves nothing behind.
#
# When the services cannot be had (not root, no sudo, no package registry): outside CI the command
# still runs, without those variables, and the tests that need them skip with a loud reason; under
# CI=true this is an error.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "with-services: $*" >&2; }

find_pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

install_packages() {
  local missing=()
  find_pg_bin >/dev/null || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  # nginx: tests/integration/test_nginx.py runs the shipped site config for real.
  [ -x /usr/sbin/nginx ] || missing+=(nginx)
  command -v openssl >/dev/null || missing+=(openssl)
  # age and restic: deploy/backup encrypts with age and copies off-site with restic.
  command -v age >/dev/null || missing+=(age)
  command -v restic >/dev/null || missing+=(restic)
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null && sudo -n true 2>/dev/null || return 1
    sudo="sudo -n"
  fi
  log "installing Debian packages: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  # Debian's postinst would create and start a system cluster/daemon; policy-rc.d forbids that,
  # we start our own throw-away servers below.
  local policy=/usr/sbin/policy-rc.d created_policy=""
  if [ ! -e "$policy" ] && [ -z "$sudo" ]; then
    printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && created_policy=1
  fi
  $sudo apt-get update -qq || true
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  local rc=$?
  [ -n "$created_policy" ] && rm -f "$policy"
  return $rc
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

if ! install_packages; then
  if [ "${CI:-}" = "true" ]; then
    log "ERROR: PostgreSQL/Redis are not installed and cannot be installed; CI needs them."
    exit 1
  fi
  log "##############################################################################"
  log "WARNING: PostgreSQL/Redis unavailable and not installable here (need root/sudo)."
  log "Running WITHOUT them: tests marked 'services' will be SKIPPED."
  log "##############################################################################"
  exec "$@"
fi

PG_BIN=$(find_pg_bin)
WORKDIR=$(mktemp -d /tmp/pa-lms-services.XXXXXX)
chmod 755 "$WORKDIR"
PG_PORT=$(free_port)
REDIS_PORT=$(free_port)
PG_DATA="$WORKDIR/pg"
mkdir -p "$PG_DATA" "$WORKDIR/run"

# initdb refuses to run as root: run the server as the 'postgres' system user that the Debian
# package creates (or as ourselves when we are not root).
as_pg() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}
if [ "$(id -u)" -eq 0 ]; then
  chown -R postgres: "$PG_DATA" "$WORKDIR/run"
fi

stop_services() {
  if [ -f "$PG_DATA/postmaster.pid" ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w stop >/dev/null 2>&1
  fi
  if [ -f "$WORKDIR/redis.pid" ]; then
    local redis_pid
    redis_pid=$(cat "$WORKDIR/redis.pid" 2>/dev/null)
    [ -n "$redis_pid" ] && kill "$redis_pid" 2>/dev/null
    for _ in $(seq 50); do
      [ -n "$redis_pid" ] && kill -0 "$redis_pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  rm -rf "$WORKDIR"
}

cleanup() {
  local rc=$?
  set +e
  stop_services
  log "stopped PostgreSQL and Redis"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 \
  >"$WORKDIR/initdb.log" 2>&1 || { cat "$WORKDIR/initdb.log" >&2; exit 1; }
# Durability off: a throw-away test server; it makes the suite several times faster.
as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$WORKDIR/run/postgres.log" -w -t 60 start -o \
  "-p $PG_PORT -c listen_addresses=127.0.0.1 -k $WORKDIR/run -c fsync=off \
   -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" >/dev/null \
  || { cat "$WORKDIR/run/postgres.log" >&2; exit 1; }
"$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres pa_lms

redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no --daemonize yes \
  --dir "$WORKDIR" --pidfile "$WORKDIR/redis.pid" --logfile "$WORKDIR/redis.log"
for _ in $(seq 100); do
  redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
  sleep 0.1
done

# Watchdog in a session of its own: if this script is killed in a way that skips the trap (a
# signal to the whole process group while a child is still running, SIGKILL), it still stops
# both servers once this script's process is gone.
export -f stop_services as_pg
export PG_BIN PG_DATA WORKDIR
setsid bash -c 'while kill -0 '$$' 2>/dev/null; do sleep 2; done; stop_services' \
  </dev/null >/dev/null 2>&1 &

export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/pa_lms"
export PA_LMS_REDIS_URL="redis://127.0.0.1:$REDIS_PORT/0"
export PA_LMS_PG_BIN="$PG_BIN"
log "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT," \
  "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on 127.0.0.1:$REDIS_PORT"

# Not exec: the trap must run after the command.
set +e
"$@"
rc=$?
set -e
exit $rc
