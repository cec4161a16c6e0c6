"""The mentor's day (issue 19), by clicking only. A graduate opens "Mentoring" from the menu and
asks a question; the mentor signs in with the authenticator code, finds the new ticket through
the menu's queue, answers, schedules a consultation, closes the ticket with a summary and opens
the mentoring report; the graduate follows the notification to the answer. On a phone and a
desktop, in Kazakh and Russian; axe on every page and no sideways scroll."""

from __future__ import annotations

import datetime
import re

import pytest

from .conftest import (
    DESKTOP,
    PHONE,
    open_menu,
    sign_in,
    sign_in_with_mfa,
    walk_check,
)

pytestmark = pytest.mark.browser

JOURNEY = "mentor-day"
PASSWORD = "e2e-mentor-day-2026"
# One secret per run: a code used once is refused a second time within its 30 seconds.
SECRETS = {
    ("kk", "phone"): "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLA",
    ("kk", "desktop"): "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLB",
    ("ru", "phone"): "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLC",
    ("ru", "desktop"): "KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLD",
}
SUBJECT = {
    "kk": "Визуалды кестені сыныпта қалай енгізуге болады?",
    "ru": "Как ввести визуальное расписание в классе?",
}
QUESTION = {
    "kk": "3-сынып оқушысы сабақтар ауысқанда мазасызданады. Кестені қайдан бастаған жөн?",
    "ru": "Ученик 3 класса тревожится при смене уроков. С чего начать расписание?",
}
ANSWER = {
    "kk": "Алғашқы үш сабақтың суреттерін іліп, әр сабақтан кейін бірге алып тастаңыз.",
    "ru": "Повесьте картинки первых трёх уроков дня и снимайте их вместе после каждого урока.",
}
SUMMARY = {
    "kk": "Визуалды кесте енгізілді; екі аптадан кейін нәтижесін талқылаймыз.",
    "ru": "Визуальное расписание введено; результат обсудим через две недели.",
}
SAYS = {
    "kk": {
        "sent": "Хабарламаңыз жіберілді.",
        "closed": "Өтінім жабылды.",
        "report": "Тәлімгерлік қолдау бойынша есеп",
        "answered": "Тәлімгеріңіз өтініміңізге жауап берді",
    },
    "ru": {
        "sent": "Ваше сообщение отправлено.",
        "closed": "Заявка закрыта.",
        "report": "Отчёт о наставничестве",
        "answered": "Наставник ответил на вашу заявку",
    },
}


@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_mentor_answers_schedules_and_closes_a_graduates_ticket_by_clicking_only(
    server, new_page, lang, size
):
    suffix = f"{lang}-{size}"
    secret = SECRETS[(lang, size)]
    case = server.arrange(
        "mentor_day", password=PASSWORD, totp_secret=secret, suffix=suffix, language=lang
    )
    viewport = PHONE if size == "phone" else DESKTOP

    def step(page, name: str) -> None:
        walk_check(page, JOURNEY, lang, size, name)

    # The graduate: "Mentoring" in the menu, "Ask a mentor", the question.
    graduate = new_page(lang=lang, viewport=viewport)
    sign_in(graduate, case["graduate"], PASSWORD, lang=lang)
    open_menu(graduate)
    graduate.locator(f"nav.main-nav a[href='/{lang}/mentoring/']").first.click()
    graduate.wait_for_url(f"**/{lang}/mentoring/")
    step(graduate, "01-graduate-mentoring")
    graduate.locator(f"main a[href$='/mentoring/new/{case['code']}/']").first.click()
    graduate.wait_for_url(f"**/mentoring/new/{case['code']}/")
    step(graduate, "02-graduate-new-ticket")
    graduate.locator("select[name=topic]").select_option(index=1)
    graduate.locator("input[name=subject]").fill(SUBJECT[lang])
    graduate.locator("textarea[name=description]").fill(QUESTION[lang])
    graduate.locator("input[name=preferred_format]").first.check()
    graduate.locator("input[name=anonymised_confirmed]").check()
    graduate.locator("main form [type=submit]").last.click()
    graduate.wait_for_url(re.compile(r"/mentoring/tickets/\d+/"))
    ticket = re.search(r"/mentoring/tickets/(\d+)/", graduate.url).group(1)
    assert SUBJECT[lang] in graduate.locator("main h1").inner_text()
    step(graduate, "03-graduate-ticket-sent")

    # The mentor: the queue from the menu, the new ticket in it.
    mentor = new_page(lang=lang, viewport=viewport)
    sign_in_with_mfa(mentor, case["mentor"], PASSWORD, secret, lang=lang)
    open_menu(mentor)
    mentor.locator(f"nav.main-nav a[href='/{lang}/mentoring/queue/']").first.click()
    mentor.wait_for_url(f"**/{lang}/mentoring/queue/")
    step(mentor, "04-mentor-queue")
    mentor.locator(f"main a[href$='/mentoring/tickets/{ticket}/']").first.click()
    mentor.wait_for_url(f"**/mentoring/tickets/{ticket}/")
    assert QUESTION[lang] in mentor.locator("main").inner_text()
    step(mentor, "05-mentor-ticket")

    # The answer.
    mentor.locator("textarea[name=body]").fill(ANSWER[lang])
    mentor.locator("form:has(textarea[name=body]) [type=submit]").click()
    mentor.wait_for_load_state()
    main = mentor.locator("main")
    assert SAYS[lang]["sent"] in mentor.locator("body").inner_text()
    assert ANSWER[lang] in main.inner_text()
    step(mentor, "06-mentor-answered")

    # A consultation three days ahead, at 15:00, online.
    day = datetime.date.today() + datetime.timedelta(days=3)
    form = mentor.locator("form[action$='/consultation/']")
    form.locator("input[name=starts_at]").fill(f"{day.isoformat()}T15:00")
    form.locator("input[name=location]").fill("https://meet.example.kz/pa-mentoring")
    form.locator("[type=submit]").click()
    mentor.wait_for_load_state()
    assert f"{day:%d.%m.%Y} 15:00" in mentor.locator("main").inner_text()
    step(mentor, "07-mentor-consultation")

    # Closed with a summary.
    form = mentor.locator("form[action$='/close/']")
    form.locator("textarea[name=summary]").fill(SUMMARY[lang])
    form.locator("[type=submit]").click()
    mentor.wait_for_load_state()
    assert SAYS[lang]["closed"] in mentor.locator("body").inner_text()
    assert SUMMARY[lang] in mentor.locator("main").inner_text()
    step(mentor, "08-mentor-closed")

    # Back to the queue by the breadcrumb; the report from its tabs.
    mentor.locator("nav.breadcrumbs a[href$='/mentoring/queue/']").click()
    mentor.wait_for_url(f"**/{lang}/mentoring/queue/")
    mentor.locator("main a[href$='/mentoring/report/']").click()
    mentor.wait_for_url(f"**/{lang}/mentoring/report/")
    assert SAYS[lang]["report"] in mentor.locator("main h1").inner_text()
    step(mentor, "09-mentor-report")

    # The graduate: the notification in the header leads to the answer.
    open_menu(graduate)
    graduate.locator(f"nav.main-nav a[href='/{lang}/mentoring/']").first.click()
    graduate.wait_for_url(f"**/{lang}/mentoring/")
    open_menu(graduate)
    graduate.locator(f"header a[href='/{lang}/notifications/']").click()
    graduate.wait_for_url(f"**/{lang}/notifications/")
    step(graduate, "10-graduate-notifications")
    graduate.locator("main a", has_text=SAYS[lang]["answered"]).first.click()
    graduate.wait_for_url(f"**/mentoring/tickets/{ticket}/")
    text = graduate.locator("main").inner_text()
    assert ANSWER[lang] in text and SUMMARY[lang] in text
    # The ticket's facts are words: on a phone one column, so none is broken mid-word.
    columns = graduate.locator("dl.ticket-facts").evaluate(
        "el => getComputedStyle(el).gridTemplateColumns.split(' ')"
        ".filter(track => parseFloat(track) > 0).length"
    )
    assert columns == (1 if size == "phone" else 4)
    step(graduate, "11-graduate-reads-the-answer")
