from __future__ import annotations

import io

from pypdf import PdfReader


def _pages(certificate) -> list[str]:
    with certificate.pdf.open("rb") as handle:
        return [
            " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(handle.read())).pages
        ]


def test_a_position_spelled_alike_in_kazakh_and_russian_is_printed_once(enrolment, issue):
    # The organisation of the tests has "Директор" in both languages.
    first = _pages(issue(enrolment))[0]

    assert first.count("Директор") == 1


def test_different_kazakh_and_russian_positions_are_both_printed(enrolment, issue):
    from cms.models import OrganisationSettings

    organisation = OrganisationSettings.objects.get()
    organisation.signatory_position_kk = "Басқарма төрағасы"
    organisation.signatory_position_ru = "Председатель правления"
    organisation.save()

    first = _pages(issue(enrolment))[0]

    assert "Басқарма төрағасы" in first and "Председатель правления" in first


def test_a_statement_prints_a_position_spelled_alike_once(enrolment):
    from certificates.services import statement_issue
    from course.models import Enrolment

    enrolment.status = Enrolment.Status.WITHDRAWN
    enrolment.save(update_fields=["status"])
    statement = statement_issue(enrolment=enrolment)

    assert _pages(statement)[0].count("Директор") == 1


def test_the_annex_heading_spells_maximum_as_the_approved_programme_does(enrolment):
    from assessment.tests.factories import finalised_result
    from certificates.services import certificate_issue

    finalised_result(
        enrolment=enrolment,
        scores={"theory": 18, "practice": 24, "plan": 24, "defence": 8, "participation": 7},
    )
    annex = _pages(certificate_issue(enrolment=enrolment))[1]

    # The seed (004, the table of criteria) writes "Максимальды ұпай".
    assert "Максимальды ұпай" in annex
    assert "Максималды" not in annex
