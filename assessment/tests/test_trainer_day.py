"""The trainer's day (issue 19): the cohort page as the trainer's home, the grading queue with
support plans, the cohort's deadlines, taking back an acceptance, confirming a finalisation, and
what each of them costs in queries."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from assessment import charts, services
from assessment.models import (
    CohortDeadline,
    FinalResult,
    Submission,
    SubmissionVersion,
    SupportPlan,
)
from assessment.selectors import current_rubric
from cms.models import User
from course.models import Enrolment, TopicCompletion

from .conftest import url
from .factories import CohortFactory, EnrolmentFactory, TrainerFactory

pytestmark = pytest.mark.django_db

GOOD = {"theory": 15, "practice": 22, "plan": 22, "defence": 8, "participation": 7}  # 74


def course_url(name: str, *args) -> str:
    with translation.override("en"):
        return reverse(f"course:{name}", args=args)


def submitted(assignment, enrolment) -> Submission:
    version = services.submission_draft_save(assignment=assignment, enrolment=enrolment, text="x")
    services.submission_submit(submission=version.submission, anonymised_confirmed=True)
    return Submission.objects.get(pk=version.submission_id)


def accepted(assignment, enrolment, trainer) -> Submission:
    submission = submitted(assignment, enrolment)
    return services.submission_review(
        submission=submission,
        reviewer=trainer,
        decision="accepted",
        feedback="",
        lock_version=submission.lock_version,
    )


def submitted_plan(enrolment, *, days_ago: int = 0) -> SupportPlan:
    return SupportPlan.objects.create(
        enrolment=enrolment,
        status=SupportPlan.Status.SUBMITTED,
        submitted_at=timezone.now() - dt.timedelta(days=days_ago),
    )


def score_data(**extra) -> dict:
    data = {}
    for code, score in GOOD.items():
        data[f"score_{code}"] = score
        data[f"comment_{code}"] = f"comment on {code}"
    data.update(extra)
    return data


# The grading queue


def test_the_grading_queue_lists_a_waiting_plan_and_counts_it_among_final_assessments_to_score(
    client, trainer, enrolment
):
    plan = submitted_plan(enrolment)
    client.force_login(trainer)
    page = client.get(url("grading_queue")).text
    plans = page[page.index('id="plans-heading"') : page.index('id="to-score-heading"')]
    to_score = page[page.index('id="to-score-heading"') :]
    assert url("plan_view", plan.pk) in plans
    assert "to schedule" in plans  # no defence slot yet
    assert url("score", enrolment.pk) in to_score
    assert "not started: the plan is submitted" in to_score
    assert "No final assessment in progress." not in to_score


def test_the_grading_queue_shows_only_waiting_work_unless_asked_for_all(
    client, trainer, cohort, assignment
):
    waiting = submitted(assignment, EnrolmentFactory(cohort=cohort))
    done = accepted(assignment, EnrolmentFactory(cohort=cohort), trainer)
    client.force_login(trainer)
    page = client.get(url("grading_queue")).text
    assert url("submission_review", waiting.pk) in page
    assert url("submission_review", done.pk) not in page
    assert "1 submission" in page
    page = client.get(url("grading_queue") + "?show_all=on").text
    assert url("submission_review", waiting.pk) in page
    assert url("submission_review", done.pk) in page
    assert "2 submissions" in page


def _fill_cohort(trainer, assignment, plans: int, works: int) -> None:
    cohort = CohortFactory(trainers=[trainer])
    start = User.objects.count()
    users = User.objects.bulk_create(
        [User(email=f"t{start + i}@example.kz") for i in range(plans + works)]
    )
    enrolments = Enrolment.objects.bulk_create([Enrolment(cohort=cohort, trainee=u) for u in users])
    now = timezone.now()
    SupportPlan.objects.bulk_create(
        [SupportPlan(enrolment=e, status="submitted", submitted_at=now) for e in enrolments[:plans]]
    )
    Submission.objects.bulk_create(
        [
            Submission(assignment=assignment, enrolment=e, status="submitted", submitted_at=now)
            for e in enrolments[plans:]
        ]
    )
    CohortDeadline.objects.create(cohort=cohort, what="plan", due_on=cohort.starts_on)


def test_the_grading_queue_costs_the_same_queries_for_one_cohort_and_for_eight(
    client, trainer, assignment
):
    client.force_login(trainer)
    _fill_cohort(trainer, assignment, plans=2, works=3)
    client.get(url("grading_queue"))
    with CaptureQueriesContext(connection) as small:
        page = client.get(url("grading_queue")).text
    assert "3 submissions" in page
    for _i in range(7):
        _fill_cohort(trainer, assignment, plans=4, works=6)
    with CaptureQueriesContext(connection) as large:
        page = client.get(url("grading_queue")).text
    assert "45 submissions" in page  # 3 + 7 × 6
    assert page.count("to schedule") == 30  # 2 + 7 × 4 plans waiting, none defended
    assert len(large) == len(small)
    # The trainer's cohorts are read once, then filtered by id: no query joins the trainers.
    joins = [q["sql"] for q in large.captured_queries if "course_cohort_trainers" in q["sql"]]
    assert len(joins) == 1


def test_a_plan_handed_in_after_its_cohort_deadline_is_flagged_late_in_the_queue(
    client, trainer, cohort, enrolment
):
    CohortDeadline.objects.create(
        cohort=cohort, what="plan", due_on=timezone.localdate() - dt.timedelta(days=2)
    )
    submitted_plan(enrolment)
    client.force_login(trainer)
    page = client.get(url("grading_queue")).text
    plans = page[page.index('id="plans-heading"') : page.index('id="to-score-heading"')]
    assert "<strong>late</strong>" in plans


# The cohort page: the trainer's home


def test_the_cohort_page_shows_what_is_waiting_with_counts_and_links(
    client, trainer, cohort, assignment
):
    first, second, third = (EnrolmentFactory(cohort=cohort) for _i in range(3))
    submitted(assignment, first)
    accepted(assignment, second, trainer)
    submitted_plan(first)
    FinalResult.objects.create(enrolment=third, attempt=1, rubric=current_rubric())
    client.force_login(trainer)
    page = client.get(course_url("cohort_detail", cohort.code)).text
    waiting = page[page.index('id="waiting-heading"') : page.index('id="deadlines-heading"')]
    assert "1 work to review" in waiting
    assert "1 support plan submitted" in waiting
    assert "1 defence to schedule" in waiting
    assert "1 score to finalise" in waiting
    assert url("cohort_results", cohort.code) in waiting
    assert f"{url('grading_queue')}?cohort={cohort.pk}" in waiting
    for enrolment in (first, second, third):
        assert url("score", enrolment.pk) in page
    assert "1 of 1" in page  # the second trainee's works accepted, of the programme's one
    assert url("plan_view", first.support_plan.pk) in page


def test_the_cohort_page_flags_a_trainee_who_missed_the_plan_deadline(client, trainer, cohort):
    late = EnrolmentFactory(cohort=cohort)
    on_time = EnrolmentFactory(cohort=cohort)
    submitted_plan(on_time)
    CohortDeadline.objects.create(
        cohort=cohort, what="plan", due_on=timezone.localdate() - dt.timedelta(days=1)
    )
    client.force_login(trainer)
    page = client.get(course_url("cohort_detail", cohort.code)).text
    assert "1 trainee has missed a deadline" in page
    assert page.count("Overdue: Individual support plan") == 1
    row = page[page.index(course_url("enrolment_detail", late.pk)) :]
    assert row.index("Overdue: Individual support plan") < row.index("</tr>")


def test_the_cohort_page_costs_the_same_queries_for_3_and_30_trainees(
    client, trainer, cohort, assignment
):
    client.force_login(trainer)
    for _i in range(3):
        submitted_plan(EnrolmentFactory(cohort=cohort))
    client.get(course_url("cohort_detail", cohort.code))
    with CaptureQueriesContext(connection) as small:
        client.get(course_url("cohort_detail", cohort.code))
    for _i in range(27):
        submitted(assignment, EnrolmentFactory(cohort=cohort))
    with CaptureQueriesContext(connection) as large:
        page = client.get(course_url("cohort_detail", cohort.code)).text
    assert "27 works to review" in page
    assert len(large) == len(small)


def test_the_enrolment_page_links_a_trainer_to_scoring_works_and_plan_but_not_the_trainee(
    client, trainer, enrolment, assignment
):
    work = submitted(assignment, enrolment)
    plan = submitted_plan(enrolment)
    client.force_login(trainer)
    page = client.get(course_url("enrolment_detail", enrolment.pk)).text
    assert url("score", enrolment.pk) in page
    assert url("submission_review", work.pk) in page
    assert url("plan_view", plan.pk) in page
    client.force_login(enrolment.trainee)
    page = client.get(course_url("enrolment_detail", enrolment.pk)).text
    assert url("score", enrolment.pk) not in page
    assert url("submission_review", work.pk) not in page


def test_trainers_and_registrars_find_the_cohorts_in_the_menu_and_the_cohort_from_there(
    client, trainer, cohort
):
    client.force_login(trainer)
    home = client.get("/en/").text
    assert f'href="{course_url("cohort_list")}"' in home
    listing = client.get(course_url("cohort_list")).text
    assert course_url("cohort_detail", cohort.code) in listing


# Deadlines


def test_a_trainer_sets_the_cohorts_deadlines_and_the_trainee_sees_them(
    client, trainer, cohort, enrolment
):
    due = cohort.starts_on + dt.timedelta(days=20)
    client.force_login(trainer)
    response = client.post(
        url("cohort_deadlines", cohort.code),
        {
            "practice": due.isoformat(),
            "plan": (due + dt.timedelta(days=5)).isoformat(),
            "theory": "",
        },
    )
    assert response.status_code == 302
    assert dict(CohortDeadline.objects.filter(cohort=cohort).values_list("what", "due_on")) == {
        "practice": due,
        "plan": due + dt.timedelta(days=5),
    }
    client.force_login(enrolment.trainee)
    with translation.override("en"):
        dashboard = client.get(reverse("course:dashboard")).text
        plan_page = client.get(url("plan_edit")).text
        practice_page = client.get(url("practice_list")).text
    assert "Practice works — due" in dashboard
    assert "Individual support plan — due" in dashboard
    assert "Due:" in plan_page
    assert "Due:" in practice_page


def test_a_deadline_outside_the_course_is_refused_and_nothing_changes(client, trainer, cohort):
    inside = cohort.starts_on + dt.timedelta(days=3)
    CohortDeadline.objects.create(cohort=cohort, what="practice", due_on=inside)
    client.force_login(trainer)
    response = client.post(
        url("cohort_deadlines", cohort.code),
        {
            "practice": (cohort.starts_on + dt.timedelta(days=4)).isoformat(),
            "plan": (cohort.ends_on + dt.timedelta(days=1)).isoformat(),
        },
    )
    assert response.status_code == 200
    assert "A deadline must fall within the course" in response.text
    assert list(CohortDeadline.objects.values_list("what", "due_on")) == [("practice", inside)]


def test_a_trainer_of_another_cohort_and_a_trainee_cannot_open_the_deadlines(
    client, cohort, enrolment, outsiders
):
    for person in (outsiders["trainer"], enrolment.trainee):
        client.force_login(person)
        assert client.get(url("cohort_deadlines", cohort.code)).status_code == 404
        response = client.post(url("cohort_deadlines", cohort.code), {"plan": ""})
        assert response.status_code == 404
    assert not CohortDeadline.objects.exists()


# Taking back an acceptance


def test_the_trainer_takes_back_an_acceptance_within_the_window(
    client, trainer, enrolment, assignment
):
    submission = accepted(assignment, enrolment, trainer)
    assert TopicCompletion.objects.filter(enrolment=enrolment).count() == 1
    client.force_login(trainer)
    page = client.get(url("submission_review", submission.pk)).text
    assert url("submission_undo", submission.pk) in page
    response = client.post(url("submission_undo", submission.pk), follow=True)
    assert "The acceptance is taken back: the work waits for review." in response.text
    submission.refresh_from_db()
    assert submission.status == Submission.Status.SUBMITTED
    version = submission.versions.get()
    assert (version.decision, version.decided_by, version.decided_at) == ("", None, None)
    assert not TopicCompletion.objects.filter(enrolment=enrolment).exists()


def test_taking_back_an_acceptance_after_ten_minutes_is_refused_and_changes_nothing(
    client, trainer, enrolment, assignment
):
    submission = accepted(assignment, enrolment, trainer)
    decided_at = timezone.now() - dt.timedelta(minutes=11)
    SubmissionVersion.objects.filter(submission=submission).update(decided_at=decided_at)
    client.force_login(trainer)
    page = client.get(url("submission_review", submission.pk)).text
    assert url("submission_undo", submission.pk) not in page
    response = client.post(url("submission_undo", submission.pk), follow=True)
    assert (
        "An acceptance can be taken back only within 10 minutes. Ask the registrar if it must "
        "change now." in response.text
    )
    submission.refresh_from_db()
    assert submission.status == Submission.Status.ACCEPTED
    assert submission.versions.get().decided_at == decided_at
    assert TopicCompletion.objects.filter(enrolment=enrolment).count() == 1


def test_another_trainer_of_the_cohort_cannot_take_back_the_acceptance(
    client, trainer, cohort, enrolment, assignment
):
    colleague = TrainerFactory()
    cohort.trainers.add(colleague)
    submission = accepted(assignment, enrolment, trainer)
    client.force_login(colleague)
    response = client.post(url("submission_undo", submission.pk), follow=True)
    assert "Only the trainer who accepted the work can take the acceptance back." in response.text
    submission.refresh_from_db()
    assert submission.status == Submission.Status.ACCEPTED


def test_a_stranger_cannot_take_back_an_acceptance(
    client, trainer, enrolment, assignment, outsiders
):
    submission = accepted(assignment, enrolment, trainer)
    for person in outsiders.values():
        client.force_login(person)
        assert client.post(url("submission_undo", submission.pk)).status_code == 404
    submission.refresh_from_db()
    assert submission.status == Submission.Status.ACCEPTED


def test_accepting_a_work_costs_a_fixed_number_of_queries(client, trainer, enrolment, assignment):
    submission = submitted(assignment, enrolment)
    client.force_login(trainer)
    client.get(url("submission_review", submission.pk))
    with CaptureQueriesContext(connection) as queries:
        response = client.post(
            url("submission_review", submission.pk),
            {"decision": "accepted", "feedback": "", "lock_version": submission.lock_version},
        )
    assert response.status_code == 302
    # Session, user, roles, access, the locked row, its version, the topic's completion: no
    # PDF, e-mail or certificate check in the request (those run after commit, from the queue).
    assert len(queries) <= 23


# Finalising asks first


def test_finalising_asks_for_confirmation_first_and_saves_nothing(client, trainer, cohort):
    enrolment = EnrolmentFactory(cohort=cohort, plan_submitted=True)
    client.force_login(trainer)
    response = client.post(url("score", enrolment.pk), score_data(action="finalise"))
    assert response.status_code == 200
    assert "Finalise this result?" in response.text
    assert 'value="22"' in response.text  # the scores typed are kept in the form
    assert not FinalResult.objects.filter(enrolment=enrolment).exists()
    response = client.post(url("score", enrolment.pk), score_data(action="finalise", confirm="yes"))
    assert response.status_code == 302
    assert FinalResult.objects.get(enrolment=enrolment).status == FinalResult.Status.FINALISED


def test_finalising_costs_a_fixed_number_of_queries_and_issues_after_the_response(
    client, trainer, cohort, django_capture_on_commit_callbacks
):
    enrolment = EnrolmentFactory(cohort=cohort, plan_submitted=True)
    client.force_login(trainer)
    client.get(url("score", enrolment.pk))
    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks() as callbacks,
    ):
        response = client.post(
            url("score", enrolment.pk), score_data(action="finalise", confirm="yes")
        )
    assert response.status_code == 302
    # Was 74 before the score and audit rows were bulk-created and the audit left out of
    # Wagtail's reference index: five criteria no longer cost two queries each. One more reads
    # whether the plan credited was submitted.
    assert len(queries) <= 42
    assert callbacks  # the certificate's work is queued after commit, not done in the request


# The practice page and the charts


def test_the_returned_works_feedback_comes_before_the_editor(
    client, trainer, enrolment, assignment
):
    submission = submitted(assignment, enrolment)
    services.submission_review(
        submission=submission,
        reviewer=trainer,
        decision="returned",
        feedback="Describe the antecedent more precisely.",
        lock_version=submission.lock_version,
    )
    client.force_login(enrolment.trainee)
    page = client.get(url("practice_detail", assignment.pk)).text
    feedback = page.index("Describe the antecedent more precisely.")
    assert feedback < page.index('id="draft-heading"')
    assert feedback < page.index("Describe the case")  # before the brief, too


def test_the_band_chart_gives_each_label_its_own_row_and_breaks_it_after_the_dash():
    bars = charts.chart_hbars(
        [
            ("Өтті — өте жақсы", 4, "dots"),
            ("Өтті — қанағаттанарлық", 2, "cross"),
            ("Өтпеді", 0, "solid"),
        ]
    )
    assert [b.y for b in bars] == [0, 30, 60]
    assert [b.width for b in bars] == [200, 100, 0]
    assert bars[1].lines == ["Өтті —", "қанағаттанарлық"]
    assert bars[2].lines == ["Өтпеді"]
