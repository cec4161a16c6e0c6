from __future__ import annotations

import pytest
from django.core.management import call_command

from course.models import Cohort
from quality.models import Response, SelfAssessment, SurveyResponse, TrainerQualification
from quality.report import programme_report
from quality.selectors import cohort_competence, cohorts_with_trainer_shortfalls, survey_results

pytestmark = pytest.mark.django_db


def test_the_demo_gives_the_finished_cohort_coherent_quality_figures_once(settings):
    settings.DEBUG = True
    call_command("seed_demo", verbosity=0)
    call_command("seed_demo", verbosity=0)  # idempotent

    spring = Cohort.objects.get(code="demo-2026-spring")
    assert SurveyResponse.objects.filter(cohort=spring).count() == 5
    assert survey_results(cohorts=[spring], language="kk").shown
    assert Response.objects.filter(enrolment__cohort=spring).count() == 6
    assert SelfAssessment.objects.filter(enrolment__cohort=spring, stage="before").count() == 6
    assert SelfAssessment.objects.filter(enrolment__cohort=spring, stage="after").count() == 5
    figures = cohort_competence(cohort=spring, language="kk")
    # Everybody who stayed rated themselves higher after the course than before.
    assert all(row.after > row.before for row in figures.rows)

    report = programme_report(start=spring.ends_on, end=spring.ends_on).as_json()
    assert report["enrolled"] == 6 and report["completed"] == 5
    assert sum(report["passed"].values()) == 4 and report["not_passed"] == 1
    assert sum(row["enrolled"] for row in report["by_region"]) == 6
    assert all(row["region"] for row in report["by_region"])
    assert report["satisfaction"]["responses"] == 5 and report["satisfaction"]["mean"] is not None

    assert TrainerQualification.objects.count() == 2
    flagged = cohorts_with_trainer_shortfalls(cohorts=Cohort.objects.all())
    codes = {cohort.code for cohort, _rows in flagged}
    assert "demo-2026" in codes and "demo-2026-spring" not in codes
