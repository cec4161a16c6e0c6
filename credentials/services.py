"""Writes: giving a certificate its status-list entry."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction

from certificates.models import Certificate

from .models import CredentialRecord

STATUS_LIST = 1
_ATTEMPTS = 50


def credential_record_ensure(*, certificate: Certificate) -> CredentialRecord:
    """The certificate's record, created on first use with a random free index.

    A random index (not the next one) so the position in the published list does not tell when a
    certificate was issued or how many were issued before it. Idempotent: concurrent callers
    converge on one row (the certificate is unique in the table)."""
    existing = CredentialRecord.objects.filter(certificate=certificate).first()
    if existing is not None:
        return existing
    for _attempt in range(_ATTEMPTS):
        index = secrets.randbelow(CredentialRecord.LIST_SIZE)
        try:
            with transaction.atomic():
                return CredentialRecord.objects.create(
                    certificate=certificate,
                    status_list=STATUS_LIST,
                    status_index=index,
                    salt=secrets.token_hex(16),
                )
        except IntegrityError:
            existing = CredentialRecord.objects.filter(certificate=certificate).first()
            if existing is not None:
                return existing
            # The index was taken: draw again.
    raise RuntimeError("No free index in the status list.")
