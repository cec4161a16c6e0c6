"""What people see of the completion rule: the trainee's "passed — certificate pending", the
registrar's list of who is blocked, documents visible once the result is released, statements on
demand."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from assessment.models import DefenceSlot, FinalResult
from assessment.tests.factories import finalised_result
from certificates.models import Certificate
from certificates.services import certificate_issue
from cms.tests.factories import RegistrarFactory, TrainerFactory
from course.models import Enrolment, TopicCompletion

from .factories import CohortFactory, EnrolmentFactory

TODAY = timezone.localdate()


@pytest.fixture
def pending_enrolment(programme):
    """Passed (released), 76 of 80 hours, defence not yet held."""
    enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE)
    TopicCompletion.objects.filter(enrolment=enrolment, topic__number="3.7").delete()
    DefenceSlot.objects.filter(plan__enrolment=enrolment).update(held_on=None)
    finalised_result(enrolment=enrolment, released=True)
    return enrolment


def test_the_trainee_sees_what_is_left_to_do_on_the_dashboard(client, pending_enrolment):
    client.force_login(pending_enrolment.trainee)

    html = client.get("/en/study/").content.decode()

    assert "Passed — certificate pending" in html
    assert "Complete 4 more academic hours of the programme (76 of the 80 required)." in html
    assert "Defend your support plan: the trainer records the defence as held." in html


def test_the_trainee_sees_what_is_left_to_do_on_the_result_page_in_kazakh(
    client, pending_enrolment
):
    client.force_login(pending_enrolment.trainee)

    html = client.get("/kk/assessment/my/").content.decode()

    assert "Аттестациядан өтті — сертификат күтілуде" in html
    assert (
        "Бағдарламаның тағы 4 академиялық сағатын орындаңыз "
        "(талап етілетін 80 сағаттың 76 сағаты орындалды)."
    ) in html


def test_nothing_pending_is_shown_before_the_result_is_released(client, programme):
    enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE)
    DefenceSlot.objects.filter(plan__enrolment=enrolment).update(held_on=None)
    finalised_result(enrolment=enrolment, released=False)
    client.force_login(enrolment.trainee)

    assert "certificate pending" not in client.get("/en/study/").content.decode()


def test_the_registrar_sees_who_is_blocked_and_why(client, pending_enrolment):
    client.force_login(RegistrarFactory())

    response = client.get("/en/certificates/pending/", {"cohort": pending_enrolment.cohort.code})

    html = response.content.decode()
    assert response.status_code == 200
    assert "76 of the 80 hours required are done." in html
    assert "The defence is not recorded as held." in html
    assert pending_enrolment.trainee.email in html or pending_enrolment.trainee.last_name in html


@pytest.mark.parametrize("person", ["trainee", "trainer"])
def test_trainees_and_trainers_are_refused_the_pending_list(client, pending_enrolment, person):
    user = pending_enrolment.trainee if person == "trainee" else TrainerFactory()
    client.force_login(user)

    assert client.get("/en/certificates/pending/").status_code == 403


def test_the_holder_gets_the_pdf_only_once_the_result_is_released(client, programme):
    enrolment = EnrolmentFactory()
    result = finalised_result(enrolment=enrolment, released=False)
    certificate = certificate_issue(enrolment=enrolment)
    client.force_login(enrolment.trainee)
    pdf_url = f"/certificates/{certificate.code}/pdf/"

    assert client.get(pdf_url).status_code == 404
    assert certificate.serial not in client.get("/en/certificates/").content.decode()
    assert certificate.serial not in client.get("/en/study/").content.decode()

    FinalResult.objects.filter(pk=result.pk).update(released_at=timezone.now())
    assert client.get(pdf_url).status_code == 200
    assert certificate.serial in client.get("/en/certificates/").content.decode()


def test_a_registrar_issues_a_statement_on_demand_for_a_trainee_who_did_not_pass(client, programme):
    cohort = CohortFactory(starts_on=datetime.date(2026, 9, 1), ends_on=datetime.date(2026, 10, 31))
    enrolment = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.ACTIVE, met_rule=False)
    finalised_result(enrolment=enrolment, scores={"theory": 5, "practice": 5, "plan": 5})
    client.force_login(RegistrarFactory())

    response = client.post(f"/en/certificates/statements/{enrolment.pk}/")

    statement = Certificate.objects.get(enrolment=enrolment)
    assert response.status_code == 302
    assert statement.kind == "statement" and statement.serial.startswith("AN-")
    assert (statement.attended_from, statement.attended_to) == (
        datetime.date(2026, 9, 1),
        datetime.date(2026, 10, 31),
    )


def test_a_statement_on_demand_is_refused_to_a_trainee_still_studying(client, programme):
    enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE, met_rule=False)
    client.force_login(RegistrarFactory())

    response = client.post(f"/en/certificates/statements/{enrolment.pk}/", follow=True)

    assert "A statement of attendance is for a trainee who did not pass or left the course" in (
        response.content.decode()
    )
    assert not Certificate.objects.exists()


def test_a_trainee_cannot_issue_a_statement(client, programme):
    enrolment = EnrolmentFactory(status=Enrolment.Status.WITHDRAWN, met_rule=False)
    client.force_login(enrolment.trainee)

    assert client.post(f"/en/certificates/statements/{enrolment.pk}/").status_code == 403
    assert not Certificate.objects.exists()


def test_a_completed_trainees_dashboard_shows_the_certificate_not_the_next_topic(client, programme):
    enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE)
    finalised_result(enrolment=enrolment, released=True)
    certificate = certificate_issue(enrolment=enrolment)
    client.force_login(enrolment.trainee)

    html = client.get("/en/study/").content.decode()

    assert "You have completed the course." in html
    assert certificate.serial in html
    assert "Next topic" not in html


def test_the_registrar_edits_the_completion_rule_in_the_admin_with_help_and_a_floor(
    client, programme
):
    from django.urls import reverse

    from certificates.models import CompletionRule

    client.force_login(RegistrarFactory())
    add_url = reverse("wagtailsnippets_certificates_completionrule:add")
    form = client.get(add_url)
    assert form.status_code == 200
    # The admin speaks Kazakh by default: the help text says what counts and the floor.
    assert "Әдепкі бойынша 100 %; 80 %-дан төмен болмайды." in form.content.decode()

    refused = client.post(
        add_url,
        {
            "programme": programme.pk,
            "min_hours_percent": 75,
            "require_practice_accepted": "on",
            "require_theory_test": "on",
            "require_plan_submitted": "on",
            "require_defence_held": "on",
            "require_cohort_ended": "on",
        },
    )

    assert refused.status_code == 200
    assert "Сағат үлесін 80 %-дан төмен қоюға болмайды." in refused.content.decode()
    assert not CompletionRule.objects.exists()
    accepted = client.post(
        add_url,
        {
            "programme": programme.pk,
            "min_hours_percent": 90,
            "require_practice_accepted": "on",
            "require_theory_test": "on",
            "require_plan_submitted": "on",
            "require_defence_held": "on",
            "require_cohort_ended": "on",
        },
    )
    assert accepted.status_code == 302
    assert CompletionRule.objects.get(programme=programme).min_hours_percent == 90
