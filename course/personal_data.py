"""The course part of a person's data export and account deletion (cms.personal_data)."""

from __future__ import annotations

from cms.private_files import delete_field_file_on_commit

from .models import Enrolment, EnrolmentEvent


def _iso(value):
    return value.isoformat() if value else None


def export_personal_data(user) -> dict:
    enrolments = (
        Enrolment.objects.filter(trainee=user)
        .select_related("cohort")
        .prefetch_related("events", "completions__topic", "attendance__session")
    )
    return {
        "enrolments": [
            {
                "cohort": e.cohort.code,
                "status": e.status,
                "enrolled_at": _iso(e.enrolled_at),
                "agreement_version": e.agreement_version,
                "agreement_accepted_at": _iso(e.agreement_accepted_at),
                "history": [
                    {
                        "from": ev.from_status,
                        "to": ev.to_status,
                        "at": _iso(ev.at),
                        "reason": ev.reason,
                        "order_number": ev.order_number,
                    }
                    for ev in e.events.all()
                ],
                "topics_completed": [
                    {"topic": c.topic.number, "source": c.source, "at": _iso(c.completed_at)}
                    for c in e.completions.all()
                ],
                "attendance": [
                    {"session": _iso(a.session.starts_at), "mark": a.mark}
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
