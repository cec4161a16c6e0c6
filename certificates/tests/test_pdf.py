from __future__ import annotations

import io

import pypdfium2
import zxingcpp
from pypdf import PdfReader

from certificates.pdf import document_html, html_to_pdf

KAZAKH_LETTERS = "Ә Ғ Қ Ң Ө Ұ Ү Һ І ә ғ қ ң ө ұ ү һ і"


def _text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def test_every_kazakh_letter_is_embedded_and_selectable(enrolment, issue):
    enrolment.trainee.first_name = KAZAKH_LETTERS
    enrolment.trainee.save()
    certificate = issue(enrolment)

    with certificate.pdf.open("rb") as handle:
        data = handle.read()
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)

    for letter in KAZAKH_LETTERS.split():
        assert letter in text, letter
    fonts = [
        font.get_object() for page in reader.pages for font in page["/Resources"]["/Font"].values()
    ]
    # Only the shipped family (declared by @font-face as "PA Sans"), embedded as a subset.
    assert fonts and all(str(f["/BaseFont"]).split("+")[-1].startswith("PA-Sans") for f in fonts)
    descriptors = [f["/DescendantFonts"][0].get_object()["/FontDescriptor"] for f in fonts]
    assert all("/FontFile2" in d or "/FontFile3" in d for d in descriptors)


def test_page_one_is_the_bilingual_certificate_and_page_two_the_annex(enrolment, issue):
    certificate = issue(enrolment)
    with certificate.pdf.open("rb") as handle:
        pages = _text(handle.read())

    assert len(pages) == 2
    first, annex = pages
    assert "СЕРТИФИКАТ" in first and certificate.serial in first
    assert certificate.holder_name_kk in first
    assert "академиялық сағат" in first and "академических часов" in first
    assert certificate.issued_on.strftime("%d.%m.%Y") in first
    for module in certificate.modules:
        assert module["title_kk"].split()[0] in annex
    assert "80" in annex and certificate.code in annex
    assert "өте жақсы" in annex and "отлично" in annex


def test_the_annex_qr_code_decodes_to_the_verification_url(enrolment, issue):
    certificate = issue(enrolment)
    with certificate.pdf.open("rb") as handle:
        document = pypdfium2.PdfDocument(handle.read())
    image = document[1].render(scale=200 / 72).to_pil()

    decoded = [result.text for result in zxingcpp.read_barcodes(image)]

    assert decoded == [f"https://127.0.0.1:8000/verify/{certificate.code}/"]
    assert decoded[0] == certificate.verification_url


def test_a_bare_render_of_the_same_html_gives_the_same_text(enrolment, issue):
    certificate = issue(enrolment)
    with certificate.pdf.open("rb") as handle:
        stored = _text(handle.read())

    assert _text(html_to_pdf(document_html(certificate))) == stored
