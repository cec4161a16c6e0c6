"""Checking uploaded files by their content, not their name, before they reach private storage.

Case studies, support plans and mentoring attachments accept PDF, DOCX, ODT, XLSX, JPG and PNG.
The extension alone proves nothing (a renamed executable is still an executable), so the first
bytes are read: PDF, PNG and JPEG by their signatures, the office formats by the ZIP container's
members. The container is read with bounds (members, declared and actually unpacked size): a
"zip bomb" of a few kilobytes must not unpack gigabytes into a worker's memory. Names are reduced
to letters (Kazakh and Russian included), digits, dots, dashes and underscores, so no path or
control character reaches the storage or a Content-Disposition."""

from __future__ import annotations

import re
import unicodedata
import zipfile
import zlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

DOCUMENT_KINDS = ("pdf", "docx", "odt", "xlsx", "jpg", "png")
_EXTENSIONS = {
    "pdf": {"pdf"},
    "docx": {"docx"},
    "odt": {"odt"},
    "xlsx": {"xlsx"},
    "jpg": {"jpg", "jpeg"},
    "png": {"png"},
}


# The ODF `mimetype` member is one short line ("application/vnd.oasis.opendocument.text").
MIMETYPE_MAX_BYTES = 100


def max_upload_bytes() -> int:
    return int(settings.PRIVATE_UPLOAD_MAX_BYTES)


def max_archive_members() -> int:
    return int(settings.UPLOAD_ARCHIVE_MAX_MEMBERS)


def max_archive_unpacked_bytes() -> int:
    return int(settings.UPLOAD_ARCHIVE_MAX_UNPACKED_BYTES)


class UnsafeArchive(ValueError):
    """An office document's ZIP container is beyond the bounds: too many members, or more data
    declared or unpacked than any document we accept holds."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "members" or "unpacked"


def _read_member(archive: zipfile.ZipFile, name: str, limit: int) -> bytes:
    """At most `limit` bytes of a member, whatever its header declares: the decompressor is asked
    for one byte more than allowed and stops there."""
    with archive.open(name) as member:
        data = member.read(limit + 1)
    if len(data) > limit:
        raise UnsafeArchive("unpacked")
    return data


def _check_declared_member_count(uploaded) -> None:
    """Refuse too many members before zipfile builds an object for each of them: a 20 MB
    central directory can list hundreds of thousands. The count is in the end-of-archive record
    (read with zipfile's own finder); a file without one is left to zipfile to refuse."""
    end_record = zipfile._EndRecData(uploaded)
    uploaded.seek(0)
    if end_record and end_record[zipfile._ECD_ENTRIES_TOTAL] > max_archive_members():
        raise UnsafeArchive("members")


def _check_archive_bounds(archive: zipfile.ZipFile) -> None:
    entries = archive.infolist()
    if len(entries) > max_archive_members():
        raise UnsafeArchive("members")
    if sum(entry.file_size for entry in entries) > max_archive_unpacked_bytes():
        raise UnsafeArchive("unpacked")


def detect_kind(uploaded) -> str | None:
    """The real type of an uploaded file from its content, or None when it is none we accept.
    Raises UnsafeArchive for a ZIP container beyond the bounds."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head.startswith(b"PK\x03\x04"):
        try:
            _check_declared_member_count(uploaded)
            with zipfile.ZipFile(uploaded) as archive:
                _check_archive_bounds(archive)
                names = set(archive.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
                if "mimetype" in names:
                    mimetype = _read_member(archive, "mimetype", MIMETYPE_MAX_BYTES)
                    mimetype = mimetype.decode("ascii", "replace").strip()
                    if mimetype == "application/vnd.oasis.opendocument.text":
                        return "odt"
        except (zipfile.BadZipFile, OSError, KeyError, EOFError, zlib.error):
            return None
        finally:
            uploaded.seek(0)
    return None


def sanitise_filename(name: str, kind: str | None = None) -> str:
    """A safe file name that keeps the readable part, e.g. «Қолдау жоспары (1).docx»."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = unicodedata.normalize("NFC", base)
    stem, dot, extension = base.rpartition(".")
    if not dot:
        stem, extension = base, ""
    stem = re.sub(r"[^\w\-. ]+", "_", stem, flags=re.UNICODE).strip(" ._") or "file"
    stem = re.sub(r"\s+", " ", stem)[:80]
    extension = extension.lower()
    if kind is not None and extension not in _EXTENSIONS[kind]:
        extension = kind
    return f"{stem}.{extension}" if extension else stem


def validate_upload(uploaded, *, kinds: tuple[str, ...] = DOCUMENT_KINDS) -> str:
    """Check size and type; return the sanitised name. Raises ValidationError with a message a
    person understands."""
    limit = max_upload_bytes()
    if uploaded.size > limit:
        raise ValidationError(
            _("“%(name)s” is %(size)s; files may be at most %(limit)s.")
            % {
                "name": uploaded.name,
                "size": filesizeformat(uploaded.size),
                "limit": filesizeformat(limit),
            },
            code="too_large",
        )
    try:
        kind = detect_kind(uploaded)
    except UnsafeArchive as refusal:
        message = _unsafe_archive_message(uploaded.name, refusal.reason)
        raise ValidationError(message, code="unsafe") from None
    if kind is None or kind not in kinds:
        raise ValidationError(
            _("“%(name)s” is not a %(kinds)s file. Save it in one of these formats and try again.")
            % {"name": uploaded.name, "kinds": ", ".join(k.upper() for k in kinds)},
            code="bad_type",
        )
    return sanitise_filename(uploaded.name, kind)


def _unsafe_archive_message(name: str, reason: str) -> str:
    if reason == "members":
        return _(
            "“%(name)s” holds more than %(count)s parts, more than any document we accept. "
            "Save it again as a normal document and try again."
        ) % {"name": name, "count": max_archive_members()}
    return _(
        "“%(name)s” unpacks to far more data than any document we accept: it may be damaged. "
        "Save it again as a normal document and try again."
    ) % {"name": name}
