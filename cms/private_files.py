"""Serving private files (case studies, support plans, certificate PDFs) after a permission check.

Views check who may see a file, then return `serve_private_file(...)`; this module decides *how*
the bytes reach the browser, so no view needs to know where files live:

- S3-compatible storage (django-storages): a redirect to a short-lived signed URL of the private
  bucket (`AWS_QUERYSTRING_EXPIRE` seconds), so the bytes never pass through a Python worker.
- Local disk behind nginx (`PRIVATE_FILES_X_ACCEL=true`): an empty response with
  `X-Accel-Redirect` to an `internal` nginx location; nginx streams the file, and the file is
  unreachable from outside because that location accepts only internal redirects.
- Local disk without nginx (development, tests): a streamed `FileResponse`.

Every answer is marked `Cache-Control: private, no-store` so no shared cache keeps a copy.
"""

from __future__ import annotations

import logging
import mimetypes
from functools import partial
from urllib.parse import quote

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import storages
from django.db import transaction
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.utils.http import content_disposition_header

logger = logging.getLogger(__name__)


def private_storage():
    """The storage of every private file (case studies, support plans, certificate PDFs, CVs):
    never the public media folder. A callable given to each FileField, so the storage is looked up
    at run time (tests point it at a temporary folder) and migrations do not freeze a path."""
    return storages["private"]


def _is_local(storage) -> bool:
    try:
        storage.path("")
    except NotImplementedError:
        return False
    return True


def _x_accel_location(storage_name: str, name: str) -> str:
    prefix = settings.PRIVATE_FILES_X_ACCEL_PREFIX
    # nginx decodes the URI before matching the `internal` location's alias, so quote the name
    # (Kazakh/Russian file names, spaces) and keep the slashes of sub-folders.
    return f"{prefix.rstrip('/')}/{storage_name}/{quote(name, safe='/')}"


def serve_private_file(
    request: HttpRequest,
    storage_name: str,
    name: str,
    filename: str | None = None,
    *,
    as_attachment: bool = True,
    content_type: str | None = None,
) -> HttpResponse:
    """Return the response that delivers `name` from `storages[storage_name]`.

    Call it only AFTER checking that `request.user` may see the file. `filename` is what the
    browser saves it as (default: the stored file's base name). Raises Http404 when the file is
    missing or the name tries to leave the storage's folder.
    """
    storage = storages[storage_name]
    filename = filename or name.rsplit("/", 1)[-1]
    content_type = content_type or mimetypes.guess_type(filename)[0] or "application/octet-stream"
    disposition = content_disposition_header(as_attachment, filename)

    if not _is_local(storage):
        # S3: the signed URL carries the download name and type, so the browser sees the same
        # headers as from the other two paths.
        url = storage.url(
            name,
            parameters={
                "ResponseContentDisposition": disposition,
                "ResponseContentType": content_type,
            },
        )
        response: HttpResponse = HttpResponseRedirect(url)
    else:
        try:
            exists = storage.exists(name)
        except SuspiciousFileOperation:  # "../../etc/passwd" and friends
            raise Http404 from None
        if not name or not exists:
            raise Http404
        if settings.PRIVATE_FILES_X_ACCEL:
            response = HttpResponse(content_type=content_type)
            response["X-Accel-Redirect"] = _x_accel_location(storage_name, name)
            response["Content-Disposition"] = disposition
        else:
            response = FileResponse(
                storage.open(name, "rb"),
                as_attachment=as_attachment,
                filename=filename,
                content_type=content_type,
            )
    patch_cache_control(response, private=True, no_store=True)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def delete_file_on_commit(storage, name: str | None) -> None:
    """Delete `name` from `storage` once the surrounding transaction commits, never if it rolls
    back.

    A row that points at a file is deleted inside a transaction that may still be refused (the
    anonymisation box unticked, a constraint, an eraser that fails): deleting the file at once
    would leave a kept row pointing at nothing. Outside a transaction the file goes at once. A
    file that cannot be deleted is logged by name (a storage path, never its content) and left for
    an operator: the row is already gone, and the request that deleted it must not fail."""
    if not name:
        return
    transaction.on_commit(partial(_delete_quietly, storage, name), robust=True)


def _delete_quietly(storage, name: str) -> None:
    try:
        storage.delete(name)
    except Exception:
        logger.exception("could not delete the private file %s", name)


def delete_field_file_on_commit(field_file) -> None:
    """`delete_file_on_commit` for a model's FileField value (`row.file`)."""
    if field_file:
        delete_file_on_commit(field_file.storage, field_file.name)


def store_file(field_file, content, name: str) -> None:
    """Write `content` as the file of a model's FileField (`row.file`) without saving the row.

    On a failed write (a full disk, a quota, an I/O error) the part already written is removed
    before the OSError is raised again, so a refused upload never leaves an orphan file that no
    row points at. (Django's FileSystemStorage leaves the partial file behind.)"""
    field, storage = field_file.field, field_file.storage
    target = storage.get_available_name(
        field.generate_filename(field_file.instance, name), max_length=field.max_length
    )
    try:
        stored = storage.save(target, content, max_length=field.max_length)
    except OSError:
        discard_files(storage, [target])
        raise
    setattr(field_file.instance, field.attname, stored)


def discard_files(storage, names) -> None:
    """Delete files that no committed row points at (a write that failed, a batch given up)."""
    for name in names:
        try:
            if storage.exists(name):
                storage.delete(name)
        except Exception:
            logger.exception("could not delete the private file %s", name)
