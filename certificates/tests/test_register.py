from __future__ import annotations

import datetime
import io
import zipfile

import pytest

from certificates.models import AuditEntry, Certificate
from certificates.services import certificate_revoke
from cms.tests.factories import RegistrarFactory, TraineeFactory, TrainerFactory
from cms.tests.spreadsheets import csv_rows, xlsx_formulas, xlsx_rows

from .factories import CohortFactory, EnrolmentFactory

REGISTER = "/en/certificates/register/"
RU_REGISTER = "/ru/certificates/register/"
KK_REGISTER = "/kk/certificates/register/"
HYPERLINK = '=HYPERLINK("http://x","y")'


@pytest.fixture
def documents(programme, issue):
    cohort_a, cohort_b = CohortFactory(code="reg-a"), CohortFactory(code="reg-b")
    first = issue(EnrolmentFactory(cohort=cohort_a), issued_on=datetime.date(2026, 3, 1))
    second = issue(EnrolmentFactory(cohort=cohort_a), issued_on=datetime.date(2026, 6, 1))
    third = issue(EnrolmentFactory(cohort=cohort_b), issued_on=datetime.date(2022, 6, 1))
    certificate_revoke(certificate=second, revoked_by=None, reason="issued_in_error")
    return {"a": cohort_a, "b": cohort_b, "first": first, "second": second, "third": third}


@pytest.fixture
def registrar_client(client, db):
    client.force_login(RegistrarFactory())
    return client


def _serials(response):
    return [c.serial for c, _status in response.context["rows"]]


def test_the_register_filters_by_cohort_status_dates_and_name(registrar_client, documents):
    by_cohort = registrar_client.get(REGISTER, {"cohort": "reg-a"})
    revoked = registrar_client.get(REGISTER, {"status": "revoked"})
    expired = registrar_client.get(REGISTER, {"status": "expired"})
    dated = registrar_client.get(REGISTER, {"issued_from": "2026-05-01", "issued_to": "2026-12-31"})
    by_name = registrar_client.get(REGISTER, {"q": documents["third"].holder_surname})

    assert set(_serials(by_cohort)) == {documents["first"].serial, documents["second"].serial}
    assert _serials(revoked) == [documents["second"].serial]
    assert _serials(expired) == [documents["third"].serial]
    assert _serials(dated) == [documents["second"].serial]
    assert _serials(by_name) == [documents["third"].serial]


def test_the_register_exports_csv_and_xlsx_with_the_filters(registrar_client, documents):
    csv_response = registrar_client.get(REGISTER, {"cohort": "reg-a", "export": "csv"})
    xlsx_response = registrar_client.get(REGISTER, {"export": "xlsx"})

    assert csv_response["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_response["Content-Disposition"] == 'attachment; filename="certificates.csv"'
    rows = csv_rows(csv_response)
    assert rows[0][0] == "Number"
    assert {r[0] for r in rows[1:]} == {documents["first"].serial, documents["second"].serial}
    assert documents["first"].holder_name_kk in {r[3] for r in rows}
    serials = {row[0] for row in xlsx_rows(xlsx_response)[1:]}
    assert serials == {d.serial for d in Certificate.objects.all()}


def test_the_register_export_shows_status_and_band_labels_not_codes(registrar_client, documents):
    rows = csv_rows(registrar_client.get(REGISTER, {"cohort": "reg-a", "export": "csv"}))
    by_serial = {row[0]: row for row in rows[1:]}
    status, band = rows[0].index("Status"), rows[0].index("Band")
    first, second = by_serial[documents["first"].serial], by_serial[documents["second"].serial]

    assert (first[status], second[status]) == ("Valid", "Revoked")
    assert documents["first"].band == "excellent"
    assert first[band] == "Passed — excellent"


def test_the_register_export_speaks_russian_to_a_russian_reader(registrar_client, documents):
    rows = csv_rows(registrar_client.get(RU_REGISTER, {"cohort": "reg-b", "export": "csv"}))

    assert rows[0][:3] == ["Номер", "Документ", "Статус"]
    assert rows[1][2] == "Срок истёк"


def test_a_holder_written_as_a_formula_comes_out_inert_in_the_register_exports(
    registrar_client, programme, issue
):
    enrolment = EnrolmentFactory(
        cohort=CohortFactory(code="reg-f"),
        trainee__last_name=HYPERLINK,
        trainee__first_name=HYPERLINK,
    )
    certificate = issue(enrolment, issued_on=datetime.date(2026, 3, 1))
    assert certificate.holder_name_kk.startswith(HYPERLINK)

    csv_response = registrar_client.get(REGISTER, {"cohort": "reg-f", "export": "csv"})
    xlsx_response = registrar_client.get(REGISTER, {"cohort": "reg-f", "export": "xlsx"})

    assert csv_rows(csv_response)[1][3].startswith("'" + HYPERLINK)
    assert xlsx_rows(xlsx_response)[1][3].startswith("'" + HYPERLINK)
    assert xlsx_formulas(xlsx_response) == []


def test_a_cohorts_pdfs_come_as_one_zip(registrar_client, documents):
    response = registrar_client.get("/en/certificates/cohorts/reg-a/pdfs.zip")

    archive = zipfile.ZipFile(io.BytesIO(response.content))
    first, revoked = documents["first"], documents["second"]
    revoked.refresh_from_db()
    assert sorted(archive.namelist()) == sorted(
        ["list.txt", f"{first.serial}.pdf", f"revoked/{revoked.serial}-REVOKED.pdf"]
    )
    assert archive.read(f"{first.serial}.pdf").startswith(b"%PDF")
    listing = archive.read("list.txt").decode()
    assert f"{first.serial}.pdf: valid" in listing
    assert (
        f"revoked/{revoked.serial}-REVOKED.pdf: REVOKED on {revoked.revoked_on:%d.%m.%Y} "
        "(Issued in error); not valid."
    ) in listing


@pytest.mark.parametrize(
    "url", [REGISTER, "/en/certificates/cohorts/reg-a/pdfs.zip", "/en/certificates/register/X/"]
)
def test_trainees_and_trainers_are_refused_the_register(client, documents, url):
    trainer = TrainerFactory()
    documents["a"].trainers.add(trainer)
    for user in (TraineeFactory(), trainer, documents["first"].holder):
        client.force_login(user)
        assert client.get(url).status_code == 403
    client.logout()
    response = client.get(url)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_registrar_revokes_with_a_reason_from_the_register(registrar_client, documents):
    certificate = documents["first"]
    url = f"/en/certificates/register/{certificate.code}/"

    no_reason = {"action": "revoke", "revoke-reason": "", "revoke-confirm": "on"}
    refused = registrar_client.post(url, no_reason)
    certificate.refresh_from_db()
    assert refused.status_code == 200 and "This field is required." in refused.content.decode()
    assert certificate.status == "valid"

    unconfirmed = {"action": "revoke", "revoke-reason": "annulled_by_order"}
    refused = registrar_client.post(url, unconfirmed)
    certificate.refresh_from_db()
    assert refused.status_code == 200 and "This field is required." in refused.content.decode()
    assert certificate.status == "valid" and certificate.revocation_code == ""

    confirmed = {
        "action": "revoke",
        "revoke-reason": "annulled_by_order",
        "revoke-note": "Order No 12 of 01.12.2026; attendance sheets forged",
        "revoke-confirm": "on",
    }
    done = registrar_client.post(url, confirmed, follow=True)
    certificate.refresh_from_db()
    assert certificate.status == "revoked" and certificate.revocation_code == "annulled_by_order"
    assert certificate.revocation_note == "Order No 12 of 01.12.2026; attendance sheets forged"
    assert "The certificate was revoked." in done.content.decode()
    assert AuditEntry.objects.filter(certificate=certificate, action="revoked").exists()


def test_a_registrar_reissues_from_the_register(registrar_client, documents):
    certificate = documents["first"]
    url = f"/en/certificates/register/{certificate.code}/"

    response = registrar_client.post(
        url, {"action": "reissue", "reissue-reason": "Name corrected"}, follow=True
    )

    certificate.refresh_from_db()
    assert certificate.status == "superseded"
    assert f"Re-issued as {certificate.superseded_by.serial}" in response.content.decode()


def test_revoking_a_revoked_certificate_shows_why_and_changes_nothing(registrar_client, documents):
    certificate = documents["second"]
    url = f"/en/certificates/register/{certificate.code}/"

    again = {"action": "revoke", "revoke-reason": "other", "revoke-confirm": "on"}
    response = registrar_client.post(url, again, follow=True)

    certificate.refresh_from_db()
    assert "Only a valid certificate can be revoked" in response.content.decode()
    assert certificate.revocation_code == "issued_in_error"


def test_a_registrar_issues_a_whole_cohort_and_follows_the_progress(
    registrar_client, programme, django_capture_on_commit_callbacks
):
    from assessment.tests.factories import finalised_result

    cohort = CohortFactory(code="bulk")
    for _ in range(2):
        finalised_result(enrolment=EnrolmentFactory(cohort=cohort))
    EnrolmentFactory(cohort=cohort)  # no final result yet: skipped

    with django_capture_on_commit_callbacks(execute=True):
        response = registrar_client.post("/en/certificates/cohorts/bulk/issue/")

    assert response.status_code == 302
    progress = registrar_client.get(response["Location"], {"format": "json"}).json()
    assert progress == {
        "cohort": "bulk",
        "total": 3,
        "done": 3,
        "issued": 2,
        "already": 0,
        "skipped": 1,
        "finished": True,
    }
    page = registrar_client.get(response["Location"]).content.decode()
    assert "<progress" in page and "Finished." in page
    assert Certificate.objects.filter(cohort=cohort).count() == 2

    # Run again: nothing new, and the summary says so rather than counting 2 certificates.
    with django_capture_on_commit_callbacks(execute=True):
        response = registrar_client.post("/en/certificates/cohorts/bulk/issue/")
    page = registrar_client.get(response["Location"]).content.decode()
    assert (
        "3 of 3 processed: 0 new certificates, 2 already had a certificate, 1 not issued "
        "(no passed result, or the completion rule not met yet)."
    ) in page
    assert Certificate.objects.filter(cohort=cohort).count() == 2


def test_a_trainee_cannot_start_a_bulk_issue(client, programme):
    cohort = CohortFactory(code="bulk2")
    EnrolmentFactory(cohort=cohort)
    client.force_login(TraineeFactory())

    assert client.post("/en/certificates/cohorts/bulk2/issue/").status_code == 403
    assert not Certificate.objects.exists()


def test_the_blank_print_puts_only_the_variable_fields_at_the_configured_millimetres(
    registrar_client, documents
):
    import pypdfium2
    from pypdf import PdfReader
    from wagtail.models import Site

    from certificates.models import BlankPrintLayout

    layout = BlankPrintLayout.for_site(Site.objects.get(is_default_site=True))
    layout.serial_x_mm, layout.serial_y_mm, layout.offset_x_mm = 150, 100, 5
    layout.save()
    certificate = documents["first"]

    response = registrar_client.get(f"/en/certificates/register/{certificate.code}/blank.pdf")

    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert certificate.serial in text and certificate.holder_name_kk in text
    assert "СЕРТИФИКАТ" not in text  # the blank already carries the fixed wording
    page = pypdfium2.PdfDocument(response.content)[0]
    assert round(page.get_width() / 72 * 25.4) == 297
    textpage = page.get_textpage()
    points_per_mm = 72 / 25.4
    found = textpage.search(certificate.serial).get_next()
    left, _bottom, _right, top = textpage.get_charbox(found[0])
    assert abs(left / points_per_mm - 155) < 2  # 150 mm + 5 mm printer offset
    assert abs((page.get_height() - top) / points_per_mm - 100) < 6
    assert "А. Б. Сапарова" in text and "Директор" in text  # the signatory
    assert certificate.valid_until.strftime("%d.%m.%Y") in text


def test_the_blank_print_wraps_the_course_title_inside_its_box(registrar_client, documents):
    import pypdfium2

    certificate = documents["first"]
    response = registrar_client.get(f"/en/certificates/register/{certificate.code}/blank.pdf")

    page = pypdfium2.PdfDocument(response.content)[0]
    textpage = page.get_textpage()
    points_per_mm = 72 / 25.4
    title = certificate.course_title_kk
    rights = []
    for word in (title.split()[0], title.split()[-1]):
        found = textpage.search(word).get_next()
        _left, _bottom, right, _top = textpage.get_charbox(found[0] + found[1] - 1)
        rights.append(right / points_per_mm)
    # The default box starts 60 mm from the left and is 170 mm wide; the sheet is 297 mm.
    assert all(right <= 60 + 170 + 1 for right in rights)


def test_the_calibration_page_names_every_field_in_the_registrars_language(registrar_client, db):
    from pypdf import PdfReader

    english = registrar_client.get("/en/certificates/print/calibration.pdf")
    kazakh = registrar_client.get("/kk/certificates/print/calibration.pdf")

    text = PdfReader(io.BytesIO(english.content)).pages[0].extract_text()
    for label in ("Holder's name", "Course title", "Issue date", "Valid until", "Signatory"):
        assert label in text
    text = PdfReader(io.BytesIO(kazakh.content)).pages[0].extract_text()
    for label in ("Иесінің аты-жөні", "Курс атауы", "Берілген күні", "Жарамдылық мерзімі"):
        assert label in text
    assert "issued_on" not in text


@pytest.mark.parametrize(
    ("path", "shown", "hidden"), [(RU_REGISTER, "ru", "kk"), (KK_REGISTER, "kk", "ru")]
)
def test_the_register_names_each_holder_in_the_readers_language(
    registrar_client, programme, issue, path, shown, hidden
):
    holder = TraineeFactory(
        profile__surname_kk="Әбілқасымова",
        profile__given_name_kk="Жанар",
        profile__surname_ru="Абылкасымова",
        profile__given_name_ru="Жанар",
    )
    certificate = issue(EnrolmentFactory(trainee=holder, cohort=CohortFactory(code="reg-lang")))
    names = {"kk": certificate.holder_name_kk, "ru": certificate.holder_name_ru}

    html = registrar_client.get(path).content.decode()

    assert names[shown] in html
    assert names[hidden] not in html
