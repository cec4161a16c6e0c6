"""Journey 1, the trainee, from the start: sign up, verify the email from the link in the letter,
fill the profile, join the cohort with its key, study a lecture topic and see the progress bar move,
submit a practice case with a file, read the trainer's feedback, take the theory test, submit the
individual support plan and download its PDF, see the released result, download the certificate.

Every page on the way is checked with axe-core and saved as a screenshot in Kazakh (the journey's
language) and Russian. Marking the topic studied, and confirming and submitting the plan, are done
with the keyboard only. The trainer's part in between (feedback, scoring, release) is arranged
through the services: the trainer journey does it in the browser."""

from __future__ import annotations

import re
import uuid

import pytest

from .conftest import (
    DESKTOP,
    PHONE,
    check_accessibility,
    check_no_horizontal_overflow,
    fill_text,
    focus_is_visible,
    open_menu,
    screenshot,
    visit,
)

pytestmark = pytest.mark.browser

JOURNEY = "trainee"
KEY = "E2E-JOIN-2026"
PASSWORD = "Saule-e2e-2026!pass"
FEEDBACK = "Бақылау нақты жазылған; келесі жолы баланың күшті жақтарын да атаңыз."
LEARNER = "L-7"


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


def test_a_trainee_goes_from_sign_up_through_study_test_and_plan_to_the_certificate(
    server, new_page, tmp_path
):
    arranged = server.arrange("open_cohort", key=KEY)
    theory = server.arrange("theory_test")
    email = f"saule.{uuid.uuid4().hex[:8]}@e2e.kz"
    page = new_page(lang="kk")

    # Sign up: first with a mistyped repeat of the password, which is refused and announced.
    page.goto("/kk/")
    _shot(page, "00-home")
    open_menu(page)
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
    page.locator("main form [type=submit]").first.click()
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

    # Study topic 1.1 (a lecture): reach it from the dashboard's next topic and mark it studied,
    # with the keyboard only.
    page.locator("main#main").focus()
    _tab_to(page, "el => el.tagName === 'A' && el.getAttribute('href').endsWith('/topic-1-1/')")
    assert focus_is_visible(page), "the focused link shows its focus"
    page.keyboard.press("Enter")
    page.wait_for_url("**/kk/programme/module-1/topic-1-1/")
    hours = int(re.search(r"(\d+)", page.locator(".eyebrow").inner_text().split("·")[-1])[1])
    assert _progress(page)[0] == done_before
    _shot(page, "08-topic-before")
    page.locator("main#main").focus()
    _tab_to(page, "el => el.tagName === 'BUTTON' && el.closest('.topic-actions') !== null")
    assert focus_is_visible(page), "the focused button shows its focus"
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
    check_accessibility(page, "kk dashboard at 360px")
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
    fill_text(
        page,
        "text",
        "Оқушы А. (8 жас) сабақта назарын 5 минуттан артық ұстай алмайды; "
        "визуалды кесте мен үзілістер көмектеседі.",
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
    assert "назарын 5 минуттан" in text, "the written case is shown"
    _shot(page, "14-practice-submitted")

    # The trainer accepts the case with feedback; the trainee finds it from the dashboard.
    server.arrange("practice_reviewed", trainee=email, feedback=FEEDBACK, password=PASSWORD)
    page.goto("/kk/study/")
    assert FEEDBACK[:40] in page.locator("main").inner_text(), "the dashboard shows the feedback"
    _shot(page, "15-dashboard-feedback")
    page.locator(f"main a[href$='/practice/{arranged['assignment']}/']").first.click()
    page.wait_for_url(f"**/kk/assessment/practice/{arranged['assignment']}/")
    assert FEEDBACK in page.locator("main").inner_text(), "the whole feedback is on the case"
    _shot(page, "16-practice-feedback")
    _also_in_russian(page, "16-practice-feedback")

    _take_the_theory_test(page, theory)
    _submit_the_support_plan(page, tmp_path)

    # The trainer scores, finalises and releases the result; the certificate is issued for it.
    released = server.arrange("final_result_released", trainee=email, password=PASSWORD)
    page.goto("/kk/study/")
    assert f"{released['total']} / 100" in page.locator("main").inner_text()
    _shot(page, "30-dashboard-result")
    page.locator("main a[href$='/assessment/my/']").first.click()
    page.wait_for_url("**/kk/assessment/my/")
    shown = page.locator("main").inner_text()
    assert f"{released['total']} / 100" in shown, "the released total"
    assert "Жағдаяттар нақты сипатталған." in shown, "the trainer's comment per criterion"
    _shot(page, "31-my-result")
    _also_in_russian(page, "31-my-result")

    # The certificate, from the dashboard's panel: a PDF with the trainee's name on it.
    page.goto("/kk/study/")
    with page.expect_download() as info:
        page.locator("main a[href*='/pdf/']").first.click()
    certificate = tmp_path / "certificate.pdf"
    info.value.save_as(certificate)
    assert certificate.read_bytes().startswith(b"%PDF")
    words = _pdf_text(certificate)
    assert "Нұрланова" in words and "Сәуле" in words, words[:500]
    page.goto("/kk/certificates/")
    _shot(page, "32-my-certificates")
    _also_in_russian(page, "32-my-certificates")


def _take_the_theory_test(page, theory: dict) -> None:
    """From the dashboard to the theory test: start, answer, submit, see the score and which
    answers were right; the dashboard then shows the score too."""
    page.goto("/kk/study/")
    page.locator(f"main a[href$='/assessment/theory/{theory['test']}/']").click()
    page.wait_for_url(f"**/kk/assessment/theory/{theory['test']}/")
    _shot(page, "17-theory-test")
    _also_in_russian(page, "17-theory-test")
    page.locator("main form [type=submit]").click()
    page.wait_for_url(re.compile(r"/kk/assessment/theory/attempts/\d+/$"))
    _shot(page, "18-theory-questions")
    if theory["minutes"]:
        # A timed test shows the time left, counting down as the trainee answers.
        clock = page.locator("[data-countdown-clock], [role=timer]").first
        assert re.fullmatch(r"\d+:\d{2}", clock.inner_text().strip()), clock.inner_text()
        first = clock.inner_text()
        page.wait_for_function(
            """(before) => {
                const c = document.querySelector('[data-countdown-clock], [role=timer]');
                return c && c.textContent.trim() !== before;
            }""",
            arg=first.strip(),
            timeout=5_000,
        )
    questions = page.locator("main form fieldset")
    assert questions.count() >= 1
    for index in range(questions.count()):
        question = questions.nth(index)
        legend = question.locator("legend").inner_text()
        correct = [answers for text, answers in theory["answers"].items() if text in legend]
        assert correct, f"a question of the bank: {legend}"
        for choice in correct[0]:
            question.get_by_label(choice, exact=True).check()
    page.locator("main form [type=submit]").last.click()
    page.wait_for_load_state()
    assert page.locator("[role=status]").count() >= 1, "the submission is announced"
    result = page.locator(".total-line").inner_text()
    assert re.search(r"(\d+) / (\d+)", result), result
    score, maximum = map(int, re.search(r"(\d+) / (\d+)", result).groups())
    assert score == maximum > 0, f"every answer right: {result}"
    assert page.locator("main form button[type=submit]").count() == 0, "the attempt is closed"
    _shot(page, "19-theory-result")
    _also_in_russian(page, "19-theory-result")
    page.goto("/kk/study/")
    assert f"{score} / {maximum}" in page.locator("main").inner_text(), "the dashboard's score"


def _add_row(page, prefix: str, button: re.Pattern) -> None:
    """One more row of a repeated part of the plan (ABC record, goal): with the form's own button
    when it has one, else by saving the draft, which brings an empty row."""
    total = page.locator(f"input[name={prefix}-TOTAL_FORMS]")
    before = int(total.input_value())
    add = page.locator("main form button:not([type=submit])").filter(has_text=button)
    if add.count():
        add.first.click()
    else:
        page.locator("button[name=action][value=save]").click()
        page.wait_for_load_state()
        assert page.locator("[role=status]").count() >= 1, "the saved draft is announced"
    assert int(total.input_value()) == before + 1, f"a new {prefix} row"


def _submit_the_support_plan(page, tmp_path) -> None:
    """The individual support plan from the main menu: every section filled, refused while the
    anonymisation is not confirmed, then confirmed and submitted with the keyboard; its PDF."""
    page.goto("/kk/study/")
    open_menu(page)
    page.locator("header a[href$='/assessment/plan/']").click()
    page.wait_for_url("**/kk/assessment/plan/")
    _shot(page, "20-plan-empty")
    _also_in_russian(page, "20-plan-empty")

    # 1. The learner, anonymised.
    page.locator("[name=learner_code]").fill(LEARNER)
    page.locator("[name=learner_age]").fill("9")
    page.locator("[name=learner_class]").fill("3 «Ә»")
    page.locator("select[name=sen_group]").select_option("behavioural")
    fill_text(page, "recommendations", "ПМПК: жеке көмекші, визуалды тірек, қысқа тапсырмалар.")
    # 2. Needs analysis with an ABC record.
    fill_text(page, "strengths", "Суретті жақсы көреді, ересектің мақтауына тез жауап береді.")
    fill_text(page, "barriers", "Ұзақ ауызша нұсқауларды ұстай алмайды; шу мазалайды.")
    fill_text(page, "abc-0-antecedent", "Мұғалім бірнеше қадамды нұсқауды ауызша берді.")
    fill_text(page, "abc-0-behaviour", "Оқушы дәптерін жауып, партаның астына кірді.")
    fill_text(page, "abc-0-consequence", "Ассистент тапсырманы кесте арқылы бөліп көрсетті.")
    # 3. A short-term and a long-term goal.
    page.locator("select[name=goal-0-term]").select_option("short")
    fill_text(page, "goal-0-goal", "Тапсырманы кесте бойынша 3 қадаммен орындайды.")
    page.locator("[name=goal-0-measure]").fill("Апта сайын бақылау парағы, 5 жағдайдың 4-еуі")
    page.locator("[name=goal-0-target_date]").fill("2027-01-15")
    _add_row(page, "goal", re.compile(r"goal|мақсат|цел", re.I))
    page.locator("select[name=goal-1-term]").select_option("long")
    fill_text(page, "goal-1-goal", "Сабақтың 20 минутында тапсырмаға өз бетінше қатысады.")
    page.locator("[name=goal-1-measure]").fill("Тоқсан сайын ABC бақылауы")
    page.locator("[name=goal-1-target_date]").fill("2027-05-20")
    # 4. Tools and why; 5. roles; 6. monitoring.
    page.locator("input[name=tools][value=visual_schedule]").check()
    page.locator("input[name=tools][value=task_analysis]").check()
    fill_text(page, "tools_rationale", "Кесте күтуді азайтады; тапсырманы қадамдарға бөлу.")
    fill_text(page, "role_teacher", "Тапсырмаларды бейімдейді, кестені сабақ басында көрсетеді.")
    fill_text(page, "role_specialists", "Психолог аптасына бір рет эмоцияны реттеуге үйретеді.")
    fill_text(page, "role_parents", "Үйде де сол кестені қолданады, апта сайын хабарласады.")
    fill_text(page, "monitoring_indicators", "Өз бетінше орындалған қадамдар саны.")
    page.locator("[name=monitoring_method]").fill("Бақылау парағы")
    page.locator("[name=monitoring_frequency]").fill("Апта сайын")
    page.locator("[name=monitoring_recorder]").fill("Педагог-ассистент")
    page.locator("[name=review_date]").fill("2027-02-01")
    _shot(page, "21-plan-filled")

    # Submitted without confirming the anonymisation: refused, announced, nothing lost.
    page.locator("button[name=action][value=submit]").click()
    page.wait_for_load_state()
    assert "/assessment/plan/" in page.url
    announced = _error_is_announced(page)
    assert page.locator("input[name=anonymised]").is_visible(), announced
    assert page.locator("[name=learner_code]").input_value() == LEARNER, "what was typed is kept"
    _shot(page, "22-plan-refused")

    # Confirmed and submitted with the keyboard only.
    page.locator("[name=review_date]").focus()
    _tab_to(page, "el => el.name === 'anonymised'")
    assert focus_is_visible(page), "the focused checkbox shows its focus"
    page.keyboard.press("Space")
    assert page.locator("input[name=anonymised]").is_checked()
    _tab_to(page, "el => el.name === 'action' && el.value === 'submit'")
    assert focus_is_visible(page), "the focused submit button shows its focus"
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/kk/assessment/plans/\d+/$"))
    assert page.locator("[role=status]").count() >= 1, "the submission is announced"
    shown = page.locator("main").inner_text()
    assert LEARNER in shown and "Апта сайын" in shown, "the submitted plan is shown"
    assert page.locator("button[name=action][value=submit]").count() == 0, "no longer editable"
    _shot(page, "23-plan-submitted")
    _also_in_russian(page, "23-plan-submitted")

    # Its PDF.
    with page.expect_download() as info:
        page.locator("main a[href$='/pdf/']").first.click()
    pdf = tmp_path / "support-plan.pdf"
    info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
    words = _pdf_text(pdf)
    assert LEARNER in words and "Педагог-ассистент" in words, words[:500]


def _pdf_text(path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)


def _write_png(path) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (320, 120), "white")
    ImageDraw.Draw(image).text((10, 50), "observation table", fill="black")
    image.save(path)
