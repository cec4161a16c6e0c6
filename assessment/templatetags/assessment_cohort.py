"""`{% cohort_assessment cohort rows as data %}`: what the cohort page's assessment section shows,
computed by the assessment app (the course page that includes it cannot import us)."""

from __future__ import annotations

from django import template

from assessment.selectors.cohort import cohort_assessment as _cohort_assessment

register = template.Library()


@register.simple_tag
def cohort_assessment(cohort, rows):
    return _cohort_assessment(cohort=cohort, rows=rows)


@register.simple_tag
def enrolment_assessment(enrolment) -> dict:
    """The enrolment's handed-in works and its support plan (or None), for the links of the
    enrolment page. Two queries."""
    from assessment.models import Submission, SupportPlan

    works = sorted(
        Submission.objects.filter(enrolment=enrolment)
        .exclude(status=Submission.Status.DRAFT)
        .select_related("assignment__topic"),
        key=lambda s: s.assignment.topic.sort_key,
    )
    plan = SupportPlan.objects.filter(enrolment=enrolment).only("pk", "status").first()
    return {"works": works, "plan": plan}


@register.simple_tag(takes_context=True)
def cohort_deadline(context, what: str):
    """The deadline of `what` ("practice", "plan", "theory") for the trainee's cohort, or None:
    the page's `enrolment` when it has one, otherwise the person's current enrolment."""
    from assessment.models import CohortDeadline

    enrolment = context.get("enrolment")
    if enrolment is None:
        from course.selectors import enrolment_current

        enrolment = enrolment_current(context["request"].user)
    if enrolment is None:
        return None
    return CohortDeadline.objects.filter(cohort_id=enrolment.cohort_id, what=what).first()
