"""The trainers' cohort view: table, filter, sort, exports, access; and the fixed query count of
the cohort view and the dashboard whatever the size of the cohort."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cms.models import TraineeProfile, User
from cms.tests.factories import RegistrarFactory, TraineeFactory, TrainerFactory
from cms.tests.spreadsheets import body, csv_rows, xlsx_formulas, xlsx_rows
from course import services
from course.models import Attendance, Enrolment, TopicCompletion

from .conftest import url
from .factories import CohortFactory, EnrolmentFactory, LiveSessionFactory, kk_topic

pytestmark = pytest.mark.django_db

HYPERLINK = '=HYPERLINK("http://x","y")'


@pytest.fixture
def cohort_with_people(programme):
    trainer = TrainerFactory()
    cohort = CohortFactory(trainers=[trainer], code="pa-view")
    fast = EnrolmentFactory(
        cohort=cohort, trainee__profile__surname_kk="Бекова", trainee__profile__surname_ru="Бекова"
    )
    slow = EnrolmentFactory(
        cohort=cohort, trainee__profile__surname_kk="Әлиева", trainee__profile__surname_ru="Алиева"
    )
    gone = EnrolmentFactory(
        cohort=cohort,
        status="withdrawn",
        trainee__profile__surname_kk=HYPERLINK,
        trainee__profile__surname_ru=HYPERLINK,
    )
    for number in ("1.1", "1.2", "2.1"):
        services.topic_mark_studied(enrolment=fast, topic=kk_topic(number))
    session = LiveSessionFactory(cohort=cohort, topic=kk_topic("1.5"))
    services.attendance_record(
        session=session, marks={fast.pk: "present", slow.pk: "absent"}, recorded_by=trainer
    )
    return trainer, cohort, fast, slow, gone


def test_the_table_shows_hours_per_module_attendance_and_status(client, cohort_with_people):
    trainer, cohort, fast, slow, gone = cohort_with_people
    client.force_login(trainer)
    response = client.get(url("cohort_detail", cohort.code))
    assert response.status_code == 200
    rows = {row.enrolment.pk: row for row in response.context["rows"]}
    m1 = kk_topic("1.1").hours + kk_topic("1.2").hours + kk_topic("1.5").hours
    assert rows[fast.pk].modules[0].done == m1
    assert rows[fast.pk].modules[1].done == kk_topic("2.1").hours
    assert rows[fast.pk].attendance_rate == 100 and rows[slow.pk].attendance_rate == 0
    assert rows[gone.pk].attendance_rate is None
    html = response.content.decode()
    assert f"{rows[fast.pk].done} of 80 h" in html and "Withdrawn" in html
    assert url("session_attendance", LiveSessionFactory._meta.model.objects.get().pk) in html


def test_the_table_filters_by_status_and_sorts_by_name_or_progress(client, cohort_with_people):
    trainer, cohort, fast, _slow, gone = cohort_with_people
    client.force_login(trainer)
    by_status = client.get(url("cohort_detail", cohort.code), {"status": "withdrawn"})
    assert [r.enrolment.pk for r in by_status.context["rows"]] == [gone.pk]
    by_progress = client.get(url("cohort_detail", cohort.code), {"sort": "progress"})
    assert by_progress.context["rows"][0].enrolment.pk == fast.pk
    by_name = client.get(url("cohort_detail", cohort.code, lang="ru"), {"status": "active"})
    assert [r.name.split()[0] for r in by_name.context["rows"]] == ["Алиева", "Бекова"]
    # In Kazakh, Ә comes right after А (not after Я, as code points would put it).
    by_name = client.get(url("cohort_detail", cohort.code, lang="kk"), {"status": "active"})
    assert [r.name.split()[0] for r in by_name.context["rows"]] == ["Әлиева", "Бекова"]


def test_the_table_exports_as_csv_and_xlsx(client, cohort_with_people):
    trainer, cohort, fast, _slow, _gone = cohort_with_people
    client.force_login(trainer)
    response = client.get(url("cohort_export", cohort.code, "csv"), {"status": "active"})
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    table = csv_rows(response)
    assert table[0][:3] == ["Trainee", "Email", "Status"] and len(table) == 3
    assert fast.trainee.email in {row[1] for row in table}
    assert {row[2] for row in table[1:]} == {"Studying"}  # the label, not the code "active"
    response = client.get(url("cohort_export", cohort.code, "xlsx"))
    rows = xlsx_rows(response)
    assert rows[0][-3:] == ["Total, h", "Of, h", "Attendance, %"] and len(rows) == 4
    assert client.get(url("cohort_export", cohort.code, "pdf")).status_code == 404


def test_a_name_written_as_a_formula_comes_out_inert_in_both_exports(client, cohort_with_people):
    trainer, cohort, _fast, _slow, _gone = cohort_with_people
    client.force_login(trainer)
    csv_response = client.get(url("cohort_export", cohort.code, "csv"), {"status": "withdrawn"})
    xlsx_response = client.get(url("cohort_export", cohort.code, "xlsx"), {"status": "withdrawn"})

    assert csv_rows(csv_response)[1][0].startswith("'" + HYPERLINK)
    assert xlsx_rows(xlsx_response)[1][0].startswith("'" + HYPERLINK)
    assert xlsx_formulas(xlsx_response) == []


def test_the_csv_export_is_in_the_readers_language_with_semicolons(client, cohort_with_people):
    trainer, cohort, _fast, _slow, _gone = cohort_with_people
    client.force_login(trainer)
    response = client.get(url("cohort_export", cohort.code, "csv", lang="ru"), {"status": "active"})

    first_line = body(response).decode("utf-8-sig").splitlines()[0]
    assert first_line.startswith("Слушатель;")
    assert {row[2] for row in csv_rows(response)[1:]} == {"Обучается"}


def test_a_trainer_sees_only_the_cohorts_they_teach(client, cohort_with_people):
    _trainer, cohort, fast, _slow, _gone = cohort_with_people
    other = TrainerFactory()
    CohortFactory(trainers=[other])
    for person in (other, fast.trainee, TraineeFactory()):
        client.force_login(person)
        assert client.get(url("cohort_detail", cohort.code)).status_code == 404
        assert client.get(url("cohort_export", cohort.code, "csv")).status_code == 404
    client.force_login(other)
    assert cohort.code not in client.get(url("cohort_list")).content.decode()
    client.force_login(RegistrarFactory())
    assert client.get(url("cohort_detail", cohort.code)).status_code == 200
    client.logout()
    response = client.get(url("cohort_detail", cohort.code))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def _populate(cohort, size: int, trainer) -> Enrolment:
    """`size` trainees with profiles, some progress and attendance, in a handful of queries."""
    stamp = f"{cohort.code}-{size}"
    users = User.objects.bulk_create(
        [
            User(email=f"t{i}-{stamp}@example.kz", first_name="A", last_name=f"B{i}")
            for i in range(size)
        ]
    )
    TraineeProfile.objects.bulk_create(
        [
            TraineeProfile(user=u, surname_kk=f"Аты{i}", given_name_kk="Ә")
            for i, u in enumerate(users)
        ]
    )
    enrolments = Enrolment.objects.bulk_create(
        [Enrolment(cohort=cohort, trainee=u, agreement_version="1") for u in users]
    )
    topics = [kk_topic(n) for n in ("1.1", "1.2", "1.3")]
    TopicCompletion.objects.bulk_create(
        [
            TopicCompletion(enrolment=e, topic=topics[i % 3], source="studied")
            for i, e in enumerate(enrolments)
        ]
    )
    session = LiveSessionFactory(cohort=cohort, topic=kk_topic("1.5"))
    Attendance.objects.bulk_create(
        [
            Attendance(session=session, enrolment=e, mark="present" if i % 2 else "absent")
            for i, e in enumerate(enrolments)
        ]
    )
    LiveSessionFactory(cohort=cohort, topic=kk_topic("2.4"), starts_at=timezone.now())
    return enrolments[0]


def _count(client, person, path) -> int:
    client.force_login(person)
    client.get(path)  # warm per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_the_cohort_view_and_the_dashboard_run_a_fixed_number_of_queries(client, programme):
    trainer = TrainerFactory()
    counts = {}
    for size in (10, 500):
        cohort = CohortFactory(trainers=[trainer], capacity=1000)
        first = _populate(cohort, size, trainer)
        counts[size] = (
            _count(client, trainer, url("cohort_detail", cohort.code)),
            _count(client, first.trainee, url("dashboard")),
            _count(client, trainer, url("cohort_export", cohort.code, "csv")),
        )
    assert counts[10] == counts[500], counts
