"""Fault tests on real services: Redis stopped while a result is finalised and while employers
verify, and a worker killed in the middle of issuing. In the end every passed trainee has exactly
one certificate with a stored PDF (the after-commit task, its redelivery, or the beat sweep)."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from .conftest import REPO, _skip_or_fail, reset_celery_connections, running_worker

pytestmark = pytest.mark.services


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """A Redis of this test's own, so that stopping it disturbs no other test."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            ["redis-server", "--bind", "127.0.0.1", "--port", str(self.port), "--save", "",
             "--appendonly", "no", "--dir", str(self.folder)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", self.port)):
                return
            time.sleep(0.1)
        pytest.fail("the test's Redis did not start")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)
        self.process = None


@pytest.fixture
def own_redis(tmp_path):
    if not shutil.which("redis-server"):
        _skip_or_fail("redis-server")
    folder = tmp_path / "redis"
    folder.mkdir()
    server = RedisServer(folder)
    server.start()
    yield server
    server.stop()


FINALISE_THROUGH_THE_FORM = """
import json
from django.test import Client
from django.test.utils import setup_test_environment
from django.urls import reverse
from django.utils import translation

setup_test_environment()
from assessment.tests.factories import TrainerFactory
from assessment.tests.test_scoring_views import GOOD, form_data
from certificates.models import Certificate
from certificates.tests.factories import CohortFactory, EnrolmentFactory
from cms.models import FailedTask

trainer = TrainerFactory()
enrolment = EnrolmentFactory(cohort=CohortFactory(trainers=[trainer]))
client = Client(raise_request_exception=False)
client.force_login(trainer)
# A trainer's session passes the second factor (the root conftest does this for tests in-process).
from cms.tests.factories import session_record_mfa

session_record_mfa(client, trainer)
with translation.override("en"):
    url = reverse("assessment:score", args=[enrolment.pk])
response = client.post(url, form_data(GOOD, action="finalise", confirm="yes"))
print(json.dumps({
    "status": response.status_code,
    "enrolment": enrolment.pk,
    "result": enrolment.final_results.get().status,
    "failed": [[f.task_name, f.args] for f in FailedTask.objects.all()],
    "certificates": Certificate.objects.count(),
}))
"""

SWEEP_THROUGH_THE_BROKER_TWICE = """
import hashlib, json
from certificates.models import Certificate
from certificates.tasks import certificates_sweep_task

first = certificates_sweep_task.delay().get(timeout=240)
second = certificates_sweep_task.delay().get(timeout=240)
documents = []
for c in Certificate.objects.all():
    with c.pdf.open("rb") as f:
        data = f.read()
    documents.append({"enrolment": c.enrolment_id, "serial": c.serial, "pdf": c.pdf.name,
                      "recorded": c.pdf_sha256, "actual": hashlib.sha256(data).hexdigest()})
print(json.dumps({"first": first, "second": second, "documents": documents}))
"""


@pytest.mark.django_db
def test_a_pass_finalised_while_redis_is_down_gets_exactly_one_certificate_once_it_is_back(
    make_site, own_redis, tmp_path, monkeypatch
):
    site = make_site(copy_of_test_db=True)
    env = {"PA_LMS_WORKER_BROKER_URL": own_redis.url, "REDIS_CACHE_URL": own_redis.url}
    own_redis.stop()

    finalised = site.run(FINALISE_THROUGH_THE_FORM, **env)

    assert finalised["status"] == 302  # the trainer's request succeeded
    assert finalised["result"] == "finalised"
    # The arrangement's own events (topics done, the defence held) also failed to reach the
    # broker and are recorded beside it.
    assert ["certificates.tasks.issue_certificate", [finalised["enrolment"]]] in finalised["failed"]
    assert finalised["certificates"] == 0

    own_redis.start()
    queue = f"test-{uuid.uuid4().hex[:8]}"
    # Everything finalised so far is old enough for the sweep.
    monkeypatch.setenv("CERTIFICATES_SWEEP_GRACE_SECONDS", "0")
    with running_worker(site, own_redis.url, queue, tmp_path / "worker.log"):
        swept = site.run(SWEEP_THROUGH_THE_BROKER_TWICE, PA_LMS_WORKER_QUEUE=queue, **env)

    assert swept["first"] == {
        "pdfs_stored": 0, "issued": 1, "pending": 0, "refused": 0, "failed": 0, "locked": 0
    }  # fmt: skip
    assert swept["second"] == {
        "pdfs_stored": 0, "issued": 0, "pending": 0, "refused": 0, "failed": 0, "locked": 0
    }  # fmt: skip
    [document] = swept["documents"]
    assert document["enrolment"] == finalised["enrolment"]
    assert document["actual"] == document["recorded"]
    assert (site.private_root / document["pdf"]).is_file()


ENQUEUE_ISSUE = """
import json
from django.db import transaction
from assessment.tests.factories import finalised_result
from certificates.tasks import certificate_issue_task
from certificates.tests.factories import EnrolmentFactory

enrolment = EnrolmentFactory()
finalised_result(enrolment=enrolment)
transaction.on_commit(lambda: certificate_issue_task.delay(enrolment.pk))
print(json.dumps({"enrolment": enrolment.pk}))
"""

WAIT_FOR_THE_PDF = """
import hashlib, json, time
from certificates.models import Certificate

deadline = time.monotonic() + 240
while time.monotonic() < deadline:
    if Certificate.objects.exclude(pdf="").exists():
        break
    time.sleep(0.5)
documents = []
for c in Certificate.objects.all():
    data = b""
    if c.pdf:
        with c.pdf.open("rb") as f:
            data = f.read()
    documents.append({"enrolment": c.enrolment_id, "serial": c.serial, "pdf": c.pdf.name,
                      "recorded": c.pdf_sha256, "actual": hashlib.sha256(data).hexdigest()})
print(json.dumps({"documents": documents}))
"""

SWEEP_NOW = """
import datetime, json
from certificates.services import certificates_sweep

print(json.dumps(certificates_sweep(grace=datetime.timedelta(0))))
"""


@contextlib.contextmanager
def prefork_worker(site, env: dict[str, str], log: Path):
    """A worker with a parent and one child process, as in production: the child can be killed
    and the parent sees the task's worker lost."""
    with log.open("wb") as out:
        worker = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "cms", "worker", "--pool=prefork",
             "--concurrency=1", "-Q", env["PA_LMS_WORKER_QUEUE"], "--loglevel=INFO",
             "--without-gossip", "--without-mingle", "--without-heartbeat"],
            cwd=REPO, env=site.env(**env), stdout=out, stderr=subprocess.STDOUT,
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


@pytest.mark.django_db
def test_a_worker_killed_while_rendering_the_pdf_has_the_task_redelivered(
    make_site, own_redis, tmp_path
):
    site = make_site(copy_of_test_db=True)
    marker = tmp_path / "rendering.pid"
    env = {
        "PA_LMS_WORKER_BROKER_URL": own_redis.url,
        "PA_LMS_WORKER_QUEUE": f"test-{uuid.uuid4().hex[:8]}",
        "REDIS_CACHE_URL": own_redis.url,
    }
    log = tmp_path / "worker.log"

    with prefork_worker(site, {**env, "PA_LMS_WORKER_SLOW_PDF": str(marker)}, log):
        enqueued = site.run(ENQUEUE_ISSUE, **env)
        deadline = time.monotonic() + 240
        while not marker.exists() or not marker.read_text():
            if time.monotonic() > deadline:
                pytest.fail(f"the PDF rendering never started:\n{log.read_text()}")
            time.sleep(0.2)
        os.kill(int(marker.read_text()), signal.SIGKILL)  # the child rendering the PDF
        outcome = site.run(WAIT_FOR_THE_PDF, **env)

    # Redelivered (reject on worker lost): the record made before the kill got its PDF; no
    # second certificate, no new serial.
    [document] = outcome["documents"]
    assert document["enrolment"] == enqueued["enrolment"], log.read_text()
    assert document["pdf"], log.read_text()
    assert document["actual"] == document["recorded"]
    assert (site.private_root / document["pdf"]).is_file()
    assert "WorkerLostError" in log.read_text()
    # The sweep then finds nothing left to do.
    assert site.run(SWEEP_NOW, **env) == {
        "pdfs_stored": 0, "issued": 0, "pending": 0, "refused": 0, "failed": 0, "locked": 0
    }  # fmt: skip


@pytest.mark.django_db
def test_a_certificate_left_without_a_pdf_by_a_killed_worker_is_completed_by_the_sweep(
    make_site, own_redis, tmp_path
):
    """The other road to the same end: the task is lost for good (its message gone with the
    broker's memory), and the sweep renders the PDF from the frozen record."""
    site = make_site(copy_of_test_db=True)
    marker = tmp_path / "rendering.pid"
    env = {
        "PA_LMS_WORKER_BROKER_URL": own_redis.url,
        "PA_LMS_WORKER_QUEUE": f"test-{uuid.uuid4().hex[:8]}",
        "REDIS_CACHE_URL": own_redis.url,
    }
    log = tmp_path / "worker.log"

    with prefork_worker(site, {**env, "PA_LMS_WORKER_SLOW_PDF": str(marker)}, log):
        enqueued = site.run(ENQUEUE_ISSUE, **env)
        deadline = time.monotonic() + 240
        while not marker.exists() or not marker.read_text():
            if time.monotonic() > deadline:
                pytest.fail(f"the PDF rendering never started:\n{log.read_text()}")
            time.sleep(0.2)
        # Redis restarted without persistence while the worker dies: the message is gone.
        own_redis.stop()
        os.kill(int(marker.read_text()), signal.SIGKILL)
    own_redis.start()

    swept = site.run(SWEEP_NOW, **env)
    outcome = site.run(WAIT_FOR_THE_PDF, **env)

    assert swept == {
        "pdfs_stored": 1,
        "issued": 0,
        "pending": 0,
        "refused": 0,
        "failed": 0,
        "locked": 0,
    }
    [document] = outcome["documents"]
    assert document["enrolment"] == enqueued["enrolment"]
    assert document["actual"] == document["recorded"]
    assert (site.private_root / document["pdf"]).is_file()


@pytest.mark.django_db
def test_two_sweeps_at_once_on_postgresql_do_not_both_run(postgres, programme):
    """The sweep's lock is PostgreSQL's: another connection holding it keeps this run out."""
    import zlib

    import psycopg

    from assessment.tests.factories import finalised_result
    from certificates.models import Certificate
    from certificates.services import certificates_sweep
    from certificates.tests.factories import EnrolmentFactory

    finalised_result(enrolment=EnrolmentFactory())
    key = zlib.crc32(b"certificates_sweep")
    user = postgres.get("USER") or "postgres"
    other = psycopg.connect(
        host=postgres["HOST"], port=postgres["PORT"], user=user, dbname=postgres["NAME"],
        password=postgres.get("PASSWORD") or None, autocommit=True,
    )  # fmt: skip
    try:
        assert other.execute("SELECT pg_try_advisory_lock(%s)", [key]).fetchone()[0] is True
        import datetime

        held = certificates_sweep(grace=datetime.timedelta(0))
        other.execute("SELECT pg_advisory_unlock(%s)", [key])
        free = certificates_sweep(grace=datetime.timedelta(0))
    finally:
        other.close()

    assert held["locked"] == 1 and held["issued"] == 0
    assert free["locked"] == 0 and free["issued"] == 1
    assert Certificate.objects.count() == 1


@pytest.mark.django_db
def test_with_redis_stopped_employers_and_visitors_still_get_their_pages(
    client, own_redis, settings, issue_certificate, programme
):
    from django.core.cache import caches

    from certificates.models import VerificationLookup
    from cms.celery import app

    certificate = issue_certificate()
    settings.CACHES = {
        "default": {
            "BACKEND": "cms.cache.ResilientRedisCache",
            "LOCATION": own_redis.url,
            "OPTIONS": {"socket_connect_timeout": 1.0, "socket_timeout": 1.0},
        }
    }
    assert caches["default"].set("warm", 1) is None and caches["default"].get("warm") == 1
    own_redis.stop()

    page = client.get(f"/verify/{certificate.code}/", HTTP_ACCEPT_LANGUAGE="en")
    data = client.get(f"/verify/{certificate.code}.json")
    programme_page = client.get(programme.get_url())
    login = client.get("/kk/accounts/login/")

    assert page.status_code == 200 and certificate.serial in page.content.decode()
    assert data.status_code == 200
    assert (data.json()["status"], data.json()["serial"]) == ("valid", certificate.serial)
    assert programme_page.status_code == 200
    assert login.status_code == 200
    assert VerificationLookup.objects.filter(certificate=certificate).count() == 2

    # /healthz keeps its contract: the broker (this Redis) is down, so it says so, with 503.
    saved = app.conf.broker_url
    settings.CELERY_TASK_ALWAYS_EAGER = False
    app.conf.broker_url = own_redis.url
    reset_celery_connections(app)
    try:
        health = client.get("/healthz")
    finally:
        app.conf.broker_url = saved
        reset_celery_connections(app)
    assert health.status_code == 503
    assert health.json() == {"database": "ok", "broker": "error"}
