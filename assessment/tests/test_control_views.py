"""The pages of the module controls: the trainers' cohort × module grid (linked from the cohort
page), the settings and case grading there, the trainee's dashboard panel, and the item analysis
of the final test. Other people get 404."""

from __future__ import annotations

import pytest

from assessment import services
from assessment.models import (
    CaseAnswer,
    Choice,
    ControlSettings,
    ModuleControl,
    Question,
    TheoryTest,
)
from course.models import ModulePage

from .conftest import url

pytestmark = pytest.mark.django_db


@pytest.fixture
def control(programme):
    module = ModulePage.objects.filter(locale__language_code="kk").order_by("path").first()
    for n in range(2):
        question = Question.objects.create(module=module, text_kk=f"С{n}", text_en=f"Q{n}")
        Choice.objects.create(question=question, text_kk="иә", text_en="yes", is_correct=True)
        Choice.objects.create(question=question, text_kk="жоқ", text_en="no")
    return ModuleControl.objects.create(
        module=module, question_count=2, case_task_kk="Кейс", case_task_en="A case"
    )


def take(control, enrolment, *, right: bool):
    attempt = services.control_attempt_start(control=control, enrolment=enrolment)
    answers = {
        q: list(Choice.objects.filter(question_id=q, is_correct=right).values_list("pk", flat=True))
        for q in attempt.question_ids
    }
    return services.control_attempt_submit(attempt=attempt, answers=answers)


def test_the_cohort_page_links_its_trainer_to_the_grid_which_shows_who_is_behind(
    client, control, enrolment, trainer
):
    from course.tests.factories import EnrolmentFactory

    other = EnrolmentFactory(cohort=enrolment.cohort)
    take(control, enrolment, right=True)
    take(control, other, right=False)
    client.force_login(trainer)
    from course.tests.conftest import url as course_url

    cohort_page = client.get(course_url("cohort_detail", enrolment.cohort.code)).text
    assert url("cohort_controls", enrolment.cohort.code) in cohort_page
    page = client.get(url("cohort_controls", enrolment.cohort.code)).text
    assert "✓ 100 %" in page and "✗ 0 %" in page
    assert "1 trainee is behind" in page


def test_a_trainer_sets_the_time_limit_and_attempts_for_the_cohort(
    client, control, enrolment, trainer
):
    client.force_login(trainer)
    client.post(
        url("cohort_controls", enrolment.cohort.code),
        {"control": control.pk, "time_limit_minutes": "15", "attempts_allowed": "3"},
    )
    setting = ControlSettings.objects.get(control=control, cohort=enrolment.cohort)
    assert (setting.time_limit_minutes, setting.attempts_allowed) == (15, 3)


def test_a_trainer_sends_a_case_answer_back_for_rework_only_with_feedback(
    client, control, enrolment, trainer
):
    answer = services.case_answer_submit(control=control, enrolment=enrolment, text="Жауап")
    client.force_login(trainer)
    page = client.post(
        url("cohort_controls", enrolment.cohort.code),
        {"answer": answer.pk, "decision": "rework", "feedback": ""},
        follow=True,
    ).text
    assert "Say what to rework." in page
    answer.refresh_from_db()
    assert (answer.status, answer.reviewed_by) == (CaseAnswer.Status.SUBMITTED, None)
    client.post(
        url("cohort_controls", enrolment.cohort.code),
        {"answer": answer.pk, "decision": "rework", "feedback": "Толығырақ"},
    )
    answer.refresh_from_db()
    assert (answer.status, answer.feedback) == (CaseAnswer.Status.REWORK, "Толығырақ")


def test_nobody_else_sees_the_grid_or_changes_its_settings(client, control, enrolment, outsiders):
    for user in (enrolment.trainee, outsiders["trainer"], outsiders["trainee"]):
        client.force_login(user)
        assert client.get(url("cohort_controls", enrolment.cohort.code)).status_code == 404
        response = client.post(
            url("cohort_controls", enrolment.cohort.code),
            {"control": control.pk, "time_limit_minutes": "1", "attempts_allowed": "9"},
        )
        assert response.status_code == 404
    assert not ControlSettings.objects.exists()


def test_the_trainee_sees_their_module_results_on_the_dashboard(client, control, enrolment):
    from course.tests.conftest import url as course_url

    client.force_login(enrolment.trainee)
    html = client.get(course_url("dashboard")).text
    assert url("control_detail", control.pk) in html
    assert "not taken yet" in html
    take(control, enrolment, right=True)
    html = client.get(course_url("dashboard")).text
    assert "2 / 2" in html and "(100 %)" in html


def test_the_item_analysis_shows_facility_discrimination_and_option_counts(
    client, control, enrolment, trainer, programme
):
    from course.tests.factories import EnrolmentFactory

    test = TheoryTest.objects.create(
        programme=programme, title_kk="Т", title_en="Final", question_count=2
    )
    others = [EnrolmentFactory(cohort=enrolment.cohort) for _ in range(3)]
    # Totals 2, 2, 0, 0: each question right for the upper half only, so facility 0.50 and
    # discrimination (1 - 0) / 1 = 1.00; "yes" chosen twice of four (50 %).
    for who, right in zip([enrolment, *others], [True, True, False, False], strict=True):
        attempt = services.test_attempt_start(test=test, enrolment=who)
        answers = {
            q: list(
                Choice.objects.filter(question_id=q, is_correct=right).values_list("pk", flat=True)
            )
            for q in attempt.question_ids
        }
        services.test_attempt_submit(attempt=attempt, answers=answers)
    client.force_login(trainer)
    page = client.get(url("theory_items", test.pk)).text
    assert "the first finished attempt of 4 trainees" in page
    assert page.count("Facility: <strong>0.50</strong>") == 2
    assert page.count("Discrimination: <strong>1.00</strong>") == 2
    assert "Weak question" not in page
    client.force_login(enrolment.trainee)
    assert client.get(url("theory_items", test.pk)).status_code == 404
