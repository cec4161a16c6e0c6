"""A cohort's needs analysis beside the institute's own (seed 004, figures 1 and 2): the same
difficulties and needs, so each cohort's figures compare with 55 %, 40 % … of the programme."""

from __future__ import annotations

import pytest

from course.tests.factories import EnrolmentFactory
from quality.models import Response
from quality.questionnaire_data import SEED_NEEDS_SHARES
from quality.selectors import needs_results, questionnaire_current

from .conftest import url

pytestmark = pytest.mark.django_db


def _answer_needs(cohort, difficulties: list[list[int]]) -> None:
    needs = questionnaire_current(kind="needs")
    for chosen in difficulties:
        Response.objects.create(
            questionnaire=needs,
            enrolment=EnrolmentFactory(cohort=cohort),
            answers={"difficulties": chosen, "training_needs": [0]},
        )


def test_the_seed_figures_are_the_annexs_and_name_the_questionnaires_choices():
    needs = questionnaire_current(kind="needs")
    for code, figures in SEED_NEEDS_SHARES.items():
        assert list(figures) == needs.questions.get(code=code).choices("ru")
    assert list(SEED_NEEDS_SHARES["difficulties"].values()) == [55, 40, 30, 35, 25]
    assert list(SEED_NEEDS_SHARES["training_needs"].values()) == [60, 50, 45, 40, 35]


def test_each_difficulty_shows_the_cohorts_share_beside_the_seeds(cohort):
    # 4 respondents: 3 lack practical skills (75 %), 1 names burnout (25 %).
    _answer_needs(cohort, [[0], [0, 4], [0], [1]])

    count, summaries = needs_results(cohort=cohort, language="ru")

    assert count == 4
    difficulties = next(s for s in summaries if s.question.code == "difficulties")
    assert difficulties.shares == [
        ("Недостаток практических навыков работы с детьми с ООП", 3, 75, 55),
        ("Трудности в организации учебного процесса", 1, 25, 40),
        ("Нехватка инструментов взаимодействия с родителями", 0, 0, 30),
        ("Ограниченные цифровые компетенции", 0, 0, 35),
        ("Риск эмоционального выгорания", 1, 25, 25),
    ]
    needs = next(s for s in summaries if s.question.code == "training_needs")
    assert needs.shares[0] == ("Инклюзивное образование и работа с ООП", 4, 100, 60)


def test_a_reworded_choice_is_not_compared_with_the_seed(cohort):
    question = questionnaire_current(kind="needs").questions.get(code="difficulties")
    choices = question.choices_ru.splitlines()
    choices[0] = "Недостаток опыта"
    question.choices_ru = "\n".join(choices)
    question.save()
    _answer_needs(cohort, [[0]])

    _count, summaries = needs_results(cohort=cohort, language="ru")

    difficulties = next(s for s in summaries if s.question.code == "difficulties")
    assert difficulties.shares[0] == ("Недостаток опыта", 1, 100, None)
    assert difficulties.shares[1][3] == 40


def test_the_cohorts_quality_page_prints_the_comparison(client, cohort, trainer):
    _answer_needs(cohort, [[0], [0]])
    client.force_login(trainer)

    page = client.get(url("cohort", cohort.pk))

    assert page.status_code == 200
    assert "2 (100 %) · programme's needs analysis: 55 %" in page.text
