"""A new trainee's first day (issue 19), by clicking only after the invitation's link: set the
password → the dashboard's checklist (profile → join → first topic) → the self-assessment → the
needs questionnaire → switch language → a topic studied to its end with its questions → the
module 1 control → a practice work handed in → the glossary searched from the header → the
dashboard's deadline and module result. On a phone and a desktop, starting in Kazakh and in
Russian; axe and no sideways scroll at every step."""

from __future__ import annotations

import re

import pytest

from .conftest import (
    DESKTOP,
    PHONE,
    fill_text,
    walk_check,
)
from .test_registrar_day import open_menu, open_menu_link

pytestmark = pytest.mark.browser

JOURNEY = "trainee-day"
PASSWORD = "Trainee-day-e2e-2026!"
OTHER = {"kk": "ru", "ru": "kk"}
SEARCH = {"kk": "қолдау", "ru": "сопровождение"}
PROFILE = {
    "surname_kk": "Есенова",
    "given_name_kk": "Ақерке",
    "surname_ru": "Есенова",
    "given_name_ru": "Акерке",
    "school": "№ 12 жалпы білім беретін мектеп, Астана",
    "years_of_experience": "2",
    "employer_email": "school12@e2e.kz",
}


def _switch_language(page, lang: str) -> None:
    """The header's language switcher, opened behind the menu button on narrow screens."""
    open_menu(page)
    page.locator(f"header a[hreflang='{lang}'], header a[lang='{lang}']").first.click()
    page.wait_for_function(f"document.documentElement.lang === '{lang}'")


def _answer_every_question(page) -> None:
    """A questionnaire's form: the first choice of each question, a few words in text boxes."""
    form = page.locator("main form[method=post]").first
    for fieldset in form.locator("fieldset").all():
        fieldset.locator("input[type=radio], input[type=checkbox]").first.check()
    for field in form.locator("textarea, input[type=text], input[type=number]").all():
        if field.is_visible() and not field.input_value():
            field.fill("3" if field.get_attribute("type") == "number" else "Визуалды кесте")
    for select in form.locator("select").all():
        select.select_option(index=1)


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_new_trainee_spends_her_first_day_by_clicking_only(
    server, new_page, tmp_path, lang, size
):
    suffix = f"{lang}-{size}"
    case = server.arrange("trainee_day", password=PASSWORD, suffix=suffix)
    page = new_page(lang=lang, viewport=PHONE if size == "phone" else DESKTOP)

    def step(name: str) -> None:
        walk_check(page, JOURNEY, lang, size, name)

    def dashboard() -> None:
        open_menu_link(page, "/study/").click()
        page.wait_for_url(re.compile(r"/study/$"))

    # The invitation's link (the one address that comes from outside: the letter).
    letter = server.emails(to=case["email"])[-1]
    body = letter.get_body(preferencelist=("plain",)).get_content()
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", body)
    assert link, body
    page.goto(re.sub(r"^https?://[^/]+", "", link.group(0)))
    if lang != "kk":
        _switch_language(page, lang)  # the letter speaks the site's default language
    page.wait_for_selector("input[name=password1]")
    step("01-set-password")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    page.locator("main form:has(input[name=password1]) [type=submit]").first.click()
    page.wait_for_load_state()
    if page.locator("input[name=password]").count() == 0 and "/study/" not in page.url:
        open_menu_link(page, "/accounts/login/").click()
        page.wait_for_url(re.compile(r"/accounts/login/"))
    if page.locator("input[name=password]").count():
        page.locator("input[name=login]").fill(case["email"])
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("form:has(input[name=password]) [type=submit]").first.click()
        page.wait_for_load_state()
    assert "/accounts/" not in page.url, page.url
    if "/study/" not in page.url:
        dashboard()
    assert f"/{lang}/" in page.url, "the language she chose is kept after signing in"
    checklist = page.locator("main .checklist")
    assert checklist.locator("li").count() == 3
    step("02-checklist")

    # 1. The profile.
    checklist.locator("a[href$='/profile/edit/']").click()
    page.wait_for_url(re.compile(r"/profile/edit/"))
    for name, value in PROFILE.items():
        page.locator(f"main [name={name}]").fill(value)
    page.locator("select[name=position]").select_option("pedagogue_assistant")
    page.locator("select[name=region]").select_option("astana")
    page.locator("select[name=organisation_type]").select_option("general_school")
    page.locator("select[name=qualification_category]").select_option(index=1)
    step("03-profile")
    page.locator("main form [type=submit]").last.click()
    page.wait_for_load_state()
    assert "/profile/edit/" not in page.url, page.locator("main").inner_text()[:500]
    dashboard()

    # 2. Join the cohort with its key.
    page.locator("main .checklist a[href$='/study/join/']").click()
    page.wait_for_url(re.compile(r"/study/join/"))
    page.locator("input[name=enrolment_key]").fill(case["key"])
    page.locator("input[name=accept_agreement]").check()
    step("04-join")
    page.locator("main form [type=submit]").click()
    page.wait_for_url(re.compile(r"/study/$"))
    step("05-joined")

    # Before module 1: the self-assessment (open only until she starts studying) and the needs
    # questionnaire, from the dashboard.
    page.locator("main a[href$='/quality/competence/']").click()
    page.wait_for_url(re.compile(r"/quality/competence/"))
    for fieldset in page.locator("main form fieldset.rating").all():
        fieldset.locator("input[type=radio]").nth(1).check()
    step("06-self-assessment")
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("main [role=alert]").count() == 0, page.locator("main").inner_text()[:400]
    dashboard()
    page.locator("main a[href$='/quality/needs/']").click()
    page.wait_for_url(re.compile(r"/quality/needs/"))
    _answer_every_question(page)
    step("07-needs")
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("main [role=alert]").count() == 0, page.locator("main").inner_text()[:400]
    dashboard()

    # 3. The first topic, studied to its end.
    page.locator("main .checklist li.todo a").click()
    page.wait_for_url(re.compile(r"/topic-1-1/"))
    page.locator("#study-form [type=submit]").click()
    page.wait_for_selector(".studied-note")
    step("08-first-topic")
    dashboard()
    assert page.locator("main .checklist").count() == 0, "the checklist is done and gone"

    # Midway, she switches language; the rest of the day is in the other one.
    second = OTHER[lang]
    _switch_language(page, second)
    assert f"/{second}/study/" in page.url
    step("09-switched")

    # Topic 2.2 to its end, from the programme: its questions answered right.
    page.locator("header a.brand").click()
    page.locator("main a[href*='/programme/']").first.click()
    page.locator("main a[href*='/module-2/']").first.click()
    page.wait_for_url(re.compile(r"/module-2/$"))
    page.locator("main a[href*='/topic-2-2/']").first.click()
    page.wait_for_url(re.compile(r"/topic-2-2/$"))
    for answer in case["answers"][second]:
        page.get_by_label(answer, exact=True).check()
    step("10-topic-questions")
    page.locator("#study-form [type=submit]").click()
    page.wait_for_selector(".studied-note")

    # The module 1 control, from the dashboard.
    dashboard()
    page.locator("main a[href*='/assessment/controls/']").first.click()
    page.wait_for_url(re.compile(r"/assessment/controls/\d+/$"))
    step("11-control")
    page.locator("main form:not(:has(textarea)) [type=submit]").first.click()
    page.wait_for_url(re.compile(r"/controls/attempts/\d+/$"))
    for fieldset in page.locator("main form fieldset").all():
        fieldset.locator("input").first.check()
    step("12-control-questions")
    page.locator("main form[data-countdown-form] [type=submit]").last.click()
    page.wait_for_load_state()
    total = page.locator(".total-line").inner_text()
    score = re.search(r"(\d+) / (\d+)", total)
    assert score, total
    step("13-control-result")

    # A practice work handed in, from the menu.
    open_menu_link(page, "/assessment/practice/").click()
    page.wait_for_url(re.compile(r"/assessment/practice/$"))
    page.locator("main a[href*='/assessment/practice/']").first.click()
    page.wait_for_url(re.compile(r"/assessment/practice/\d+/$"))
    fill_text(page, "text", "Оқушы А. (8 жас): визуалды кесте мен үзілістер көмектеседі.")
    page.locator("input[name=anonymised]").check()
    step("14-practice")
    page.locator("button[name=action][value=submit]").click()
    page.wait_for_load_state()
    assert page.locator("button[name=action][value=submit]").count() == 0, "handed in"
    step("15-practice-submitted")

    # The glossary, searched from the header: its box on a desktop; on a phone the header's
    # search icon leads to the search page and its form.
    box = page.locator("header input[type=search]").first
    if box.is_visible():
        box.fill(SEARCH[second])
        page.locator("header form[role=search] [type=submit]").first.click()
    else:
        page.locator("header a.search-link").first.click()
        page.locator("main input[type=search], main input[name=q]").first.fill(SEARCH[second])
        page.locator("main form [type=submit]").first.click()
    page.wait_for_url(re.compile(r"q="))
    step("16-search")
    page.locator("main a[href*='psychological-pedagogical-support']").first.click()
    page.wait_for_url(re.compile(r"psychological-pedagogical-support"))
    step("17-glossary-term")

    # The dashboard: the practice works' deadline and the module 1 result.
    dashboard()
    shown = page.locator("main").inner_text()
    assert page.locator("main h2", has_text=re.compile("мерзім|срок", re.I)).count() >= 1, shown[
        :800
    ]
    assert f"{score[1]} / {score[2]}" in shown, "the module control's result"
    step("18-dashboard")
