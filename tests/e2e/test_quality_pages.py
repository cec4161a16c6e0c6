"""The quality loop in a browser, on the demo data: a graduate's growth chart and the registrar's
report for the authority and cohort quality page, in Kazakh and Russian, checked for accessibility
and kept as screenshots (tests/screenshots/quality/)."""

from __future__ import annotations

import pytest

from .conftest import check_accessibility, screenshot, sign_in, sign_in_with_mfa

pytestmark = pytest.mark.browser

JOURNEY = "quality"


def _shot(page, lang: str, name: str) -> None:
    check_accessibility(page, f"{lang} quality {name}")
    screenshot(page, JOURNEY, f"{lang}-{name}")


def test_a_graduate_sees_their_growth_per_outcome_in_kazakh_and_russian(server, new_page):
    demo = server.demo()
    graduate = next(a for a in demo["accounts"] if a["email"] == "graduate1@demo.kz")
    page = new_page(lang="kk")
    sign_in(page, graduate["email"], graduate["password"])
    for lang in ("kk", "ru"):
        page.goto(f"/{lang}/quality/competence/")
        assert "/quality/enrolments/" in page.url  # no stage open: straight to the growth page
        table = page.locator("main table").first
        assert table.locator("tbody tr").count() == 16 + 3  # 16 outcomes under 3 group headings
        _shot(page, lang, "01-growth")


def test_the_registrar_reads_the_report_and_a_cohorts_quality_page(server, new_page):
    from cms.demo import DEMO_TOTP_SECRET

    demo = server.demo()
    registrar = next(a for a in demo["accounts"] if a["role"] == "registrar")
    page = new_page(lang="kk")
    sign_in_with_mfa(page, registrar["email"], registrar["password"], DEMO_TOTP_SECRET)
    for lang in ("kk", "ru"):
        page.goto(f"/{lang}/quality/report/")
        assert page.locator("main h1").count() == 1
        assert "demo-2026-spring" in page.locator("main").inner_text()
        _shot(page, lang, "02-report")
        page.goto(f"/{lang}/quality/cohorts/")
        page.locator("main a", has_text="demo-2026-spring").first.click()
        page.wait_for_load_state()
        _shot(page, lang, "03-cohort-spring")
