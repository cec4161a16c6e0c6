"""Module controls in the browser: a trainer opens the cohort × module grid from the cohort page
and the item analysis of the final test, in Kazakh and Russian (screenshots for people to read)."""

from __future__ import annotations

import pytest

from .conftest import DESKTOP, check_accessibility, screenshot, sign_in_with_mfa

pytestmark = pytest.mark.browser

JOURNEY = "controls"
PASSWORD = "e2e-controls-password-2026"
TOTP_SECRET = "MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK"


def test_a_trainer_reads_the_grid_and_the_item_analysis_in_kazakh_and_russian(server, new_page):
    case = server.arrange("controls_cohort", password=PASSWORD, totp_secret=TOTP_SECRET)
    page = new_page(lang="kk", viewport=DESKTOP)
    # One sign-in: the same authenticator code may not be used twice.
    sign_in_with_mfa(page, "trainer.controls@e2e.kz", PASSWORD, TOTP_SECRET, lang="kk")
    for lang in ("kk", "ru"):
        page.goto(f"/{lang}/study/cohorts/{case['cohort']}/")
        page.locator(f"a[href$='/cohorts/{case['cohort']}/controls/']").first.click()
        page.wait_for_url(f"**/cohorts/{case['cohort']}/controls/")
        grid = page.locator("main").inner_text()
        assert "%" in grid and "✓" in grid and "✗" in grid
        check_accessibility(page, f"{lang} controls grid")
        screenshot(page, JOURNEY, f"{lang}-grid")
        page.goto(f"/{lang}/assessment/theory/{case['test']}/items/")
        items = page.locator("main").inner_text()
        assert "27 %" in items and "27 %%" not in items and "Facility" not in items
        check_accessibility(page, f"{lang} item analysis")
        screenshot(page, JOURNEY, f"{lang}-item-analysis")
