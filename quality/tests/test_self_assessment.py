from __future__ import annotations

import datetime as dt
import re

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessment.tests.factories import finalised_result
from course.models import TopicCompletion
from course.tests.factories import EnrolmentFactory, kk_topic
from quality import services
from quality.models import SelfAssessment
from quality.outcomes import OUTCOMES
from quality.selectors import cohort_competence, growth_of, self_assessment_open_stage

from .conftest import all_rated, url

pytestmark = pytest.mark.django_db


def test_the_checklist_is_the_programmes_16_outcomes_in_their_three_groups():
    from course.programme_data import PROGRAMME

    assert [o.group for o in OUTCOMES].count("knows") == 6
    assert [o.group for o in OUTCOMES].count("can") == 6
    assert [o.group for o in OUTCOMES].count("skills") == 4
    # The same text object as the programme's: one source, not a copy.
    assert OUTCOMES[12].texts["kk"] is PROGRAMME["outcomes"]["groups"][2]["items"]["kk"][0]
    assert OUTCOMES[0].title.startswith("Ерекше білім беру қажеттілігі бар")


def test_before_is_open_at_the_start_and_closes_with_the_first_topic_done(enrolment):
    assert self_assessment_open_stage(enrolment=enrolment) == "before"
    TopicCompletion.objects.create(enrolment=enrolment, topic=kk_topic("1.1"), source="studied")
    assert self_assessment_open_stage(enrolment=enrolment) is None


def test_after_opens_in_the_last_two_weeks_and_closes_when_the_result_is_finalised(
    ending_cohort, trainee
):
    enrolment = EnrolmentFactory(cohort=ending_cohort, trainee=trainee)
    assert self_assessment_open_stage(enrolment=enrolment) == "after"
    finalised_result(enrolment=enrolment)
    assert self_assessment_open_stage(enrolment=enrolment) is None


def test_a_trainee_rates_each_stage_once(enrolment):
    services.self_assessment_submit(enrolment=enrolment, stage="before", ratings=all_rated(2))
    with pytest.raises(ValidationError, match=re.escape("This self-assessment is not open now.")):
        services.self_assessment_submit(enrolment=enrolment, stage="before", ratings=all_rated(3))
    assert SelfAssessment.objects.get(enrolment=enrolment).ratings == all_rated(2)


def test_a_rating_outside_1_to_4_or_a_missing_outcome_is_refused_and_nothing_is_saved(enrolment):
    with pytest.raises(
        ValidationError, match=re.escape("Each rating must be a whole number from 1 to 4.")
    ):
        services.self_assessment_submit(
            enrolment=enrolment, stage="before", ratings={**all_rated(2), "knows-1": 5}
        )
    partial = all_rated(2)
    del partial["skills-4"]
    with pytest.raises(ValidationError, match=re.escape("Rate every one of the 16 outcomes.")):
        services.self_assessment_submit(enrolment=enrolment, stage="before", ratings=partial)
    assert not SelfAssessment.objects.exists()


def test_the_after_stage_cannot_be_sent_while_only_before_is_open(enrolment):
    with pytest.raises(ValidationError, match=re.escape("This self-assessment is not open now.")):
        services.self_assessment_submit(enrolment=enrolment, stage="after", ratings=all_rated(4))
    assert not SelfAssessment.objects.exists()


def test_growth_per_outcome_is_before_and_after_with_the_change(enrolment):
    SelfAssessment.objects.create(
        enrolment=enrolment, stage="before", ratings={**all_rated(1), "can-2": 2}
    )
    SelfAssessment.objects.create(enrolment=enrolment, stage="after", ratings=all_rated(3))
    rows = {row.outcome.code: row for row in growth_of(enrolment=enrolment)}
    assert (rows["knows-1"].before, rows["knows-1"].after, rows["knows-1"].change) == (1, 3, 2)
    assert (rows["can-2"].before, rows["can-2"].after, rows["can-2"].change) == (2, 3, 1)
    assert rows["knows-1"].after_percent == 75  # 3 of 4


def test_the_trainee_fills_the_form_and_sees_the_growth_table(client, enrolment):
    client.force_login(enrolment.trainee)
    page = client.get(url("competence"))
    assert page.status_code == 200
    assert "I use it confidently and can explain it to a colleague" in page.text
    data = dict.fromkeys(all_rated(2), "2")
    response = client.post(url("competence"), data)
    assert response.status_code == 302
    assert response["Location"] == url("growth", enrolment.pk)
    growth = client.get(url("growth", enrolment.pk))
    assert "Self-rating per outcome (table)" in growth.text
    assert OUTCOMES[0].texts["en"] in growth.text


def test_a_form_with_an_outcome_left_out_saves_nothing(client, enrolment):
    client.force_login(enrolment.trainee)
    data = dict.fromkeys(all_rated(2), "2")
    del data["knows-3"]
    response = client.post(url("competence"), data)
    assert response.status_code == 200
    assert "Rate every outcome, then send again." in response.text
    assert not SelfAssessment.objects.exists()


def test_another_trainee_and_another_cohorts_trainer_get_404_for_the_growth_page(client, enrolment):
    from cms.tests.factories import TraineeFactory, TrainerFactory

    SelfAssessment.objects.create(enrolment=enrolment, stage="before", ratings=all_rated(2))
    for stranger in (TraineeFactory(), TrainerFactory()):
        client.force_login(stranger)
        assert client.get(url("growth", enrolment.pk)).status_code == 404
    client.logout()
    response = client.get(url("growth", enrolment.pk))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_cohorts_trainer_and_a_registrar_see_the_growth_page(
    client, enrolment, trainer, registrar
):
    for person in (trainer, registrar):
        client.force_login(person)
        assert client.get(url("growth", enrolment.pk)).status_code == 200


def test_the_trainer_sees_low_ratings_before_the_course_and_scores_beside_self_ratings(
    client, cohort, trainer
):
    low = EnrolmentFactory(cohort=cohort)
    high = EnrolmentFactory(cohort=cohort)
    SelfAssessment.objects.create(
        enrolment=low, stage="before", ratings={**all_rated(3), "knows-1": 1, "skills-2": 2}
    )
    SelfAssessment.objects.create(enrolment=high, stage="before", ratings=all_rated(4))
    SelfAssessment.objects.create(enrolment=high, stage="after", ratings=all_rated(4))
    finalised_result(
        enrolment=high,
        scores={"theory": 18, "practice": 27, "plan": 27, "defence": 9, "participation": 9},
    )
    figures = cohort_competence(cohort=cohort, language="en")
    assert [(item.outcomes[0][0].code, item.outcomes[1][0].code) for item in figures.low] == [
        ("knows-1", "skills-2")
    ]
    side = {row.enrolment_id: row for row in figures.side_by_side}
    assert side[high.pk].total == 90 and side[high.pk].criteria == [18, 27, 27, 9, 9]
    assert (side[high.pk].before, side[high.pk].after) == (4, 4)
    assert side[low.pk].total is None and side[low.pk].before == 2.8  # (14×3 + 1 + 2) / 16
    rows = {row.outcome.code: row for row in figures.rows}
    assert rows["knows-1"].before == 2.5 and rows["knows-1"].responses == 2  # (1 + 4) / 2
    client.force_login(trainer)
    page = client.get(url("cohort", cohort.pk))
    assert page.status_code == 200
    assert "Low self-ratings before the course" in page.text


def test_a_trainer_of_another_cohort_and_a_trainee_get_404_for_the_cohort_page(client, cohort):
    from cms.tests.factories import TraineeFactory, TrainerFactory

    for stranger in (TrainerFactory(), TraineeFactory()):
        client.force_login(stranger)
        assert client.get(url("cohort", cohort.pk)).status_code == 404


def test_the_dashboard_asks_for_the_before_self_assessment(client, enrolment):
    client.force_login(enrolment.trainee)
    page = client.get("/en/study/")
    assert "Rate your competences before module 1" in page.text
    assert "Fill in the needs questionnaire (at the start of the course)" in page.text
    SelfAssessment.objects.create(enrolment=enrolment, stage="before", ratings=all_rated(2))
    page = client.get("/en/study/")
    assert "Rate your competences before module 1" not in page.text
    assert "See your growth per outcome" in page.text


def test_the_after_window_is_the_setting_in_days_before_the_cohort_ends(enrolment, settings):
    today = timezone.localdate()
    enrolment.cohort.ends_on = today + dt.timedelta(days=20)
    settings.QUALITY_AFTER_SELF_ASSESSMENT_DAYS = 20
    assert self_assessment_open_stage(enrolment=enrolment, today=today) == "after"
    settings.QUALITY_AFTER_SELF_ASSESSMENT_DAYS = 19
    assert self_assessment_open_stage(enrolment=enrolment, today=today) == "before"
