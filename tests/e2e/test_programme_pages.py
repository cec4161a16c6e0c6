"""The programme as anyone sees it: programme, module and topic pages in Kazakh, Russian and
English — accessible (axe-core), in the right language, usable on a phone and with a keyboard."""

from __future__ import annotations

import pytest

from .conftest import (
    DESKTOP,
    LANGUAGES,
    PHONE,
    check_accessibility,
    check_no_horizontal_overflow,
    focus_is_visible,
    screenshot,
    visit,
)

pytestmark = pytest.mark.browser

PAGES = {
    "programme": "/{lang}/programme/",
    "module": "/{lang}/programme/module-2/",
    "topic": "/{lang}/programme/module-2/topic-2-1/",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_programme_module_and_topic_pages_are_accessible_in_each_language(new_page, lang):
    page = new_page(lang=lang)
    for name, path in PAGES.items():
        visit(page, path.format(lang=lang), journey="programme", name=f"{lang}-{name}-desktop")
        assert page.locator("html").get_attribute("lang") == lang, f"{name} page in {lang}"
        assert page.locator("h1").count() == 1
        assert page.locator("main#main").count() == 1


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_nothing_overflows_horizontally_on_a_phone(new_page, lang):
    page = new_page(lang=lang, viewport=PHONE)
    for name, path in PAGES.items():
        page.goto(path.format(lang=lang))
        check_no_horizontal_overflow(page, f"{lang} {name} page at 360px")
        screenshot(page, "programme", f"{lang}-{name}-phone")


def test_the_language_switcher_leads_to_the_same_page_in_russian(page):
    page.goto(PAGES["topic"].format(lang="kk"))
    page.locator("nav.lang-nav").get_by_role("link", name="Русский").click()
    page.wait_for_url("**/ru/programme/module-2/topic-2-1/")
    assert page.locator("html").get_attribute("lang") == "ru"


def _press_tab_until(page, predicate_js: str, *, limit: int = 60) -> None:
    """Press Tab until the focused element satisfies the JS predicate `el => bool`."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(
            f"() => {{ const el = document.activeElement; return ({predicate_js})(el); }}"
        ):
            return
    raise AssertionError(f"Tab never reached an element matching {predicate_js}")


def test_a_keyboard_user_reaches_a_topic_from_the_programme_with_visible_focus(page):
    page.set_viewport_size(DESKTOP)
    page.goto("/kk/programme/")

    # The first Tab lands on the skip link, which becomes visible and moves focus to <main>.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('skip-link')")
    assert focus_is_visible(page)
    box = page.evaluate("document.activeElement.getBoundingClientRect().left")
    assert box >= 0, "the focused skip link is shown on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    # From main, Tab goes into the content first (not back through the header).
    _press_tab_until(page, "el => el.closest('main') !== null")
    # On to the link of module 2 in the curriculum table, and follow it with Enter.
    _press_tab_until(
        page, "el => el.tagName === 'A' && el.getAttribute('href').endsWith('/module-2/')"
    )
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/kk/programme/module-2/")

    _press_tab_until(
        page, "el => el.tagName === 'A' && el.getAttribute('href').endsWith('/topic-2-1/')"
    )
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/kk/programme/module-2/topic-2-1/")
    assert page.locator("h1").is_visible()

    # The pager's "next topic" link is reachable too.
    _press_tab_until(page, "el => el.getAttribute('rel') === 'next'")
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    page.wait_for_url("**/kk/programme/module-2/topic-2-2/")
    check_accessibility(page, "kk topic 2.2 reached by keyboard")


def test_the_accessibility_check_fails_a_page_with_a_serious_violation(page):
    """The checker itself: an image without alt text and an unlabelled input are caught, so a
    green run means axe-core really ran."""
    page.set_content(
        '<html lang="kk"><head><title>t</title></head><body><main>'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw="><input type="text">'
        "</main></body></html>"
    )
    with pytest.raises(AssertionError) as caught:
        check_accessibility(page, "a deliberately broken page", record=False)
    assert "image-alt" in str(caught.value)
    assert "label" in str(caught.value)
