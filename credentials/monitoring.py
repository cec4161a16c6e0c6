"""The credentials app's monitoring check (registered with cms.monitoring): the PDF signing
certificate's expiry. A certificate issued after it expires carries a signature no reader
accepts; a CA-issued replacement takes weeks."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from cms.monitoring import OK, Check, expiry_check, register_check

from . import conf


def check_signing_certificate() -> Check:
    title = _("PDF signing certificate")
    path = conf.pdf_cert_path()
    if conf.dev_keys_allowed() and not path.exists():
        return Check("signing_certificate", title, OK, _("A development pair is made on demand."))
    return expiry_check(
        name="signing_certificate",
        title=title,
        path=path,
        warning=settings.MONITOR_SIGNING_CERT_WARNING_DAYS,
        critical=settings.MONITOR_SIGNING_CERT_CRITICAL_DAYS,
        renew=_("Obtain a new signing certificate and run `manage.py rotate_keys --signing`."),
    )


def connect() -> None:
    register_check("signing_certificate", check_signing_certificate)
