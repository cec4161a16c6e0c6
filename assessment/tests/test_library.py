"""The materials library: the programme's templates generated in Kazakh and Russian (PDF and DOCX),
the files editors attach to modules and topics, and who may open them."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import translation

from assessment.materials import material_docx, material_get, material_pdf, materials

from .conftest import url


def _pdf_text(content: bytes) -> str:
    from pypdf import PdfReader

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    return re.sub(r"\s+", "", text)  # table cells wrap words across lines


def _squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _docx(content: bytes):
    from docx import Document

    return Document(io.BytesIO(content))


def _header_cells(document, index: int = 0) -> list[str]:
    return [cell.text for cell in document.tables[index].rows[0].cells]


# --- The documents ----------------------------------------------------------------------------


def test_the_programme_lists_ten_templates_under_modules_two_to_five():
    by_slug = {m.slug: m.module for m in materials()}

    assert by_slug == {
        "observation-card": 2,
        "abc-sheet": 2,
        "dynamics-journal": 2,
        "support-plan": 2,
        "learning-plan": 2,
        "visual-schedule": 3,
        "choice-cards": 3,
        "social-story": 3,
        "checklist": 4,
        "role-cards": 5,
    }


def test_the_kazakh_abc_sheet_pdf_has_the_plans_abc_record_fields_as_columns():
    text = _pdf_text(material_pdf(material_get("abc-sheet"), language="kk"))

    assert _squeeze("ABC-мінез-құлық талдауының шаблоны") in text
    # The ABC record's own field names (assessment.models.ABCRecord), capitalised.
    for column in (
        "Күні мен уақыты",
        "Алдындағы жағдай (алдында не болды)",
        "Мінез-құлық",
        "Салдары (кейін не болды)",
    ):
        assert _squeeze(column) in text
    assert _squeeze("Білім алушының коды (аты-жөні емес)") in text


def test_the_russian_abc_sheet_docx_has_the_same_columns_and_an_empty_row_to_type_into():
    document = _docx(material_docx(material_get("abc-sheet"), language="ru"))

    assert document.paragraphs[0].text == "Шаблон ABC-анализа поведения"
    assert _header_cells(document) == [
        "Дата и время",
        "Антецедент (что произошло до)",
        "Поведение",
        "Последствие (что последовало)",
    ]
    table = document.tables[0]
    assert len(table.rows) == 1 + 8
    assert [cell.text for cell in table.rows[1].cells] == ["", "", "", ""]


def test_the_support_plan_sample_has_the_plans_six_sections_in_russian():
    document = _docx(material_docx(material_get("support-plan"), language="ru"))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 2"]

    assert headings == [
        "1. Обучающийся",
        "2. Анализ потребностей",
        "3. Цели",
        "4. Инструменты сопровождения и обоснование",
        "5. Роли и взаимодействие",
        "6. Мониторинг",
    ]
    assert _header_cells(document, 1) == ["Срок", "Цель", "Как измеряется", "Целевая дата"]


def test_the_support_plan_sample_pdf_in_kazakh_has_the_plans_sections():
    text = _pdf_text(material_pdf(material_get("support-plan"), language="kk"))

    assert _squeeze("Жеке қолдау жоспарының үлгісі") in text
    assert _squeeze("1. Білім алушы") in text
    assert _squeeze("Мақсатты мерзімдері бар мақсаттар") in text


@pytest.mark.parametrize("slug", [m.slug for m in materials()])
def test_every_template_has_its_title_in_kazakh_and_russian_as_an_editable_docx(slug):
    material = material_get(slug)
    titles = {}
    for language in ("kk", "ru"):
        document = _docx(material_docx(material, language=language))
        titles[language] = document.paragraphs[0].text
        with translation.override(language):
            assert titles[language] == str(material.title)
    assert titles["kk"] != titles["ru"]


def test_the_role_cards_pdf_in_russian_has_a_card_for_each_role():
    text = _pdf_text(material_pdf(material_get("role-cards"), language="ru"))

    for role in ("Педагог-ассистент", "Учитель", "Обучающийся", "Родитель", "Наблюдатель"):
        assert _squeeze(role) in text
    assert text.count(_squeeze("Ваша задача:")) == 6


# --- Who may open the library -------------------------------------------------------------------


@pytest.fixture
def attachments(programme):
    """A slide deck on module 2 and a video with a transcript on topic 2.1 (Kazakh pages)."""
    from wagtail.documents.models import Document

    from course.models import ModuleAttachment, ModulePage, TopicAttachment, TopicPage

    module = ModulePage.objects.get(locale__language_code="kk", number=2)
    topic = TopicPage.objects.get(locale__language_code="kk", number="2.1")
    slides = Document.objects.create(title="slides", file=ContentFile(b"%PDF-1.4", "m2.pdf"))
    video = Document.objects.create(title="video", file=ContentFile(b"\x00" * 16, "abc.mp4"))
    ModuleAttachment.objects.create(
        page=module, kind="slides", title="Модуль 2: слайдтар", document=slides
    )
    TopicAttachment.objects.create(
        page=topic,
        kind="video",
        title="ABC талдау бейнесі",
        document=video,
        transcript="Бейнедегі сөздер.",
    )
    return module


def test_an_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(url("library"))

    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_signed_up_person_with_no_enrolment_is_refused_the_library_and_its_documents(client, db):
    from cms.tests.factories import TraineeFactory

    client.force_login(TraineeFactory())

    assert client.get(url("library")).status_code == 403
    assert client.get(url("library_module", 2)).status_code == 403
    assert client.get(url("library_document", "abc-sheet", "kk", "pdf")).status_code == 403


def test_a_trainee_who_withdrew_is_refused(client, enrolment):
    enrolment.status = "withdrawn"
    enrolment.save(update_fields=["status"])
    client.force_login(enrolment.trainee)

    assert client.get(url("library")).status_code == 403


def test_an_enrolled_trainee_sees_the_templates_by_module_and_kind(client, enrolment):
    client.force_login(enrolment.trainee)

    response = client.get(url("library"))

    assert response.status_code == 200
    modules = [m.page.number for m in response.context["modules"]]
    assert modules == [1, 2, 3, 4, 5]
    module_2 = response.context["modules"][1]
    assert [g.label for g in module_2.groups] == ["Observation and records", "Plan samples"]
    assert [m.slug for m in module_2.groups[0].materials] == [
        "observation-card",
        "abc-sheet",
        "dynamics-journal",
    ]
    assert url("library_document", "abc-sheet", "kk", "pdf").encode() in response.content
    assert url("library_document", "abc-sheet", "ru", "docx").encode() in response.content


def test_an_enrolled_trainee_downloads_the_kazakh_pdf_and_the_russian_docx(client, enrolment):
    client.force_login(enrolment.trainee)

    pdf = client.get(url("library_document", "observation-card", "kk", "pdf"))
    docx = client.get(url("library_document", "observation-card", "ru", "docx"))

    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert pdf["Content-Disposition"] == 'attachment; filename="observation-card-kk.pdf"'
    assert _squeeze("Бақылау картасы") in _pdf_text(pdf.content)
    assert docx.status_code == 200
    assert _docx(docx.content).paragraphs[0].text == "Карта наблюдения"


@pytest.mark.parametrize(
    "args",
    [("no-such-sheet", "kk", "pdf"), ("abc-sheet", "en", "pdf"), ("abc-sheet", "kk", "odt")],
)
def test_an_unknown_template_language_or_format_is_not_found(client, enrolment, args):
    client.force_login(enrolment.trainee)

    assert client.get(url("library_document", *args)).status_code == 404


def test_a_trainer_sees_the_files_editors_attached_under_their_module_by_kind(
    client, trainer, attachments
):
    client.force_login(trainer)
    with translation.override("kk"):  # the files are on the Kazakh pages
        address = reverse("assessment:library_module", args=[2])

    response = client.get(address)

    assert response.status_code == 200
    groups = {g.label: [a.title for a in g.attachments] for g in response.context["module"].groups}
    assert groups["Дәріс слайдтары"] == ["Модуль 2: слайдтар"]
    assert groups["Бейне"] == ["ABC талдау бейнесі"]
    assert "Бейнедегі сөздер." in response.content.decode()
    # The topic's number is shown beside its file.
    assert '<span class="topic-number">2.1</span>' in response.content.decode()


def test_a_module_that_does_not_exist_is_not_found(client, trainer):
    client.force_login(trainer)

    assert client.get(url("library_module", 9)).status_code == 404


def test_the_library_is_in_the_menu_of_an_enrolled_trainee_and_not_of_a_stranger(client, enrolment):
    from cms.tests.factories import TraineeFactory

    client.force_login(enrolment.trainee)
    assert url("library").encode() in client.get(reverse("course:dashboard")).content

    client.force_login(TraineeFactory())
    assert url("library").encode() not in client.get(reverse("course:dashboard")).content


def test_the_module_page_links_to_its_library_page(client, programme):
    from course.models import ModulePage

    module = ModulePage.objects.get(locale__language_code="kk", number=3)

    response = client.get(module.url)

    with translation.override("kk"):
        link = reverse("assessment:library_module", args=[3])
    assert link.encode() in response.content


def test_the_russian_library_lists_russian_files_and_files_for_all_languages_not_kazakh_ones(
    client, trainer, attachments
):
    from wagtail.documents.models import Document

    from course.models import ModuleAttachment

    for language, title in (("ru", "Слайды модуля 2"), ("all", "Бланк kk/ru")):
        ModuleAttachment.objects.create(
            page=attachments,  # the Kazakh module page: the language is the file's, not the page's
            kind="slides",
            title=title,
            language=language,
            document=Document.objects.create(title=title, file=ContentFile(b"%PDF", "f.pdf")),
        )
    client.force_login(trainer)
    with translation.override("ru"):
        address = reverse("assessment:library_module", args=[2])

    response = client.get(address)

    titles = [a.title for g in response.context["module"].groups for a in g.attachments]
    assert sorted(titles) == ["Бланк kk/ru", "Слайды модуля 2"]
    assert "Модуль 2: слайдтар" not in response.content.decode()


def test_the_kazakh_library_leaves_out_the_russian_file_and_keeps_the_one_for_all(
    client, trainer, attachments
):
    from wagtail.documents.models import Document

    from course.models import ModuleAttachment

    for language, title in (("ru", "Слайды модуля 2"), ("all", "Бланк kk/ru")):
        ModuleAttachment.objects.create(
            page=attachments,
            kind="slides",
            title=title,
            language=language,
            document=Document.objects.create(title=title, file=ContentFile(b"%PDF", "f.pdf")),
        )
    client.force_login(trainer)
    with translation.override("kk"):
        address = reverse("assessment:library_module", args=[2])

    response = client.get(address)

    titles = [a.title for g in response.context["module"].groups for a in g.attachments]
    assert sorted(titles) == ["ABC талдау бейнесі", "Бланк kk/ru", "Модуль 2: слайдтар"]


def test_a_file_left_without_a_language_takes_its_page_s_language(attachments):
    from course.models import ModuleAttachment

    assert list(ModuleAttachment.objects.values_list("language", flat=True)) == ["kk"]
