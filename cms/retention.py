"""What is kept and for how long: academic records outlive an account (cms.services
account_pseudonymise), files about children are deleted on a schedule (child_files_sweep in the
apps that hold them, run by beat).

Files go from storage only once the transaction that removed their row commits
(cms.private_files.delete_field_file_on_commit)."""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable

from django.db import transaction

from cms.models import RetentionRun

from .dates import add_months

logger = logging.getLogger(__name__)


# --- Files about children, deleted on a schedule ----------------------------------------------

ChildFilesSweeper = Callable[..., int]
_child_file_sweepers: dict[str, ChildFilesSweeper] = {}


def register_child_files(name: str, fn: ChildFilesSweeper) -> None:
    """`fn(*, today, months) -> int` deletes the files of kind `name` (e.g. "practice
    attachments") that are due and returns how many it deleted. Each app that keeps files about
    children registers one from its AppConfig.ready()."""
    _child_file_sweepers[name] = fn


def child_files_due(reference: datetime.date | None, *, today: datetime.date, months: int) -> bool:
    return reference is not None and add_months(reference, months) <= today


def child_files_sweep(*, today: datetime.date | None = None) -> RetentionRun:
    """Delete every file about a child that the retention schedule says is due, and keep a record
    of how many of each kind went (the admin's "File retention runs"; a log line too)."""
    from django.conf import settings
    from django.utils import timezone

    today = today or timezone.localdate()
    months = settings.CHILD_FILES_RETENTION_MONTHS
    removed = {}
    for name, sweeper in sorted(_child_file_sweepers.items()):
        with transaction.atomic():
            removed[name] = sweeper(today=today, months=months)
    run = RetentionRun.objects.create(removed=removed, total=sum(removed.values()))
    logger.info(
        "child files retention: %s file(s) deleted (%s), %s months after the course",
        run.total,
        ", ".join(f"{name}: {count}" for name, count in removed.items()) or "nothing registered",
        months,
    )
    return run
