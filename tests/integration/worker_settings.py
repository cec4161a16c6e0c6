"""Settings of the Celery worker and helper processes that the integration tests start.

The test settings, pointed at the broker, database and file folders given in the environment by
the test process, so both sides see the same rows and files."""

from __future__ import annotations

import os
from pathlib import Path

from cms.settings.test import *  # noqa: F403
from cms.settings.test import DATABASES, STORAGES

CELERY_BROKER_URL = os.environ.get("PA_LMS_WORKER_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_RESULT_BACKEND = CELERY_BROKER_URL or None
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("PA_LMS_WORKER_QUEUE", "celery")
DATABASES["default"]["NAME"] = os.environ["PA_LMS_WORKER_DB_NAME"]
MEDIA_ROOT = Path(os.environ["PA_LMS_WORKER_MEDIA_ROOT"])
PRIVATE_MEDIA_ROOT = Path(os.environ["PA_LMS_WORKER_PRIVATE_MEDIA_ROOT"])
STORAGES["default"] = {
    "BACKEND": "django.core.files.storage.FileSystemStorage",
    "OPTIONS": {"location": str(MEDIA_ROOT)},
}
STORAGES["private"]["OPTIONS"]["location"] = str(PRIVATE_MEDIA_ROOT)

# Fault tests: the first PDF rendering pauses so the test can kill the worker mid-issue.
if os.environ.get("PA_LMS_WORKER_SLOW_PDF"):
    from cms.settings.test import CERTIFICATES_PDF_POSTPROCESSORS

    CERTIFICATES_PDF_POSTPROCESSORS = [
        *CERTIFICATES_PDF_POSTPROCESSORS,
        "tests.integration.slow_pdf.pause_once",
    ]
