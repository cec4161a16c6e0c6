"""The materials library as a trainee sees it (a module's page on a desktop and a 360 px phone, a
template downloaded), and the translation status in the editor as a registrar sees it."""

from __future__ import annotations

import pytest

from .conftest import (
    DESKTOP,
    PHONE,
    check_accessibility,
    check_no_horizontal_overflow,
    screenshot,
    sign_in,
    sign_in_with_mfa,
)

pytestmark = pytest.mark.browser

JOURNEY = "library"
PASSWORD = "e2e-library-password-2026"
TOTP_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"


@pytest.fixture(scope="module")
def case(server):
    return server.arrange("library_case", password=PASSWORD, totp_secret=TOTP_SECRET)


@pytest.mark.parametrize(
    ("lang", "viewport", "size"),
    [("kk", DESKTOP, "desktop"), ("kk", PHONE, "phone"), ("ru", PHONE, "phone")],
)
def test_a_trainee_opens_module_twos_library_page(new_page, case, lang, viewport, size):
    page = new_page(lang=lang, viewport=viewport)
    sign_in(page, "library.trainee@e2e.kz", PASSWORD, lang=lang)

    response = page.goto(f"/{lang}/assessment/library/modules/2/")

    assert response.status == 200
    main = page.locator("main").inner_text()
    assert {"kk": "ABC-мінез-құлық талдауының шаблоны", "ru": "Шаблон ABC-анализа поведения"}[
        lang
    ] in main
    if lang == "kk":
        assert "2-модуль: дәріс слайдтары" in main
    check_accessibility(page, f"{lang} library module 2 {size}")
    check_no_horizontal_overflow(page, f"{lang} library module 2 {size}")
    screenshot(page, JOURNEY, f"{lang}-module-2-{size}")


def test_a_trainee_downloads_the_kazakh_abc_sheet_as_a_pdf(new_page, case):
    page = new_page(lang="kk")
    sign_in(page, "library.trainee@e2e.kz", PASSWORD)
    page.goto("/kk/assessment/library/modules/2/")

    with page.expect_download() as download:
        page.locator("a[href$='/library/abc-sheet/kk.pdf']").click()

    path = download.value.path()
    assert download.value.suggested_filename == "abc-sheet-kk.pdf"
    with open(path, "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_a_registrar_sees_the_russian_module_is_out_of_date_and_opens_it_to_update(new_page, case):
    page = new_page(lang="kk")
    sign_in_with_mfa(page, "library.registrar@e2e.kz", PASSWORD, TOTP_SECRET)

    page.goto(f"/admin/pages/{case['module_kk']}/edit/")

    panel = page.locator(".translation-status")
    assert "Қазақша (KK)" in panel.inner_text()
    assert (
        page.locator(".translation-status tr[data-locale=ru][data-status=out_of_date]").count() == 1
    )
    screenshot(page, JOURNEY, "admin-translation-status")
    page.locator(".translation-status tr[data-locale=ru] a").click()
    page.wait_for_url(f"**/admin/pages/{case['module_ru']}/edit/")
    assert "Русский (RU)" in page.locator(".translation-status").inner_text()
