"""Beat and a worker, real processes on Redis, leave the heartbeats the status page reads; the
queue depth is read from the real broker."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid

import pytest

from .conftest import REPO, running_worker

pytestmark = pytest.mark.services

STATUS = """
import json
from django.utils import translation
from cms import monitoring
from cms.models import Heartbeat
translation.activate("en")
print(json.dumps({
    "beats": sorted(Heartbeat.objects.values_list("name", flat=True)),
    "checks": {c.name: [c.state, c.reason] for c in (
        monitoring.check_worker(), monitoring.check_beat(), monitoring.check_queue())},
}))
"""


@pytest.mark.django_db
def test_beat_and_a_worker_leave_heartbeats_and_the_checks_read_them(
    make_site, redis_url, tmp_path
):
    site = make_site(copy_of_test_db=True)
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = site.env(
        PA_LMS_WORKER_BROKER_URL=redis_url, PA_LMS_WORKER_QUEUE=queue, MONITOR_HEARTBEAT_SECONDS="2"
    )
    before = site.run(STATUS, PA_LMS_WORKER_BROKER_URL=redis_url, PA_LMS_WORKER_QUEUE=queue)
    assert before["beats"] == []
    assert before["checks"]["beat"][0] == "critical"
    assert before["checks"]["queue"] == ["ok", "0 tasks waiting."]

    with (
        running_worker(site, redis_url, queue, tmp_path / "worker.log"),
        (tmp_path / "beat.log").open("wb") as log,
    ):
        beat = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "cms", "beat", "--loglevel=INFO",
             f"--schedule={tmp_path / 'beat-schedule'}"],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 90
            while True:
                after = site.run(
                    STATUS, PA_LMS_WORKER_BROKER_URL=redis_url, PA_LMS_WORKER_QUEUE=queue
                )
                if after["beats"] == ["beat", "worker"] or time.monotonic() > deadline:
                    break
                assert beat.poll() is None, (tmp_path / "beat.log").read_text()
                time.sleep(1)
        finally:
            beat.terminate()
            beat.wait(timeout=30)

    assert after["beats"] == ["beat", "worker"], (tmp_path / "beat.log").read_text()
    assert after["checks"]["worker"][0] == "ok"
    assert after["checks"]["beat"][0] == "ok"
    assert after["checks"]["beat"][1].startswith("Last heartbeat 0 min ago")
