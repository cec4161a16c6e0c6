"""Where the signing keys live. Each name is read from the Django settings first, then from the
environment, then falls back to a file under DATA_DIR/credentials/ (git-ignored)."""

from __future__ import annotations

import os
from pathlib import Path

from django.conf import settings

# Past this size an upload is refused before it is read further (certificate PDFs are ~100 KB).
DEFAULT_UPLOAD_LIMIT = 5 * 1024 * 1024


def _value(name: str) -> str:
    return str(getattr(settings, name, "") or os.environ.get(name, "") or "")


def key_dir() -> Path:
    configured = _value("CREDENTIALS_KEY_DIR")
    if configured:
        return Path(configured)
    return Path(getattr(settings, "DATA_DIR", settings.BASE_DIR / "data")) / "credentials"


def pdf_key_path() -> Path:
    return Path(_value("CREDENTIALS_SIGNING_KEY") or key_dir() / "pdf-signing-key.pem")


def pdf_cert_path() -> Path:
    return Path(_value("CREDENTIALS_SIGNING_CERT") or key_dir() / "pdf-signing-cert.pem")


def pdf_key_password() -> bytes | None:
    password = _value("CREDENTIALS_SIGNING_KEY_PASSWORD")
    return password.encode() if password else None


def vc_key_path() -> Path:
    return Path(_value("CREDENTIALS_VC_KEY") or key_dir() / "vc-ed25519-key.pem")


def dev_keys_allowed() -> bool:
    """Generate a self-signed pair when none is configured: only for development and tests.
    In production a missing key is an error, never silently replaced by a new one (every issued
    credential would stop verifying)."""
    configured = getattr(settings, "CREDENTIALS_DEV_KEYS", None)
    if configured is None:
        return bool(settings.DEBUG)
    return bool(configured)


def upload_limit() -> int:
    return int(getattr(settings, "CREDENTIALS_UPLOAD_LIMIT", DEFAULT_UPLOAD_LIMIT))


def retired_dir() -> Path:
    """Public parts of retired keys: Open Badges keys still published in did.json, signing
    certificates still accepted by the PDF check. Back it up with the keys: losing it makes
    every credential and PDF signed before a rotation fail to verify."""
    # Beside the signing certificate by default (/etc/pa-lms/retired-keys next to
    # /etc/pa-lms/pdf-signing-cert.pem), never inside the code's folder, which upgrades replace.
    return Path(_value("CREDENTIALS_RETIRED_KEY_DIR") or pdf_cert_path().parent / "retired-keys")
