from __future__ import annotations

import hashlib
from io import BytesIO

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import CommandError, call_command
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from credentials import keys, signing
from credentials.keys import DEV_ORGANISATION
from credentials.signing import pdf_sign

from .pdfs import flip_byte_in_signed_content, minimal_pdf


def _validate(data: bytes):
    reader = PdfFileReader(BytesIO(data), strict=False)
    (signature,) = reader.embedded_signatures
    context = ValidationContext(trust_roots=[keys.pdf_certificate()], allow_fetching=False)
    return validate_pdf_signature(signature, context)


def test_a_signed_pdf_validates_as_intact_and_signed_by_the_organisation():
    status = _validate(pdf_sign(minimal_pdf()))

    assert status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE
    assert status.signing_cert.subject.native["common_name"] == DEV_ORGANISATION


def test_a_signature_larger_than_the_reserved_room_is_made_again_with_room_enough(monkeypatch):
    monkeypatch.setattr(signing, "SIGNATURE_BYTES_RESERVED", 512)

    status = _validate(pdf_sign(minimal_pdf()))

    assert status.intact and status.valid and status.trusted


def test_the_signer_parses_its_key_once_and_still_signs_with_it(monkeypatch):
    from cryptography.hazmat.primitives import serialization

    keys.pdf_signer()  # loaded (and its key parsed) before we start counting
    parsed = []
    original = serialization.load_der_private_key
    monkeypatch.setattr(
        serialization,
        "load_der_private_key",
        lambda *args, **kwargs: parsed.append(1) or original(*args, **kwargs),
    )

    statuses = [_validate(pdf_sign(minimal_pdf(f"{n}"))) for n in range(3)]

    assert parsed == []  # the signer kept the key it parsed when it was loaded
    assert all(status.intact and status.valid for status in statuses)


def test_the_signature_is_pades():
    signed = pdf_sign(minimal_pdf())

    assert b"/ETSI.CAdES.detached" in signed


def test_changing_one_byte_of_a_signed_pdf_breaks_the_signature():
    tampered = flip_byte_in_signed_content(pdf_sign(minimal_pdf()))

    status = _validate(tampered)

    assert not status.intact


def test_a_stored_certificate_pdf_can_be_signed_and_keeps_its_content(signed_certificate):
    with signed_certificate.pdf.open("rb") as handle:
        data = handle.read()

    status = _validate(data)

    assert status.intact and status.valid
    assert signed_certificate.pdf_sha256 == hashlib.sha256(data).hexdigest()


def test_it_refuses_to_invent_keys_when_development_keys_are_off(settings, tmp_path):
    settings.CREDENTIALS_KEY_DIR = str(tmp_path / "nothing-here")
    settings.CREDENTIALS_DEV_KEYS = False

    with pytest.raises(ImproperlyConfigured, match="Credential signing key missing"):
        pdf_sign(minimal_pdf())

    assert not (tmp_path / "nothing-here").exists()


def test_keys_are_generated_on_demand_in_development(settings, tmp_path):
    settings.CREDENTIALS_KEY_DIR = str(tmp_path / "dev")
    settings.CREDENTIALS_DEV_KEYS = True

    status = _validate(pdf_sign(minimal_pdf()))

    assert status.intact
    key = tmp_path / "dev" / "pdf-signing-key.pem"
    assert key.exists() and (key.stat().st_mode & 0o077) == 0


def test_the_dev_keys_command_creates_missing_keys_and_keeps_existing_ones(settings, tmp_path):
    settings.CREDENTIALS_KEY_DIR = str(tmp_path)
    settings.DEBUG = True
    settings.CREDENTIALS_DEV_KEYS = None

    call_command("credentials_dev_keys")
    first = (tmp_path / "vc-ed25519-key.pem").read_bytes()
    call_command("credentials_dev_keys")

    assert (tmp_path / "pdf-signing-cert.pem").exists()
    assert (tmp_path / "vc-ed25519-key.pem").read_bytes() == first


def test_the_dev_keys_command_refuses_when_debug_is_off(settings, tmp_path):
    settings.CREDENTIALS_KEY_DIR = str(tmp_path / "prod")
    settings.DEBUG = False
    settings.CREDENTIALS_DEV_KEYS = None

    with pytest.raises(CommandError, match="Refusing"):
        call_command("credentials_dev_keys")

    assert not (tmp_path / "prod").exists()


def test_issuing_stores_the_signed_pdf_and_its_hash(enrolment, issue):
    # The settings as configured (no override): issuing itself must sign before hashing.
    certificate = issue(enrolment)

    with certificate.pdf.open("rb") as handle:
        data = handle.read()
    status = _validate(data)
    assert status.intact and status.trusted
    assert status.signing_cert.subject.native["common_name"] == DEV_ORGANISATION
    assert certificate.pdf_sha256 == hashlib.sha256(data).hexdigest()
