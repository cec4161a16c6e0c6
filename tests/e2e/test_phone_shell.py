"""The site shell on a phone: a compact header whose menu opens from a button (also with the
keyboard, and open by itself without JavaScript), and typed text that survives a switch of the
interface language. Screenshots under tests/screenshots/phone-shell/."""

from __future__ import annotations

import pytest

from .conftest import (
    DESKTOP,
    PHONE,
    check_accessibility,
    check_no_horizontal_overflow,
    fill_text,
    open_menu,
    screenshot,
    sign_in,
)

pytestmark = pytest.mark.browser

JOURNEY = "phone-shell"
MENU_NAME = {"kk": "Мәзір", "ru": "Меню"}


def _trainee(server) -> dict:
    """A trainee of the running demo cohort, whose profile is complete (it can be saved)."""
    return next(a for a in server.demo()["accounts"] if a["email"] == "trainee01@demo.kz")


def _header_height(page) -> float:
    return page.locator("header.site-header").bounding_box()["height"]


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_on_a_phone_the_header_is_one_short_row_and_the_menu_opens_from_its_button(
    server, new_page, lang
):
    trainee = _trainee(server)
    page = new_page(lang=lang, viewport=PHONE)
    sign_in(page, trainee["email"], trainee["password"], lang=lang)
    page.goto(f"/{lang}/accounts/profile/")
    screenshot(page, JOURNEY, f"{lang}-01-header-closed")
    # Today's header took 270 of 780 px; the compact one keeps to 120.
    assert _header_height(page) <= 120
    toggle = page.get_by_role("button", name=MENU_NAME[lang])
    assert toggle.is_visible()
    # One row: the menu button sits beside the brand, not under it.
    brand = page.locator("header .brand").bounding_box()
    assert toggle.bounding_box()["y"] < brand["y"] + brand["height"]
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not page.locator("#site-nav").is_visible()
    check_accessibility(page, f"{lang} phone header closed")
    check_no_horizontal_overflow(page, f"{lang} phone header closed")

    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    nav = page.locator("#site-nav")
    assert nav.is_visible()
    # The desktop menu's links are all in it (found by address: the names differ per language).
    assert nav.locator("a[href$='/profile/']").is_visible()
    assert nav.locator("a[href$='/my-data/']").count() == 1
    check_accessibility(page, f"{lang} phone header open")
    screenshot(page, JOURNEY, f"{lang}-02-menu-open")

    # Escape closes it and the focus goes back to the button.
    nav.locator("a").first.focus()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert page.evaluate("document.activeElement.classList.contains('menu-toggle')")


def test_the_menu_button_works_with_the_keyboard(server, new_page):
    page = new_page(lang="kk", viewport=PHONE)
    page.goto("/kk/")
    toggle = page.locator("button[aria-controls='site-nav']")
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Tab")
    # The first thing after the button is the menu's first link.
    assert page.evaluate("document.activeElement.closest('#site-nav') !== null")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert toggle.get_attribute("aria-expanded") == "false"


def test_without_javascript_the_phone_menu_is_simply_open(server, context_factory):
    context = context_factory(lang="kk", viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto("/kk/")
    assert not page.locator("button[aria-controls='site-nav']").is_visible()
    assert page.locator("#site-nav a[href$='/accounts/login/']").is_visible()
    screenshot(page, JOURNEY, "kk-03-no-javascript")


def test_on_a_desktop_the_menu_shows_as_before_without_a_button(server, new_page):
    page = new_page(lang="kk", viewport=DESKTOP)
    page.goto("/kk/")
    assert not page.locator("button[aria-controls='site-nav']").is_visible()
    assert page.locator("#site-nav a[href$='/accounts/signup/']").is_visible()
    assert page.locator("header input[name=q]").is_visible()
    screenshot(page, JOURNEY, "kk-04-desktop")


def test_open_menu_leaves_a_desktop_page_as_it_is_and_opens_the_phone_menu(server, new_page):
    phone = new_page(lang="ru", viewport=PHONE)
    phone.goto("/ru/")
    open_menu(phone)
    assert phone.locator("#site-nav a[href$='/accounts/login/']").is_visible()
    desktop = new_page(lang="ru", viewport=DESKTOP)
    desktop.goto("/ru/")
    open_menu(desktop)
    assert desktop.locator("#site-nav a[href$='/accounts/login/']").is_visible()


def test_text_typed_into_the_profile_survives_switching_from_kazakh_to_russian(server, new_page):
    trainee = _trainee(server)
    page = new_page(lang="kk", viewport=PHONE)
    sign_in(page, trainee["email"], trainee["password"], lang="kk")
    page.goto("/kk/accounts/profile/edit/")
    school = page.locator("main form [name=school]")
    region = page.locator("main form [name=region]")
    before = school.input_value()
    region_before = region.input_value()
    typed = "№ 17 мектеп-гимназия (тексеру)"
    school.fill(typed)
    region.select_option("abai" if region_before != "abai" else "astana")
    chosen = region.input_value()
    screenshot(page, JOURNEY, "kk-05-profile-typed")

    page.locator("nav.lang-nav").get_by_role("link", name="Русский").click()
    page.wait_for_url("**/ru/accounts/profile/edit/")
    assert page.locator("main form [name=school]").input_value() == typed
    assert page.locator("main form [name=region]").input_value() == chosen
    screenshot(page, JOURNEY, "ru-06-profile-kept")

    # A reload after the switch shows what the server has: the draft was used once.
    page.reload()
    assert page.locator("main form [name=school]").input_value() == before

    # Typed again and saved in Russian: the save works and no draft is left behind.
    page.locator("main form [name=school]").fill(typed)
    with page.expect_navigation():
        page.locator("main form [type=submit]").first.click()
    screenshot(page, JOURNEY, "ru-07-profile-saved")
    assert "/accounts/profile/edit/" not in page.url
    assert page.evaluate("Object.keys(sessionStorage).filter(k => k.startsWith('pa-lms:'))") == []
    page.goto("/ru/accounts/profile/edit/")
    assert page.locator("main form [name=school]").input_value() == typed
    # Put the demo back as it was for the other tests.
    page.locator("main form [name=school]").fill(before)
    page.locator("main form [name=region]").select_option(region_before)
    with page.expect_navigation():
        page.locator("main form [type=submit]").first.click()


def test_an_unchanged_form_leaves_no_draft_when_the_language_changes(server, new_page):
    trainee = _trainee(server)
    page = new_page(lang="kk", viewport=PHONE)
    sign_in(page, trainee["email"], trainee["password"], lang="kk")
    page.goto("/kk/accounts/profile/edit/")
    page.locator("nav.lang-nav").get_by_role("link", name="Русский").click()
    page.wait_for_url("**/ru/accounts/profile/edit/")
    assert page.evaluate("Object.keys(sessionStorage).filter(k => k.startsWith('pa-lms:'))") == []


def test_an_answer_typed_into_the_practice_editor_survives_switching_to_russian(server, new_page):
    # trainee10's first practice work is a draft not handed in yet (assessment/demo.py): editable.
    trainee = next(a for a in server.demo()["accounts"] if a["email"] == "trainee10@demo.kz")
    page = new_page(lang="kk", viewport=PHONE)
    sign_in(page, trainee["email"], trainee["password"], lang="kk")
    page.goto("/kk/assessment/practice/")
    page.locator("main a[href*='/assessment/practice/']").first.click()
    page.wait_for_load_state()
    practice = page.url.split("/kk/", 1)[1]
    typed = "Бақылау күнделігі: дүйсенбі, 2-сабақ, бала тапсырманы өзі бастады."
    fill_text(page, "text", typed)
    screenshot(page, JOURNEY, "kk-08-practice-typed")

    page.locator("nav.lang-nav").get_by_role("link", name="Русский").click()
    page.wait_for_url(f"**/ru/{practice}")
    # The rich-text editor starts from the kept text, and so does the form field it writes to.
    assert typed in page.locator("main textarea[name=text]").input_value()
    textarea_id = page.locator("main textarea[name=text]").get_attribute("id")
    assert typed in page.locator(f"#{textarea_id}-editor").inner_text()
    check_no_horizontal_overflow(page, "ru practice editor with the kept draft")
    screenshot(page, JOURNEY, "ru-09-practice-kept")
