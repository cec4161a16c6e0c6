"""How mentoring plugs into the rest: the trainee dashboard, the data export and erasure (its
periodic task is on the one beat schedule, cms/settings/base.py)."""

from __future__ import annotations


def dashboard_panel(request, enrolment):
    from course.dashboard import enrolment_state

    from .selectors import certificates_with_allowance

    if not request.user.is_authenticated:
        return None
    if not enrolment_state(enrolment)["certificates_has_certificate"]:
        return None  # no certificate of this enrolment: nothing to list, no query of its own
    rows = [
        (certificate, allowance)
        for certificate, allowance, _policy in certificates_with_allowance(user=request.user)
        if certificate.enrolment_id == enrolment.pk
    ]
    if not rows:
        return None
    return {"template": "mentoring/dashboard_panel.html", "context": {"rows": rows}}


EXPORTED_MODELS = (
    "mentoring.Ticket",
    "mentoring.Message",
    "mentoring.Attachment",
    "mentoring.Consultation",
)


def export_personal_data(user) -> dict:
    from cms.personal_data import row

    from .models import Ticket

    tickets = Ticket.objects.filter(graduate=user).prefetch_related(
        "messages", "attachments", "consultations"
    )
    return {
        "tickets": [
            {
                **row(t, exclude=("graduate",)),
                "opened_at": t.created_at.isoformat(),
                "messages": [
                    {"at": m.created_at.isoformat(), "by_mentor": m.by_mentor, "body": m.body}
                    for m in t.messages.all()
                ],
                "attachments": [a.original_name for a in t.attachments.all()],
                "attachment_details": [
                    row(a, exclude=("ticket", "message")) for a in t.attachments.all()
                ],
                "consultations": [row(c, exclude=("ticket",)) for c in t.consultations.all()],
            }
            for t in tickets
        ]
    }


def erase_personal_data(user) -> None:
    """Tickets go with the account (cascade); their private files must go from the disk too."""
    from cms.private_files import delete_field_file_on_commit

    from .models import Attachment

    for attachment in Attachment.objects.filter(ticket__graduate=user):
        delete_field_file_on_commit(attachment.file)


def pseudonymise_personal_data(user) -> None:
    """Mentoring tickets are support after the course, not academic records: they go, and their
    files once the transaction commits."""
    from cms.private_files import delete_field_file_on_commit

    from .models import Attachment, Ticket

    for attachment in Attachment.objects.filter(ticket__graduate=user):
        delete_field_file_on_commit(attachment.file)
    Ticket.objects.filter(graduate=user).delete()


def connect() -> None:
    from cms.personal_data import register_eraser, register_exporter, register_pseudonymiser
    from course.dashboard import register_panel

    register_panel(dashboard_panel, order=70)
    register_exporter("mentoring", export_personal_data, models=EXPORTED_MODELS)
    register_eraser(erase_personal_data)
    register_pseudonymiser(pseudonymise_personal_data)
    from cms.retention import register_child_files

    register_child_files("mentoring attachments", child_files_sweep)


def child_files_sweep(*, today, months: int) -> int:
    """Delete the files of closed tickets `months` after the certificate they are about, or after
    the ticket closed if that is later; an open ticket keeps its files. The row stays, marked."""
    from django.utils import timezone

    from cms.private_files import delete_field_file_on_commit
    from cms.retention import child_files_due

    from .models import Attachment

    rows = (
        Attachment.objects.filter(file_deleted_at__isnull=True, ticket__closed_at__isnull=False)
        .exclude(file="")
        .select_related("ticket__certificate")
    )
    now, count = timezone.now(), 0
    for row in rows.select_for_update(of=("self",)):
        closed_on = timezone.localdate(row.ticket.closed_at)
        reference = max(row.ticket.certificate.issued_on, closed_on)
        if not child_files_due(reference, today=today, months=months):
            continue
        delete_field_file_on_commit(row.file)
        row.file, row.file_deleted_at = "", now
        row.save(update_fields=["file", "file_deleted_at"])
        count += 1
    return count
