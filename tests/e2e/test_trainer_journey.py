"""Journey 2, the trainer: sign in with the password and the authenticator app's code, record the
attendance of today's live session, grade a practice case with feedback — which the trainee then
reads (the feedback step of journey 1)."""

from __future__ import annotations

import pytest

from .conftest import check_accessibility, screenshot, sign_in, sign_in_with_mfa, visit

pytestmark = pytest.mark.browser

JOURNEY = "trainer"
PASSWORD = "e2e-trainer-password-2026"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
FEEDBACK = "Бақылау кестесі нақты; келесі жолы баланың күшті жақтарын да атаңыз."


def _shot(page, name: str, lang: str = "kk") -> None:
    check_accessibility(page, f"{lang} {name}")
    screenshot(page, JOURNEY, f"{lang}-{name}")


def test_a_trainer_signs_in_with_mfa_records_attendance_and_grades_a_case(
    server, new_page, tmp_path
):
    case = server.arrange("trainer_case", password=PASSWORD, totp_secret=TOTP_SECRET)
    page = new_page(lang="kk")

    # Password first, then the authenticator app's code.
    page.goto("/kk/accounts/login/")
    _shot(page, "00-login")
    sign_in_with_mfa(
        page,
        "trainer@e2e.kz",
        PASSWORD,
        TOTP_SECRET,
        at_code=lambda code_page: _shot(code_page, "01-mfa-code"),
    )

    # From "My studies" to the cohort, then to today's session and its register.
    page.goto("/kk/study/")
    check_accessibility(page, "kk trainer's studies")
    page.locator(f"main a[href$='/cohorts/{case['cohort']}/']").first.click()
    page.wait_for_url(f"**/kk/study/cohorts/{case['cohort']}/")
    _shot(page, "02-cohort")
    page.locator(f"main a[href$='/sessions/{case['session']}/attendance/']").first.click()
    page.wait_for_url(f"**/sessions/{case['session']}/attendance/")
    _shot(page, "03-attendance")
    present = page.locator(f"#mark-{case['enrolment']}-present")
    present.check()
    page.locator("main form [type=submit]").last.click()
    page.wait_for_load_state()
    page.goto(f"/kk/study/sessions/{case['session']}/attendance/")
    assert page.locator(f"#mark-{case['enrolment']}-present").is_checked(), "the mark was saved"
    visit(
        page,
        f"/ru/study/sessions/{case['session']}/attendance/",
        journey=JOURNEY,
        name="ru-03-attendance",
    )

    # The grading queue, the trainee's case, a decision with feedback.
    page.goto("/kk/assessment/grading/")
    _shot(page, "04-grading-queue")
    page.locator(f"main a[href$='/submissions/{case['submission']}/']").first.click()
    page.wait_for_url(f"**/submissions/{case['submission']}/")
    _shot(page, "05-submission-review")
    visit(
        page,
        f"/ru/assessment/submissions/{case['submission']}/",
        journey=JOURNEY,
        name="ru-05-submission-review",
    )
    page.goto(f"/kk/assessment/submissions/{case['submission']}/")
    page.locator("input[name=decision][value=accepted]").check()
    page.locator("textarea[name=feedback]").fill(FEEDBACK)
    page.locator("main form [type=submit]").last.click()
    page.wait_for_load_state()
    assert page.locator("[role=status]").count() >= 1, "the saved review is announced"
    _shot(page, "06-reviewed")

    # The trainee reads the feedback on the case.
    trainee = new_page(lang="kk")
    sign_in(trainee, case["trainee"], PASSWORD)
    trainee.goto("/kk/assessment/practice/")
    trainee.locator("main a[href*='/assessment/practice/']").first.click()
    trainee.wait_for_load_state()
    assert FEEDBACK in trainee.locator("main").inner_text()
    _shot(trainee, "07-trainee-reads-feedback")

    # The final assessment on the rubric: every criterion scored, finalised, released.
    page.goto(f"/kk/assessment/enrolments/{case['enrolment']}/score/")
    _shot(page, "08-final-assessment")
    total = 0
    for field in page.locator("input[name^=score_]").all():
        maximum = int(field.get_attribute("max") or 10)
        field.fill(str(maximum - 1))
        total += maximum - 1
    page.locator("button[name=action][value=finalise]").click()
    page.wait_for_load_state()
    # Finalising cannot be undone: the page asks once more, with the scores kept.
    page.locator("#confirm-finalise button[name=action][value=finalise]").click()
    page.wait_for_load_state()
    release = page.locator("form[action*='/release/'] [type=submit]")
    assert release.count() == 1, page.locator("main").inner_text()[:800]
    assert f"{total} / 100" in page.locator("main").inner_text()
    _shot(page, "09-finalised")
    release.click()
    page.wait_for_load_state()
    assert page.locator("form[action*='/release/']").count() == 0, "released"
    _shot(page, "10-released")

    # The trainee sees the released result: passed, the certificate pending until the completion
    # rule is met (topics, test, plan, its defence, the cohort's end).
    trainee.goto("/kk/assessment/my/")
    assert "Аттестациядан өтті — сертификат күтілуде" in trainee.locator("main").inner_text()
    # The rest of the course done, the certificate is issued at once.
    issued = server.arrange("completion_met", email=case["trainee"])
    assert issued["serial"], "the certificate is issued the moment the rule is met"
    trainee.goto("/kk/assessment/my/")
    assert str(total) in trainee.locator("main").inner_text()
    _shot(trainee, "11-trainee-result")
    trainee.goto("/kk/certificates/")
    _shot(trainee, "12-trainee-certificates")
    with trainee.expect_download() as info:
        trainee.locator("main a[href*='/pdf/']").first.click()
    pdf = tmp_path / "certificate.pdf"
    info.value.save_as(pdf)
    assert pdf.read_bytes().startswith(b"%PDF")
