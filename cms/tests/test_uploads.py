from __future__ import annotations

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from cms.uploads import detect_kind, sanitise_filename, validate_upload


@pytest.fixture(autouse=True)
def _english():
    # The messages are asserted as written in the code; the site's default language is Kazakh.
    with translation.override("en"):
        yield


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"%PDF-1.7\n...", "pdf"),
        (b"\x89PNG\r\n\x1a\n....", "png"),
        (b"\xff\xd8\xff\xe0....", "jpg"),
        (_zip({"word/document.xml": b"<w/>"}), "docx"),
        (_zip({"xl/workbook.xml": b"<x/>"}), "xlsx"),
        (_zip({"mimetype": b"application/vnd.oasis.opendocument.text"}), "odt"),
    ],
)
def test_it_recognises_accepted_types_by_their_content(content, kind):
    assert detect_kind(SimpleUploadedFile("whatever.bin", content)) == kind


def test_it_refuses_a_renamed_executable_with_a_message():
    upload = SimpleUploadedFile("plan.pdf", b"MZ\x90\x00 this is a program")
    with pytest.raises(ValidationError) as excinfo:
        validate_upload(upload)
    assert "“plan.pdf” is not a PDF, DOCX, ODT, XLSX, JPG, PNG file" in excinfo.value.messages[0]


def test_it_refuses_a_zip_that_is_not_an_office_document():
    upload = SimpleUploadedFile("case.docx", _zip({"readme.txt": b"hi"}))
    with pytest.raises(ValidationError):
        validate_upload(upload)


def test_it_refuses_a_file_over_the_limit(settings):
    settings.PRIVATE_UPLOAD_MAX_BYTES = 10
    upload = SimpleUploadedFile("big.pdf", b"%PDF-" + b"x" * 20)
    with pytest.raises(ValidationError) as excinfo:
        validate_upload(upload)
    assert "files may be at most 10" in excinfo.value.messages[0]


def test_it_keeps_kazakh_letters_and_drops_paths_and_odd_characters():
    assert (
        sanitise_filename("../../etc/Қолдау жоспары <1>.DOCX", "docx") == "Қолдау жоспары _1.docx"
    )
    assert sanitise_filename("C:\\Users\\a\\ABC.pdf", "pdf") == "ABC.pdf"


def test_it_corrects_an_extension_that_lies_about_the_content():
    assert sanitise_filename("photo.pdf", "png") == "photo.png"
