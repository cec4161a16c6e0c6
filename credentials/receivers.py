"""Hooks into the certificates app without it knowing about us (it must not import credentials):
a newly created certificate gets its status-list entry once its transaction has committed.
The status list is computed from certificate statuses and cached briefly; any certificate saved or
deleted clears it."""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save

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


def on_certificate_changed(sender, instance, **kwargs) -> None:
    """A certificate saved or deleted (revoked, superseded, re-issued): the cached status list
    is cleared now and again once the change is committed, so that a list read by a request
    between the two, from before the commit, is not kept either."""
    from .selectors import status_list_cache_clear

    status_list_cache_clear()
    transaction.on_commit(status_list_cache_clear)


def connect() -> None:
    from certificates.models import Certificate

    post_save.connect(
        on_certificate_saved, sender=Certificate, dispatch_uid="credentials.status_entry"
    )
    for signal in (post_save, post_delete):
        signal.connect(
            on_certificate_changed,
            sender=Certificate,
            dispatch_uid=f"credentials.status_list_cache.{signal is post_save}",
        )
