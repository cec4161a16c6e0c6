"""The course part of a person's data export and account deletion (cms.personal_data)."""

from __future__ import annotations

from cms.private_files import delete_field_file_on_commit

from .models import Enrolment, EnrolmentEvent


def _iso(value):
    return value.isoformat() if value else None


EXPORTED_MODELS = (
    "course.Enrolment",
    "course.EnrolmentEvent",
    "course.TopicCompletion",
    "course.Attendance",
)


def export_personal_data(user) -> dict:
    enrolments = (
        Enrolment.objects.filter(trainee=user)
        .select_related("cohort")
        .prefetch_related("events__to_cohort", "completions__topic", "attendance__session__topic")
    )
    return {
        "enrolments": [
            {
                "cohort": e.cohort.code,
                "status": e.status,
                "enrolled_at": _iso(e.enrolled_at),
                "agreement_version": e.agreement_version,
                "agreement_accepted_at": _iso(e.agreement_accepted_at),
                "transferred_to": str(e.transferred_to) if e.transferred_to_id else None,
                "history": [
                    {
                        "from": ev.from_status,
                        "to": ev.to_status,
                        "at": _iso(ev.at),
                        "reason": ev.reason,
                        "order_number": ev.order_number,
                        "decision_date": _iso(ev.decision_date),
                        "to_cohort": ev.to_cohort.code if ev.to_cohort_id else None,
                        "document": ev.document.name.rsplit("/", 1)[-1] if ev.document else None,
                    }
                    for ev in e.events.all()
                ],
                "topics_completed": [
                    {"topic": c.topic.number, "source": c.source, "at": _iso(c.completed_at)}
                    for c in e.completions.all()
                ],
                "attendance": [
                    {
                        "session": _iso(a.session.starts_at),
                        "topic": a.session.topic.number,
                        "mark": a.mark,
                    }
                    for a in e.attendance.all()
                ],
            }
            for e in enrolments
        ]
    }


def erase_personal_data(user) -> None:
    """Enrolments go with the account (cascade); transfer documents must go from the disk too."""
    for event in EnrolmentEvent.objects.filter(enrolment__trainee=user).exclude(document=""):
        delete_field_file_on_commit(event.document)


def academic_records(user) -> list[str]:
    """Each enrolment is an academic record: the register of who studied, when, with what
    outcome (and an expulsion's order number) must be answerable for the retention period."""
    from django.conf import settings
    from django.utils.translation import gettext as _

    sentences = []
    for enrolment in Enrolment.objects.filter(trainee=user).select_related("cohort"):
        sentences.append(
            _(
                "Enrolment in cohort %(cohort)s (%(status)s), its history, topic progress and "
                "attendance: kept until %(year)s as the record of the course."
            )
            % {
                "cohort": enrolment.cohort.code,
                "status": enrolment.get_status_display(),
                "year": enrolment.cohort.ends_on.year + settings.ACADEMIC_RECORDS_RETENTION_YEARS,
            }
        )
    return sentences
