"""The registrar may make the module controls part of the completion rule."""

from __future__ import annotations

import datetime

import pytest

from certificates.completion import CompletionFacts, RuleValues, missing_conditions

FACTS = {
    "status": "active",
    "status_label": "Studying",
    "hours_done": 80,
    "hours_total": 80,
    "practice_total": 14,
    "practice_accepted": 14,
    "theory_test_exists": True,
    "theory_test_taken": True,
    "plan_submitted": True,
    "defence_held": True,
    "cohort_ends_on": datetime.date(2026, 12, 1),
    "today": datetime.date(2026, 12, 1),
    "controls_total": 5,
    "controls_passed": 3,
}


def test_unpassed_module_controls_do_not_block_the_certificate_by_default():
    assert missing_conditions(facts=CompletionFacts(**FACTS), rule=RuleValues()) == []


def test_with_the_rule_on_two_unpassed_controls_of_five_are_named():
    missing = missing_conditions(
        facts=CompletionFacts(**FACTS), rule=RuleValues(require_module_controls=True)
    )
    assert [(m.code, m.to_do, m.reason) for m in missing] == [
        ("controls", "Pass 2 more module controls.", "3 of 5 module controls passed.")
    ]


@pytest.mark.django_db
def test_the_facts_count_the_controls_the_trainee_passed(programme):
    from assessment import services
    from assessment.models import Choice, ModuleControl, Question
    from certificates.models import CompletionRule
    from certificates.selectors import completion_missing
    from course.models import ModulePage
    from course.tests.factories import EnrolmentFactory

    enrolment = EnrolmentFactory()
    modules = list(ModulePage.objects.filter(locale__language_code="kk").order_by("path")[:2])
    controls = []
    for module in modules:
        question = Question.objects.create(module=module, text_kk="?")
        Choice.objects.create(question=question, text_kk="иә", is_correct=True)
        Choice.objects.create(question=question, text_kk="жоқ")
        controls.append(ModuleControl.objects.create(module=module, question_count=1))
    attempt = services.control_attempt_start(control=controls[0], enrolment=enrolment)
    right = list(Choice.objects.filter(question__module=modules[0], is_correct=True))
    services.control_attempt_submit(attempt=attempt, answers={right[0].question_id: [right[0].pk]})
    CompletionRule.objects.create(
        programme=enrolment.cohort.programme,
        min_hours_percent=80,
        require_module_controls=True,
    )
    codes = {m.code: m.reason for m in completion_missing(enrolment=enrolment)}
    assert codes["controls"] == "1 of 2 module controls passed."
