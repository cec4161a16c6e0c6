"""Certificates' pages link to credentials through the templates credentials registers at their
slots (cms.slots): certificates may not name credentials' URLs (README, "Layout")."""

from __future__ import annotations

from certificates.services import statement_issue
from cms.slots import slot_templates
from course.models import Enrolment

from .factories import other_trainee


def test_credentials_registers_one_template_at_each_certificate_page_slot():
    assert slot_templates("verify_form") == ("credentials/slots/verify_form.html",)
    assert slot_templates("my_certificates_row") == ("credentials/slots/my_certificates_row.html",)
    assert slot_templates("verify_detail") == ("credentials/slots/verify_detail.html",)


def test_the_verification_form_links_to_the_pdf_check(client, db):
    html = client.get("/verify/", HTTP_ACCEPT_LANGUAGE="kk").content.decode()
    assert '<p><a href="/kk/credentials/check-pdf/">' in html


def test_my_certificates_offers_the_signed_credential_of_a_certificate(client, signed_certificate):
    client.force_login(signed_certificate.enrolment.trainee)
    html = client.get("/kk/certificates/").content.decode()
    code = signed_certificate.code
    assert f'<a href="/credentials/{code}/ob3.jwt" download>' in html
    assert html.index(f"/credentials/{code}/ob3.jwt") < html.index(f"/verify/{code}/")


def test_the_verification_page_links_to_both_credential_files(client, signed_certificate):
    code = signed_certificate.code
    html = client.get(f"/verify/{code}/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert (
        f'<p>For machines and digital wallets: <a href="/credentials/{code}/ob3.json">'
        f'Open Badges 3.0 credential (JSON)</a> · <a href="/credentials/{code}/ob3.jwt">'
        "signed file (VC-JWT)</a></p>"
    ) in html


def test_a_statement_of_attendance_links_to_no_credential(client, programme):
    enrolment = other_trainee(status=Enrolment.Status.WITHDRAWN)
    statement = statement_issue(enrolment=enrolment)
    client.force_login(enrolment.trainee)
    mine = client.get("/kk/certificates/").content.decode()
    verify = client.get(f"/verify/{statement.code}/").content.decode()
    assert f"/verify/{statement.code}/" in mine
    assert "/credentials/" not in mine.split("<table")[1]
    assert "/credentials/" not in verify
