from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from certificates.models import Certificate
from certificates.services import certificate_revoke
from credentials.keys import dev_keys_ensure
from credentials.signing import pdf_sign

from .pdfs import corrupt_signature_value, flip_byte_in_signed_content, minimal_pdf

URL = "/kk/credentials/check-pdf/"


def _post(client, data: bytes, name: str = "certificate.pdf"):
    upload = SimpleUploadedFile(name, data, content_type="application/pdf")
    return client.post(URL, {"document": upload})


def _snapshot():
    return list(Certificate.objects.order_by("pk").values_list("pk", "status", "pdf", "pdf_sha256"))


def _files(root) -> list[Path]:
    return sorted(Path(root).rglob("*")) if Path(root).exists() else []


def test_the_form_is_reachable_in_each_language(client, db):
    for language in ("kk", "ru", "en"):
        response = client.get(f"/{language}/credentials/check-pdf/")
        assert response.status_code == 200
        assert b'type="file"' in response.content
    assert reverse("credentials:check_pdf").endswith("/credentials/check-pdf/")


def test_it_names_the_certificate_of_an_unaltered_signed_pdf(
    client, signed_certificate, signed_pdf
):
    response = _post(client, signed_pdf)

    assert response.status_code == 200
    body = response.content.decode()
    assert signed_certificate.serial in body
    assert f"/verify/{signed_certificate.code}/" in body
    assert response.context["status"] == "valid"


def test_it_says_when_the_certificate_of_a_genuine_pdf_is_revoked(
    client, signed_certificate, signed_pdf
):
    certificate_revoke(certificate=signed_certificate, revoked_by=None, reason="issued_in_error")

    response = client.post(
        "/en/credentials/check-pdf/",
        {"document": SimpleUploadedFile("c.pdf", signed_pdf, content_type="application/pdf")},
    )

    assert response.status_code == 200
    assert response.context["status"] == "revoked"
    assert "revoked" in response.content.decode()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda pdf: b"GIF89a not a pdf at all", "not a PDF document"),
        (lambda pdf: b"%PDF-1.7\n this is broken", "not a PDF document"),
        (lambda pdf: flip_byte_in_signed_content(pdf), "changed after it was signed"),
        (lambda pdf: corrupt_signature_value(pdf), "signature of this PDF is not valid"),
        (lambda pdf: pdf + b"\n% appended after signing\n", "changed after it was signed"),
    ],
    ids=["not-a-pdf", "broken-pdf", "altered-byte", "bad-signature", "appended"],
)
def test_it_refuses_a_damaged_or_altered_pdf_with_a_clear_message(
    client, signed_pdf, make, message
):
    before = _snapshot()

    response = client.post(
        "/en/credentials/check-pdf/",
        {"document": SimpleUploadedFile("c.pdf", make(signed_pdf), content_type="application/pdf")},
    )

    assert response.status_code == 422
    assert message in response.content.decode()
    assert "certificate" not in response.context or response.context["certificate"] is None
    assert _snapshot() == before


def test_it_refuses_an_unsigned_pdf(client, signed_certificate):
    before = _snapshot()

    response = client.post(
        "/en/credentials/check-pdf/",
        {"document": SimpleUploadedFile("c.pdf", minimal_pdf(), content_type="application/pdf")},
    )

    assert response.status_code == 422
    assert "carries no digital signature" in response.content.decode()
    assert _snapshot() == before


def test_it_refuses_a_pdf_signed_with_another_key(client, signed_certificate, tmp_path):
    with override_settings(CREDENTIALS_KEY_DIR=str(tmp_path), CREDENTIALS_DEV_KEYS=True):
        dev_keys_ensure()
        forged = pdf_sign(minimal_pdf())
    before = _snapshot()

    response = client.post(
        "/en/credentials/check-pdf/",
        {"document": SimpleUploadedFile("c.pdf", forged, content_type="application/pdf")},
    )

    assert response.status_code == 422
    assert "signed by someone else" in response.content.decode()
    assert _snapshot() == before


def test_it_refuses_our_signature_on_a_file_we_never_issued(client, signed_certificate):
    before = _snapshot()

    response = client.post(
        "/en/credentials/check-pdf/",
        {
            "document": SimpleUploadedFile(
                "c.pdf", pdf_sign(minimal_pdf("forged")), content_type="application/pdf"
            )
        },
    )

    assert response.status_code == 422
    assert "not among the certificates we issued" in response.content.decode()
    assert _snapshot() == before


def test_it_refuses_a_file_over_the_limit_without_reading_it_all(client, signed_pdf, settings):
    settings.CREDENTIALS_UPLOAD_LIMIT = 1024 * 1024
    before = _snapshot()

    response = client.post(
        "/en/credentials/check-pdf/",
        {
            "document": SimpleUploadedFile(
                "big.pdf", signed_pdf + b"0" * (1024 * 1024), content_type="application/pdf"
            )
        },
    )

    assert response.status_code == 413
    assert "too big" in response.content.decode()
    assert _snapshot() == before


def test_it_asks_for_a_file_when_none_is_sent(client, db):
    response = client.post("/en/credentials/check-pdf/", {})

    assert response.status_code == 400
    assert "Choose the PDF file to check." in response.content.decode()


def test_the_upload_is_never_written_to_disk(client, signed_pdf, settings):
    # Even past the size at which Django would spool an upload to a temporary file.
    spool = Path(tempfile.mkdtemp())
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    settings.FILE_UPLOAD_TEMP_DIR = str(spool)
    private_before = _files(settings.PRIVATE_MEDIA_ROOT)
    media_before = _files(settings.MEDIA_ROOT)

    response = _post(client, signed_pdf)

    assert response.status_code == 200
    assert _files(spool) == []
    assert _files(settings.PRIVATE_MEDIA_ROOT) == private_before
    assert _files(settings.MEDIA_ROOT) == media_before


def test_it_refuses_checks_past_the_hourly_limit(client, signed_pdf, settings):
    settings.VERIFY_RATE_LIMIT_PER_HOUR = 0
    before = _snapshot()

    response = client.post(
        "/en/credentials/check-pdf/",
        {"document": SimpleUploadedFile("c.pdf", signed_pdf, content_type="application/pdf")},
    )

    assert response.status_code == 429
    assert "Too many checks from your address" in response.content.decode()
    assert "certificate" not in response.context or response.context["certificate"] is None
    assert _snapshot() == before
