from __future__ import annotations

import datetime
import io

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from certificates.pdf import document_html, html_to_pdf
from certificates.services import certificate_issue

from .factories import EnrolmentFactory

KAZAKH_LETTERS = "Ә Ғ Қ Ң Ө Ұ Ү Һ І ә ғ қ ң ө ұ ү һ і"


def _text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def _flat(text: str) -> str:
    """The text with its line breaks undone: a long phrase wraps inside a table cell."""
    return " ".join(text.split())


@pytest.fixture
def dated_enrolment(enrolment):
    cohort = enrolment.cohort
    cohort.starts_on, cohort.ends_on = datetime.date(2026, 9, 1), datetime.date(2026, 10, 16)
    cohort.save(update_fields=["starts_on", "ends_on"])
    return enrolment


def _pages(certificate) -> list[str]:
    with certificate.pdf.open("rb") as handle:
        return _text(handle.read())


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
    assert "Аттестация сәтті өтті (өте жақсы)" in _flat(annex)
    assert "Аттестация успешно пройдена (отлично)" in _flat(annex)


def test_the_annex_qr_code_decodes_to_site_url_and_the_verification_path(
    enrolment, issue, settings
):
    settings.SITE_URL = "https://sertifikat.example.kz"
    certificate = issue(enrolment)
    with certificate.pdf.open("rb") as handle:
        document = pypdfium2.PdfDocument(handle.read())
    image = document[1].render(scale=200 / 72).to_pil()

    decoded = [result.text for result in zxingcpp.read_barcodes(image)]

    assert decoded == [f"https://sertifikat.example.kz/verify/{certificate.code}/"]
    assert decoded[0] == certificate.verification_url


def test_a_bare_render_of_the_same_html_gives_the_same_text(enrolment, issue):
    certificate = issue(enrolment)
    with certificate.pdf.open("rb") as handle:
        stored = _text(handle.read())

    assert _text(html_to_pdf(document_html(certificate))) == stored


def test_the_annex_prints_the_approved_band_phrase_and_the_five_criteria_verbatim(
    dated_enrolment, issue
):
    from assessment.tests.factories import finalised_result

    # 18 + 24 + 24 + 8 + 7 = 81: the approved programme's "good" band (70-84).
    finalised_result(
        enrolment=dated_enrolment,
        scores={"theory": 18, "practice": 24, "plan": 24, "defence": 8, "participation": 7},
    )
    certificate = certificate_issue(enrolment=dated_enrolment)

    annex = _flat(_pages(certificate)[1])

    assert "Аттестация сәтті өтті (жақсы)" in annex
    assert "Аттестация успешно пройдена (хорошо)" in annex
    for title in (
        "Теориялық материалды меңгеру (қазіргі заманғы тәсілдер, нормативтік талаптар, қолдау "
        "әдістері)",
        "Тәжірибелік жағдайларда білімді қолдану (кейстерді талдау, қолдау құралдарын таңдау)",
        "Қорытынды тапсырманың сапасы: жеке қолдау жоспары (құрылымы, логикасы, "
        "қажеттіліктерді талдаудың дұрыстығы, құралдардың негіздемесі)",
        "Қорытынды жұмысты ұсыну және қорғау (дәлелдеу, кәсіби терминология, сұрақтарға жауап "
        "беру қабілеті)",
        "Талқылауға, топтық жұмысқа, практикалық сабақтарға қатысу",
    ):
        assert title in annex, title
    assert [c["score"] for c in certificate.criteria] == [18, 24, 24, 8, 7]
    assert "81 / 100" in annex
    # The Russian beside the approved Kazakh is marked as a translation.
    assert "текст на русском языке – перевод" in annex


def test_page_one_names_the_signatory_city_course_dates_form_and_hours(dated_enrolment, issue):
    certificate = issue(dated_enrolment, issued_on=datetime.date(2026, 10, 20))

    first = _flat(_pages(certificate)[0])

    assert "А. Б. Сапарова" in first
    assert "Директор ____" not in first
    assert "Астана қ." in first and "г. Астана" in first
    assert "01.09.2026 – 16.10.2026" in first
    assert "с 01.09.2026 по 16.10.2026" in first
    assert "Оқыту нысаны / Форма обучения: онлайн / онлайн" in first
    assert "80 академиялық сағат" in first and "80 академических часов" in first
    assert (certificate.course_from, certificate.course_to) == (
        datetime.date(2026, 9, 1),
        datetime.date(2026, 10, 16),
    )
    assert (certificate.study_form_kk, certificate.study_form_ru) == ("онлайн", "онлайн")


def test_the_annex_prints_module_hours_and_no_split_unless_the_registrar_chooses_one(
    enrolment, issue
):
    from cms.models import OrganisationSettings

    annex = _flat(_pages(issue(enrolment))[1])

    for number, hours in ((1, 16), (2, 16), (3, 20), (4, 20), (5, 8)):
        assert f"{number} " in annex and str(hours) in annex
    assert "Барлығы / Итого 80" in annex
    # 32 lecture hours would be a word of its own; the holder's numbered name from the factory
    # ("…ева1325") or the random code may contain the digits.
    assert "Дәріс / Лекции" not in annex and "32" not in annex.split()

    organisation = OrganisationSettings.objects.get()
    organisation.annex_hours_split = "declared"
    organisation.save()
    other = issue(EnrolmentFactory(cohort=enrolment.cohort))
    declared = _flat(_pages(other)[1])
    assert "Дәрістік сабақтар – 32 сағат" in declared
    assert "Қортынды жұмыс және оны қорғау – 8 сағат" in declared

    organisation.annex_hours_split = "topics"
    organisation.save()
    third = issue(EnrolmentFactory(cohort=enrolment.cohort))
    topics = _flat(_pages(third)[1])
    assert "Дәріс / Лекции" in topics and "Барлығы / Итого 28 52 80" in topics
