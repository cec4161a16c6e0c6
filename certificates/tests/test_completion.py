"""The completion rule: a certificate only for what was earned, "passed — certificate pending"
until then, and issued by itself the moment the last condition is met."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from assessment.models import DefenceSlot, FinalResult
from assessment.tests.factories import finalised_result
from certificates.completion import CompletionFacts, RuleValues, hours_required, missing_conditions
from certificates.models import Certificate, CompletionRule
from certificates.selectors import completion_missing, pending_rows
from certificates.services import (
    CertificateError,
    CompletionNotMet,
    certificate_issue,
    certificates_sweep,
    retake_windows_close,
)
from certificates.tests.factories import CohortFactory, EnrolmentFactory
from cms.tests.factories import RegistrarFactory, TrainerFactory
from course.models import Attendance, Enrolment, EnrolmentEvent, TopicCompletion
from course.selectors import programme_topics
from course.services import EnrolmentError, attendance_record, topic_make_up_record
from course.tests.factories import LiveSessionFactory, kk_topic

TODAY = timezone.localdate()


def _codes(missing) -> list[str]:
    return [m.code for m in missing]


def _facts(**overrides) -> CompletionFacts:
    values = {
        "status": "active",
        "status_label": "Studying",
        "hours_done": 80,
        "hours_total": 80,
        "practice_total": 14,
        "practice_accepted": 14,
        "theory_test_exists": True,
        "theory_test_taken": True,
        "plan_submitted": True,
        "defence_held": True,
        "cohort_ends_on": datetime.date(2026, 12, 1),
        "today": datetime.date(2026, 12, 1),
    }
    values.update(overrides)
    return CompletionFacts(**values)


# --- The pure rule --------------------------------------------------------------------------


def test_a_trainee_who_did_everything_on_the_last_day_of_the_cohort_meets_the_rule():
    assert missing_conditions(facts=_facts(), rule=RuleValues()) == []


def test_each_unmet_condition_is_named_in_the_order_a_trainee_meets_them():
    facts = _facts(
        status="expelled",
        status_label="Expelled",
        hours_done=22,
        practice_accepted=3,
        theory_test_taken=False,
        plan_submitted=False,
        defence_held=False,
        today=datetime.date(2026, 11, 20),
    )

    missing = missing_conditions(facts=facts, rule=RuleValues())

    assert _codes(missing) == [
        "enrolment",
        "hours",
        "practice",
        "theory_test",
        "plan",
        "defence",
        "cohort_end",
    ]
    hours = missing[1]
    assert hours.reason == "22 of the 80 hours required are done."
    assert (
        hours.to_do == "Complete 58 more academic hours of the programme (22 of the 80 required)."
    )
    assert missing[2].reason == "3 of 14 practice works accepted."
    assert missing[-1].reason == "The cohort ends on 01.12.2026."


def test_eighty_percent_of_eighty_hours_is_sixty_four_and_of_seventy_nine_is_sixty_four():
    # 80 × 80 / 100 = 64 exactly; 79 × 80 / 100 = 63.2, rounded up: a part hour is not an hour.
    assert hours_required(hours_total=80, percent=80) == 64
    assert hours_required(hours_total=79, percent=80) == 64
    rule = RuleValues(min_hours_percent=80)
    assert missing_conditions(facts=_facts(hours_done=64), rule=rule) == []
    assert _codes(missing_conditions(facts=_facts(hours_done=63), rule=rule)) == ["hours"]


def test_a_programme_without_a_theory_test_does_not_ask_for_one():
    facts = _facts(theory_test_exists=False, theory_test_taken=False)

    assert missing_conditions(facts=facts, rule=RuleValues()) == []


# --- The rule as the registrar edits it -----------------------------------------------------


def test_the_rule_refuses_a_share_of_hours_below_eighty_percent(programme):
    rule = CompletionRule(programme=programme, min_hours_percent=79)

    with pytest.raises(ValidationError) as error:
        rule.full_clean()

    assert error.value.message_dict["min_hours_percent"] == [
        "The share of hours may not be set below 80 %."
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        CompletionRule.objects.create(programme=programme, min_hours_percent=79)
    assert not CompletionRule.objects.exists()


def test_a_programme_without_a_rule_asks_for_every_hour(programme):
    enrolment = EnrolmentFactory(met_rule=False)
    topics = programme_topics(programme)
    for topic in topics[:-1]:  # all but 5.3 (2 h)
        TopicCompletion.objects.create(enrolment=enrolment, topic=topic, source="studied")

    missing = completion_missing(enrolment=enrolment)

    assert "78 of the 80 hours required are done." in [m.reason for m in missing]


def test_a_rule_of_eighty_percent_lets_a_trainee_with_sixty_four_hours_through(programme):
    CompletionRule.objects.create(programme=programme, min_hours_percent=80)
    enrolment = EnrolmentFactory()
    # Take back topics 4.6 (6 h), 4.5 (4 h), 4.4 (4 h) and 5.3 (2 h): 64 of 80 hours remain.
    TopicCompletion.objects.filter(
        enrolment=enrolment, topic__number__in=["4.4", "4.5", "4.6", "5.3"]
    ).delete()

    assert completion_missing(enrolment=enrolment) == []


# --- Issuing only what was earned -----------------------------------------------------------


def test_no_certificate_for_an_expelled_trainee(programme):
    enrolment = EnrolmentFactory(status=Enrolment.Status.EXPELLED)
    finalised_result(enrolment=enrolment)

    with pytest.raises(CompletionNotMet) as error:
        certificate_issue(enrolment=enrolment)

    assert _codes(error.value.missing) == ["enrolment"]
    assert "The enrolment is “Expelled”." in str(error.value)
    assert not Certificate.objects.exists()


def test_no_certificate_for_missing_hours(programme):
    enrolment = EnrolmentFactory()
    TopicCompletion.objects.filter(enrolment=enrolment, topic__number="3.7").delete()  # 4 h
    finalised_result(enrolment=enrolment)

    with pytest.raises(CompletionNotMet, match="76 of the 80 hours required are done"):
        certificate_issue(enrolment=enrolment)
    assert not Certificate.objects.exists()


def test_no_certificate_before_the_cohorts_end(programme):
    cohort = CohortFactory(ends_on=TODAY + datetime.timedelta(days=3))
    enrolment = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.ACTIVE)
    finalised_result(enrolment=enrolment)

    with pytest.raises(CompletionNotMet) as error:
        certificate_issue(enrolment=enrolment)

    assert _codes(error.value.missing) == ["cohort_end"]
    assert not Certificate.objects.exists()
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE


def test_no_certificate_without_the_defence_held(programme):
    enrolment = EnrolmentFactory()
    DefenceSlot.objects.filter(plan__enrolment=enrolment).update(held_on=None, assessed_by=None)
    finalised_result(enrolment=enrolment)

    with pytest.raises(CompletionNotMet, match=re.escape("The defence is not recorded as held.")):
        certificate_issue(enrolment=enrolment)
    assert not Certificate.objects.exists()


def test_a_certified_trainee_becomes_completed_with_the_event_recorded(programme):
    enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE)
    finalised_result(enrolment=enrolment)

    certificate_issue(enrolment=enrolment)

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.COMPLETED
    event = EnrolmentEvent.objects.get(enrolment=enrolment, to_status="completed")
    assert event.from_status == "active"
    assert event.reason == "Certificate issued"


def test_a_second_enrolment_of_a_certified_person_gets_no_second_valid_certificate(programme):
    first = EnrolmentFactory()
    finalised_result(enrolment=first)
    certificate = certificate_issue(enrolment=first)
    second = EnrolmentFactory(trainee=first.trainee, status=Enrolment.Status.COMPLETED)
    finalised_result(enrolment=second)

    with pytest.raises(CertificateError) as error:
        certificate_issue(enrolment=second)

    assert str(error.value) == (
        f"No certificate: this person already holds valid certificate {certificate.serial} "
        "for the course."
    )
    assert Certificate.objects.count() == 1


# --- Make-up of an excused absence ----------------------------------------------------------


def test_a_registrar_records_the_make_up_of_an_excused_absence_and_the_topic_counts(programme):
    enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE, met_rule=False)
    session = LiveSessionFactory(cohort=enrolment.cohort, topic=kk_topic("1.5"))
    registrar = RegistrarFactory()
    attendance_record(session=session, marks={enrolment.pk: "excused"}, recorded_by=registrar)

    completion = topic_make_up_record(
        enrolment=enrolment, topic=kk_topic("1.5"), recorded_by=registrar
    )

    assert completion.source == TopicCompletion.Source.MADE_UP
    assert Attendance.objects.get(enrolment=enrolment).mark == "excused"


def test_a_make_up_without_an_excused_absence_is_refused_and_nothing_counts(programme):
    enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE, met_rule=False)
    session = LiveSessionFactory(cohort=enrolment.cohort, topic=kk_topic("1.5"))
    registrar = RegistrarFactory()
    attendance_record(session=session, marks={enrolment.pk: "absent"}, recorded_by=registrar)

    with pytest.raises(
        EnrolmentError, match=re.escape("Topic 1.5 has no excused absence to make up.")
    ):
        topic_make_up_record(enrolment=enrolment, topic=kk_topic("1.5"), recorded_by=registrar)
    assert not TopicCompletion.objects.filter(enrolment=enrolment).exists()


# --- Pending, and issued by itself ----------------------------------------------------------


def test_a_pending_pass_lists_its_missing_conditions_for_the_registrar(programme):
    enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE)
    DefenceSlot.objects.filter(plan__enrolment=enrolment).update(held_on=None)
    finalised_result(enrolment=enrolment)
    failed = EnrolmentFactory(status=Enrolment.Status.ACTIVE)
    finalised_result(enrolment=failed, scores={"theory": 5, "practice": 5, "plan": 5})

    rows = pending_rows()

    assert [(r.enrolment, _codes(r.missing)) for r in rows] == [(enrolment, ["defence"])]


def test_recording_the_defence_held_issues_the_pending_certificate_at_once(
    programme, django_capture_on_commit_callbacks
):
    from assessment.services import defence_record_held

    enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE)
    slot = DefenceSlot.objects.get(plan__enrolment=enrolment)
    DefenceSlot.objects.filter(pk=slot.pk).update(held_on=None, assessed_by=None)
    finalised_result(enrolment=enrolment)
    assert not Certificate.objects.exists()
    trainer = TrainerFactory()

    with django_capture_on_commit_callbacks(execute=True):
        defence_record_held(plan=slot.plan, held_on=TODAY, assessed_by=trainer)

    certificate = Certificate.objects.get(enrolment=enrolment)
    assert certificate.kind == "certificate" and certificate.status == "valid"
    slot.refresh_from_db()
    assert (slot.held_on, slot.assessed_by) == (TODAY, trainer)


def test_the_last_hours_crossing_the_threshold_issue_the_certificate(
    programme, django_capture_on_commit_callbacks
):
    from course.services import topic_mark_studied

    enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE)
    TopicCompletion.objects.filter(enrolment=enrolment, topic__number="1.1").delete()
    finalised_result(enrolment=enrolment)

    with django_capture_on_commit_callbacks(execute=True):
        topic_mark_studied(enrolment=enrolment, topic=kk_topic("1.1"))

    assert Certificate.objects.filter(enrolment=enrolment, status="valid").count() == 1


def test_an_event_before_the_last_condition_issues_nothing(
    programme, django_capture_on_commit_callbacks
):
    from course.services import topic_mark_studied

    enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE)
    TopicCompletion.objects.filter(enrolment=enrolment, topic__number__in=["1.1", "1.2"]).delete()
    finalised_result(enrolment=enrolment)

    with django_capture_on_commit_callbacks(execute=True):
        topic_mark_studied(enrolment=enrolment, topic=kk_topic("1.1"))

    assert not Certificate.objects.exists()


def test_the_sweep_issues_a_pending_pass_once_the_cohort_has_ended_and_never_before(programme):
    cohort = CohortFactory(ends_on=TODAY + datetime.timedelta(days=1))
    enrolment = EnrolmentFactory(cohort=cohort, status=Enrolment.Status.ACTIVE)
    finalised_result(enrolment=enrolment)
    now = datetime.timedelta(0)

    assert certificates_sweep(grace=now)["pending"] == 1
    assert not Certificate.objects.exists()

    cohort.ends_on = TODAY
    cohort.save()
    assert certificates_sweep(grace=now)["issued"] == 1
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
    assert certificates_sweep(grace=now) == {
        "pdfs_stored": 0,
        "issued": 0,
        "pending": 0,
        "refused": 0,
        "failed": 0,
        "locked": 0,
    }


# --- Not passed when the retake window closes -----------------------------------------------


def test_a_statement_is_issued_when_the_retake_window_closes_without_a_pass(programme):
    enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE, met_rule=False)
    first = finalised_result(
        enrolment=enrolment,
        scores={"theory": 5, "practice": 5, "plan": 5},
        finalised_at=timezone.make_aware(datetime.datetime(2025, 6, 10, 12)),
    )
    assert not first.passed

    assert retake_windows_close(today=datetime.date(2026, 6, 10)) == 0  # last day of the window
    assert retake_windows_close(today=datetime.date(2026, 6, 11)) == 1

    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.NOT_PASSED
    statement = Certificate.objects.get(enrolment=enrolment)
    assert statement.kind == "statement" and statement.serial.startswith("AN-")
    assert retake_windows_close(today=datetime.date(2026, 6, 12)) == 0


def test_a_retake_still_being_assessed_keeps_the_window_open(programme):
    enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE, met_rule=False)
    finalised_result(
        enrolment=enrolment,
        scores={"theory": 5, "practice": 5, "plan": 5},
        finalised_at=timezone.make_aware(datetime.datetime(2025, 6, 10, 12)),
    )
    FinalResult.objects.create(enrolment=enrolment, attempt=2, rubric_id=first_rubric_id())

    assert retake_windows_close(today=datetime.date(2026, 7, 1)) == 0
    enrolment.refresh_from_db()
    assert enrolment.status == Enrolment.Status.ACTIVE
    assert not Certificate.objects.exists()


def first_rubric_id() -> int:
    from assessment.models import Rubric

    return Rubric.objects.get(version=1).pk


def test_the_last_practice_work_accepted_issues_the_certificate(
    programme, django_capture_on_commit_callbacks
):
    from assessment.models import Assignment, Submission

    assignment = Assignment.objects.create(topic=kk_topic("3.5"), brief_kk="<p>Кесте</p>")
    enrolment = EnrolmentFactory(status=Enrolment.Status.ACTIVE)
    submission = Submission.objects.get(assignment=assignment, enrolment=enrolment)
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.SUBMITTED)
    finalised_result(enrolment=enrolment)
    assert _codes(completion_missing(enrolment=enrolment)) == ["practice"]

    submission.refresh_from_db()
    submission.status = Submission.Status.ACCEPTED
    with django_capture_on_commit_callbacks(execute=True):
        submission.save()

    assert Certificate.objects.filter(enrolment=enrolment, status="valid").count() == 1
