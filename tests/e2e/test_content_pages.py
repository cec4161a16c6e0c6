"""The programme's own content as a trainee meets it: the glossary, the exemplar lecture on a
phone, and search results in Kazakh and Russian — accessible (axe-core), nothing overflowing at
360 px, with screenshots under tests/screenshots/content/ for people to look at."""

from __future__ import annotations

import pytest

from .conftest import PHONE, check_accessibility, check_no_horizontal_overflow, screenshot, visit

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def demo_topics(server):
    server.python("from course.demo_content import seed\nseed({})\nprint('{}')")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_glossary_lists_every_term_with_its_legal_source(new_page, lang):
    page = new_page(lang=lang)
    visit(page, f"/{lang}/programme/glossary/", journey="content", name=f"{lang}-glossary")

    assert page.locator(".glossary-entry").count() == 10
    page.locator(".glossary-entry dt a").first.click()
    page.wait_for_selector("article.glossary-term")
    check_accessibility(page, f"{lang}-glossary-term")
    screenshot(page, "content", f"{lang}-glossary-term")


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_the_exemplar_lecture_reads_on_a_phone(new_page, demo_topics, lang):
    page = new_page(lang=lang, viewport=PHONE)
    page.goto(f"/{lang}/programme/module-2/topic-2-2/")

    check_no_horizontal_overflow(page, f"{lang} exemplar lecture at 360px")
    check_accessibility(page, f"{lang}-exemplar-lecture-phone")
    assert page.locator("details.transcript").count() == 1
    assert page.locator("fieldset.quiz").count() == 2
    # The self-hosted video plays here: Chromium has loaded its metadata (a duration of a
    # minute) from our own server, and the captions track is there.
    video = page.locator("figure.video video")
    video.scroll_into_view_if_needed()
    page.wait_for_function(
        "() => { const v = document.querySelector('figure.video video');"
        " return v.readyState >= 1 && v.duration > 0; }",
        timeout=20_000,
    )
    assert 55 <= video.evaluate("v => v.duration") <= 65
    assert video.evaluate("v => v.textTracks.length") == 1
    assert video.evaluate("v => v.textTracks[0].language") == lang
    page.locator("details.transcript summary").click()
    screenshot(page, "content", f"{lang}-exemplar-lecture-phone")


@pytest.mark.parametrize(("lang", "query"), [("kk", "инклюзивти"), ("ru", "адаптация")])
def test_search_from_the_header_shows_grouped_results_with_the_words_marked(new_page, lang, query):
    page = new_page(lang=lang)
    page.goto(f"/{lang}/programme/")
    page.locator("#header-search-q").fill(query)
    page.locator("#header-search-q").press("Enter")
    page.wait_for_url(f"**/{lang}/search/?q=*")

    assert page.locator(".search-group").count() >= 1
    assert page.locator(".search-results mark").count() >= 1
    check_accessibility(page, f"{lang}-search")
    screenshot(page, "content", f"{lang}-search-desktop")
    page.set_viewport_size(PHONE)
    check_no_horizontal_overflow(page, f"{lang} search results at 360px")
    screenshot(page, "content", f"{lang}-search-phone")
