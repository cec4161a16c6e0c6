"""Where the signing keys live. Every name is a setting declared in cms/settings/base.py (read from
the environment there); an empty path falls back to a file under CREDENTIALS_KEY_DIR, else under
DATA_DIR/credentials/ (git-ignored)."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings


def key_dir() -> Path:
    if settings.CREDENTIALS_KEY_DIR:
        return Path(settings.CREDENTIALS_KEY_DIR)
    return Path(settings.DATA_DIR) / "credentials"


def pdf_key_path() -> Path:
    return Path(settings.CREDENTIALS_SIGNING_KEY or key_dir() / "pdf-signing-key.pem")


def pdf_cert_path() -> Path:
    return Path(settings.CREDENTIALS_SIGNING_CERT or key_dir() / "pdf-signing-cert.pem")


def pdf_key_password() -> bytes | None:
    password = settings.CREDENTIALS_SIGNING_KEY_PASSWORD
    return password.encode() if password else None


def vc_key_path() -> Path:
    return Path(settings.CREDENTIALS_VC_KEY or key_dir() / "vc-ed25519-key.pem")


def dev_keys_allowed() -> bool:
    """Generate a self-signed pair when none is configured: only for development and tests.
    In production a missing key is an error, never silently replaced by a new one (every issued
    credential would stop verifying)."""
    if settings.CREDENTIALS_DEV_KEYS is None:
        return bool(settings.DEBUG)
    return bool(settings.CREDENTIALS_DEV_KEYS)


def upload_limit() -> int:
    return int(settings.CREDENTIALS_UPLOAD_LIMIT)


def retired_dir() -> Path:
    """Public parts of retired keys: Open Badges keys still published in did.json, signing
    certificates still accepted by the PDF check. Back it up with the keys: losing it makes
    every credential and PDF signed before a rotation fail to verify."""
    # Beside the signing certificate by default (/etc/pa-lms/retired-keys next to
    # /etc/pa-lms/pdf-signing-cert.pem), never inside the code's folder, which upgrades replace.
    return Path(settings.CREDENTIALS_RETIRED_KEY_DIR or pdf_cert_path().parent / "retired-keys")
