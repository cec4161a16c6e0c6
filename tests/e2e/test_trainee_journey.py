"""Journey 1, the trainee, from the start: sign up, verify the email from the link in the letter,
fill the profile, join the cohort with its key, study a lecture topic and see the progress bar move.

Every page on the way is checked with axe-core and saved as a screenshot in Kazakh (the journey's
language) and Russian. Marking the topic studied is done with the keyboard only."""

from __future__ import annotations

import re
import uuid

import pytest

from .conftest import (
    DESKTOP,
    PHONE,
    check_accessibility,
    check_no_horizontal_overflow,
    screenshot,
    visit,
)

pytestmark = pytest.mark.browser

JOURNEY = "trainee"
KEY = "E2E-JOIN-2026"
PASSWORD = "Saule-e2e-2026!pass"


def _also_in_russian(page, name: str) -> None:
    """The same screen in Russian, checked and kept; then back to the Kazakh one."""
    path = re.sub(r"^https?://[^/]+", "", page.url)
    assert path.startswith("/kk/"), path
    visit(page, "/ru/" + path[4:], journey=JOURNEY, name=f"ru-{name}")
    assert page.locator("html").get_attribute("lang") == "ru"
    page.goto(path)


def _shot(page, name: str) -> None:
    check_accessibility(page, f"kk {name}")
    screenshot(page, JOURNEY, f"kk-{name}")


def _error_is_announced(page) -> str:
    """After a refused submission the errors are announced to a screen reader: they sit in an
    alert or live region (read out as the page loads) which names at least one error."""
    summary = page.locator("[role=alert], [aria-live]").filter(has_text=re.compile(r"\S"))
    assert summary.count() >= 1, "the form's errors are in an alert or live region"
    text = summary.first.inner_text()
    assert len(text.strip()) > 5, text
    return text


def _progress(page) -> tuple[int, int]:
    bar = page.locator("progress#progress-overall")
    return int(float(bar.get_attribute("value"))), int(float(bar.get_attribute("max")))


def _tab_to(page, predicate_js: str, limit: int = 80) -> None:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(f"() => ({predicate_js})(document.activeElement)"):
            return
    raise AssertionError(f"Tab never reached {predicate_js}")


def test_a_trainee_signs_up_verifies_fills_the_profile_joins_and_studies(
    server, new_page, tmp_path
):
    arranged = server.arrange("open_cohort", key=KEY)
    email = f"saule.{uuid.uuid4().hex[:8]}@e2e.kz"
    page = new_page(lang="kk")

    # Sign up: first with a mistyped repeat of the password, which is refused and announced.
    page.goto("/kk/")
    page.locator("header").get_by_role("link", name=re.compile("Тіркелу|Sign up")).click()
    page.wait_for_url("**/kk/accounts/signup/")
    _shot(page, "01-signup")
    _also_in_russian(page, "01-signup")
    page.locator("input[name=email]").fill(email)
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD + "x")
    page.locator("input[name=consent]").check()
    page.locator("form:has(input[name=password1]) [type=submit]").click()
    page.wait_for_load_state()
    assert "/accounts/signup/" in page.url
    _error_is_announced(page)
    _shot(page, "02-signup-refused")
    page.locator("input[name=password1]").fill(PASSWORD)
    page.locator("input[name=password2]").fill(PASSWORD)
    if not page.locator("input[name=consent]").is_checked():
        page.locator("input[name=consent]").check()
    page.locator("form:has(input[name=password1]) [type=submit]").click()
    page.wait_for_url(re.compile(r"/accounts/confirm-email/"))
    _shot(page, "03-verification-sent")

    # The letter holds the confirmation link; the trainee opens it and confirms.
    letters = server.emails(to=email)
    assert letters, "a verification email was sent"
    body = letters[-1].get_body(preferencelist=("plain", "html")).get_content()
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+?/", body)
    assert link, body
    page.goto(re.sub(r"^https?://[^/]+", "", link.group(0)))
    _shot(page, "04-confirm-email")
    page.locator("form [type=submit]").first.click()
    page.wait_for_load_state()
    if "/accounts/login/" in page.url:
        page.locator("input[name=login]").fill(email)
        page.locator("input[name=password]").fill(PASSWORD)
        page.locator("form:has(input[name=password]) [type=submit]").click()
        page.wait_for_load_state()
    assert "/accounts/login/" not in page.url

    # The profile: Kazakh and Russian spellings of the name, the school, the category.
    page.goto("/kk/accounts/profile/edit/")
    _shot(page, "05-profile-edit")
    _also_in_russian(page, "05-profile-edit")
    for name, value in {
        "surname_kk": "Нұрланова",
        "given_name_kk": "Сәуле",
        "surname_ru": "Нурланова",
        "given_name_ru": "Сауле",
        "school": "№ 12 жалпы білім беретін мектеп, Астана",
        "years_of_experience": "3",
        "employer_email": "school12@e2e.kz",
    }.items():
        page.locator(f"[name={name}]").fill(value)
    page.locator("select[name=position]").select_option("pedagogue_assistant")
    page.locator("select[name=region]").select_option("astana")
    page.locator("select[name=organisation_type]").select_option("general_school")
    page.locator("select[name=qualification_category]").select_option(index=1)
    page.locator("main form [type=submit]").last.click()
    page.wait_for_load_state()
    assert "/profile/edit/" not in page.url, page.locator("main").inner_text()[:500]

    # Join the cohort with its key: a wrong key first, refused and announced.
    page.goto("/kk/study/join/")
    page.locator("input[name=enrolment_key]").fill("NO-SUCH-KEY")
    page.locator("input[name=accept_agreement]").check()
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()
    _error_is_announced(page)
    _shot(page, "06-join-refused")
    page.locator("input[name=enrolment_key]").fill(KEY)
    page.locator("input[name=accept_agreement]").check()
    page.locator("main form [type=submit]").click()
    page.wait_for_url("**/kk/study/")
    assert page.locator("[role=status]").count() >= 1, "the welcome message is announced"
    _shot(page, "07-dashboard")
    _also_in_russian(page, "07-dashboard")
    done_before, total = _progress(page)
    assert total == 80

    # Study topic 1.1 (a lecture): open it, mark it studied with the keyboard only.
    page.goto("/kk/programme/module-1/topic-1-1/")
    hours = int(re.search(r"(\d+)", page.locator(".eyebrow").inner_text().split("·")[-1])[1])
    assert _progress(page)[0] == done_before
    _shot(page, "08-topic-before")
    page.locator("main#main").focus()
    _tab_to(page, "el => el.tagName === 'BUTTON' && el.closest('.topic-actions') !== null")
    page.keyboard.press("Space")
    page.wait_for_load_state()
    page.wait_for_selector(".studied-note")
    done_after, _ = _progress(page)
    assert done_after == done_before + hours, "the progress bar moved by the topic's hours"
    _shot(page, "09-topic-studied")
    _also_in_russian(page, "09-topic-studied")

    # The dashboard shows the new figure too, and fits a phone.
    page.set_viewport_size(PHONE)
    page.goto("/kk/study/")
    assert _progress(page)[0] == done_after
    check_no_horizontal_overflow(page, "kk dashboard at 360px")
    screenshot(page, JOURNEY, "kk-10-dashboard-phone")

    # A practice case with a file: the anonymisation must be confirmed first (refused otherwise).
    page.set_viewport_size(DESKTOP)
    page.goto("/kk/assessment/practice/")
    _shot(page, "11-practice-list")
    page.locator(f"main a[href$='/practice/{arranged['assignment']}/']").click()
    page.wait_for_url(f"**/kk/assessment/practice/{arranged['assignment']}/")
    _shot(page, "12-practice-case")
    _also_in_russian(page, "12-practice-case")
    attachment = tmp_path / "бақылау-кестесі.png"
    _write_png(attachment)
    page.locator("textarea[name=text]").fill(
        "Оқушы А. (8 жас) сабақта назарын 5 минуттан артық ұстай алмайды; "
        "визуалды кесте мен үзілістер көмектеседі."
    )
    page.locator("input[type=file][name=files]").set_input_files(str(attachment))
    page.locator("button[name=action][value=submit]").click()
    page.wait_for_load_state()
    _error_is_announced(page)
    assert page.locator("button[name=action][value=submit]").count() == 1, "still editable"
    assert page.locator("main [role=alert] a[href*=anonymised]").count() == 1
    _shot(page, "13-practice-refused")
    page.locator("input[type=file][name=files]").set_input_files(str(attachment))
    page.locator("input[name=anonymised]").check()
    page.locator("button[name=action][value=submit]").click()
    page.wait_for_load_state()
    assert page.locator("[role=status]").count() >= 1
    text = page.locator("main").inner_text()
    assert attachment.name in text or "бақылау" in text, "the attached file is listed"
    assert page.locator("button[name=action][value=submit]").count() == 0, "no longer editable"
    _shot(page, "14-practice-submitted")


def _write_png(path) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (320, 120), "white")
    ImageDraw.Draw(image).text((10, 50), "observation table", fill="black")
    image.save(path)
