"""An expulsion tells the registrar whether the employer's notice went, and when, and offers a
printable letter; a profile without an employer e-mail is said so before expelling."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from cms.models import TraineeProfile
from cms.tests.factories import RegistrarFactory, TrainerFactory

from .conftest import url
from .factories import CohortFactory, EnrolmentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def enrolment(programme):
    return EnrolmentFactory(cohort=CohortFactory(trainers=[TrainerFactory()]))


def _expel(client, enrolment):
    return client.post(
        url("enrolment_action", enrolment.pk, "expel"),
        {
            "expel-order_number": "17-ө",
            "expel-decision_date": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
            "expel-reason": "Repeated plagiarism in case studies",
        },
    )


def test_without_an_employer_e_mail_the_page_says_no_notice_will_go_and_offers_the_letter(
    client, enrolment, django_capture_on_commit_callbacks
):
    TraineeProfile.objects.filter(user=enrolment.trainee).update(employer_email="")
    client.force_login(RegistrarFactory())
    page = client.get(url("enrolment_detail", enrolment.pk)).content.decode()
    assert "The profile has no employer e-mail: no notice will be sent." in page
    with django_capture_on_commit_callbacks(execute=True):
        _expel(client, enrolment)
    assert mail.outbox == []
    event = enrolment.events.get(to_status="expelled")
    assert event.notice_sent_at is None
    page = client.get(url("enrolment_detail", enrolment.pk)).content.decode()
    assert "No notice was e-mailed to the employer" in page
    letter = client.get(url("expulsion_letter", event.pk))
    assert letter.status_code == 200
    assert letter["Content-Type"] == "application/pdf"
    assert letter.content.startswith(b"%PDF")


def test_a_sent_notice_is_recorded_with_its_address_and_time(
    client, enrolment, django_capture_on_commit_callbacks
):
    client.force_login(RegistrarFactory())
    address = enrolment.trainee.trainee_profile.employer_email
    with django_capture_on_commit_callbacks(execute=True):
        _expel(client, enrolment)
    event = enrolment.events.get(to_status="expelled")
    assert event.notice_sent_to == address
    assert event.notice_sent_at is not None
    page = client.get(url("enrolment_detail", enrolment.pk)).content.decode()
    assert f"Notice e-mailed to the employer ({address}) on" in page


def test_only_registrars_get_the_letter(client, enrolment, django_capture_on_commit_callbacks):
    client.force_login(RegistrarFactory())
    with django_capture_on_commit_callbacks(execute=True):
        _expel(client, enrolment)
    event = enrolment.events.get(to_status="expelled")
    for person in (enrolment.cohort.trainers.get(), enrolment.trainee):
        client.force_login(person)
        assert client.get(url("expulsion_letter", event.pk)).status_code == 404


def _letter_text(event, language: str) -> str:
    from django.template.loader import render_to_string
    from django.utils import translation

    from course.letters import expulsion_letter_context

    with translation.override(language):
        html = render_to_string(
            "course/expulsion_letter.html", expulsion_letter_context(event=event) | {"font": ""}
        )
    return " ".join(html.split())


@pytest.mark.parametrize(
    ("language", "title", "says"),
    [
        (
            "kk",
            "«Жалпы білім беретін мектептердегі педагог-ассистент қызметінің заманауи тәсілдері "
            "мен құралдары» біліктілікті арттыру курсынан (80 сағат)",
            "м.а. Директор",
        ),
        (
            "ru",
            "с курса повышения квалификации «Современные подходы и инструменты деятельности "
            "педагога-ассистента в общеобразовательных школах» (80 ч)",
            "и.о. Директор",
        ),
    ],
)
def test_the_printed_letter_names_the_approved_course_its_hours_the_cohort_and_the_signatory(
    client, enrolment, django_capture_on_commit_callbacks, language, title, says
):
    from cms.models import OrganisationSettings

    OrganisationSettings.objects.update(signatory_acting=True)
    enrolment.cohort.language = language
    enrolment.cohort.save()
    client.force_login(RegistrarFactory())
    with django_capture_on_commit_callbacks(execute=True):
        _expel(client, enrolment)
    event = enrolment.events.get(to_status="expelled")

    text = _letter_text(event, language)

    cohort = enrolment.cohort
    assert title in text
    assert f"{cohort.name} ({cohort.code})" in text
    assert "17-ө" in text
    assert f'<td>{says}</td><td class="line"></td><td>А. Б. Сапарова</td>' in text
