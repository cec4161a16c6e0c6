"""Writes: giving a certificate its status-list entry."""

from __future__ import annotations

import secrets

from django.db import IntegrityError, transaction

from certificates.models import Certificate

from .models import CredentialRecord

STATUS_LIST = 1
_ATTEMPTS = 50
# A list takes new entries until three quarters of its bits are used, then the next list opens:
# random free bits stay quick to draw (four draws at most on average) and no list ever fills.
STATUS_LIST_ROLLOVER_AT = CredentialRecord.LIST_SIZE * 3 // 4


def status_list_open() -> int:
    """The number of the list new entries go to (two queries, both on the list's index)."""
    from django.db.models import Max

    latest = CredentialRecord.objects.aggregate(latest=Max("status_list"))["latest"] or STATUS_LIST
    used = CredentialRecord.objects.filter(status_list=latest).count()
    return latest + 1 if used >= STATUS_LIST_ROLLOVER_AT else latest


def credential_record_ensure(*, certificate: Certificate) -> CredentialRecord:
    """The certificate's record, created on first use with a random free index.

    A random index (not the next one) so the position in the published list does not tell when a
    certificate was issued or how many were issued before it. Idempotent: concurrent callers
    converge on one row (the certificate is unique in the table)."""
    existing = CredentialRecord.objects.filter(certificate=certificate).first()
    if existing is not None:
        return existing
    status_list = status_list_open()
    for _attempt in range(_ATTEMPTS):
        index = secrets.randbelow(CredentialRecord.LIST_SIZE)
        try:
            with transaction.atomic():
                return CredentialRecord.objects.create(
                    certificate=certificate,
                    status_list=status_list,
                    status_index=index,
                    salt=secrets.token_hex(16),
                )
        except IntegrityError:
            existing = CredentialRecord.objects.filter(certificate=certificate).first()
            if existing is not None:
                return existing
            # The index was taken: draw again.
    raise RuntimeError("No free index in the status list.")
