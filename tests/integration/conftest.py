"""Fixtures for tests on real services: PostgreSQL and Redis started by scripts/with-services.sh.

Outside CI, a test that needs a service the run does not have is skipped with a loud reason; under
CI=true it fails instead, so a CI run can never pass without having run them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import uuid
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
    if app._pool is not None:
        app._pool.force_close_all()
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
    if settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
        _skip_or_fail("PostgreSQL (DATABASE_URL=postgres://…)")
    return settings.DATABASES["default"]


@pytest.fixture
def celery_worker(redis_url, settings, tmp_path):
    """A real `celery -A cms worker` consuming a queue of its own from Redis.

    The test process's Celery app is switched from eager to that broker for the test, with that
    queue as the default, so `task.delay()` goes through Redis exactly as in production.
    """
    from django.db import connection

    from cms.celery import app

    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.integration.worker_settings",
        "PA_LMS_WORKER_BROKER_URL": redis_url,
        "PA_LMS_WORKER_DB_NAME": connection.settings_dict["NAME"],
        "PA_LMS_WORKER_MEDIA_ROOT": str(settings.MEDIA_ROOT),
        "PA_LMS_WORKER_PRIVATE_MEDIA_ROOT": str(settings.PRIVATE_MEDIA_ROOT),
        "PYTHONPATH": str(REPO),
    }
    log = tmp_path / "worker.log"
    with log.open("wb") as out:
        worker = subprocess.Popen(
            [
                sys.executable, "-m", "celery", "-A", "cms", "worker",
                "--pool=solo", "--concurrency=1", "-Q", queue, "--loglevel=INFO",
                "--without-gossip", "--without-mingle", "--without-heartbeat",
            ],
            cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
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
        deadline = time.monotonic() + 60
        while b"ready." not in log.read_bytes():
            if worker.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the Celery worker did not start:\n{log.read_text()}")
            time.sleep(0.2)
        yield worker
    finally:
        app.conf.update(saved)
        reset_celery_connections(app)
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
