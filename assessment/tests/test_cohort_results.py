"""The cohort results page: table, chart, exports, access and a constant number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from assessment.models import CriterionScore, FinalResult, Rubric
from assessment.rubric import band_for
from cms.models import User
from cms.tests.spreadsheets import csv_rows, xlsx_formulas, xlsx_rows
from course.models import Enrolment

from .conftest import url
from .factories import EnrolmentFactory, RegistrarFactory, finalised_result

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://x","y")'
KK_GOOD = "Аттестация сәтті өтті (жақсы)"
KK_FINALISED = "Бекітілді"

SCORES_BY_BAND = {
    "excellent": {"theory": 19, "practice": 28, "plan": 27, "defence": 9, "participation": 9},
    "good": {"theory": 15, "practice": 22, "plan": 22, "defence": 8, "participation": 7},
    "satisfactory": {"theory": 12, "practice": 16, "plan": 16, "defence": 6, "participation": 5},
    "fail": {"theory": 5, "practice": 10, "plan": 10, "defence": 5, "participation": 5},
}


def test_the_table_lists_every_trainee_with_criterion_scores_total_and_band(
    client, trainer, cohort, enrolment
):
    finalised_result(enrolment=enrolment, scores=SCORES_BY_BAND["good"])
    client.force_login(trainer)
    response = client.get(url("cohort_results", cohort.code))
    assert response.status_code == 200
    page = response.text
    assert "Mastery of theory" in page
    assert ">74<" in page
    assert "Passed — good" in page
    # The chart tells bands by pattern and label, and has a table alternative.
    assert "<svg" in page and 'role="img"' in page
    assert "Number of trainees per band" in page
    assert "Diagonal stripes" in page


def test_the_results_export_as_csv_and_xlsx(client, trainer, cohort, enrolment):
    finalised_result(enrolment=enrolment, scores=SCORES_BY_BAND["excellent"])
    client.force_login(trainer)
    response = client.get(url("cohort_results_export", cohort.code, "csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = csv_rows(response)
    assert rows[0][:2] == ["Trainee", "Email"]
    assert rows[1][1] == enrolment.trainee.email
    assert rows[1][2:9] == ["19", "28", "27", "9", "9", "92", "Passed — excellent"]

    response = client.get(url("cohort_results_export", cohort.code, "xlsx"))
    values = xlsx_rows(response)[1]
    assert values[1] == enrolment.trainee.email
    assert values[2:9] == [19, 28, 27, 9, 9, 92, "Passed — excellent"]


def test_the_results_export_uses_the_readers_language_for_band_and_status(
    client, trainer, cohort, enrolment
):
    finalised_result(enrolment=enrolment, scores=SCORES_BY_BAND["good"])
    client.force_login(trainer)

    with translation.override("kk"):
        kk_url = reverse("assessment:cohort_results_export", args=[cohort.code, "csv"])
    rows = csv_rows(client.get(kk_url))

    band, status = rows[0].index("Нәтиже деңгейі"), rows[0].index("Мәртебе")
    assert (rows[1][band], rows[1][status]) == (KK_GOOD, KK_FINALISED)


def test_a_surname_written_as_a_formula_comes_out_inert_in_the_results_exports(
    client, trainer, cohort
):
    enrolment = EnrolmentFactory(
        cohort=cohort,
        trainee__profile__surname_kk=HYPERLINK,
        trainee__profile__surname_ru=HYPERLINK,
    )
    finalised_result(enrolment=enrolment, scores=SCORES_BY_BAND["good"])
    client.force_login(trainer)

    csv_response = client.get(url("cohort_results_export", cohort.code, "csv"))
    xlsx_response = client.get(url("cohort_results_export", cohort.code, "xlsx"))

    assert csv_rows(csv_response)[1][0].startswith("'" + HYPERLINK)
    assert xlsx_rows(xlsx_response)[1][0].startswith("'" + HYPERLINK)
    assert xlsx_formulas(xlsx_response) == []


def test_the_export_says_which_rows_are_retakes_from_an_earlier_cohort(client, trainer, cohort):
    _fill(cohort, 1, 0)
    _fill_guests(cohort, 1, 5000)
    client.force_login(trainer)

    response = client.get(url("cohort_results_export", cohort.code, "csv"))

    rows = csv_rows(response)
    status = rows[0].index("Status")
    earlier = FinalResult.objects.get(attempt=2).enrolment.cohort.code
    notes = sorted(row[status] for row in rows[1:])
    assert len(notes) == 2
    assert notes[1] == f"Finalised (retake, from cohort {earlier})"
    assert "retake" not in notes[0]


@pytest.mark.parametrize("who", ["trainee", "other_trainee", "other_trainer"])
def test_others_cannot_open_the_cohort_results(client, cohort, person, who):
    client.force_login(person(who))
    assert client.get(url("cohort_results", cohort.code)).status_code == 404
    assert client.get(url("cohort_results_export", cohort.code, "csv")).status_code == 404


def test_a_registrar_may_read_the_cohort_results(client, cohort, enrolment):
    client.force_login(RegistrarFactory())
    assert client.get(url("cohort_results", cohort.code)).status_code == 200


def test_an_anonymous_visitor_is_sent_to_log_in(client, cohort):
    response = client.get(url("cohort_results", cohort.code))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def _fill(cohort, n: int, start: int) -> None:
    """n trainees with finalised results across all bands, written in bulk (fast)."""
    users = User.objects.bulk_create(
        [User(email=f"bulk{start + i}@example.kz", first_name=f"T{start + i}") for i in range(n)]
    )
    enrolments = Enrolment.objects.bulk_create([Enrolment(cohort=cohort, trainee=u) for u in users])
    rubric = Rubric.objects.get(version=1)
    criteria = {c.code: c for c in rubric.criteria.all()}
    bands = list(SCORES_BY_BAND)
    results = []
    for i, enrolment in enumerate(enrolments):
        total = sum(SCORES_BY_BAND[bands[i % 4]].values())
        results.append(
            FinalResult(
                enrolment=enrolment,
                rubric=rubric,
                status="finalised",
                total=total,
                band=band_for(total).code,
            )
        )
    results = FinalResult.objects.bulk_create(results)
    marker = users[0]
    CriterionScore.objects.bulk_create(
        [
            CriterionScore(
                result=r, criterion=criteria[code], score=score, marker=marker, comment=""
            )
            for i, r in enumerate(results)
            for code, score in SCORES_BY_BAND[bands[i % 4]].items()
        ]
    )


def _fill_guests(cohort, n: int, start: int) -> None:
    """n trainees of an earlier cohort whose retake (attempt 2, scored) this cohort assesses."""
    import datetime as dt

    from .factories import CohortFactory

    earlier = CohortFactory(
        programme=cohort.programme,
        starts_on=cohort.starts_on - dt.timedelta(days=120),
        ends_on=cohort.starts_on - dt.timedelta(days=30),
    )
    _fill(earlier, n, start)
    first = list(FinalResult.objects.filter(enrolment__cohort=earlier))
    FinalResult.objects.filter(pk__in=[r.pk for r in first]).update(total=30, band="fail")
    retakes = FinalResult.objects.bulk_create(
        [
            FinalResult(
                enrolment_id=r.enrolment_id,
                attempt=2,
                rubric_id=r.rubric_id,
                assessing_cohort=cohort,
                status="finalised",
                total=100,
                band="excellent",
            )
            for r in first
        ]
    )
    rubric = Rubric.objects.get(version=1)
    marker = User.objects.filter(email__startswith="bulk").first()
    CriterionScore.objects.bulk_create(
        [
            CriterionScore(result=r, criterion=c, score=c.max_score, marker=marker)
            for r in retakes
            for c in rubric.criteria.all()
        ]
    )


def test_the_cohort_results_page_needs_the_same_queries_for_10_and_500_trainees(
    client, trainer, cohort
):
    client.force_login(trainer)
    _fill(cohort, 10, 0)
    _fill_guests(cohort, 2, 5000)
    client.get(url("cohort_results", cohort.code))  # warm caches (site, locale)
    with CaptureQueriesContext(connection) as small:
        response = client.get(url("cohort_results", cohort.code))
    assert response.text.count('class="num">92<') == 3
    assert response.text.count("retake, from cohort") == 2
    _fill(cohort, 490, 10)
    _fill_guests(cohort, 40, 6000)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url("cohort_results", cohort.code))
    assert response.status_code == 200
    assert response.text.count("<tr>") > 540
    assert response.text.count("retake, from cohort") == 42  # 2 + 40
    assert len(large) == len(small)
    with CaptureQueriesContext(connection) as export:
        client.get(url("cohort_results_export", cohort.code, "xlsx"))
    assert len(export) <= len(small)
