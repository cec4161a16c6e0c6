"""Tasks go through a real Redis broker to a real Celery worker process."""

from __future__ import annotations

import uuid

import pytest

from .conftest import running_worker

pytestmark = pytest.mark.services


def test_a_worker_runs_a_task_sent_through_redis(celery_worker):
    from cms.tasks import ping_task

    result = ping_task.delay()

    assert result.get(timeout=30) == "pong"
    assert result.status == "SUCCESS"


ISSUE_THROUGH_BROKER = """
import hashlib, json, time
from django.db import transaction
from assessment.tests.factories import finalised_result
from certificates.models import Certificate
from certificates.tasks import certificate_issue_task
from certificates.tests.factories import EnrolmentFactory

enrolment = EnrolmentFactory()
finalised_result(enrolment=enrolment)
# As the app does it: enqueue after commit; this process is not eager, so it goes to Redis.
transaction.on_commit(lambda: certificate_issue_task.delay(enrolment.pk))
deadline = time.monotonic() + 120
certificate = None
while time.monotonic() < deadline:
    certificate = Certificate.objects.filter(enrolment=enrolment).exclude(pdf="").first()
    if certificate:
        break
    time.sleep(0.5)
with certificate.pdf.open("rb") as f:
    data = f.read()
print(json.dumps({"pdf": certificate.pdf.name, "recorded": certificate.pdf_sha256,
                  "actual": hashlib.sha256(data).hexdigest(), "magic": data[:5].decode()}))
"""


@pytest.mark.django_db
def test_a_worker_issues_a_certificate_sent_through_redis_and_stores_its_pdf(
    make_site, redis_url, tmp_path
):
    site = make_site(copy_of_test_db=True)
    queue = f"test-{uuid.uuid4().hex[:8]}"

    with running_worker(site, redis_url, queue, tmp_path / "worker.log"):
        outcome = site.run(
            ISSUE_THROUGH_BROKER, PA_LMS_WORKER_BROKER_URL=redis_url, PA_LMS_WORKER_QUEUE=queue
        )

    assert outcome["magic"] == "%PDF-"
    assert outcome["actual"] == outcome["recorded"]
    assert (site.private_root / outcome["pdf"]).is_file()
    assert not site.media_root.exists() or not any(site.media_root.rglob("*.pdf"))
    assert "certificates.tasks.issue_certificate" in (tmp_path / "worker.log").read_text()
