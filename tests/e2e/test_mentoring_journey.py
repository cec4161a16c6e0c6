"""Journey 5: a graduate opens a mentoring ticket about a child in their school; a mentor signs in
with the authenticator code, finds it in the queue and answers; the graduate reads the answer."""

from __future__ import annotations

import re

import pytest

from .conftest import (
    PHONE,
    check_accessibility,
    check_no_horizontal_overflow,
    screenshot,
    sign_in,
    sign_in_with_mfa,
)

pytestmark = pytest.mark.browser

JOURNEY = "mentoring"
PASSWORD = "e2e-mentoring-password-2026"
TOTP_SECRET = "MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK"
SUBJECT = "Сабақта ашуланған баланы қалай тыныштандыруға болады?"
ANSWER = "Алдымен триггерді ABC жазбасымен анықтаңыз; тыныш бұрыш пен визуалды таймер қолданыңыз."


def _shot(page, name: str, lang: str = "kk") -> None:
    check_accessibility(page, f"{lang} {name}")
    screenshot(page, JOURNEY, f"{lang}-{name}")


def test_a_graduate_opens_a_ticket_and_a_mentor_answers_it(server, new_page):
    case = server.arrange("mentoring_case", password=PASSWORD, totp_secret=TOTP_SECRET)

    graduate = new_page(lang="kk", viewport=PHONE)
    sign_in(graduate, "graduate@e2e.kz", PASSWORD)
    graduate.goto("/kk/mentoring/")
    check_no_horizontal_overflow(graduate, "kk mentoring page at 360px")
    _shot(graduate, "01-mentoring")
    graduate.locator(f"main a[href*='/mentoring/new/{case['code']}/']").click()
    graduate.wait_for_url(f"**/mentoring/new/{case['code']}/")
    _shot(graduate, "02-new-ticket")
    graduate.locator("select[name=topic]").select_option(index=1)
    graduate.locator("input[name=subject]").fill(SUBJECT)
    graduate.locator("textarea[name=description]").fill(
        "2-сынып оқушысы (8 жас) тапсырма ауысқанда айқайлап, партадан кетеді."
    )
    graduate.locator("input[name=preferred_format]").first.check()
    graduate.locator("input[name=anonymised_confirmed]").check()
    graduate.locator("main form [type=submit]").last.click()
    graduate.wait_for_url(re.compile(r"/mentoring/tickets/\d+/"))
    ticket_path = re.sub(r"^https?://[^/]+", "", graduate.url)
    assert SUBJECT in graduate.locator("main").inner_text()
    _shot(graduate, "03-ticket-sent")

    mentor = new_page(lang="ru")
    sign_in_with_mfa(mentor, "mentor@e2e.kz", PASSWORD, TOTP_SECRET, lang="ru")
    mentor.goto("/ru/mentoring/queue/")
    _shot(mentor, "04-queue", lang="ru")
    mentor.get_by_role("link", name=SUBJECT).first.click()
    mentor.wait_for_url(re.compile(r"/mentoring/tickets/\d+/"))
    _shot(mentor, "05-ticket", lang="ru")
    mentor.locator("textarea[name=body]").fill(ANSWER)
    mentor.locator("form:has(textarea[name=body]) [type=submit]").click()
    mentor.wait_for_load_state()
    assert ANSWER in mentor.locator("main").inner_text()

    graduate.goto(ticket_path)
    assert ANSWER in graduate.locator("main").inner_text(), "the graduate reads the answer"
    check_no_horizontal_overflow(graduate, "kk ticket with the answer at 360px")
    _shot(graduate, "06-answer-read")
