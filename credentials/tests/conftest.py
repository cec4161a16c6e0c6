from __future__ import annotations

import pytest

from certificates.tests.factories import EnrolmentFactory


@pytest.fixture(scope="session")
def credential_keys_dir(tmp_path_factory):
    """Development keys generated once per test session (RSA generation is slow)."""
    from django.test import override_settings

    from credentials.keys import dev_keys_ensure

    directory = tmp_path_factory.mktemp("credential-keys")
    with override_settings(CREDENTIALS_KEY_DIR=str(directory), CREDENTIALS_DEV_KEYS=True):
        dev_keys_ensure()
    return directory


@pytest.fixture(autouse=True)
def _fresh_lookup_limit():
    """The credential URLs count against the verification limit (kept in the cache): every test
    starts with no look-ups counted."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def credential_keys(settings, credential_keys_dir):
    settings.CREDENTIALS_KEY_DIR = str(credential_keys_dir)
    # Off, so a test can never make the code generate keys behind its back.
    settings.CREDENTIALS_DEV_KEYS = False
    return credential_keys_dir


@pytest.fixture
def enrolment(programme):
    return EnrolmentFactory()


@pytest.fixture
def issue(db):
    """Issue a certificate with an explicit passing score (no assessment needed)."""
    from certificates.services import certificate_issue

    def _issue(enrolment, **kwargs):
        kwargs.setdefault("score", 88)
        kwargs.setdefault("band", "excellent")
        return certificate_issue(enrolment=enrolment, **kwargs)

    return _issue


def stored_pdf(certificate) -> bytes:
    """The PDF issuing stored: signed by CERTIFICATES_PDF_POSTPROCESSORS before it was hashed."""
    with certificate.pdf.open("rb") as handle:
        data = handle.read()
    # Fails loudly if issuing ever stops signing, instead of a fixture quietly signing for it.
    assert b"/ByteRange" in data, "issuing stored an unsigned PDF"
    return data


@pytest.fixture
def signed_certificate(enrolment, issue):
    certificate = issue(enrolment)
    stored_pdf(certificate)
    return certificate


@pytest.fixture
def signed_pdf(signed_certificate) -> bytes:
    with signed_certificate.pdf.open("rb") as handle:
        return handle.read()
