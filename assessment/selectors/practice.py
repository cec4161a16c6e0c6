"""Reads of practice work: the programme's assignments, submissions, the grading queue."""

from __future__ import annotations

from django.db.models import Prefetch


def assignments_of_programme(programme) -> list:
    from course.models import TopicPage

    from ..models import Assignment

    topics = TopicPage.objects.descendant_of(programme)
    assignments = list(
        Assignment.objects.filter(topic__in=topics)
        .select_related("topic")
        .prefetch_related("materials__document")
    )
    assignments.sort(key=lambda a: a.topic.sort_key)
    return assignments_localize(assignments)


def assignments_localize(assignments, language: str | None = None) -> list:
    """Looks up the practice topics' titles in the reader's language for all `assignments` in
    one query (Assignment.title then reads them without a query of its own); returns the list."""
    from django.utils import translation

    from course.selectors import translated_topics

    assignments = list(assignments)
    language = language or translation.get_language() or "kk"
    pages = translated_topics([a.topic for a in assignments], language)
    for assignment in assignments:
        assignment.__dict__.setdefault("_titles", {})[language] = pages[assignment.topic_id].title
    return assignments


def assignment_in_programme(assignment, programme) -> bool:
    return assignment.topic.path.startswith(programme.path)


def submissions_of_enrolment(*, enrolment) -> dict[int, object]:
    """assignment id → Submission, with versions and files prefetched."""
    from ..models import Submission

    return {
        s.assignment_id: s
        for s in Submission.objects.filter(enrolment=enrolment)
        .select_related("assignment__topic")
        .prefetch_related("versions__files")
    }


def submission_with_versions(*, pk: int):
    from ..models import Submission, SubmissionVersion

    return (
        Submission.objects.filter(pk=pk)
        .select_related(
            "assignment__topic",
            "enrolment__cohort",
            "enrolment__trainee",
            "enrolment__trainee__trainee_profile",
        )
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=SubmissionVersion.objects.order_by("number")
                .select_related("decided_by")
                .prefetch_related("files"),
            ),
            "assignment__materials__document",
        )
        .first()
    )


def visible_cohort_ids(user) -> list[int]:
    """The ids of the cohorts a person looks after, read once: filtering by a short list of ids
    is cheap where a join through the cohorts' trainers, repeated in every query, is not."""
    from course.selectors import cohorts_visible

    return list(cohorts_visible(user).values_list("pk", flat=True))


def grading_queue(
    *,
    cohort_ids: list[int],
    cohort=None,
    topic_id: int | None = None,
    status: str = "",
    late: bool = False,
    show_all: bool = False,
):
    """Submissions of the given cohorts, newest hand-ins first: by default only the work waiting
    for review (`status` picks one state, `show_all` every state but drafts). A queryset: the
    view pages it, so the number of queries does not grow with the cohort or the years."""
    from django.db.models import F

    from ..models import Submission

    if cohort is not None:
        cohort_ids = [pk for pk in cohort_ids if pk == cohort.pk]
    queryset = Submission.objects.filter(enrolment__cohort_id__in=cohort_ids)
    if status:
        queryset = queryset.filter(status=status)
    elif show_all:
        queryset = queryset.exclude(status=Submission.Status.DRAFT)
    else:
        queryset = queryset.filter(status=Submission.Status.SUBMITTED)
    if topic_id:
        queryset = queryset.filter(assignment__topic_id=topic_id)
    if late:
        queryset = queryset.filter(
            assignment__due_at__isnull=False, submitted_at__gt=F("assignment__due_at")
        )
    return queryset.select_related(
        "assignment__topic",
        "enrolment__cohort",
        "enrolment__trainee",
        "enrolment__trainee__trainee_profile",
    ).order_by("-submitted_at", "-pk")


def practice_evidence(*, enrolment) -> list[str]:
    from django.utils.translation import gettext as _

    lines = []
    for submission in submissions_of_enrolment(enrolment=enrolment).values():
        versions = list(submission.versions.all())
        latest = versions[-1] if versions else None
        feedback = next((v.feedback for v in reversed(versions) if v.feedback), "")
        line = _("%(topic)s: %(status)s, %(n)s version(s).") % {
            "topic": submission.assignment.topic.number,
            "status": submission.get_status_display(),
            "n": len(versions),
        }
        if feedback:
            line += " " + _("Feedback: %(feedback)s") % {"feedback": feedback[:200]}
        if latest is not None:
            lines.append(line)
    return sorted(lines)


def assignments_count(*, programme) -> int:
    from course.models import TopicPage

    from ..models import Assignment

    return Assignment.objects.filter(topic__in=TopicPage.objects.descendant_of(programme)).count()
