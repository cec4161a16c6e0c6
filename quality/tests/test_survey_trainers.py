"""The end-of-course survey rates each trainer of the cohort (issue 20: "rating each module, the
materials, each trainer, and the organisation"), still anonymous and shown only from 5 ratings."""

from __future__ import annotations

import pytest

from cms.tests.factories import TrainerFactory
from course.tests.factories import EnrolmentFactory
from quality.models import Question, SurveyAnswered, SurveyResponse
from quality.report import programme_report
from quality.selectors import questionnaire_current, survey_results

from .conftest import url

pytestmark = pytest.mark.django_db

OTHER_ANSWERS = {
    "module_1": 4,
    "module_2": 4,
    "module_3": 4,
    "module_4": 4,
    "module_5": 4,
    "materials": 4,
    "organisation": 4,
}


def _answer(cohort, per_trainer: dict) -> None:
    SurveyResponse.objects.create(
        questionnaire=questionnaire_current(kind="survey"),
        cohort=cohort,
        answers=OTHER_ANSWERS | {"trainers": {str(k.pk): v for k, v in per_trainer.items()}},
    )


def test_the_survey_asks_about_each_trainer_by_name(client, ending_cohort, trainer):
    second = TrainerFactory(first_name="Бауыржан", last_name="Ахметов")
    ending_cohort.trainers.add(second)
    trainer.first_name, trainer.last_name = "Сәуле", "Жұмабаева"
    trainer.save()
    client.force_login(EnrolmentFactory(cohort=ending_cohort).trainee)

    page = client.get(url("survey"))

    assert questionnaire_current(kind="survey").questions.get(code="trainers").kind == (
        Question.Kind.TRAINERS
    )
    assert page.status_code == 200
    # The question in the reader's language (English reads the Kazakh source).
    assert "Тренердің жұмысын бағалаңыз: Бауыржан Ахметов" in page.text
    assert f'name="trainers__{second.pk}"' in page.text
    assert f'name="trainers__{trainer.pk}"' in page.text


def test_each_trainers_rating_is_required_and_stored_by_trainer(client, ending_cohort, trainer):
    second = TrainerFactory()
    ending_cohort.trainers.add(second)
    enrolment = EnrolmentFactory(cohort=ending_cohort)
    client.force_login(enrolment.trainee)
    data = dict.fromkeys(OTHER_ANSWERS, "4") | {f"trainers__{trainer.pk}": "5"}

    refused = client.post(url("survey"), data)

    assert refused.status_code == 200
    assert not SurveyResponse.objects.exists()
    assert not SurveyAnswered.objects.exists()

    client.post(url("survey"), data | {f"trainers__{second.pk}": "3"})

    stored = SurveyResponse.objects.get().answers["trainers"]
    assert stored == {
        str(trainer.pk): 5,
        str(second.pk): 3,
    }


def test_each_trainers_mean_is_shown_from_five_ratings_and_hidden_below(ending_cohort, trainer):
    trainer.first_name, trainer.last_name = "Сәуле", "Жұмабаева"
    trainer.save()
    newcomer = TrainerFactory(first_name="Бауыржан", last_name="Ахметов")
    for rating in (5, 5, 4, 4, 3):
        _answer(ending_cohort, {trainer: rating})
    for rating in (2, 4):
        _answer(ending_cohort, {trainer: 5, newcomer: rating})

    results = survey_results(cohorts=[ending_cohort], language="kk")

    summary = next(s for s in results.summaries if s.question.code == "trainers")
    # Сәуле: (5+5+4+4+3+5+5) / 7 = 31 / 7 = 4.4; Бауыржан: 2 ratings, under 5: not shown.
    assert summary.per_trainer == [("Бауыржан Ахметов", 2, None), ("Сәуле Жұмабаева", 7, 4.4)]
    # All the trainers together: (31 + 2 + 4) / 9 = 4.1.
    assert summary.mean == 4.1


def test_answers_of_the_first_version_rating_all_trainers_at_once_still_count(ending_cohort):
    for _ in range(5):
        SurveyResponse.objects.create(
            questionnaire=questionnaire_current(kind="survey"),
            cohort=ending_cohort,
            answers=OTHER_ANSWERS | {"trainers": 3},
        )

    summary = next(
        s
        for s in survey_results(cohorts=[ending_cohort], language="kk").summaries
        if s.question.code == "trainers"
    )

    assert (summary.mean, summary.per_trainer) == (3, [])


def test_the_reports_satisfaction_counts_each_trainers_rating(ended_cohort_with_trainer):
    cohort, trainer = ended_cohort_with_trainer
    for _ in range(5):
        _answer(cohort, {trainer: 1})

    report = programme_report(start=None, end=None)

    # Per response: 7 ratings of 4 and one of 1 → (5 × 28 + 5 × 1) / 40 = 3.625 → 3.62.
    assert report.satisfaction_mean == 3.62


@pytest.fixture
def ended_cohort_with_trainer(programme, trainer):
    import datetime as dt

    from django.utils import timezone

    from course.tests.factories import CohortFactory

    today = timezone.localdate()
    cohort = CohortFactory(
        trainers=[trainer],
        starts_on=today - dt.timedelta(days=60),
        ends_on=today - dt.timedelta(days=5),
    )
    return cohort, trainer


def test_a_rating_for_someone_who_is_not_the_cohorts_trainer_is_refused(ending_cohort, trainer):
    from django.core.exceptions import ValidationError

    from quality import services

    stranger = TrainerFactory()
    answers = OTHER_ANSWERS | {"trainers": {str(trainer.pk): 5, str(stranger.pk): 1}}

    with pytest.raises(ValidationError, match=r"Rate the trainers of your cohort\."):
        services.survey_submit(
            enrolment=EnrolmentFactory(cohort=ending_cohort),
            questionnaire=questionnaire_current(kind="survey"),
            answers=answers,
        )
    assert not SurveyResponse.objects.exists()
    assert not SurveyAnswered.objects.exists()
