from __future__ import annotations

import pytest
from django.core.files.base import ContentFile

from cms.tests.factories import TraineeFactory, TrainerFactory
from course.tests.factories import CohortFactory
from quality.models import TrainerQualification
from quality.selectors import cohorts_with_trainer_shortfalls, qualification_shortfalls

from .conftest import url

pytestmark = pytest.mark.django_db


def _qualification(trainer, *, years: int, cv: bool = True) -> TrainerQualification:
    record = TrainerQualification(
        trainer=trainer,
        education="ҚарМУ, 2010, педагогика және психология",
        pedagogical_experience_years=years,
        category="expert",
    )
    if cv:
        record.cv.save("cv.pdf", ContentFile(b"%PDF-1.4 CV"), save=False)
    record.save()
    return record


def test_a_trainer_with_under_3_years_falls_short_and_3_years_is_enough(trainer):
    assert qualification_shortfalls(_qualification(trainer, years=2)) == [
        "Pedagogical experience 2 years, under the 3 required."
    ]
    three = TrainerQualification.objects.get(trainer=trainer)
    three.pedagogical_experience_years = 3
    assert qualification_shortfalls(three) == []


def test_no_record_and_no_cv_are_shortfalls_too(trainer):
    assert qualification_shortfalls(None) == [
        "No qualification record: education, pedagogical experience, category, CV."
    ]
    assert qualification_shortfalls(_qualification(trainer, years=10, cv=False)) == [
        "No CV on file."
    ]


def test_the_minimum_years_is_a_setting(trainer, settings):
    settings.QUALITY_TRAINER_MIN_EXPERIENCE_YEARS = 5
    assert qualification_shortfalls(_qualification(trainer, years=4)) == [
        "Pedagogical experience 4 years, under the 5 required."
    ]


def test_only_cohorts_with_a_trainer_who_falls_short_are_listed(programme):
    good, short = TrainerFactory(), TrainerFactory()
    _qualification(good, years=12)
    _qualification(short, years=1)
    fine = CohortFactory(trainers=[good])
    warned = CohortFactory(trainers=[good, short])
    from course.models import Cohort

    found = cohorts_with_trainer_shortfalls(
        cohorts=Cohort.objects.filter(pk__in=[fine.pk, warned.pk])
    )
    assert [(cohort.pk, [row.trainer.pk for row in rows]) for cohort, rows in found] == [
        (warned.pk, [short.pk])
    ]


def test_the_registrars_cohort_page_warns_about_a_trainer_who_falls_short(
    client, registrar, programme
):
    short = TrainerFactory(first_name="Айгүл", last_name="Серікова")
    _qualification(short, years=2)
    cohort = CohortFactory(trainers=[short])
    client.force_login(registrar)
    page = client.get(f"/en/study/cohorts/{cohort.code}/")
    assert page.status_code == 200
    assert "1 trainer falls short of order 338:" in page.text
    assert "Pedagogical experience 2 years, under the 3 required." in page.text


def test_the_admin_home_page_lists_cohorts_whose_trainer_falls_short(client, registrar, programme):
    short = TrainerFactory()
    _qualification(short, years=1)
    cohort = CohortFactory(trainers=[short])
    client.force_login(registrar)
    page = client.get("/admin/")
    assert page.status_code == 200
    # The admin speaks the registrar's language (Kazakh here).
    assert "Тренері 338 бұйрықтың талаптарына сай келмейтін ағындар" in page.text
    assert cohort.code in page.text


def test_the_cv_is_private_and_served_to_registrars_only(client, registrar, trainer):
    record = _qualification(trainer, years=5)
    from django.conf import settings

    # The private storage, outside MEDIA_ROOT: no web server serves it. (Compared by place, not
    # identity: a test that overrides STORAGES makes the handler build new instances.)
    assert record.cv.path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not record.cv.path.startswith(str(settings.MEDIA_ROOT) + "/")
    for stranger in (trainer, TraineeFactory()):
        client.force_login(stranger)
        assert client.get(url("trainer_cv", record.pk)).status_code == 403
    client.logout()
    assert client.get(url("trainer_cv", record.pk)).status_code == 302
    client.force_login(registrar)
    response = client.get(url("trainer_cv", record.pk))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"%PDF-1.4 CV"


def test_the_registrar_edits_the_question_bank_and_qualifications_in_the_admin(client, registrar):
    client.force_login(registrar)
    assert client.get("/admin/snippets/quality/questionnaire/add/").status_code == 200
    assert client.get("/admin/snippets/quality/trainerqualification/add/").status_code == 200


def test_a_trainer_cannot_open_the_question_bank_in_the_admin(client, trainer):
    client.force_login(trainer)
    response = client.get("/admin/snippets/quality/questionnaire/")
    assert response.status_code in (302, 403)


def _messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_the_cohorts_admin_form_warns_about_a_trainer_who_falls_short_when_it_opens(
    client, registrar, programme
):
    good, short = TrainerFactory(), TrainerFactory(first_name="Айгүл", last_name="Серікова")
    _qualification(good, years=12)
    _qualification(short, years=2)
    cohort = CohortFactory(trainers=[good, short])
    client.force_login(registrar)

    response = client.get(f"/admin/cohort/edit/{cohort.pk}/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert _messages(response) == [
        "Айгүл Серікова: Pedagogical experience 2 years, under the 3 required."
    ]


def test_saving_a_cohort_with_a_trainer_who_falls_short_warns_and_still_saves(
    client, registrar, programme
):
    short = TrainerFactory(first_name="Асқар", last_name="Нұрланов")
    cohort = CohortFactory(trainers=[])
    client.force_login(registrar)
    form = client.get(f"/admin/cohort/edit/{cohort.pk}/").context["form"]
    data = {name: form[name].value() for name in form.fields}
    data |= {"trainers": [short.pk], "name": "Renamed"}
    data = {k: ("" if v is None else v) for k, v in data.items()}

    response = client.post(f"/admin/cohort/edit/{cohort.pk}/", data, follow=True)

    cohort.refresh_from_db()
    assert cohort.name == "Renamed"
    assert list(cohort.trainers.all()) == [short]
    # The admin speaks the registrar's language (Kazakh here).
    assert [m for m in _messages(response) if m.startswith("Асқар Нұрланов:")] == [
        "Асқар Нұрланов: Біліктілік туралы жазба жоқ: білімі, педагогикалық өтілі, санаты, "
        "түйіндемесі."
    ]


def test_a_cohort_whose_trainers_meet_the_requirements_opens_without_a_warning(
    client, registrar, programme
):
    good = TrainerFactory()
    _qualification(good, years=12)
    cohort = CohortFactory(trainers=[good])
    client.force_login(registrar)

    response = client.get(f"/admin/cohort/edit/{cohort.pk}/")

    assert response.status_code == 200
    assert _messages(response) == []
