"""Panels on the trainee's dashboard (course.dashboard): practice deadlines, recent feedback and
released results. Each panel costs one or two queries, whatever the size of the cohort."""

from __future__ import annotations

from django.utils import timezone


def deadlines_panel(request, enrolment):
    from course.models import TopicPage

    from .models import Assignment, Submission

    done = Submission.objects.filter(
        enrolment=enrolment,
        status__in=[Submission.Status.SUBMITTED, Submission.Status.ACCEPTED],
    ).values("assignment_id")
    items = list(
        Assignment.objects.filter(
            topic__in=TopicPage.objects.descendant_of(enrolment.cohort.programme),
            due_at__gte=timezone.now(),
        )
        .exclude(pk__in=done)
        .select_related("topic")
        .order_by("due_at")[:5]
    )
    if not items:
        return None
    return {"template": "assessment/dashboard/deadlines.html", "context": {"items": items}}


def feedback_panel(request, enrolment):
    from .models import SubmissionVersion

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
    from .models import FinalResult

    results = list(
        FinalResult.objects.filter(enrolment=enrolment, released_at__isnull=False).order_by(
            "-attempt"
        )[:1]
    )
    if not results:
        return None
    return {"template": "assessment/dashboard/results.html", "context": {"result": results[0]}}


def register() -> None:
    from course.dashboard import register_panel

    register_panel(deadlines_panel, order=20)
    register_panel(feedback_panel, order=30)
    register_panel(results_panel, order=40)
