"""Helpers shared by the assessment services of more than one capability."""

from __future__ import annotations

import logging

from django.core.exceptions import ValidationError
from django.db import transaction

from cms.errors import ServiceError
from cms.private_files import discard_files, store_file

# The name of the module before the split, so log filters and alerts keep matching.
logger = logging.getLogger("assessment.services")


def _validated_files(files) -> list[tuple[object, str]]:
    """Check every upload before storing any: (file, sanitised name)."""
    from cms.uploads import validate_upload

    checked, errors = [], []
    for uploaded in files or ():
        try:
            checked.append((uploaded, validate_upload(uploaded)))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ServiceError({"files": errors}, code="files")
    return checked


def _store_attachments(checked, make_row) -> list[str]:
    """Store the uploads as rows made by `make_row(uploaded, name)`, all or none; returns the
    names of the files NOT stored (empty when all went well).

    Called after the typed text is saved: if the storage fails (a full disk), the text stays
    saved, the files of this save are removed from the storage and their rows rolled back (a
    savepoint), and the caller tells the person which files to attach again. The log names the
    error, never the files (their names may describe a child)."""
    written = []
    try:
        with transaction.atomic():
            for uploaded, name in checked:
                row = make_row(uploaded, name)
                store_file(row.file, uploaded, name)
                written.append(row.file.name)
                row.save()
    except OSError as error:
        if written:
            discard_files(row.file.storage, written)
        logger.error("attachments not stored: %s: %s", type(error).__name__, error.strerror)
        return [name for _uploaded, name in checked]
    return []
