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
EXPIRY_NEAR = "certificates.expiry_near"


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
    register_kind(
        key=EXPIRY_NEAR,
        label=_("A certificate expires soon"),
        description=_(
            "90 and 30 days before your certificate expires, with an invitation to a new cohort."
        ),
        order=43,
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


def expiry_message(*, certificate, days: int) -> tuple[str, str]:
    """The expiry reminder's subject and text, in the active language: the notification's, and
    the plain e-mail's to a holder without an account (which adds a greeting)."""
    from django.conf import settings
    from django.template.loader import render_to_string
    from django.utils.translation import gettext

    subject = gettext("Your certificate %(serial)s expires on %(date)s") % {
        "serial": certificate.serial,
        "date": certificate.valid_until.strftime("%d.%m.%Y"),
    }
    text = render_to_string(
        "certificates/email/expiry_text.txt",
        {"c": certificate, "days": days, "valid_years": settings.CERTIFICATE_VALID_YEARS},
    ).strip()
    return subject, text


def expiry_near_notify(*, certificate, days: int, reminder_days: int) -> None:
    """Remind the holder (an account) that `certificate` expires in `days` days; `reminder_days`
    (90 or 30) makes the once-key, besides the ExpiryReminder row the sweep keeps."""
    from django.utils import translation

    from cms.emails import language_of

    # Written out here, in the holder's language: the plural form depends on the years.
    with translation.override(language_of(certificate.holder)):
        subject, text = expiry_message(certificate=certificate, days=days)
    notification_send(
        kind=EXPIRY_NEAR,
        recipient=certificate.holder,
        subject=subject,
        text=text,
        link=reverse_lazy("certificates:mine"),
        once_key=f"certificate-expiry:{certificate.pk}:{reminder_days}",
    )
