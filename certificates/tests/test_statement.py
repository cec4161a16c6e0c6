from __future__ import annotations

import datetime
import io

import pytest
from django.core.cache import cache
from django.utils import timezone
from pypdf import PdfReader

from certificates.models import Certificate
from certificates.services import CertificateError, statement_issue
from course.models import Enrolment, TopicCompletion, TopicPage

from .factories import CohortFactory, EnrolmentFactory


@pytest.fixture
def left_enrolment(programme):
    cohort = CohortFactory(
        starts_on=datetime.date(2026, 8, 20), ends_on=datetime.date(2026, 10, 30)
    )
    enrolment = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.WITHDRAWN, met_rule=False)
    topics = sorted(TopicPage.objects.live().descendant_of(programme), key=lambda t: t.sort_key)
    for day, topic in enumerate(topics[:4]):
        completion = TopicCompletion.objects.create(
            enrolment=enrolment, topic=topic, source=TopicCompletion.Source.STUDIED
        )
        TopicCompletion.objects.filter(pk=completion.pk).update(
            completed_at=timezone.make_aware(datetime.datetime(2026, 9, 1 + day, 12))
        )
    return enrolment, topics[:4]


def test_a_statement_records_the_hours_attended_and_the_dates(left_enrolment):
    enrolment, attended = left_enrolment

    statement = statement_issue(enrolment=enrolment)

    assert statement.kind == "statement"
    assert statement.hours == sum(t.hours for t in attended)
    assert sum(m["total"] for m in statement.modules) == statement.hours
    assert statement.modules[0]["total"] > 0 and statement.modules[4]["total"] == 0
    # The course's dates, not the first and last topic nor today.
    assert statement.attended_from == datetime.date(2026, 8, 20)
    assert statement.attended_to == datetime.date(2026, 10, 30)
    assert statement.serial.startswith("AN-")
    assert statement.valid_until is None
    with statement.pdf.open("rb") as handle:
        pages = PdfReader(io.BytesIO(handle.read())).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert "Біліктілік туралы құжат емес" in text
    assert "Не является документом о квалификации" in text
    assert "20.08.2026" in text and "30.10.2026" in text
    assert statement.code in text


def test_issuing_a_statement_twice_gives_one(left_enrolment):
    enrolment, _ = left_enrolment

    assert statement_issue(enrolment=enrolment).pk == statement_issue(enrolment=enrolment).pk
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1


def test_a_statement_is_refused_to_a_trainee_who_is_still_studying(programme):
    enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE)

    with pytest.raises(CertificateError, match="did not pass or left"):
        statement_issue(enrolment=enrolment)
    assert not Certificate.objects.exists()


def test_a_statement_is_refused_when_the_trainee_has_a_certificate(enrolment, issue):
    issue(enrolment)
    enrolment.status = Enrolment.Status.WITHDRAWN
    enrolment.save()

    with pytest.raises(CertificateError, match="has a certificate"):
        statement_issue(enrolment=enrolment)
    assert Certificate.objects.filter(kind="statement").count() == 0


def test_the_verification_page_shows_a_statement_as_a_statement(client, left_enrolment):
    cache.clear()
    statement = statement_issue(enrolment=left_enrolment[0])

    body = client.get(f"/verify/{statement.code}.json").json()
    html = client.get(f"/verify/{statement.code}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert body["status"] == "valid" and body["kind"] == "statement"
    assert body["valid_until"] is None
    assert "Statement of attendance" in html
    assert "not a qualification document" in html


@pytest.mark.parametrize(
    ("hours", "russian"),
    [
        (1, "1 академический час"),
        (21, "21 академический час"),
        (23, "23 академических часа"),
        (11, "11 академических часов"),
        (80, "80 академических часов"),
    ],
)
def test_the_hours_agree_with_their_number_in_russian_and_stay_as_they_are_in_kazakh(
    hours, russian
):
    from certificates.pdf import hours_phrase

    assert hours_phrase(hours, "ru") == russian
    assert hours_phrase(hours, "kk") == f"{hours} академиялық сағат"


def test_the_statement_prints_the_hours_with_agreeing_words(left_enrolment):
    enrolment, attended = left_enrolment

    statement = statement_issue(enrolment=enrolment)

    with statement.pdf.open("rb") as handle:
        pages = PdfReader(io.BytesIO(handle.read())).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert statement.hours == sum(t.hours for t in attended) == 8  # topics 1.1–1.4, 2 h each
    assert "освоил(а) 8 академических часов" in text
    assert "8 академиялық сағат меңгерді" in text


def test_the_statement_prints_no_lecture_practice_split_unless_the_registrar_chooses_it(
    left_enrolment,
):
    """The topic table's split (28 + 52) contradicts the programme's declared one (32 + 40 + 8);
    like the annex, the statement prints it only when the registrar chooses "topics"."""
    from cms.models import OrganisationSettings

    enrolment, _ = left_enrolment

    def text_of(statement):
        with statement.pdf.open("rb") as handle:
            pages = PdfReader(io.BytesIO(handle.read())).pages
        return " ".join(" ".join(p.extract_text() for p in pages).split())

    default = text_of(statement_issue(enrolment=enrolment))
    assert "Дәріс / Лекции" not in default
    assert "Барлығы / Итого 8" in default  # topics 1.1–1.4: 8 h, one total column

    organisation = OrganisationSettings.objects.get()
    organisation.annex_hours_split = "topics"
    organisation.save()
    other = EnrolmentFactory(
        cohort=enrolment.cohort, status=Enrolment.Status.WITHDRAWN, met_rule=False
    )
    chosen = text_of(statement_issue(enrolment=other))
    assert "Дәріс / Лекции" in chosen and "Барлығы / Итого 0 0 0" in chosen


def test_the_statement_marks_the_russian_texts_as_a_translation(left_enrolment):
    enrolment, _ = left_enrolment

    statement = statement_issue(enrolment=enrolment)

    with statement.pdf.open("rb") as handle:
        pages = PdfReader(io.BytesIO(handle.read())).pages
    text = " ".join(" ".join(p.extract_text() for p in pages).split())
    assert "общеобразовательных школах»* с" in text
    assert "Модуль / Модуль*" in text
    assert "текст на русском языке – перевод" in text


@pytest.mark.parametrize("split", ["none", "topics"])
def test_the_statement_fits_on_one_page_with_its_signature(left_enrolment, split):
    from cms.models import OrganisationSettings

    OrganisationSettings.objects.update(annex_hours_split=split)
    enrolment, _ = left_enrolment

    statement = statement_issue(enrolment=enrolment)

    with statement.pdf.open("rb") as handle:
        pages = PdfReader(io.BytesIO(handle.read())).pages
    assert len(pages) == 1
    text = pages[0].extract_text()
    assert statement.signatory_name in text
    assert "текст на русском языке – перевод" in " ".join(text.split())
    assert "{#" not in text and "comment" not in text
