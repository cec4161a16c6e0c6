"""`check --deploy`: SITE_URL is the real public https address. Every certificate freezes
SITE_URL + /verify/<code>/ into its signed PDF and QR code at issue; a loopback or plain-http
base printed there can only be mended by re-issuing every certificate."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from django.conf import settings
from django.core import checks

HINT = (
    "Set SITE_URL to the public address employers will open, scheme and host only, e.g. "
    "SITE_URL=https://lms.example.kz (see README, Production)."
)


def site_url_problem(value: str) -> str | None:
    """Why this SITE_URL cannot be printed on certificates, or None when it can."""
    value = (value or "").strip()
    if not value:
        return "SITE_URL is not set."
    parts = urlsplit(value)
    if parts.scheme != "https":
        return f"SITE_URL must start with https:// (it is {value!r})."
    host = (parts.hostname or "").lower()
    if not host:
        return f"SITE_URL has no host name (it is {value!r})."
    if parts.path not in ("", "/") or parts.query or parts.fragment:
        return f"SITE_URL must be scheme and host only, without a path (it is {value!r})."
    if host == "localhost" or host.endswith(".localhost"):
        return f"SITE_URL points at this machine ({host}); QR codes would open nothing."
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return None
    if address.is_loopback or address.is_unspecified:
        return f"SITE_URL points at this machine ({host}); QR codes would open nothing."
    return None


@checks.register(checks.Tags.security, deploy=True)
def site_url_public(app_configs, **kwargs) -> list[checks.CheckMessage]:
    problem = site_url_problem(settings.SITE_URL)
    if problem is None:
        return []
    return [checks.Error(problem, hint=HINT, id="cms.E001")]
