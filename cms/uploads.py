"""Checking uploaded files by their content, not their name, before they reach private storage.

Case studies, support plans and mentoring attachments accept PDF, DOCX, ODT, XLSX, JPG and PNG.
The extension alone proves nothing (a renamed executable is still an executable), so the first
bytes are read: PDF, PNG and JPEG by their signatures, the office formats by the ZIP container's
members. Names are reduced to letters (Kazakh and Russian included), digits, dots, dashes and
underscores, so no path or control character reaches the storage or a Content-Disposition."""

from __future__ import annotations

import re
import unicodedata
import zipfile

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


def max_upload_bytes() -> int:
    return int(getattr(settings, "PRIVATE_UPLOAD_MAX_BYTES", 20 * 1024 * 1024))


def detect_kind(uploaded) -> str | None:
    """The real type of an uploaded file from its content, or None when it is none we accept."""
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
            with zipfile.ZipFile(uploaded) as archive:
                names = set(archive.namelist())
                if "word/document.xml" in names:
                    return "docx"
                if "xl/workbook.xml" in names:
                    return "xlsx"
                if "mimetype" in names:
                    mimetype = archive.read("mimetype").decode("ascii", "replace").strip()
                    if mimetype == "application/vnd.oasis.opendocument.text":
                        return "odt"
        except (zipfile.BadZipFile, OSError, KeyError):
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
    kind = detect_kind(uploaded)
    if kind is None or kind not in kinds:
        raise ValidationError(
            _("“%(name)s” is not a %(kinds)s file. Save it in one of these formats and try again.")
            % {"name": uploaded.name, "kinds": ", ".join(k.upper() for k in kinds)},
            code="bad_type",
        )
    return sanitise_filename(uploaded.name, kind)
