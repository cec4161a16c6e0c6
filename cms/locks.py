"""A lock held across processes for the duration of a job (a beat sweep), so two runs at once
(two beat schedulers, a manual run during a scheduled one) do not do the same work twice."""

from __future__ import annotations

import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection

_local_locks: dict[str, threading.Lock] = {}
_local_guard = threading.Lock()


@contextmanager
def job_lock(name: str) -> Iterator[bool]:
    """Try to take the lock called `name`; yield whether it was taken (never waits).

    A lock of this process first (SQLite serves one process: development, tests), then on
    PostgreSQL a session-level advisory lock: every worker process and machine sees it, and the
    server releases it by itself if the process dies holding it. The local lock also keeps a
    nested run in the same process out: PostgreSQL grants an advisory lock again to the session
    that holds it."""
    with _local_guard:
        lock = _local_locks.setdefault(name, threading.Lock())
    if not lock.acquire(blocking=False):
        yield False
        return
    try:
        if connection.vendor != "postgresql":
            yield True
            return
        key = zlib.crc32(name.encode())  # the same number in every process, unlike hash()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
            acquired = cursor.fetchone()[0]
        try:
            yield acquired
        finally:
            if acquired:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT pg_advisory_unlock(%s)", [key])
    finally:
        lock.release()
