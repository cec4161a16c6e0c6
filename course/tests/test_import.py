"""The registrar imports a list (CSV or XLSX): accounts, profiles, enrolments, invitations."""

from __future__ import annotations

import io
import re

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from cms.models import TraineeProfile, User
from cms.tests.factories import RegistrarFactory, TraineeFactory, TrainerFactory
from course.models import Enrolment
from course.study import opened_token

from .conftest import url
from .factories import CohortFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db

CSV = (
    "name;email;school\n"
    "Ахметова Гүлнар Серікқызы;gulnar@school.kz;№ 5 мектеп\n"
    "Иванова Анна;not-an-email;Школа № 3\n"
    ";empty-name@school.kz;Школа № 3\n"
    "Ахметова Гүлнар Серікқызы;GULNAR@school.kz;№ 5 мектеп\n"
)


def _xlsx(rows) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def cohort(programme):
    return CohortFactory(code="pa-import", capacity=5)


def _upload(client, cohort, name, content, person=None, confirm=True):
    """Upload a list and, when the preview came, confirm it (the import's two steps)."""
    client.force_login(person or RegistrarFactory())
    response = client.post(
        url("cohort_import", cohort.code), {"file": SimpleUploadedFile(name, content)}
    )
    if confirm and response.context and response.context.get("preview") is not None:
        response = client.post(url("cohort_import", cohort.code), {"confirm": "1"})
    return response


def test_a_csv_list_creates_accounts_enrolments_and_invitations(
    client, cohort, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(client, cohort, "list.csv", CSV.encode())
    html = response.content.decode()
    assert (
        "Created and invited: 1; existing accounts enrolled: 0; skipped: 0; rows with errors: 3."
        in html
    )
    assert "Row 3: “not-an-email” is not a valid email address." in html
    assert "Row 4: the name is empty." in html
    assert "Row 5: gulnar@school.kz appears twice in the file." in html
    user = User.objects.get(email="gulnar@school.kz")
    assert not user.has_usable_password()
    profile = TraineeProfile.objects.get(user=user)
    assert (profile.surname_kk, profile.given_name_kk, profile.patronymic_kk) == (
        "Ахметова",
        "Гүлнар",
        "Серікқызы",
    )
    assert profile.school == "№ 5 мектеп"
    enrolment = Enrolment.objects.get(trainee=user, cohort=cohort)
    assert enrolment.events.get().to_status == "active"
    assert user.groups.filter(name="trainee").exists()
    assert [m.to for m in mail.outbox] == [["gulnar@school.kz"]]
    # On SITE_URL, the site's one public address.
    link = re.search(r"https://lms\.example\.kz(\S+/password/reset/key/\S+)", mail.outbox[0].body)
    assert link, mail.outbox[0].body
    # The link really lets the person set a password (allauth's reset-from-key flow).
    client.logout()
    response = client.get(link.group(1), follow=True)
    assert response.status_code == 200
    assert b'name="password1"' in response.content


def test_an_xlsx_list_is_read_and_existing_people_are_enrolled_or_skipped(client, cohort):
    existing = TraineeFactory(email="existing@school.kz")
    already = EnrolmentFactory(cohort=cohort).trainee
    content = _xlsx(
        [
            ["Name", "Email", "School"],
            ["Серікова Дана", "dana@school.kz", "Лицей № 1"],
            ["Existing Person", "existing@school.kz", "Гимназия"],
            ["Already Here", already.email, "Гимназия"],
        ]
    )
    response = _upload(client, cohort, "list.xlsx", content)
    html = response.content.decode()
    assert (
        "Created and invited: 1; existing accounts enrolled: 1; skipped: 1; rows with errors: 0."
        in html
    )
    assert Enrolment.objects.filter(cohort=cohort).count() == 3
    assert Enrolment.objects.filter(cohort=cohort, trainee=existing).exists()


def test_rows_beyond_the_capacity_are_reported(client, programme):
    cohort = CohortFactory(capacity=1)
    content = b"name,email,school\nA B,a@school.kz,S\nC D,c@school.kz,S\n"
    html = _upload(client, cohort, "list.csv", content).content.decode()
    assert "Row 3: the cohort is full (1 places)." in html
    assert Enrolment.objects.filter(cohort=cohort).count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("list.txt", b"x", "Upload a .csv or .xlsx file."),
        ("list.csv", b"full name;mail\nA;b\n", "The first row must name the columns"),
        ("list.xlsx", b"not a workbook", "The XLSX file cannot be read."),
        ("list.csv", "name,email,school\n".encode("utf-16"), "Save the CSV file in UTF-8"),
    ],
)
def test_a_bad_file_is_refused_with_a_message(client, cohort, name, content, message):
    response = _upload(client, cohort, name, content)
    assert message in response.content.decode()
    assert not Enrolment.objects.exists() and User.objects.filter(is_staff=False).count() == 0


def test_only_registrars_can_import(client, cohort):
    for person in (TrainerFactory(), TraineeFactory()):
        response = _upload(client, cohort, "list.csv", CSV.encode(), person=person)
        assert response.status_code == 404
    assert not Enrolment.objects.exists()


def test_an_imported_trainee_accepts_the_agreement_before_studying(client, cohort, agreement):
    from course.models import TopicCompletion, TopicPage

    _upload(client, cohort, "list.csv", b"name,email,school\nDana Serik,dana@school.kz,S\n")
    user = User.objects.get(email="dana@school.kz")
    enrolment = Enrolment.objects.get(trainee=user)
    assert enrolment.agreement_accepted_at is None
    client.force_login(user)
    assert "Read and accept the course agreement" in client.get(url("dashboard")).content.decode()
    topic = TopicPage.objects.get(number="1.1", locale__language_code="en")
    client.post(url("topic_studied", topic.pk))
    assert not TopicCompletion.objects.exists()
    response = client.post(url("agreement"), {})
    assert "You must accept the course agreement to join." in response.content.decode()
    enrolment.refresh_from_db()
    assert enrolment.agreement_accepted_at is None
    client.post(url("agreement"), {"accept_agreement": "on"})
    enrolment.refresh_from_db()
    assert enrolment.agreement_accepted_at is not None
    assert enrolment.agreement_version == agreement.version
    token = opened_token(user_id=user.pk, page_id=topic.pk)
    client.post(url("topic_studied", topic.pk), {"opened": token})
    assert TopicCompletion.objects.filter(enrolment=enrolment).count() == 1


def test_an_imported_name_with_digits_or_signs_is_refused_with_its_row_and_not_created(
    client, cohort
):
    content = (
        "name;email;school\n"
        "Әбілқасымова Ғалия Құрманғалиқызы;galiya@school.kz;№ 5 мектеп\n"
        "Иванова2 Анна;anna@school.kz;Школа № 3\n"
        "=HYPERLINK(1);formula@school.kz;Школа № 3\n"
    ).encode()

    html = _upload(client, cohort, "list.csv", content).content.decode()

    message = (
        "Write the name in letters only (Kazakh, Russian or Latin), with spaces, hyphens or "
        "apostrophes between words."
    )
    assert f"Row 3: “Иванова2 Анна”: {message}" in html
    assert f"Row 4: “=HYPERLINK(1)”: {message}" in html
    assert set(
        User.objects.filter(email__endswith="@school.kz").values_list("email", flat=True)
    ) == {"galiya@school.kz"}
    profile = TraineeProfile.objects.get(user__email="galiya@school.kz")
    assert (profile.surname_kk, profile.given_name_kk) == ("Әбілқасымова", "Ғалия")


PARTS_CSV = (
    "surname_kk;given_name_kk;patronymic_kk;surname_ru;given_name_ru;patronymic_ru;email;school;"
    "language\n"
    "Серікқызы;Айгүл;Бекқызы;Серикова;Айгуль;Бековна;aigul@school.kz;№ 5 мектеп;ru\n"
    "Омаров;Нұрлан;;;;;nurlan@school.kz;№ 5 мектеп;\n"
    "Қасымов;Ерлан;;Касымов;Ерлан;;not-an-email;№ 5 мектеп;kk\n"
    "Ахметов;Бек;;;;;bek@school.kz;№ 5 мектеп;german\n"
)


def test_the_preview_shows_every_row_and_its_errors_and_writes_nothing(client, cohort):
    response = _upload(client, cohort, "list.csv", PARTS_CSV.encode(), confirm=False)
    html = response.content.decode()
    assert "Preview: nothing is saved yet" in html
    assert "2 rows will be imported." in html
    assert [(r.number, r.action) for r in response.context["preview"]] == [
        (2, "create"),
        (3, "create"),
        (4, "error"),
        (5, "error"),
    ]
    assert "Row 4: “not-an-email” is not a valid email address." in html
    assert "Row 5: the language “german” is not known; write kk or ru." in html
    assert "Серикова Айгуль Бековна" in html
    assert not User.objects.filter(email__endswith="@school.kz").exists()
    assert not Enrolment.objects.exists() and not mail.outbox


def test_confirming_imports_names_in_parts_the_language_and_a_verified_address(
    client, cohort, django_capture_on_commit_callbacks
):
    from allauth.account.models import EmailAddress

    with django_capture_on_commit_callbacks(execute=True):
        html = _upload(client, cohort, "list.csv", PARTS_CSV.encode()).content.decode()
    assert (
        "Created and invited: 2; existing accounts enrolled: 0; skipped: 0; rows with errors: 2."
        in html
    )
    aigul = TraineeProfile.objects.get(user__email="aigul@school.kz")
    assert (aigul.surname_kk, aigul.given_name_kk, aigul.patronymic_kk) == (
        "Серікқызы",
        "Айгүл",
        "Бекқызы",
    )
    assert (aigul.surname_ru, aigul.given_name_ru, aigul.patronymic_ru) == (
        "Серикова",
        "Айгуль",
        "Бековна",
    )
    # A blank Russian spelling takes the Kazakh one; a blank language, the cohort's (kk).
    nurlan = TraineeProfile.objects.get(user__email="nurlan@school.kz")
    assert (nurlan.surname_ru, nurlan.given_name_ru) == ("Омаров", "Нұрлан")
    assert aigul.user.preferred_language == "ru" and nurlan.user.preferred_language == "kk"
    # The invitation proves the address: it is verified, the trainee confirms nothing twice.
    assert EmailAddress.objects.filter(
        email="aigul@school.kz", verified=True, primary=True
    ).exists()
    by_address = {m.to[0]: m for m in mail.outbox}
    # Each invitation in the trainee's language.
    assert by_address["aigul@school.kz"].body.startswith("Здравствуйте!")
    assert by_address["nurlan@school.kz"].body.startswith("Сәлеметсіз бе!")


def test_confirming_without_a_preview_imports_nothing_and_says_so(client, cohort):
    client.force_login(RegistrarFactory())
    response = client.post(url("cohort_import", cohort.code), {"confirm": "1"}, follow=True)
    assert "Upload the list again: its preview has expired." in response.content.decode()
    assert not Enrolment.objects.exists()
