"""Fixtures for tests on real services: PostgreSQL and Redis started by scripts/with-services.sh.

Outside CI, a test that needs a service the run does not have is skipped with a loud reason; under
CI=true it fails instead, so a CI run can never pass without having run them."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
UNAVAILABLE = (
    "!!! SKIPPED: needs {what}; run it through `make test` (scripts/with-services.sh starts "
    "PostgreSQL and Redis) !!!"
)


def _skip_or_fail(what: str) -> None:
    message = UNAVAILABLE.format(what=what)
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but {what} is not available: {message}", pytrace=False)
    pytest.skip(message)


def reset_celery_connections(app) -> None:
    """Forget the broker pool, producer pool and result backend the Celery app has cached, so the
    next use connects to whatever app.conf now says (tests switch brokers, production never does).
    """
    import kombu.pools

    if app._pool is not None:
        app._pool.force_close_all()
    # app.pool comes from kombu's process-wide registry, keyed by the broker connection: a pool
    # closed above would be handed out again ("Acquire on closed pool") unless it is forgotten.
    kombu.pools.reset()
    app._pool = None
    app.amqp._producer_pool = None
    app._backend_cache = None
    app._local.__dict__.pop("backend", None)


@pytest.fixture(scope="session")
def redis_url() -> str:
    url = os.environ.get("PA_LMS_REDIS_URL")
    if not url:
        _skip_or_fail("a Redis server (PA_LMS_REDIS_URL)")
    return url


@pytest.fixture
def postgres(settings):
    if settings.DATABASES["default"]["ENGINE"] != "cms.db.postgresql":
        _skip_or_fail("PostgreSQL (DATABASE_URL=postgres://…)")
    return settings.DATABASES["default"]


@dataclass
class Site:
    """A database and file folders of their own, for work done by other processes."""

    db_name: str
    url: str
    media_root: Path
    private_root: Path

    def env(self, **extra: str) -> dict[str, str]:
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "tests.integration.worker_settings",
            "PA_LMS_WORKER_DB_NAME": self.db_name,
            "PA_LMS_WORKER_MEDIA_ROOT": str(self.media_root),
            "PA_LMS_WORKER_PRIVATE_MEDIA_ROOT": str(self.private_root),
            "PYTHONPATH": str(REPO),
            **extra,
        }

    def run(self, code: str, **extra: str):
        """Run Python `code` in a Django process on this site; return what it prints as JSON."""
        result = subprocess.run(
            [sys.executable, "-c", "import django; django.setup()\n" + code],
            cwd=REPO,
            env=self.env(**extra),
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return json.loads(result.stdout.strip().splitlines()[-1])


class PgAdmin:
    def __init__(self, db: dict) -> None:
        self.db = db

    def url(self, name: str) -> str:
        user = self.db.get("USER") or "postgres"
        password = f":{self.db['PASSWORD']}" if self.db.get("PASSWORD") else ""
        return f"postgres://{user}{password}@{self.db['HOST']}:{self.db['PORT']}/{name}"

    def execute(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql)


@pytest.fixture
def issue_certificate(programme):
    """issue_certificate(): a certificate issued for a new finished enrolment (score 88), through
    the real service: PDF, signature and all."""
    from certificates.services import certificate_issue
    from certificates.tests.factories import EnrolmentFactory

    def issue(**kwargs):
        return certificate_issue(enrolment=EnrolmentFactory(), score=88, band="excellent", **kwargs)

    return issue


@pytest.fixture
def pg_admin(postgres) -> PgAdmin:
    return PgAdmin(postgres)


def _pg_tool(name: str) -> str:
    folder = os.environ.get("PA_LMS_PG_BIN")
    return str(Path(folder) / name) if folder else name


@pytest.fixture
def make_site(pg_admin, tmp_path):
    """make_site(copy_of_test_db=True): a new database, either a copy of the migrated test
    database with the programme loaded, or empty; plus empty file folders. Dropped afterwards.

    Tests using it carry `django_db` (so pytest-django creates the test database) and copy it with
    pg_dump, which sees only committed rows and, unlike CREATE DATABASE … TEMPLATE, does not mind
    the test's own open connection."""
    from django.db import connection

    created: list[str] = []

    def make(*, copy_of_test_db: bool) -> Site:
        name = f"pa_lms_it_{uuid.uuid4().hex[:10]}"
        pg_admin.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        created.append(name)
        site = Site(name, pg_admin.url(name), tmp_path / name / "media", tmp_path / name / "p")
        if copy_of_test_db:
            dump = subprocess.run(
                [_pg_tool("pg_dump"), "--format=custom", pg_admin.url(connection.settings_dict["NAME"])],  # noqa: E501
                capture_output=True, check=True, timeout=300,
            )  # fmt: skip
            subprocess.run(
                [_pg_tool("pg_restore"), "--no-owner", "--exit-on-error", f"--dbname={site.url}"],
                input=dump.stdout, capture_output=True, check=True, timeout=300,
            )  # fmt: skip
            # What a registrar fills in before the first certificate. The test fills it inside
            # its own transaction, which pg_dump does not see.
            site.run(
                "from conftest import _fill_organisation_settings\n"
                "_fill_organisation_settings()\n"
                "print('{}')"
            )
        return site

    yield make
    for name in created:
        pg_admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextlib.contextmanager
def running_worker(site: Site, broker_url: str, queue: str, log: Path) -> Iterator[None]:
    """A real `celery -A cms worker` process on `site`, consuming `queue` from `broker_url`."""
    env = site.env(PA_LMS_WORKER_BROKER_URL=broker_url, PA_LMS_WORKER_QUEUE=queue)
    with log.open("wb") as out:
        worker = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "-A", "cms", "worker",
                "--pool=solo", "--concurrency=1", "-Q", queue, "--loglevel=INFO",
                "--without-gossip", "--without-mingle", "--without-heartbeat",
            ],
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
    try:
        deadline = time.monotonic() + 90
        while b"ready." not in log.read_bytes():
            if worker.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the Celery worker did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield
    finally:
        worker.terminate()
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


@pytest.fixture
def celery_worker(redis_url, settings, tmp_path):
    """A real worker on the test database; the test process's Celery app switched from eager to
    that broker and the worker's queue for the test, so `task.delay()` goes through Redis exactly
    as in production."""
    from django.db import connection

    from cms.celery import app

    queue = f"test-{uuid.uuid4().hex[:8]}"
    site = Site(
        connection.settings_dict["NAME"], "", settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT
    )
    saved = {
        key: app.conf[key]
        for key in ("task_always_eager", "broker_url", "result_backend", "task_default_queue")
    }
    app.conf.update(
        task_always_eager=False,
        broker_url=redis_url,
        result_backend=redis_url,
        task_default_queue=queue,
    )
    reset_celery_connections(app)
    try:
        with running_worker(site, redis_url, queue, tmp_path / "worker.log"):
            yield
    finally:
        app.conf.update(saved)
        reset_celery_connections(app)
