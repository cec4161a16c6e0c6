"""Certificates' notifications (notifications app): a certificate issued, revoked or re-issued,
told to its holder in the holder's language, with a link to "My certificates"."""

from __future__ import annotations

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from cms.roles import is_trainee
from notifications.kinds import register_kind
from notifications.services import notification_send

ISSUED = "certificates.issued"
REVOKED = "certificates.revoked"
REISSUED = "certificates.reissued"


def register() -> None:
    register_kind(
        key=ISSUED,
        label=_("A certificate is issued"),
        description=_("Your certificate of the course is ready to download."),
        order=40,
        shown_to=is_trainee,
    )
    register_kind(
        key=REVOKED,
        label=_("A certificate is revoked"),
        description=_("One of your certificates is no longer valid."),
        order=41,
        shown_to=is_trainee,
    )
    register_kind(
        key=REISSUED,
        label=_("A certificate is re-issued"),
        description=_("A corrected certificate replaces one of yours."),
        order=42,
        shown_to=is_trainee,
    )


def certificate_event_notify(*, certificate, event: str) -> None:
    """Tell the holder that `certificate` was issued, revoked or re-issued (`event`: ISSUED,
    REVOKED, REISSUED). Statements of attendance and documents without an account tell nobody."""
    from .models import Certificate, RevocationReason

    if certificate.holder is None or certificate.kind != Certificate.Kind.CERTIFICATE:
        return
    subject, text, params = {
        ISSUED: (
            _("Your certificate %(serial)s is issued"),
            _("Download it on the course site."),
            {},
        ),
        REVOKED: (
            _("Your certificate %(serial)s is revoked"),
            _("Reason: %(reason)s."),
            {"reason": RevocationReason(certificate.revocation_code).label}
            if certificate.revocation_code
            else {"reason": "—"},
        ),
        REISSUED: (
            _("Your certificate is re-issued: %(serial)s"),
            _("The new certificate replaces the previous one. Download it on the course site."),
            {},
        ),
    }[event]
    notification_send(
        kind=event,
        recipient=certificate.holder,
        subject=subject,
        text=text,
        params={"serial": certificate.serial, **params},
        link=reverse_lazy("certificates:mine"),
    )
