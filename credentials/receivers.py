"""Hooks into the certificates app without it knowing about us (it must not import credentials):
a newly created certificate gets its status-list entry once its transaction has committed.
Revocation needs no hook: the status list is computed from certificate statuses on each request."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_save

logger = logging.getLogger(__name__)


def on_certificate_saved(sender, instance, created: bool, **kwargs) -> None:
    if not created or instance.kind != instance.Kind.CERTIFICATE:
        return
    certificate_id = instance.pk

    def assign() -> None:
        from certificates.models import Certificate

        from .services import credential_record_ensure

        certificate = Certificate.objects.filter(pk=certificate_id).first()
        if certificate is None:
            return
        try:
            credential_record_ensure(certificate=certificate)
        except Exception:  # never let a credential problem break issuing; retried on first use
            logger.exception("status-list entry for certificate %s failed", certificate_id)

    transaction.on_commit(assign)


def connect() -> None:
    from certificates.models import Certificate

    post_save.connect(
        on_certificate_saved, sender=Certificate, dispatch_uid="credentials.status_entry"
    )
