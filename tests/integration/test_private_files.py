"""serve_private_file: the three ways a private file reaches the browser."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.http import Http404
from django.test import RequestFactory

from cms.private_files import serve_private_file


@pytest.fixture
def stored_pdf():
    storage = storages["private"]
    name = storage.save("certificates/2026/Сертификат 1.pdf", ContentFile(b"%PDF-1.7 test"))
    yield name
    storage.delete(name)


def test_it_streams_the_file_when_nginx_is_not_in_front(settings, stored_pdf):
    settings.PRIVATE_FILES_X_ACCEL = False
    response = serve_private_file(RequestFactory().get("/"), "private", stored_pdf, "cert.pdf")

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.7 test"
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="cert.pdf"'
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    assert "X-Accel-Redirect" not in response


def test_it_hands_the_file_to_nginx_with_x_accel_redirect(settings, stored_pdf):
    settings.PRIVATE_FILES_X_ACCEL = True
    settings.PRIVATE_FILES_X_ACCEL_PREFIX = "/_protected/"
    response = serve_private_file(RequestFactory().get("/"), "private", stored_pdf, "cert.pdf")

    assert response.status_code == 200
    assert response.content == b""  # nginx sends the bytes, not Python
    assert response["X-Accel-Redirect"] == (
        "/_protected/private/certificates/2026/"
        "%D0%A1%D0%B5%D1%80%D1%82%D0%B8%D1%84%D0%B8%D0%BA%D0%B0%D1%82%201.pdf"
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="cert.pdf"'
    assert "no-store" in response["Cache-Control"]


def test_it_names_a_non_ascii_download_per_rfc_6266(settings, stored_pdf):
    settings.PRIVATE_FILES_X_ACCEL = True
    response = serve_private_file(RequestFactory().get("/"), "private", stored_pdf)

    assert response["Content-Disposition"].startswith("attachment; filename*=utf-8''")


@pytest.mark.parametrize("x_accel", [True, False])
@pytest.mark.parametrize("name", ["missing.pdf", "../../etc/passwd", "/etc/passwd", ""])
def test_it_answers_404_for_missing_files_and_paths_outside_the_storage(settings, x_accel, name):
    settings.PRIVATE_FILES_X_ACCEL = x_accel
    with pytest.raises(Http404):
        serve_private_file(RequestFactory().get("/"), "private", name)
