"""The individual support plan: drafts, refusals, submission, PDF, private attachments, the
defence invitation with its .ics file, and who may open what."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from pypdf import PdfReader

from assessment import services
from assessment.models import DefenceSlot, SupportPlan

from .conftest import PDF, PRIVATE_PAGE_READERS, url

pytestmark = pytest.mark.django_db


def complete_post(**extra) -> dict:
    data = {
        "learner_code": "L-1",
        "learner_age": "8",
        "learner_class": "2Ә",
        "sen_group": "limited_abilities",
        "recommendations": "ПМПК: көрнекі қолдау.",
        "strengths": "Сурет салуды жақсы көреді.",
        "barriers": "Ұзақ нұсқауларды түсінбейді.",
        "tools": ["visual_schedule", "task_analysis"],
        "tools_rationale": "Көрнекі кесте күтуді жеңілдетеді.",
        "role_teacher": "Тапсырманы бейімдейді.",
        "role_specialists": "Логопед аптасына екі рет.",
        "role_parents": "Үйде кестені қолданады.",
        "monitoring_indicators": "Өз бетінше орындалған қадамдар саны.",
        "monitoring_method": "Бақылау картасы",
        "monitoring_frequency": "Аптасына бір рет",
        "monitoring_recorder": "Ассистент",
        "review_date": "2027-01-20",
        "abc-TOTAL_FORMS": "2",
        "abc-INITIAL_FORMS": "0",
        "abc-0-antecedent": "Жаңа тапсырма",
        "abc-0-behaviour": "Дәптерді жабады",
        "abc-0-consequence": "Ассистент көмектеседі",
        "abc-1-antecedent": "",
        "abc-1-behaviour": "",
        "abc-1-consequence": "",
        "goal-TOTAL_FORMS": "2",
        "goal-INITIAL_FORMS": "0",
        "goal-0-term": "short",
        "goal-0-goal": "Кестеге қарап сабаққа дайындалу",
        "goal-0-measure": "5 күннің 4-інде",
        "goal-0-target_date": "2026-12-20",
        "goal-1-term": "long",
        "goal-1-goal": "Тапсырманы 3 қадаммен өз бетінше орындау",
        "goal-1-measure": "Бақылау картасы бойынша",
        "goal-1-target_date": "2027-05-20",
        "action": "submit",
        "anonymised": "on",
    }
    data.update(extra)
    return data


@pytest.fixture
def submitted_plan(client, enrolment):
    client.force_login(enrolment.trainee)
    response = client.post(url("plan_edit"), complete_post())
    assert response.status_code == 302, response.text
    plan = SupportPlan.objects.get(enrolment=enrolment)
    client.logout()
    return plan


def test_a_complete_plan_is_submitted_with_its_sections(submitted_plan):
    plan = submitted_plan
    assert plan.status == "submitted"
    assert plan.abc_records.count() == 1
    assert sorted(plan.goals.values_list("term", flat=True)) == ["long", "short"]
    assert plan.tools == ["visual_schedule", "task_analysis"]


def test_an_incomplete_plan_is_kept_as_a_draft_and_refused_with_what_is_missing(client, enrolment):
    client.force_login(enrolment.trainee)
    data = complete_post(anonymised="", tools_rationale="")
    data["goal-1-term"] = ""
    data["goal-1-goal"] = ""
    data["goal-1-measure"] = ""
    data["goal-1-target_date"] = ""
    response = client.post(url("plan_edit"), data)
    assert response.status_code == 200
    assert "Confirm that the child is anonymised" in response.text
    assert "at least one short-term and one long-term goal" in response.text
    assert "choose tools and explain why" in response.text
    assert not SupportPlan.objects.filter(status="submitted").exists()
    assert not SupportPlan.objects.exists()  # the refused submit rolled the save back too


def test_a_half_filled_goal_row_is_refused(client, enrolment):
    client.force_login(enrolment.trainee)
    data = complete_post(action="save")
    data["goal-1-target_date"] = ""
    response = client.post(url("plan_edit"), data)
    assert "or leave the row empty" in response.text
    assert not SupportPlan.objects.exists()


def test_a_draft_saves_without_every_section(client, enrolment):
    client.force_login(enrolment.trainee)
    response = client.post(
        url("plan_edit"),
        {
            "learner_code": "L-2",
            "abc-TOTAL_FORMS": "0",
            "abc-INITIAL_FORMS": "0",
            "goal-TOTAL_FORMS": "0",
            "goal-INITIAL_FORMS": "0",
            "action": "save",
        },
    )
    assert response.status_code == 302
    plan = SupportPlan.objects.get()
    assert (plan.status, plan.learner_code) == ("draft", "L-2")


def test_a_submitted_plan_cannot_change(submitted_plan, enrolment):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="can no longer be changed"):
        services.plan_save(enrolment=enrolment, data={"learner_code": "X"})
    submitted_plan.refresh_from_db()
    assert submitted_plan.learner_code == "L-1"


def test_the_plan_exports_to_pdf_with_kazakh_text(client, submitted_plan, trainer):
    client.force_login(trainer)
    response = client.get(url("plan_pdf", submitted_plan.pk))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Дәптерді жабады" in text
    assert "2Ә" in text


@pytest.mark.parametrize(("who", "status"), PRIVATE_PAGE_READERS)
def test_the_plan_and_its_attachments_are_private(client, enrolment, person, who, status):
    plan = services.plan_save(
        enrolment=enrolment,
        data={"learner_code": "L-3"},
        files=[SimpleUploadedFile("abc.pdf", PDF)],
    )
    attachment = plan.attachments.get()
    client.force_login(person(who))
    assert client.get(url("plan_view", plan.pk)).status_code == status
    assert client.get(url("plan_attachment", attachment.pk)).status_code == status
    assert client.get(url("plan_pdf", plan.pk)).status_code == status


def test_an_anonymous_visitor_is_sent_to_log_in_for_a_plan(client, enrolment):
    plan = services.plan_save(enrolment=enrolment, data={})
    for name in ("plan_view", "plan_pdf"):
        response = client.get(url(name, plan.pk))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_the_trainer_schedules_the_defence_and_the_trainee_gets_an_ics_invitation(
    client, submitted_plan, trainer, enrolment, django_capture_on_commit_callbacks
):
    client.force_login(trainer)
    when = timezone.localtime() + dt.timedelta(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("plan_view", submitted_plan.pk),
            {
                "starts_at": when.strftime("%Y-%m-%dT%H:%M"),
                "duration_minutes": "20",
                "place": "https://meet.example.kz/defence",
            },
        )
    assert response.status_code == 302
    slot = DefenceSlot.objects.get(plan=submitted_plan)
    assert slot.emailed_at is not None
    message = mail.outbox[-1]
    assert message.to == [enrolment.trainee.email]
    name, content, mimetype = message.attachments[0]
    assert name == "defence.ics"
    assert "BEGIN:VEVENT" in content
    assert "meet.example.kz" in content
    assert mimetype.startswith("text/calendar")


def test_a_defence_in_the_past_is_refused(client, submitted_plan, trainer):
    client.force_login(trainer)
    response = client.post(
        url("plan_view", submitted_plan.pk),
        {"starts_at": "2020-01-01T10:00", "duration_minutes": "20", "place": "Room 5"},
    )
    assert "Choose a time in the future." in response.text
    assert not DefenceSlot.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(("kind", "expected"), [("blank", "Blank template"), ("example", "L-1")])
def test_a_blank_template_and_an_example_are_downloadable(client, enrolment, kind, expected):
    client.force_login(enrolment.trainee)
    response = client.get(url("plan_sample", kind))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert expected in text
    assert SupportPlan.objects.count() == 0
