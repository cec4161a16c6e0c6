"""A PDF post-processor for the fault tests: the first rendering pauses, so that the test can
kill the worker process in the middle of issuing; later renderings go straight through.

Enabled in tests/integration/worker_settings.py by PA_LMS_WORKER_SLOW_PDF=<marker file>: the
first renderer writes its process id there and sleeps."""

from __future__ import annotations

import os
import time


def pause_once(data: bytes) -> bytes:
    marker = os.environ["PA_LMS_WORKER_SLOW_PDF"]
    try:
        fd = os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL)
    except FileExistsError:
        return data
    with os.fdopen(fd, "w") as out:
        out.write(str(os.getpid()))
    time.sleep(120)
    return data
