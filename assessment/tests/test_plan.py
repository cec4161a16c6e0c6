"""The support plan: error reports that leave out what the trainee typed, attachments removed only
once the change commits, a full disk, rows added in the browser, and the defence of a trainee."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from assessment import services
from assessment.models import (
    DefenceSlot,
    PlanAttachment,
    SupportPlan,
)
from course.models import Enrolment

from .conftest import CHILD, MESSAGE, files_under, named_enrolment, pdf, report_text, url
from .factories import TrainerFactory
from .test_support_plan import complete_post

pytestmark = pytest.mark.django_db


@pytest.fixture
def trainer(db):
    return TrainerFactory(mfa=False)


def plan_rows(abc: list[tuple], goals: list[tuple], abc_stored: int = 0, **extra) -> dict:
    """The post of the plan page; `abc_stored` rows came from the server (INITIAL_FORMS)."""
    data = {
        "learner_code": "L-3",
        "action": "save",
        "abc-TOTAL_FORMS": str(len(abc)),
        "abc-INITIAL_FORMS": str(abc_stored),
        "goal-TOTAL_FORMS": str(len(goals)),
        "goal-INITIAL_FORMS": "0",
    }
    for i, row in enumerate(abc):
        a, b, c, *delete = row
        data.update({f"abc-{i}-antecedent": a, f"abc-{i}-behaviour": b, f"abc-{i}-consequence": c})
        if delete:
            data[f"abc-{i}-DELETE"] = "on"
    for i, row in enumerate(goals):
        term, goal, measure, date, *delete = row
        data.update(
            {
                f"goal-{i}-term": term,
                f"goal-{i}-goal": goal,
                f"goal-{i}-measure": measure,
                f"goal-{i}-target_date": date,
            }
        )
        if delete:
            data[f"goal-{i}-DELETE"] = "on"
    data.update(extra)
    return data


def test_a_500_on_the_plan_form_mails_admins_nothing_the_trainee_typed(failing_client, monkeypatch):
    import course.selectors

    def fails(user):
        raise RuntimeError("the enrolment could not be read")

    monkeypatch.setattr(course.selectors, "enrolment_current", fails)

    response = failing_client.post(
        url("plan_edit"), {"strengths": CHILD, "abc-0-behaviour": CHILD, "action": "save"}
    )

    assert response.status_code == 500
    (report,) = mail.outbox
    text = report_text(report)
    assert "the enrolment could not be read" in text
    assert "strengths" in text and "abc-0-behaviour" in text
    for part in ("Айдос", "Серікұлы", "айқайлайды"):
        assert part not in text


def test_a_refused_plan_submit_keeps_the_attachment_it_asked_to_remove(
    client, enrolment, django_capture_on_commit_callbacks
):
    plan = services.plan_save(enrolment=enrolment, data={"learner_code": "L-1"}, files=[pdf()])
    attachment = plan.attachments.get()
    client.force_login(enrolment.trainee)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url("plan_edit"), complete_post(anonymised="", remove_file=str(attachment.pk))
        )

    assert response.status_code == 200
    assert "Confirm that the child is anonymised" in response.text
    assert PlanAttachment.objects.filter(pk=attachment.pk).exists()
    assert attachment.file.storage.exists(attachment.file.name)


def test_a_full_disk_keeps_the_typed_plan_and_leaves_no_file(client, enrolment, full_disk):
    client.force_login(enrolment.trainee)
    before = files_under(full_disk)

    response = client.post(url("plan_edit"), complete_post(files=[pdf("abc-chart.pdf")]))

    assert response.status_code == 200
    assert MESSAGE in response.text and "abc-chart.pdf" in response.text
    plan = SupportPlan.objects.get(enrolment=enrolment)
    assert plan.strengths == "Сурет салуды жақсы көреді."
    assert plan.status != "submitted"
    assert not PlanAttachment.objects.exists()
    assert files_under(full_disk) == before


def test_the_defence_is_recorded_as_held_with_its_date_and_assessor(trainer, programme):
    enrolment = named_enrolment(trainer, Enrolment.Status.ACTIVE)
    plan = SupportPlan.objects.create(
        enrolment=enrolment, status=SupportPlan.Status.SUBMITTED, submitted_at=timezone.now()
    )
    DefenceSlot.objects.create(
        plan=plan, starts_at=timezone.now(), place="Room 4", scheduled_by=trainer
    )
    day = timezone.localdate() - dt.timedelta(days=1)

    slot = services.defence_record_held(plan=plan, held_on=day, assessed_by=trainer)

    assert (slot.held_on, slot.assessed_by) == (day, trainer)


def test_a_defence_in_the_future_or_never_scheduled_is_not_recorded(trainer, programme):
    enrolment = named_enrolment(trainer, Enrolment.Status.ACTIVE)
    plan = SupportPlan.objects.create(
        enrolment=enrolment, status=SupportPlan.Status.SUBMITTED, submitted_at=timezone.now()
    )
    with pytest.raises(ValidationError, match="Schedule the defence before recording it as held"):
        services.defence_record_held(plan=plan, held_on=timezone.localdate(), assessed_by=trainer)
    DefenceSlot.objects.create(
        plan=plan, starts_at=timezone.now(), place="Room 4", scheduled_by=trainer
    )
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    with pytest.raises(ValidationError, match="cannot be held in the future"):
        services.defence_record_held(plan=plan, held_on=tomorrow, assessed_by=trainer)

    assert DefenceSlot.objects.get(plan=plan).held_on is None


def test_rows_added_in_the_browser_are_all_saved(client, enrolment):
    client.force_login(enrolment.trainee)
    data = plan_rows(
        abc=[("A1", "B1", "C1"), ("A2", "B2", "C2"), ("A3", "B3", "C3")],
        goals=[("short", "G1", "M1", "2026-12-01"), ("long", "G2", "M2", "2027-05-01")],
    )
    response = client.post(url("plan_edit"), data)
    assert response.status_code == 302, response.text
    plan = SupportPlan.objects.get()
    assert sorted(plan.abc_records.values_list("antecedent", flat=True)) == ["A1", "A2", "A3"]
    assert sorted(plan.goals.values_list("goal", flat=True)) == ["G1", "G2"]


def test_a_row_ticked_for_removal_is_deleted_even_when_half_filled(client, enrolment):
    client.force_login(enrolment.trainee)
    client.post(
        url("plan_edit"),
        plan_rows(abc=[("A1", "B1", "C1"), ("A2", "B2", "C2")], goals=[]),
    )
    plan = SupportPlan.objects.get()
    assert plan.abc_records.count() == 2
    data = plan_rows(
        abc=[("A1", "B1", "C1", "delete"), ("A2", "B2", "C2"), ("half", "", "", "delete")],
        goals=[("short", "G1", "", "", "delete")],
        abc_stored=2,
    )
    response = client.post(url("plan_edit"), data)
    assert response.status_code == 302, response.text
    assert list(plan.abc_records.values_list("antecedent", flat=True)) == ["A2"]
    assert not plan.goals.exists()


def test_the_plan_page_offers_add_buttons_an_empty_row_template_and_removal(client, enrolment):
    client.force_login(enrolment.trainee)
    page = client.get(url("plan_edit")).text
    assert "Add an ABC record" in page and "Add a goal" in page
    assert "<template data-formset-empty>" in page
    assert 'name="abc-__prefix__-antecedent"' in page
    assert 'name="goal-__prefix__-term"' in page
    assert 'name="abc-0-DELETE"' in page and "Remove this row when saving" in page
    # Without JavaScript: one empty row per save, and the buttons stay hidden.
    assert 'name="abc-TOTAL_FORMS" value="1"' in page
    assert "data-formset-add hidden" in page
    assert 'src="/static/assessment/plan_rows.js"' in page
