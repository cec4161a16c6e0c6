"""What is kept and for how long: academic records outlive an account (cms.services
account_pseudonymise), files about children are deleted on a schedule (child_files_sweep in the
apps that hold them, run by beat).

`delete_field_file_on_commit` is the same helper the reliability work adds to cms.private_files:
a file goes from storage only once the transaction that removed its row commits."""

from __future__ import annotations

import logging
from functools import partial

from django.db import transaction

logger = logging.getLogger(__name__)


def _delete_quietly(storage, name: str) -> None:
    try:
        storage.delete(name)
    except Exception:
        # The storage path only, never the content: the file may describe a child.
        logger.exception("could not delete the private file %s", name)


def delete_field_file_on_commit(field_file) -> None:
    """Delete a FileField's file once the surrounding transaction commits, never on rollback."""
    if field_file:
        transaction.on_commit(
            partial(_delete_quietly, field_file.storage, field_file.name), robust=True
        )
