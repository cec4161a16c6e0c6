"""The "my data" export covers every model that holds a person's data: the test walks the models
(django.apps) and fails when one that points at the person (directly, or through an enrolment,
submission, plan, ticket, certificate, result…) is covered by no exporter. A new model cannot be
forgotten; a new field of a covered model is exported by cms.personal_data.row."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.conf import settings

from cms import personal_data
from cms.selectors import SHELL_EXPORTED_MODELS

PROJECT_APPS = {
    "cms",
    "notifications",
    "course",
    "assessment",
    "certificates",
    "mentoring",
    "credentials",
    "quality",
}

# Foreign keys that name a member of staff who did something (marked, reviewed, recorded), not the
# person whose data the row is: following them would make every staff action a trainee's row.
ACTOR_FIELDS = {
    "assessment.FinalResult": {
        "second_marker",
        "third_marker",
        "finalised_by",
        "assessing_cohort_set_by",
    },
    "assessment.CriterionScore": {"marker"},
    "assessment.ScoreChange": {"changed_by"},
    "assessment.SubmissionVersion": {"decided_by"},
    "assessment.PlanReview": {"by"},
    "assessment.DefenceSlot": {"scheduled_by"},
    "course.EnrolmentEvent": {"by"},
    "course.Attendance": {"recorded_by"},
    "certificates.Certificate": {"issued_by"},
    "certificates.AuditEntry": {"actor"},
    "cms.FailedTask": {"retried_by", "resolved_by"},
    "cms.AccountDeletionRequest": {"decided_by"},
    "mentoring.Ticket": {"mentor"},
    "mentoring.Message": {"author"},
    "mentoring.Attachment": {"uploaded_by"},
    "mentoring.Consultation": {"scheduled_by"},
    "mentoring.Case": {"published_by"},
}
# Links to another of the person's rows that do not make the row the person's.
REFERENCE_FIELDS = {
    # A published case is anonymised teaching material; the link only says where it came from.
    "mentoring.Case": {"ticket"},
}


# Rows about a person that are deliberately not exported, and why.
NOT_EXPORTED = {
    # A one-time e-mail confirmation key: a secret, and gone once the address is confirmed.
    "account.EmailConfirmation",
}


def _label(model) -> str:
    return f"{model._meta.app_label}.{model.__name__}"


def _personal_models() -> set[str]:
    user_label = settings.AUTH_USER_MODEL
    personal = {user_label}
    candidates = [
        m
        for m in apps.get_models()
        if m._meta.app_label in PROJECT_APPS | {"account", "mfa"} and not m._meta.proxy
    ]
    changed = True
    while changed:
        changed = False
        for model in candidates:
            label = _label(model)
            if label in personal:
                continue
            skipped = ACTOR_FIELDS.get(label, set()) | REFERENCE_FIELDS.get(label, set())
            for field in model._meta.concrete_fields:
                if not field.is_relation or field.name in skipped:
                    continue
                # Fields a Wagtail page or setting inherits (owner, locked_by) name editors.
                if field.model._meta.app_label not in PROJECT_APPS | {"account", "mfa"}:
                    continue
                if _label(field.related_model) in personal:
                    personal.add(label)
                    changed = True
                    break
    return personal


def test_the_walk_finds_the_rows_that_describe_a_person():
    found = _personal_models()
    # Worked out by hand from the models: each reaches the user through the path named.
    for label in (
        "cms.TraineeProfile",  # user
        "course.Attendance",  # enrolment → user
        "assessment.ABCRecord",  # plan → enrolment → user
        "assessment.SubmissionFile",  # version → submission → enrolment → user
        "certificates.VerificationLookup",  # certificate → holder
        "credentials.CredentialRecord",  # certificate → holder
        "mentoring.Consultation",  # ticket → graduate
    ):
        assert label in found, label
    assert "course.Cohort" not in found and "assessment.Rubric" not in found


@pytest.mark.django_db
def test_every_model_holding_a_persons_data_is_covered_by_an_exporter():
    covered = personal_data.covered_models() | set(SHELL_EXPORTED_MODELS)

    missing = sorted(_personal_models() - covered - NOT_EXPORTED)

    assert missing == [], f"no exporter covers: {missing}"


def test_every_declared_model_exists():
    covered = personal_data.covered_models() | set(SHELL_EXPORTED_MODELS)
    for label in covered:
        assert apps.get_model(label) is not None


@pytest.mark.django_db
def test_the_export_holds_the_plan_sections_abc_rows_goals_attachments_and_test_answers(
    client, programme
):
    import datetime

    from assessment.models import (
        ABCRecord,
        PlanAttachment,
        PlanGoal,
        SupportPlan,
        TestAttempt,
        TheoryTest,
    )
    from cms.services import consent_record
    from cms.tests.factories import TraineeFactory
    from course.tests.factories import EnrolmentFactory, kk_programme

    trainee = TraineeFactory()
    consent_record(user=trainee, notice_version="3")
    enrolment = EnrolmentFactory(trainee=trainee)
    plan = SupportPlan.objects.create(
        enrolment=enrolment,
        learner_code="L-1",
        strengths="Draws well",
        barriers="Noise",
        tools=["visual_schedule"],
        role_parents="Reads with him",
    )
    ABCRecord.objects.create(
        plan=plan, antecedent="Bell rings", behaviour="Covers ears", consequence="Break"
    )
    PlanGoal.objects.create(
        plan=plan,
        term="short",
        goal="Stays for 10 minutes",
        measure="Minutes",
        target_date=datetime.date(2026, 3, 1),
    )
    PlanAttachment.objects.create(
        plan=plan, file="plans/1/x-schedule.pdf", name="schedule.pdf", size=9
    )
    test = TheoryTest.objects.create(programme=kk_programme(), title_kk="Тест")
    TestAttempt.objects.create(
        test=test, enrolment=enrolment, number=1, question_ids=[4, 7], answers={"4": [12]}
    )
    client.force_login(trainee)

    data = client.get("/en/accounts/my-data/export.json").json()

    exported_plan = data["assessment"]["support_plans"][0]
    assert exported_plan["strengths"] == "Draws well"
    assert exported_plan["role_parents"] == "Reads with him"
    assert exported_plan["tools"] == ["visual_schedule"]
    assert exported_plan["abc_records"][0]["behaviour"] == "Covers ears"
    assert exported_plan["goals"][0]["goal"] == "Stays for 10 minutes"
    assert exported_plan["goals"][0]["target_date"] == "2026-03-01"
    assert exported_plan["attachments"][0]["name"] == "schedule.pdf"
    attempt = data["assessment"]["theory_tests"][0]
    assert attempt["answers"] == {"4": [12]} and attempt["question_ids"] == [4, 7]
    assert "3" in [consent["notice_version"] for consent in data["consents"]]
