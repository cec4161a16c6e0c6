"""A new version of the programme takes along what the apps keep per programme, module and topic:
the completion rule, the mentoring policy, the theory test, its question bank, the module
controls and the practice assignments. The old version keeps its own."""

from __future__ import annotations

import pytest

from assessment.models import Assignment, Choice, ModuleControl, Question, TheoryTest
from certificates.models import CompletionRule
from course.models import ModulePage, TopicPage
from course.versioning import programme_new_version
from mentoring.models import MentoringPolicy

pytestmark = pytest.mark.django_db


def test_a_new_version_copies_the_rule_policy_test_questions_controls_and_assignments(programme):
    CompletionRule.objects.create(programme=programme, min_hours_percent=90)
    MentoringPolicy.objects.create(programme=programme, tickets_per_certificate=5)
    TheoryTest.objects.create(programme=programme, title_kk="Теориялық тест", question_count=10)
    module = ModulePage.objects.child_of(programme).get(number=2)
    question = Question(module=module, text_kk="Сұрақ?")
    question.choices.add(Choice(text_kk="Иә", is_correct=True), Choice(text_kk="Жоқ"))
    question.save()
    ModuleControl.objects.create(module=module, question_count=8, case_task_kk="Жағдаят")
    topic = TopicPage.objects.descendant_of(programme).get(number="1.5")
    Assignment.objects.create(topic=topic, brief_kk="<p>Кейс</p>")

    new = programme_new_version(programme=programme)

    assert CompletionRule.objects.get(programme=new).min_hours_percent == 90
    assert MentoringPolicy.objects.get(programme=new).tickets_per_certificate == 5
    assert TheoryTest.objects.get(programme=new).question_count == 10
    copied = Question.objects.get(module__in=ModulePage.objects.child_of(new))
    assert copied.module.specific.number == 2 and copied.pk != question.pk
    assert sorted(copied.choices.values_list("text_kk", "is_correct")) == [
        ("Жоқ", False),
        ("Иә", True),
    ]
    control = ModuleControl.objects.get(module__in=ModulePage.objects.child_of(new))
    assert (control.module.specific.number, control.question_count, control.case_task_kk) == (
        2,
        8,
        "Жағдаят",
    )
    assignment = Assignment.objects.get(topic__in=TopicPage.objects.descendant_of(new))
    assert (assignment.topic.specific.number, assignment.brief_kk) == ("1.5", "<p>Кейс</p>")
    # The old version keeps its own rows.
    assert CompletionRule.objects.get(programme=programme).min_hours_percent == 90
    assert Question.objects.filter(module=module).count() == 1
    assert ModuleControl.objects.get(module=module).question_count == 8
    assert Assignment.objects.filter(topic=topic).count() == 1
