"""Reads shared by every certificate of one job, made once per job.

A bulk issue certifies a whole cohort: the organisation's settings, the programme's snapshot, its
completion rule and its topics, assignments, theory test and module controls are the same for each
certificate, and reading them again per certificate cost most of its queries (issue 22: 19 a
certificate). Inside `once_per_job()` the readers below remember their result by key; outside it
(a single issue, a page) they read afresh every time, as before. The memory lives in a context
variable, so concurrent jobs in threads or tasks never share it, and it ends with the job: nothing
read here can go stale beyond the job that read it."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")

_memory: ContextVar[dict | None] = ContextVar("certificates_job_reads", default=None)


@contextmanager
def once_per_job() -> Iterator[None]:
    """Remember shared reads until the block ends."""
    token = _memory.set({})
    try:
        yield
    finally:
        _memory.reset(token)


def remembered(key: Hashable, read: Callable[[], T]) -> T:
    """`read()`, remembered under `key` inside `once_per_job()`; called every time outside it."""
    memory = _memory.get()
    if memory is None:
        return read()
    if key not in memory:
        memory[key] = read()
    return memory[key]
