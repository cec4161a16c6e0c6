#!/usr/bin/env bash
# Smoke test of the container deployment: builds deploy/Dockerfile and runs the whole
# deploy/docker-compose.yml (postgres, redis, migrate, web, worker, beat, nginx), then checks it.
#
#   scripts/docker-smoke.sh          (root; NOT part of `make test`)
#
# Made for a machine where Docker Hub is unreachable (only Debian mirrors and PyPI are):
#   * installs Debian's docker.io, docker-compose (v1.29) and debootstrap when absent, starts
#     dockerd when no daemon answers (left running);
#   * builds local stand-ins of the Hub images from Debian bookworm packages:
#       local/python:3.11-slim-bookworm   (debootstrap + python3/pip; given as BASE_IMAGE)
#       postgres:15-bookworm, redis:7-bookworm, nginx:1.27-bookworm  (labelled pa-lms.standin;
#       a real image of that name is never overwritten)
#     with the entrypoint behaviour compose relies on (POSTGRES_* initialisation, redis reachable
#     from other containers, nginx templates rendered with NGINX_ENVSUBST_FILTER);
#   * docker-compose v1 does not know the top-level `name:` key, so it runs a copy of the compose
#     file without it (project name given with -p), with env_file pointed at a generated env file,
#     and an override that mounts a self-signed certificate instead of the host's /etc/letsencrypt.
# Checks: healthz through nginx over HTTPS is {"database": "ok", "broker": "ok"}, HTTP redirects
# to HTTPS, a collected static file is served by nginx, a task sent from web is run by a worker
# (result stored in the database), a certificate issued in the web container is a signed PDF and
# reads as valid at /verify/<code>.json through nginx, beat is running; a backup by the compose
# backup service, restored by the restore service into fresh volumes (the README's Docker
# restore), after which the holder downloads the PDF through nginx. Containers and volumes are removed on exit;
# images are kept as a cache (a second run only rebuilds what changed).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

# Debian's CLI (20.10): its BuildKit is built in, so deploy/Dockerfile.dockerignore is honoured
# (a newer CLI without the buildx plugin falls back to the legacy builder, which ignores it and
# would send .venv into the image).
DOCKER=/usr/bin/docker
export DOCKER_BUILDKIT=1
CACHE=${PA_LMS_SMOKE_CACHE:-/var/tmp/pa-lms-docker-smoke}
PROJECT=pa-lms-smoke
BASE_IMAGE=local/python:3.11-slim-bookworm
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
SERVER_NAME=lms.test

log() { echo "docker-smoke: $*" >&2; }
fail() { log "FAIL: $*"; exit 1; }

[ "$(id -u)" -eq 0 ] || fail "run as root (installs packages, starts dockerd)"

# --- 1. Docker ------------------------------------------------------------------------------
missing=()
command -v dockerd >/dev/null || missing+=(docker.io)
[ -x /usr/bin/docker-compose ] || missing+=(docker-compose)
command -v debootstrap >/dev/null || missing+=(debootstrap)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
if ! $DOCKER info >/dev/null 2>&1; then
  log "starting dockerd (log: /var/log/dockerd-smoke.log)"
  setsid nohup dockerd >/var/log/dockerd-smoke.log 2>&1 </dev/null &
  for _ in $(seq 60); do $DOCKER info >/dev/null 2>&1 && break; sleep 1; done
  $DOCKER info >/dev/null 2>&1 || fail "dockerd did not start, see /var/log/dockerd-smoke.log"
fi
log "docker $($DOCKER version -f '{{.Server.Version}}'), storage $($DOCKER info -f '{{.Driver}}')"
mkdir -p "$CACHE"

# --- 2. Stand-ins of the Docker Hub images ----------------------------------------------------
is_standin() { [ "$($DOCKER image inspect -f '{{index .Config.Labels "pa-lms.standin"}}' "$1" 2>/dev/null)" = "1" ]; }
exists() { $DOCKER image inspect "$1" >/dev/null 2>&1; }

if ! exists "$BASE_IMAGE"; then
  rootfs=$CACHE/rootfs
  if [ ! -x "$rootfs/usr/bin/python3" ]; then
    rm -rf "$rootfs"
    log "debootstrap bookworm (minbase) into $rootfs"
    debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" >"$CACHE/debootstrap.log" 2>&1 \
      || { tail -20 "$CACHE/debootstrap.log" >&2; fail "debootstrap"; }
    # As in python:3.11-slim: python, pip on PATH, pip free to install system-wide, no compilers.
    chroot "$rootfs" /bin/sh -ec 'export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq
      apt-get install -y -qq --no-install-recommends python3 python3-pip python3-venv \
        ca-certificates netbase tzdata >/dev/null
      rm -f /usr/lib/python3.11/EXTERNALLY-MANAGED
      ln -sf /usr/bin/python3 /usr/local/bin/python; ln -sf /usr/bin/pip3 /usr/local/bin/pip
      apt-get clean; rm -rf /var/lib/apt/lists/*' 2>&1 | grep -v posix_openpt || true
    [ -x "$rootfs/usr/local/bin/python" ] || fail "python3 not installed in $rootfs"
  fi
  # Trust the same extra CAs as this host (e.g. a TLS-intercepting egress proxy): pip must reach PyPI.
  mkdir -p "$rootfs/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$rootfs/usr/local/share/ca-certificates/" 2>/dev/null || true
  chroot "$rootfs" update-ca-certificates >/dev/null
  log "importing $BASE_IMAGE"
  tar -C "$rootfs" -c . | $DOCKER import \
    -c 'ENV PATH=/usr/local/bin:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin' \
    -c 'ENV LANG=C.UTF-8' -c 'LABEL pa-lms.standin=1' -c 'CMD ["python3"]' - "$BASE_IMAGE" >/dev/null
fi

build_standin() {  # name, Dockerfile body (FROM the base stand-in)
  local name=$1 body=$2 dir=$CACHE/standin-${1%%:*}
  if exists "$name" && ! is_standin "$name"; then
    log "$name: a real image is present, using it"
    return 0
  fi
  mkdir -p "$dir"
  printf 'FROM %s\nLABEL pa-lms.standin=1\nRUN printf "#!/bin/sh\\nexit 101\\n" >/usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d\n%s\n' \
    "$BASE_IMAGE" "$body" >"$dir/Dockerfile"
  log "stand-in $name"
  $DOCKER build -q -t "$name" "$dir" >/dev/null || fail "building stand-in $name"
}

build_standin postgres:15-bookworm '
RUN mkdir -p /etc/postgresql-common/createcluster.d \
 && echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/no-main.conf \
 && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 >/dev/null \
 && rm -rf /var/lib/apt/lists/* && mkdir -p /var/run/postgresql && chown postgres: /var/run/postgresql
ENV PATH=/usr/lib/postgresql/15/bin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin PGDATA=/var/lib/postgresql/data
RUN printf "%s\n" "#!/bin/sh" "set -e" \
  "mkdir -p \"\$PGDATA\" && chown postgres: \"\$PGDATA\" && chmod 700 \"\$PGDATA\"" \
  "if [ ! -s \"\$PGDATA/PG_VERSION\" ]; then" \
  "  printf %s \"\$POSTGRES_PASSWORD\" >/tmp/pw && chown postgres /tmp/pw" \
  "  runuser -u postgres -- initdb -D \"\$PGDATA\" -U \"\${POSTGRES_USER:-postgres}\" --pwfile=/tmp/pw -E UTF8 --locale=C.UTF-8 --auth-local=trust --auth-host=scram-sha-256 >/dev/null" \
  "  rm /tmp/pw; echo \"host all all all scram-sha-256\" >>\"\$PGDATA/pg_hba.conf\"" \
  "  runuser -u postgres -- pg_ctl -D \"\$PGDATA\" -w -o \"-c listen_addresses=\" start >/dev/null" \
  "  [ \"\${POSTGRES_DB:-postgres}\" = postgres ] || runuser -u postgres -- psql -q -U \"\${POSTGRES_USER:-postgres}\" -d postgres -c \"CREATE DATABASE \\\"\$POSTGRES_DB\\\"\"" \
  "  runuser -u postgres -- pg_ctl -D \"\$PGDATA\" -w stop >/dev/null" \
  "fi" \
  "exec runuser -u postgres -- postgres -D \"\$PGDATA\" -c listen_addresses=*" \
  >/usr/local/bin/docker-entrypoint.sh && chmod +x /usr/local/bin/docker-entrypoint.sh
ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]
EXPOSE 5432'

build_standin redis:7-bookworm '
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server >/dev/null \
 && rm -rf /var/lib/apt/lists/* \
 && printf "#!/bin/sh\nexec /usr/bin/redis-server --protected-mode no \"\$@\"\n" >/usr/local/bin/redis-server \
 && chmod +x /usr/local/bin/redis-server && mkdir -p /data
WORKDIR /data
CMD ["redis-server"]
EXPOSE 6379'

build_standin nginx:1.27-bookworm '
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nginx gettext-base >/dev/null \
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled/default \
 && ln -sf /dev/stdout /var/log/nginx/access.log && ln -sf /dev/stderr /var/log/nginx/error.log \
 && printf "%s\n" "#!/bin/sh" "set -e" \
  "vars=\$(env | cut -d= -f1 | grep -E \"^\${NGINX_ENVSUBST_FILTER:-}\" | sed \"s/^/\\\$/\" | tr \"\\n\" \" \")" \
  "for t in /etc/nginx/templates/*.template; do [ -f \"\$t\" ] || continue; envsubst \"\$vars\" <\"\$t\" >/etc/nginx/conf.d/\$(basename \"\$t\" .template); done" \
  "exec \"\$@\"" >/docker-entrypoint.sh && chmod +x /docker-entrypoint.sh
ENTRYPOINT ["/docker-entrypoint.sh"]
CMD ["nginx", "-g", "daemon off;"]
EXPOSE 80 443'

# --- 3. The application image -----------------------------------------------------------------
log "building pa-lms:latest from deploy/Dockerfile (BASE_IMAGE=$BASE_IMAGE)"
start=$(date +%s)
$DOCKER build --progress=plain -f deploy/Dockerfile --build-arg BASE_IMAGE="$BASE_IMAGE" \
  -t pa-lms:latest . >"$CACHE/build.log" 2>&1 || { tail -40 "$CACHE/build.log" >&2; fail "docker build"; }
log "OK built in $(( $(date +%s) - start ))s, $($DOCKER image inspect -f '{{.Size}}' pa-lms:latest | awk '{printf "%.0f MB", $1/1e6}')"

# --- 4. The compose file ----------------------------------------------------------------------
RUN_DIR=$(mktemp -d /tmp/pa-lms-docker-smoke.XXXXXX)
COMPOSE=(docker-compose -p "$PROJECT" --env-file "$RUN_DIR/env" --project-directory "$ROOT/deploy" -f "$RUN_DIR/compose.yml" -f "$RUN_DIR/override.yml")
cleanup() {
  local rc=$?
  set +e
  if [ $rc -ne 0 ]; then
    log "logs of the failed run:"
    DOCKER_HOST= "${COMPOSE[@]}" logs --no-color --tail=30 >&2 2>/dev/null
  fi
  DOCKER_HOST= "${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1
  rm -rf "$RUN_DIR"
  log "containers and volumes removed"
  exit $rc
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg_password=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
# As an operator fills it in: the domain for lms.example.kz everywhere (ALLOWED_HOSTS is then that
# name alone, so the web container's health check must send it), secrets, container host names.
sed -e "s|lms\.example\.kz|$SERVER_NAME|g" \
    -e "s|^SECRET_KEY=.*|SECRET_KEY=$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')|" \
    -e "s|^DATABASE_URL=.*|DATABASE_URL=postgres://pa_lms:$pg_password@postgres:5432/pa_lms|" \
    -e "s|^CELERY_BROKER_URL=.*|CELERY_BROKER_URL=redis://redis:6379/0|" \
    -e "s|^REDIS_CACHE_URL=.*|REDIS_CACHE_URL=redis://redis:6379/1|" \
    -e "s|^GUNICORN_FORWARDED_ALLOW_IPS=.*|GUNICORN_FORWARDED_ALLOW_IPS=*|" \
    -e "s|^EMAIL_BACKEND=.*|EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend|" \
    -e "s|^SECURE_HSTS_SECONDS=.*|SECURE_HSTS_SECONDS=0|" \
    -e "s|^CREDENTIALS_SIGNING_KEY=.*|CREDENTIALS_SIGNING_KEY=/run/pa-lms-keys/pdf-signing-key.pem|" \
    -e "s|^CREDENTIALS_SIGNING_CERT=.*|CREDENTIALS_SIGNING_CERT=/run/pa-lms-keys/pdf-signing-cert.pem|" \
    -e "s|^CREDENTIALS_VC_KEY=.*|CREDENTIALS_VC_KEY=/run/pa-lms-keys/vc-ed25519-key.pem|" \
    deploy/.env.example >"$RUN_DIR/env"
printf 'POSTGRES_PASSWORD=%s\nPA_LMS_SERVER_NAME=%s\n' "$pg_password" "$SERVER_NAME" >>"$RUN_DIR/env"
# v1.29 rejects the top-level `name:`; env_file `.env` -> the generated file.
sed -e '/^name: /d' -e "s|env_file: \.env|env_file: $RUN_DIR/env|" deploy/docker-compose.yml >"$RUN_DIR/compose.yml"
mkdir -p "$RUN_DIR/letsencrypt/live/$SERVER_NAME"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$SERVER_NAME" \
  -keyout "$RUN_DIR/letsencrypt/live/$SERVER_NAME/privkey.pem" \
  -out "$RUN_DIR/letsencrypt/live/$SERVER_NAME/fullchain.pem" >/dev/null 2>&1
# Signing keys, as deploy/.env.example says to make them.
mkdir -p "$RUN_DIR/keys"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=Smoke Test Institute" \
  -keyout "$RUN_DIR/keys/pdf-signing-key.pem" -out "$RUN_DIR/keys/pdf-signing-cert.pem" >/dev/null 2>&1
openssl genpkey -algorithm ed25519 -out "$RUN_DIR/keys/vc-ed25519-key.pem" 2>/dev/null
chmod -R a+rX "$RUN_DIR"
cat >"$RUN_DIR/override.yml" <<EOF
services:
  nginx:
    volumes:
      - $RUN_DIR/letsencrypt:/etc/letsencrypt:ro
  web:
    volumes:
      - $RUN_DIR/keys:/run/pa-lms-keys:ro
  worker:
    volumes:
      - $RUN_DIR/keys:/run/pa-lms-keys:ro
  backup:
    volumes:
      - $RUN_DIR/backups:/srv/pa-lms/backups
      - $RUN_DIR/backup-recipients.txt:/run/pa-lms-backup/recipients.txt:ro
  restore:
    volumes:
      - $RUN_DIR/backups:/srv/pa-lms/backups:ro
EOF
# The backup key pair as the README says (the private half stays with the operator), and the
# backups folder the image's pa-lms user (uid 10001) writes to.
command -v age-keygen >/dev/null || apt-get install -y -qq --no-install-recommends age >/dev/null
age-keygen -o "$RUN_DIR/backup-key.txt" 2>&1 | sed -n 's/^Public key: //p' >"$RUN_DIR/backup-recipients.txt"
chmod a+r "$RUN_DIR/backup-recipients.txt"
install -d -o 10001 -m 700 "$RUN_DIR/backups"
export DOCKER_HOST=  # docker-compose v1 talks to the default socket
DOCKER_HOST= "${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1 || true

log "docker-compose up -d ($(docker-compose version --short))"
"${COMPOSE[@]}" up -d --no-build 2>&1 | sed 's/^/  /' >&2 \
  || fail "docker-compose up"

cid() { "${COMPOSE[@]}" ps -q "$1" | head -1; }
migrate_rc=$($DOCKER inspect -f '{{.State.ExitCode}}' "$(cid migrate)")
[ "$migrate_rc" = 0 ] || fail "migrate exited with $migrate_rc"
log "OK migrate + load_programme exited 0"

for _ in $(seq 60); do
  [ "$($DOCKER inspect -f '{{.State.Health.Status}}' "$(cid web)")" = healthy ] && break
  sleep 2
done
[ "$($DOCKER inspect -f '{{.State.Health.Status}}' "$(cid web)")" = healthy ] || fail "web not healthy"
log "OK web healthy"

curl_nginx() { curl -sS --max-time 10 --resolve "$SERVER_NAME:443:127.0.0.1" --resolve "$SERVER_NAME:80:127.0.0.1" "$@"; }
for _ in $(seq 30); do curl_nginx -k -o /dev/null "https://$SERVER_NAME/healthz" 2>/dev/null && break; sleep 1; done
health=$(curl_nginx -k "https://$SERVER_NAME/healthz") || fail "healthz through nginx"
log "healthz through nginx (https): $health"
[ "$health" = '{"database": "ok", "broker": "ok"}' ] || fail "healthz not ok"

health=$(curl_nginx "http://$SERVER_NAME/healthz") || fail "healthz through nginx over http"
log "healthz through nginx (http, kept for probes): $health"
[ "$health" = '{"database": "ok", "broker": "ok"}' ] || fail "healthz over http not ok"
code=$(curl_nginx -o /dev/null -w '%{http_code} %{redirect_url}' "http://$SERVER_NAME/")
log "http://$SERVER_NAME/ -> $code"
case "$code" in 301\ https://*) ;; *) fail "HTTP does not redirect to HTTPS" ;; esac

static=$($DOCKER exec "$(cid web)" sh -c 'cd /srv/pa-lms/static && find . -name "*.css" -path "*admin*" | head -1')
[ -n "$static" ] || fail "no collected static file in the image"
code=$(curl_nginx -k -o /dev/null -w '%{http_code}' "https://$SERVER_NAME/static/${static#./}")
log "static /static/${static#./} through nginx -> $code"
[ "$code" = 200 ] || fail "static file not served by nginx"

log "sending a task from web to the workers"
task=$($DOCKER exec "$(cid web)" python -c '
import django; django.setup()
from cms.celery import app
r = app.send_task("cms.tasks.ping")
print(r.id, r.get(timeout=60), r.state)
from django_celery_results.models import TaskResult
print("stored:", TaskResult.objects.filter(task_id=r.id).values_list("status", flat=True).first())
') || fail "task not run"
log "task: $(echo $task)"
case "$task" in *pong\ SUCCESS*stored:\ SUCCESS*) ;; *) fail "task result not stored" ;; esac

log "issuing a certificate in the web container (PDF by WeasyPrint, PAdES signature, storage)"
issued=$($DOCKER exec "$(cid web)" python -c '
import datetime
import django; django.setup()
from django.contrib.auth import get_user_model
from course.models import Cohort, Enrolment, ProgrammePage
from certificates.demo import meet_rule
from certificates.services import certificate_issue
from cms.demo import organisation_fill
# As a registrar does before the first certificate: the organisation and its signatory
# (Settings → Organisation); issuing is refused while they are blank.
organisation_fill()
today = datetime.date.today()
cohort = Cohort.objects.create(
    programme=ProgrammePage.objects.get(locale__language_code="kk"), code="smoke", name="Smoke",
    language="kk", starts_on=today - datetime.timedelta(days=60), ends_on=today)
user = get_user_model().objects.create_user(email="smoke@example.kz", password=None,
    first_name="Әсем", last_name="Қуанышқызы")
trainer = get_user_model().objects.create_user(email="smoke-trainer@example.kz", password=None,
    first_name="Бағалаушы", last_name="Тренер")
enrolment = Enrolment.objects.create(cohort=cohort, trainee=user, agreement_version="1")
# The completion rule: every topic, practice work, the test, the plan and its defence.
meet_rule(enrolment, trainer, day=today)
c = certificate_issue(enrolment=enrolment, score=88, band="excellent")
with c.pdf.open("rb") as f:
    data = f.read()
print(c.code, len(data), data[:5].decode(), b"/ByteRange" in data, c.pdf_sha256)
') || fail "certificate not issued"
log "certificate: $issued"
read -r code size magic signed sha256 <<<"$issued"
[ "$magic" = "%PDF-" ] && [ "$signed" = True ] && [ "$size" -gt 10000 ] \
  || fail "the stored file is not a signed PDF"
verdict=$(curl_nginx -k "https://$SERVER_NAME/verify/$code.json") || fail "verification through nginx"
log "verification through nginx: $verdict"
case "$verdict" in *'"status": "valid"'*'"holder_name": "Әсем Қуанышқызы"'*) ;; *) fail "not valid" ;; esac

workers=$("${COMPOSE[@]}" ps -q worker | wc -l)
log "worker containers: $workers (deploy.replicas: 2)"
[ "$workers" -eq 2 ] || fail "expected 2 worker containers"
$DOCKER exec "$(cid worker)" celery -A cms inspect ping --timeout 10 >/dev/null || fail "workers do not answer"
[ "$($DOCKER inspect -f '{{.State.Running}}' "$(cid beat)")" = true ] || fail "beat not running"
sleep 2
# grep reads the whole log (with -q it would stop at the match and, under pipefail, the
# SIGPIPE of `docker logs` would count as a failure).
$DOCKER logs "$(cid beat)" 2>&1 | grep "beat: Starting" >/dev/null || fail "beat did not start"
log "OK beat running"

log "a backup by the compose backup service (deploy/backup in a one-off container)"
backup=$("${COMPOSE[@]}" --profile backup run --rm backup 2>"$RUN_DIR/backup.err" | tail -1) \
  || { cat "$RUN_DIR/backup.err" >&2; fail "backup service"; }
folder="$RUN_DIR/backups/$(basename "$backup")"
[ -s "$folder/database.dump.age" ] && [ -s "$folder/private.tar.gz.age" ] || fail "no encrypted backup in $folder"
(cd "$folder" && sha256sum --check --quiet SHA256SUMS) || fail "backup checksums"
# Decrypted to a file, then its first bytes read: `age … | head -c 5` would end age with SIGPIPE,
# a failure under pipefail.
age --decrypt --identity "$RUN_DIR/backup-key.txt" -o "$RUN_DIR/database.dump" \
  "$folder/database.dump.age" && [ "$(head -c 5 "$RUN_DIR/database.dump")" = PGDMP ] \
  || fail "the backup does not decrypt with the operator's key"
log "OK backup $(basename "$backup"): $(grep -c . "$folder/MANIFEST") manifest lines, encrypted with age"

# --- 5. Restore into fresh volumes, as the runbook says for Docker; the PDF through nginx -------
log "restore: everything down with its volumes (database, media, private), then postgres and redis alone"
"${COMPOSE[@]}" down -v --remove-orphans >/dev/null 2>&1 || fail "docker-compose down -v"
"${COMPOSE[@]}" up -d --no-build postgres redis 2>&1 | sed 's/^/  /' >&2 || fail "postgres and redis up"
for _ in $(seq 60); do
  [ "$($DOCKER inspect -f '{{.State.Health.Status}}' "$(cid postgres)")" = healthy ] && break
  sleep 2
done
# The operator's private key, brought for the run only, readable by the image's pa-lms user.
install -o 10001 -m 400 "$RUN_DIR/backup-key.txt" "$RUN_DIR/identity.txt"
"${COMPOSE[@]}" --profile restore run --rm \
  -v "$RUN_DIR/identity.txt:/run/pa-lms-backup/identity.txt:ro" \
  restore "/srv/pa-lms/backups/$(basename "$backup")" >"$RUN_DIR/restore.out" 2>"$RUN_DIR/restore.err" \
  || { cat "$RUN_DIR/restore.out" "$RUN_DIR/restore.err" >&2; fail "restore service"; }
log "$(tail -1 "$RUN_DIR/restore.out")"
grep -q "1 certificates, each with its PDF, readable by others" "$RUN_DIR/restore.out" \
  || { cat "$RUN_DIR/restore.err" >&2; fail "restore did not end with its check"; }

"${COMPOSE[@]}" up -d --no-build 2>&1 | sed 's/^/  /' >&2 || fail "docker-compose up after the restore"
for _ in $(seq 60); do
  [ "$($DOCKER inspect -f '{{.State.Health.Status}}' "$(cid web)")" = healthy ] && break
  sleep 2
done
[ "$($DOCKER inspect -f '{{.State.Health.Status}}' "$(cid web)")" = healthy ] || fail "web not healthy after the restore"
for _ in $(seq 30); do curl_nginx -k -o /dev/null "https://$SERVER_NAME/healthz" 2>/dev/null && break; sleep 1; done
# The holder signed in (a session made in the web container stands for the sign-in form).
session=$($DOCKER exec "$(cid web)" python -c '
import django; django.setup()
from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from importlib import import_module
user = get_user_model().objects.get(email="smoke@example.kz")
store = import_module(settings.SESSION_ENGINE).SessionStore()
store[SESSION_KEY] = str(user.pk)
store[BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]
store[HASH_SESSION_KEY] = user.get_session_auth_hash()
store.save()
print(f"{settings.SESSION_COOKIE_NAME}={store.session_key}")
') || fail "no session for the holder"
status=$(curl_nginx -k -o "$RUN_DIR/restored.pdf" -w '%{http_code}' --cookie "$session" \
  "https://$SERVER_NAME/certificates/$code/pdf/") || fail "download through nginx"
log "the holder's PDF through nginx after the restore -> $status"
[ "$status" = 200 ] || fail "the restored PDF is not served (nginx cannot read it?)"
[ "$(sha256sum "$RUN_DIR/restored.pdf" | cut -d' ' -f1)" = "$sha256" ] || fail "the downloaded PDF is not the one issued"
verdict=$(curl_nginx -k "https://$SERVER_NAME/verify/$code.json") || fail "verification after the restore"
case "$verdict" in *'"status": "valid"'*) ;; *) fail "not valid after the restore: $verdict" ;; esac
log "OK restored: the PDF downloaded through nginx has its recorded SHA-256; verification says valid"

log "PASS"
