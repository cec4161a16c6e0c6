"""Panels on the trainee's dashboard (course.dashboard): practice deadlines, recent feedback and
released results. Each panel costs one or two queries, whatever the size of the cohort."""

from __future__ import annotations

from django.utils import timezone

from cms.db.compiled import CompiledQuery


def deadlines_panel(request, enrolment):
    """The cohort's deadlines (practice works, plan, theory test), read with the enrolment's
    state, and the next practice works due by their own date: one query, and none when no work
    anywhere is due from today on."""
    from course.dashboard import enrolment_state, outline

    from .models import Assignment, CohortDeadline, Submission
    from .selectors import assignments_localize

    state = enrolment_state(enrolment)
    # The cohort's deadlines come with the enrolment's state (one of each kind at most).
    cohort_deadlines = sorted(
        (
            CohortDeadline(cohort_id=enrolment.cohort_id, what=what, due_on=due_on)
            for what in CohortDeadline.What.values
            if (due_on := state[f"assessment_deadline_{what}"]) is not None
        ),
        key=lambda deadline: deadline.due_on,
    )
    items = []
    if state["assessment_works_due_from_today"]:
        done = Submission.objects.filter(
            enrolment=enrolment,
            status__in=[Submission.Status.SUBMITTED, Submission.Status.ACCEPTED],
        ).values("assignment_id")
        # The programme's topics from its outline (cached, read by the dashboard already)
        # rather than a subquery over the page tree, and each work's topic taken from it.
        topics = {topic.pk: topic for item in outline(request, enrolment) for topic in item.topics}
        items = list(
            Assignment.objects.filter(topic_id__in=list(topics), due_at__gte=timezone.now())
            .exclude(pk__in=done)
            .order_by("due_at")[:5]
        )
        for item in items:
            item.topic = topics[item.topic_id]
    if not items and not cohort_deadlines:
        return None
    return {
        "template": "assessment/dashboard/deadlines.html",
        "context": {"items": assignments_localize(items), "cohort_deadlines": cohort_deadlines},
    }


def feedback_panel(request, enrolment):
    from course.dashboard import enrolment_state

    from .models import SubmissionVersion

    if not enrolment_state(enrolment)["assessment_has_feedback"]:
        return None  # nothing decided yet: no query of its own
    items = list(
        SubmissionVersion.objects.filter(submission__enrolment=enrolment)
        .exclude(decision="")
        .select_related("submission__assignment__topic")
        .order_by("-decided_at")[:3]
    )
    if not items:
        return None
    return {"template": "assessment/dashboard/feedback.html", "context": {"items": items}}


def results_panel(request, enrolment):
    """The latest released result; after "not passed", the deadline of the one retake (here or
    with a later cohort) and, once arranged, the cohort and defence slot. Three queries."""
    from course.dashboard import enrolment_state

    from .models import FinalResult
    from .selectors import retake_deadline

    if not enrolment_state(enrolment)["assessment_result_released"]:
        return None  # no released result: no query of its own
    results = list(
        FinalResult.objects.filter(enrolment=enrolment)
        .select_related("assessing_cohort", "enrolment__support_plan__defence")
        .order_by("-attempt")
    )
    released = [r for r in results if r.is_released]
    if not released:
        return None
    retake = next((r for r in results if r.attempt == 2), None)
    # From the select_related above: no extra query for the plan or its defence slot.
    plan = getattr(retake.enrolment, "support_plan", None) if retake else None
    defence = getattr(plan, "defence", None) if plan else None
    return {
        "template": "assessment/dashboard/results.html",
        "context": {
            "result": released[0],
            "retake": retake,
            "retake_deadline": retake_deadline(enrolment=enrolment)
            if released[0].attempt == 1
            else None,
            "retake_defence": defence
            if retake and defence and defence.starts_at >= retake.created_at
            else None,
        },
    }


def plan_panel(request, enrolment):
    """The support plan's state; when it was returned for revision, the trainer's feedback."""
    from course.dashboard import enrolment_state

    from .models import SupportPlan
    from .selectors import plan_last_return

    state = enrolment_state(enrolment)
    if state["assessment_plan_id"] is None:
        return None
    # The plan's id and status come with the enrolment's state: no query of its own.
    plan = SupportPlan(
        pk=state["assessment_plan_id"],
        status=state["assessment_plan_status"],
        enrolment_id=enrolment.pk,
    )
    return {
        "template": "assessment/dashboard/plan.html",
        "context": {
            "plan": plan,
            "last_return": plan_last_return(plan=plan) if plan.is_returned else None,
        },
    }


def theory_panel(request, enrolment):
    """The programme's theory test: where to take it (otherwise only on the practice page) and
    the best finished attempt so far."""
    tests = _theory_tests_of(enrolment.cohort.programme_id)
    if not tests:
        return None
    best = {}
    for attempt in _finished_attempts_of(enrolment.pk, [test.pk for test in tests]):
        best[attempt.test_id] = attempt  # ascending: the last one kept is the best
    return {
        "template": "assessment/dashboard/theory.html",
        "context": {"rows": [(test, best.get(test.pk)) for test in tests]},
    }


def _theory_tests_of_programme(programme_id):
    from .models import TheoryTest

    return TheoryTest.objects.filter(programme_id=programme_id)


def _finished_attempts(enrolment_id, test_ids):
    from .models import TestAttempt

    return TestAttempt.objects.filter(
        enrolment_id=enrolment_id, test_id__in=test_ids, finished_at__isnull=False
    ).order_by("score")


# Read on every dashboard visit: compiled once (cms.db.compiled; issue 22).
_theory_tests_of = CompiledQuery(_theory_tests_of_programme)
_finished_attempts_of = CompiledQuery(_finished_attempts)


def controls_panel(request, enrolment):
    """The trainee's result in each module's control, with a link to take it. Three queries."""
    from course.dashboard import outline

    from .selectors import module_results_of_enrolment

    cells = module_results_of_enrolment(enrolment=enrolment, outline=outline(request, enrolment))
    if not cells:
        return None
    return {"template": "assessment/dashboard/controls.html", "context": {"cells": cells}}


# Notes other apps add under a trainee's released result (the certificates app: "passed —
# certificate pending" with what is left to do). fn(request, enrolment) -> {"template",
# "context"} | None, like the dashboard's panels; assessment cannot import the apps above it.
_result_notes: dict[str, object] = {}


def register_result_note(fn) -> None:
    _result_notes[f"{fn.__module__}.{fn.__qualname__}"] = fn


def result_notes_render(request, enrolment) -> list[str]:
    from django.template.loader import render_to_string

    html = []
    for fn in list(_result_notes.values()):
        note = fn(request, enrolment)
        if note:
            context = {**note.get("context", {}), "request": request, "enrolment": enrolment}
            html.append(render_to_string(note["template"], context, request=request))
    return html


def _state_expressions() -> dict:
    """The facts of the enrolment these panels need, read with the enrolment's state in the
    dashboard's one query (course.dashboard.enrolment_state)."""
    import datetime as dt

    from django.db.models import Exists, OuterRef, Subquery

    from .models import Assignment, CohortDeadline, FinalResult, SubmissionVersion, SupportPlan

    ref = OuterRef("pk")
    plan = SupportPlan.objects.filter(enrolment=ref).order_by("pk")
    deadlines = CohortDeadline.objects.filter(cohort=OuterRef("cohort_id"))
    # From the start of today: the state's SQL is compiled once a day, and this only spares the
    # deadlines panel its query of the works due when none is due anywhere from today on.
    today = timezone.make_aware(dt.datetime.combine(timezone.localdate(), dt.time.min))
    return {
        # One per cohort and kind (a unique constraint): the panel needs no query of its own.
        **{
            f"assessment_deadline_{what}": Subquery(
                deadlines.filter(what=what).values("due_on")[:1]
            )
            for what in CohortDeadline.What.values
        },
        "assessment_works_due_from_today": Exists(Assignment.objects.filter(due_at__gte=today)),
        "assessment_has_feedback": Exists(
            SubmissionVersion.objects.filter(submission__enrolment=ref).exclude(decision="")
        ),
        "assessment_result_released": Exists(
            FinalResult.objects.filter(enrolment=ref, released_at__isnull=False)
        ),
        "assessment_plan_id": Subquery(plan.values("pk")[:1]),
        "assessment_plan_status": Subquery(plan.values("status")[:1]),
    }


def register() -> None:
    from course.dashboard import register_panel, register_states

    register_states(tuple(_state_expressions()), _state_expressions)
    register_panel(deadlines_panel, order=20)
    register_panel(feedback_panel, order=30)
    register_panel(controls_panel, order=32)
    register_panel(theory_panel, order=33)
    register_panel(plan_panel, order=35)
    register_panel(results_panel, order=40)
