"""Second-factor secrets (TOTP keys, recovery-code seeds) encrypted at rest with Fernet.

allauth stores them in the database, so a dump or a backup would otherwise carry every staff
member's TOTP key in clear. The key comes from settings.MFA_ENCRYPTION_KEYS (environment, never the
database): the first key encrypts, every key decrypts, so a new key can be put first while values
written under the earlier one still open (rotation). Values carry a prefix, so the rare secret
written before encryption was switched on is still read (and the data migration encrypts those).
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings

PREFIX = "fernet:"


def _fernet() -> MultiFernet:
    keys = [key.strip() for key in settings.MFA_ENCRYPTION_KEYS if key.strip()]
    if not keys:
        # The working default: a key derived from SECRET_KEY (also never in the database). Set
        # MFA_ENCRYPTION_KEYS so that changing SECRET_KEY does not lock staff out of TOTP.
        digest = hashlib.sha256(f"pa-lms mfa secrets|{settings.SECRET_KEY}".encode()).digest()
        keys = [base64.urlsafe_b64encode(digest).decode()]
    return MultiFernet([Fernet(key.encode()) for key in keys])


def encrypt(text: str) -> str:
    return PREFIX + _fernet().encrypt(text.encode()).decode()


def decrypt(stored: str) -> str:
    if not stored.startswith(PREFIX):
        return stored  # written before encryption: read as it is
    return _fernet().decrypt(stored.removeprefix(PREFIX).encode()).decode()


def encrypt_authenticator_data(kind: str, data: dict) -> dict:
    """The data of an allauth Authenticator with its secrets encrypted (already encrypted ones
    are left as they are)."""
    data = dict(data)

    def sealed(value: str) -> str:
        return value if value.startswith(PREFIX) else encrypt(value)

    if kind == "totp" and "secret" in data:
        data["secret"] = sealed(data["secret"])
    if kind == "recovery_codes":
        if "seed" in data:
            data["seed"] = sealed(data["seed"])
        if data.get("migrated_codes") is not None:
            data["migrated_codes"] = [sealed(code) for code in data["migrated_codes"]]
    return data


def decrypt_authenticator_data(kind: str, data: dict) -> dict:
    data = dict(data)
    if kind == "totp" and "secret" in data:
        data["secret"] = decrypt(data["secret"])
    if kind == "recovery_codes":
        if "seed" in data:
            data["seed"] = decrypt(data["seed"])
        if data.get("migrated_codes") is not None:
            data["migrated_codes"] = [decrypt(code) for code in data["migrated_codes"]]
    return data
