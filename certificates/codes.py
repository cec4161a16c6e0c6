"""Verification codes, serial numbers and validity dates: pure functions, no database."""

from __future__ import annotations

import datetime
import re
import secrets

from django.conf import settings

from cms.dates import add_years

# Crockford's base32: no I, L, O or U, so a code read aloud or typed from paper is unambiguous.
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
GROUPS = 4
GROUP_LENGTH = 4  # 16 characters x 5 bits = 80 random bits
CODE_RE = re.compile(rf"^[{ALPHABET}]{{4}}(-[{ALPHABET}]{{4}}){{3}}$")
SERIAL_PREFIX = "PA"
# Statements of attendance (анықтама) are numbered in their own series: "AN-2026-00001".
STATEMENT_PREFIX = "AN"
SERIAL_RE = re.compile(r"^PA-(\d{4})-(\d{5,})$")

# What people mistype: lower case, O for 0, I and L for 1, spaces and dashes anywhere.
_CONFUSABLES = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def generate_code() -> str:
    chars = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LENGTH))
    return "-".join(chars[i : i + GROUP_LENGTH] for i in range(0, len(chars), GROUP_LENGTH))


def normalise_code(raw: str) -> str | None:
    """The canonical `XXXX-XXXX-XXXX-XXXX` form of what someone typed, or None if it cannot be a
    code."""
    compact = re.sub(r"[\s\-]", "", raw or "").upper().translate(_CONFUSABLES)
    if len(compact) != GROUPS * GROUP_LENGTH or any(c not in ALPHABET for c in compact):
        return None
    return "-".join(compact[i : i + GROUP_LENGTH] for i in range(0, len(compact), GROUP_LENGTH))


def format_serial(year: int, number: int, *, kind: str = "certificate") -> str:
    prefix = STATEMENT_PREFIX if kind == "statement" else SERIAL_PREFIX
    return f"{prefix}-{year:04d}-{number:05d}"


def normalise_serial(raw: str) -> str:
    return re.sub(r"\s", "", raw or "").upper()


def valid_until_for(issued_on: datetime.date) -> datetime.date:
    """The anniversary CERTIFICATE_VALID_YEARS (3) after the issue date; 29 February falls back
    to 28 February."""
    return add_years(issued_on, settings.CERTIFICATE_VALID_YEARS)
