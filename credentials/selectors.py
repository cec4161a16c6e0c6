"""Reads: checking an uploaded PDF, the status list, a holder's credentials."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from io import BytesIO

from certificates.models import Certificate

from . import keys
from .models import CredentialRecord

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PdfCheck:
    """The verdict on an uploaded PDF. `outcome` is one of: genuine, not_pdf, unsigned, invalid,
    foreign, altered, unknown."""

    outcome: str
    certificate: Certificate | None = None

    @property
    def genuine(self) -> bool:
        return self.outcome == "genuine"


def _our_certificate_matches(signing_cert, trusted) -> bool:
    """Ours: the current signing certificate or a retired one (a rotation must not make the
    PDFs signed before it look foreign)."""
    return signing_cert is not None and any(signing_cert.dump() == c.dump() for c in trusted)


def pdf_check(*, data: bytes) -> PdfCheck:
    """Is this an unaltered PDF that we signed and stored? Checked in memory only.

    In order: it must parse as a PDF; carry exactly one signature; that signature must be
    cryptographically intact and valid, made with our certificate, and cover the whole file (no
    incremental update appended after signing); and its SHA-256 must be the one stored for a
    certificate."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko.sign.validation.status import SignatureCoverageLevel
    from pyhanko_certvalidator import ValidationContext

    if not data.startswith(b"%PDF-"):
        return PdfCheck("not_pdf")
    try:
        reader = PdfFileReader(BytesIO(data), strict=False)
        signatures = reader.embedded_signatures
    except Exception:  # any parse failure means "not a PDF we can read"
        return PdfCheck("not_pdf")
    if not signatures:
        return PdfCheck("unsigned")
    if len(signatures) > 1:
        # We sign once. A second signature means someone signed the file after us.
        return PdfCheck("altered")
    trusted = keys.trusted_pdf_certificates()
    # Our own certificates are the trust anchors, so their expiry does not make our check reject
    # a file (a PDF reader will: README, "Signatures without a trusted timestamp"); what proves
    # a file ours is its SHA-256 stored at issue, checked below.
    context = ValidationContext(
        trust_roots=trusted, allow_fetching=False, revocation_mode="soft-fail"
    )
    try:
        status = validate_pdf_signature(signatures[0], context)
    except (SignatureValidationError, ValueError, KeyError, TypeError) as exc:
        logger.info("uploaded PDF: signature could not be validated: %s", exc)
        return PdfCheck("invalid")
    except Exception:
        logger.exception("uploaded PDF: unexpected validation failure")
        return PdfCheck("invalid")
    if not status.intact:
        return PdfCheck("altered")
    if not status.valid:
        return PdfCheck("invalid")
    if not _our_certificate_matches(status.signing_cert, trusted):
        return PdfCheck("foreign")
    if not status.trusted:
        return PdfCheck("invalid")
    if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
        return PdfCheck("altered")
    digest = hashlib.sha256(data).hexdigest()
    certificate = (
        Certificate.objects.select_related("superseded_by").filter(pdf_sha256=digest).first()
    )
    if certificate is None:
        return PdfCheck("unknown")
    return PdfCheck("genuine", certificate)


def status_list_revoked_indexes(*, status_list: int) -> list[int]:
    """Indexes whose bit is set: certificates that are no longer current (revoked, or superseded
    by a re-issue). One query, computed on each request so a revocation shows at once."""
    return list(
        CredentialRecord.objects.filter(status_list=status_list)
        .exclude(certificate__status=Certificate.Status.VALID)
        .values_list("status_index", flat=True)
    )


def status_list_exists(*, status_list: int) -> bool:
    return status_list == 1 or CredentialRecord.objects.filter(status_list=status_list).exists()


def credential_certificate(*, code: str) -> Certificate | None:
    """A certificate (not a statement of attendance: it is not an achievement) by its code."""
    from certificates.codes import normalise_code

    normalised = normalise_code(code)
    if normalised is None:
        return None
    return (
        Certificate.objects.select_related("credential_record")
        .filter(code=normalised, kind=Certificate.Kind.CERTIFICATE)
        .first()
    )


def credentials_of_holder(*, user):
    return (
        Certificate.objects.filter(holder=user, kind=Certificate.Kind.CERTIFICATE)
        .exclude(status=Certificate.Status.SUPERSEDED)
        .order_by("-issued_on")
    )


STATUS_LIST_CACHE_KEY = "pa-lms:status-list:{number}:{form}"
STATUS_LIST_VERSION_KEY = "pa-lms:status-list:version"


def status_list_cached(*, status_list: int, form: str, build) -> bytes:
    """The published status list (`form`: "jwt" or "json"), built by `build()` at most once per
    STATUS_LIST_CACHE_SECONDS: each public request otherwise read every non-valid certificate's
    bit and signed the list again. Any certificate saved or deleted (a revocation, a re-issue)
    clears it at once and again after its commit (credentials.receivers), so the seconds bound
    nothing a revocation depends on; they bound only an unforeseen write that sends no signal."""
    from django.conf import settings
    from django.core.cache import cache

    seconds = settings.STATUS_LIST_CACHE_SECONDS
    if seconds <= 0:
        return build()
    version = cache.get(STATUS_LIST_VERSION_KEY, 0)
    key = STATUS_LIST_CACHE_KEY.format(number=status_list, form=form) + f":{version}"
    body = cache.get(key)
    if body is None:
        body = build()
        cache.set(key, body, seconds)
    return body


def status_list_cache_clear() -> None:
    """Forget every cached status list (a new version key: lists of any number at once)."""
    from django.core.cache import cache

    try:
        cache.incr(STATUS_LIST_VERSION_KEY)
    except ValueError:
        import time

        cache.set(STATUS_LIST_VERSION_KEY, time.time_ns(), None)
