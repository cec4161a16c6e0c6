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


# --- Zip bombs: bounded reads of office documents -----------------------------------------


def _deflated(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_an_odt_whose_mimetype_inflates_past_the_bound_is_refused_unread(monkeypatch):
    """The 1 GiB `mimetype` of the probe, scaled down: 4 MB of zeros deflate to a few KB. The
    declared total is within bounds, so only the bounded read stops it."""
    bomb = _deflated({"mimetype": b"\0" * (4 * 1024 * 1024)})
    assert len(bomb) < 10_000
    reads = []
    original_open = zipfile.ZipFile.open

    def recording_open(self, name, *args, **kwargs):
        member = original_open(self, name, *args, **kwargs)
        original_read = member.read

        def read(n=-1):
            data = original_read(n)
            reads.append((n, len(data)))
            return data

        member.read = read
        return member

    monkeypatch.setattr(zipfile.ZipFile, "open", recording_open)

    with pytest.raises(ValidationError) as excinfo:
        validate_upload(SimpleUploadedFile("case.odt", bomb))

    assert excinfo.value.code == "unsafe"
    assert excinfo.value.messages == [
        "“case.odt” unpacks to far more data than any document we accept: it may be damaged. "
        "Save it again as a normal document and try again."
    ]
    assert reads == [(101, 101)]  # one bounded read, never the whole member


def test_an_archive_declaring_more_than_the_bound_is_refused_before_any_read(settings):
    settings.UPLOAD_ARCHIVE_MAX_UNPACKED_BYTES = 1024 * 1024
    upload = SimpleUploadedFile(
        "plan.docx", _deflated({"word/document.xml": b"<w/>", "word/media/a.bin": b"\0" * 2**21})
    )

    with pytest.raises(ValidationError) as excinfo:
        validate_upload(upload)

    assert excinfo.value.messages == [
        "“plan.docx” unpacks to far more data than any document we accept: it may be damaged. "
        "Save it again as a normal document and try again."
    ]


def test_an_archive_with_too_many_members_is_refused(settings):
    settings.UPLOAD_ARCHIVE_MAX_MEMBERS = 50
    members = {"word/document.xml": b"<w/>"} | {f"word/part{n}.xml": b"<p/>" for n in range(50)}
    upload = SimpleUploadedFile("plan.docx", _zip(members))

    with pytest.raises(ValidationError) as excinfo:
        validate_upload(upload)

    assert excinfo.value.messages == [
        "“plan.docx” holds more than 50 parts, more than any document we accept. "
        "Save it again as a normal document and try again."
    ]


def test_too_many_members_are_refused_before_zipfile_lists_them(settings, monkeypatch):
    settings.UPLOAD_ARCHIVE_MAX_MEMBERS = 5
    upload = SimpleUploadedFile("plan.docx", _zip({f"p{n}.xml": b"" for n in range(6)}))

    def listing_forbidden(*args, **kwargs):
        raise AssertionError("zipfile read the whole central directory")

    monkeypatch.setattr(zipfile.ZipFile, "_RealGetContents", listing_forbidden)

    with pytest.raises(ValidationError) as excinfo:
        validate_upload(upload)
    assert excinfo.value.code == "unsafe"


def test_a_document_within_the_bounds_is_still_accepted(settings):
    settings.UPLOAD_ARCHIVE_MAX_MEMBERS = 2
    odt = _deflated(
        {"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<o/>"}
    )

    assert validate_upload(SimpleUploadedFile("Жоспар.odt", odt)) == "Жоспар.odt"
