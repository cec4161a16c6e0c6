"""Helpers that make and damage PDFs for the tests."""

from __future__ import annotations

import re


def minimal_pdf(text: str = "Сертификат") -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<p>{text}</p>").write_pdf()


def signed_range_start(data: bytes) -> int:
    """Offset of the byte just before the signature's /Contents hole (inside the signed range)."""
    match = re.search(rb"/ByteRange\s*\[\s*(\d+)\s+(\d+)", data)
    return int(match.group(2)) - 1


def flip_byte_in_signed_content(data: bytes) -> bytes:
    """Change one byte of the original document's content stream: still a parseable PDF, but no
    longer the bytes that were signed."""
    position = data.index(b"stream") + len(b"stream\n") + 5
    tampered = bytearray(data)
    tampered[position] ^= 0x01
    return bytes(tampered)


def corrupt_signature_value(data: bytes) -> bytes:
    """Change one hex digit of the CMS signature itself (the hole the signature lives in)."""
    match = re.search(rb"/Contents\s*<([0-9a-fA-F]{200})", data)
    position = match.start(1) + 150
    tampered = bytearray(data)
    tampered[position] = ord("0") if tampered[position] != ord("0") else ord("1")
    return bytes(tampered)
