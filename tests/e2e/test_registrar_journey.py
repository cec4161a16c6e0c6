"""Journey 4, the registrar: sign in with the authenticator code, create a cohort in the admin,
import its trainees from a CSV file, re-issue a certificate whose name was misspelt and revoke one,
and export the register."""

from __future__ import annotations

import csv
import io
import re

import pytest

from .conftest import check_accessibility, screenshot, sign_in_with_mfa, visit

pytestmark = pytest.mark.browser

JOURNEY = "registrar"
PASSWORD = "e2e-registrar-password-2026"
TOTP_SECRET = "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU"
COHORT = "e2e-spring-2027"


def _shot(page, name: str, lang: str = "kk", *, axe: bool = True) -> None:
    if axe:
        check_accessibility(page, f"{lang} {name}")
    screenshot(page, JOURNEY, f"{lang}-{name}")


def test_a_registrar_creates_a_cohort_imports_trainees_reissues_revokes_and_exports(
    server, new_page, tmp_path
):
    case = server.arrange("registrar_case", password=PASSWORD, totp_secret=TOTP_SECRET)
    page = new_page(lang="kk")
    sign_in_with_mfa(page, "registrar@e2e.kz", PASSWORD, TOTP_SECRET)

    # A new cohort, in the Wagtail admin where registrars run cohorts.
    page.goto("/admin/cohort/new/")
    screenshot(page, JOURNEY, "kk-01-admin-new-cohort")
    page.locator("select[name=programme]").select_option(index=1)
    page.locator("input[name=code]").fill(COHORT)
    page.locator("input[name=name]").fill("Көктем 2027")
    page.locator("select[name=language]").select_option("kk")
    page.locator("input[name=starts_on]").fill("2027-03-01")
    page.locator("input[name=ends_on]").fill("2027-04-15")
    trainers = page.locator("[name=trainers]")
    if trainers.first.get_attribute("type") == "checkbox":
        page.locator(f"input[name=trainers][value='{case['trainer']}']").check()
    else:
        trainers.select_option(str(case["trainer"]))
    page.locator("input[name=capacity]").fill("25")
    page.locator("input[name=enrolment_key]").fill("SPRING-2027")
    page.locator("form:has(input[name=enrolment_key]) button[type=submit]:visible").first.click()
    page.wait_for_load_state()
    assert "/new/" not in page.url, page.locator("main, body").first.inner_text()[:800]

    # The cohort appears on the site's cohort list; its import page takes a CSV file.
    page.goto("/kk/study/cohorts/")
    _shot(page, "02-cohorts")
    page.locator(f"main a[href$='/cohorts/{COHORT}/']").first.click()
    page.wait_for_url(f"**/cohorts/{COHORT}/")
    _shot(page, "03-cohort")
    page.goto(f"/kk/study/cohorts/{COHORT}/import/")
    _shot(page, "04-import")
    visit(page, f"/ru/study/cohorts/{COHORT}/import/", journey=JOURNEY, name="ru-04-import")
    page.goto(f"/kk/study/cohorts/{COHORT}/import/")
    listing = tmp_path / "тыңдаушылар.csv"
    listing.write_text(
        "name,email,school\n"
        "Ахметова Гүлжан,gulzhan.akhmetova@e2e.kz,№ 5 мектеп\n"
        "Смирнова Ирина,irina.smirnova@e2e.kz,Школа № 17\n"
        "Қате жол,not-an-email,№ 1 мектеп\n",
        encoding="utf-8",
    )
    page.locator("input[type=file]").set_input_files(str(listing))
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()
    # A preview first, with the bad row's error and nothing written; then the confirmation.
    preview = page.locator(".import-preview")
    assert preview.is_visible(), "the list is previewed before anything is written"
    assert "not-an-email" in preview.inner_text()
    _shot(page, "05a-import-preview")
    preview.locator("form [type=submit]").click()
    page.wait_for_load_state()
    report = page.locator(".import-report[role=status]")
    assert report.is_visible(), "the import report is announced"
    text = report.inner_text()
    assert "gulzhan.akhmetova@e2e.kz" in text and "irina.smirnova@e2e.kz" in text
    assert "not-an-email" in text, "the bad row is reported, not silently dropped"
    _shot(page, "05-import-report")
    invited = server.emails(to="gulzhan.akhmetova@e2e.kz")
    assert invited, "the imported trainee is invited by email"

    # Re-issue the certificate with the misspelt name, then revoke the new one.
    page.goto(f"/kk/certificates/register/{case['code']}/")
    _shot(page, "06-certificate")
    reissue = page.locator("section", has=page.locator("#reissue-heading"))
    reissue.locator("textarea, input[type=text]").first.fill("Тегі қате жазылған")
    reissue.locator("[type=submit]").click()
    page.wait_for_load_state()
    new_code = page.url.rstrip("/").rsplit("/", 1)[-1]
    assert new_code != case["code"], "the re-issue is a new certificate"
    _shot(page, "07-reissued")
    revoke = page.locator("section", has=page.locator("#revoke-heading"))
    revoke.locator("select").first.select_option("issued_in_error")
    revoke.locator("textarea").first.fill("Курс бітпей берілген")
    revoke.locator("input[type=checkbox]").first.check()
    revoke.locator("[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("[role=status]").count() >= 1
    _shot(page, "08-revoked")

    old = server.json(f"/verify/{case['code']}.json")
    new = server.json(f"/verify/{new_code}.json")
    assert old["status"] == "superseded" and old["superseded_by"] == new_code
    assert new["status"] == "revoked" and new["revocation_reason"] == "Қате берілген"
    visit(page, f"/verify/{case['code']}/", journey=JOURNEY, name="kk-09-old-superseded")
    page.get_by_role("link", name=re.compile(".")).filter(
        has_text=re.compile("ауыстыр|replace|заменя", re.I)
    ).first.click()
    page.wait_for_url(f"**/verify/{new_code}/")
    assert page.locator(".verdict-revoked").count() == 1

    # Export the register as CSV: both documents are in it with their states.
    page.goto("/kk/certificates/register/")
    _shot(page, "10-register")
    with page.expect_download() as info:
        page.locator("main a[href*='export=csv']").click()
    exported = tmp_path / "register.csv"
    info.value.save_as(exported)
    text = exported.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))  # what Excel in kk/ru splits on
    flat = "\n".join(",".join(r) for r in rows)
    assert case["serial"] in flat
    assert len(rows) >= 3, "a header and at least the two documents"
