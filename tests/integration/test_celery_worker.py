"""Tasks go through a real Redis broker to a real Celery worker process."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.services


def test_a_worker_runs_a_task_sent_through_redis(celery_worker):
    from cms.tasks import ping

    result = ping.delay()

    assert result.get(timeout=30) == "pong"
    assert result.status == "SUCCESS"
