"""Returning a submitted support plan for revision: feedback, the trainee's email, the banner on
the plan form and the dashboard, resubmission, the history, refusals and who may return."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from pypdf import PdfReader

from assessment import selectors, services
from assessment.models import PlanReview, SupportPlan
from notifications.models import Notification

from .conftest import url
from .factories import FinalResultFactory, RegistrarFactory, finalised_result
from .test_support_plan import complete_post

pytestmark = pytest.mark.django_db

FEEDBACK = "Goal 2 is not measurable: say how often and how you will count it."


@pytest.fixture
def submitted_plan(client, enrolment):
    client.force_login(enrolment.trainee)
    response = client.post(url("plan_edit"), complete_post())
    assert response.status_code == 302, response.text
    client.logout()
    return SupportPlan.objects.get(enrolment=enrolment)


def resubmit_post(**extra) -> dict:
    """The form as the browser sends it back: the stored rows count as initial forms."""
    return complete_post(**{"abc-INITIAL_FORMS": "1", "goal-INITIAL_FORMS": "2", **extra})


def return_plan(client, plan, user, feedback=FEEDBACK, lock_version=None):
    client.force_login(user)
    return client.post(
        url("plan_return", plan.pk),
        {
            "feedback": feedback,
            "lock_version": plan.lock_version if lock_version is None else lock_version,
        },
    )


def test_the_trainer_returns_a_submitted_plan_and_the_trainee_is_told_by_email_without_the_feedback(
    client, submitted_plan, trainer, enrolment, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = return_plan(client, submitted_plan, trainer)
    assert response.status_code == 302
    submitted_plan.refresh_from_db()
    assert submitted_plan.status == SupportPlan.Status.RETURNED
    review = submitted_plan.reviews.get(kind=PlanReview.Kind.RETURNED)
    assert (review.by, review.feedback) == (trainer, FEEDBACK)
    assert review.at is not None
    message = mail.outbox[-1]
    assert message.to == [enrolment.trainee.email]
    # The feedback speaks of the child the plan is about: read on the site, never e-mailed.
    assert FEEDBACK not in message.body
    assert "/assessment/plan/" in message.body
    notification = Notification.objects.get(recipient=enrolment.trainee)
    assert notification.kind == "assessment.plan_returned"
    assert notification.link == "/kk/assessment/plan/"


def test_the_trainee_sees_the_feedback_on_the_plan_form_and_on_the_dashboard(
    client, submitted_plan, trainer, enrolment
):
    from course.tests.conftest import url as course_url

    return_plan(client, submitted_plan, trainer)
    client.force_login(enrolment.trainee)
    form_page = client.get(url("plan_edit"))
    assert form_page.status_code == 200  # editable again, not redirected to the read-only view
    assert "Your support plan was returned for revision" in form_page.text
    assert "Goal 2 is not measurable" in form_page.text
    dashboard = client.get(course_url("dashboard")).text
    assert "Your support plan was returned for revision" in dashboard
    assert "Goal 2 is not measurable" in dashboard


def test_the_trainee_revises_and_resubmits_and_the_trainer_sees_every_step_in_the_history(
    client, submitted_plan, trainer, enrolment
):
    return_plan(client, submitted_plan, trainer)
    client.force_login(enrolment.trainee)
    response = client.post(url("plan_edit"), resubmit_post(**{"goal-1-measure": "3 times a week"}))
    assert response.status_code == 302
    submitted_plan.refresh_from_db()
    assert submitted_plan.status == SupportPlan.Status.SUBMITTED
    kinds = [e.kind for e in selectors.plan_history(plan=submitted_plan)]
    assert kinds == ["submitted", "returned", "resubmitted"]
    client.force_login(trainer)
    page = client.get(url("plan_view", submitted_plan.pk)).text
    assert "History of the plan" in page
    assert "Returned for revision" in page and "Resubmitted" in page
    assert "Goal 2 is not measurable" in page
    assert trainer.email in page or trainer.get_full_name() in page
    # Resubmitted: it can be returned again.
    assert "Return the plan to the trainee" in page


def test_a_return_without_feedback_is_refused_and_nothing_changes(client, submitted_plan, trainer):
    response = return_plan(client, submitted_plan, trainer, feedback="   ")
    assert response.status_code == 200
    assert "Write feedback so the trainee knows what to revise." in response.text
    submitted_plan.refresh_from_db()
    assert submitted_plan.status == SupportPlan.Status.SUBMITTED
    assert not submitted_plan.reviews.filter(kind="returned").exists()
    assert mail.outbox == []


def test_a_plan_that_is_not_submitted_cannot_be_returned(submitted_plan, trainer):
    services.plan_return(
        plan=submitted_plan, returned_by=trainer, feedback=FEEDBACK, lock_version=1
    )
    submitted_plan.refresh_from_db()
    with pytest.raises(ValidationError, match="Only a submitted plan can be returned"):
        services.plan_return(
            plan=submitted_plan,
            returned_by=trainer,
            feedback="again",
            lock_version=submitted_plan.lock_version,
        )
    assert submitted_plan.reviews.filter(kind="returned").count() == 1


def test_a_plan_cannot_be_returned_once_the_final_result_is_finalised(
    client, submitted_plan, trainer, enrolment
):
    finalised_result(enrolment=enrolment)
    response = return_plan(client, submitted_plan, trainer)
    assert response.status_code == 200
    assert "The final result is already finalised" in response.text
    submitted_plan.refresh_from_db()
    assert submitted_plan.status == SupportPlan.Status.SUBMITTED
    assert not submitted_plan.reviews.filter(kind="returned").exists()


def test_a_plan_may_be_returned_while_the_result_is_only_a_draft(submitted_plan, trainer):
    FinalResultFactory(enrolment=submitted_plan.enrolment)
    services.plan_return(
        plan=submitted_plan, returned_by=trainer, feedback=FEEDBACK, lock_version=1
    )
    submitted_plan.refresh_from_db()
    assert submitted_plan.is_returned


def test_a_return_from_a_stale_page_is_refused_and_the_current_state_is_shown(
    client, submitted_plan, trainer, enrolment
):
    from .factories import TrainerFactory

    colleague = TrainerFactory()
    enrolment.cohort.trainers.add(colleague)
    seen = submitted_plan.lock_version
    return_plan(client, submitted_plan, colleague, feedback="Colleague's feedback")
    response = return_plan(client, submitted_plan, trainer, lock_version=seen)
    assert response.status_code == 200
    assert "This plan was changed while you had it open" in response.text
    assert "Colleague&#x27;s feedback" in response.text  # the current state, from the history
    submitted_plan.refresh_from_db()
    assert [r.feedback for r in submitted_plan.reviews.filter(kind="returned")] == [
        "Colleague's feedback"
    ]


@pytest.mark.parametrize("who", ["trainee", "other_trainee", "other_trainer"])
def test_only_the_cohorts_trainers_and_staff_may_return_a_plan(
    client, submitted_plan, enrolment, outsiders, who
):
    person = enrolment.trainee if who == "trainee" else outsiders[who.removeprefix("other_")]
    response = return_plan(client, submitted_plan, person)
    assert response.status_code == 404
    submitted_plan.refresh_from_db()
    assert submitted_plan.status == SupportPlan.Status.SUBMITTED
    if who == "trainee":
        page = client.get(url("plan_view", submitted_plan.pk)).text
        assert "Return the plan to the trainee" not in page


def test_an_anonymous_visitor_is_sent_to_log_in_to_return_a_plan(client, submitted_plan):
    response = client.post(url("plan_return", submitted_plan.pk), {"feedback": "x"})
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_registrar_may_return_a_plan(client, submitted_plan):
    response = return_plan(client, submitted_plan, RegistrarFactory())
    assert response.status_code == 302
    submitted_plan.refresh_from_db()
    assert submitted_plan.is_returned


def test_the_scoring_evidence_and_the_pdf_show_the_current_state(
    client, submitted_plan, trainer, enrolment
):
    return_plan(client, submitted_plan, trainer)
    evidence = selectors.evidence_for(enrolment=enrolment)["plan"]
    assert evidence[0].startswith("Support plan returned for revision on")
    assert "Goal 2 is not measurable" in evidence[1]
    client.force_login(trainer)
    pdf = client.get(url("plan_pdf", submitted_plan.pk)).content
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "Returned for revision" in text
    assert "not measurable" in text
    client.force_login(enrolment.trainee)
    client.post(url("plan_edit"), resubmit_post())
    evidence = selectors.evidence_for(enrolment=enrolment)["plan"]
    assert "resubmitted" in evidence[0] and "after 1 return(s)" in evidence[0]
