"""Writes of post-course mentoring. Every refusal raises ValidationError with a message for people
and leaves the database as it was."""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from certificates.models import Certificate
from cms.celery import enqueue_on_commit
from cms.emails import one_line
from cms.errors import ServiceError
from cms.uploads import validate_upload

from .models import Attachment, Case, Consultation, Message, Ticket, Topic
from .notices import ticket_opened_notify, ticket_replied_notify
from .selectors import allowance_for, is_mentor, policy_for
from .workdays import add_working_days


def _attachments_save(*, ticket, message, files: Sequence, user, now) -> None:
    for uploaded in files:
        name = validate_upload(uploaded)
        attachment = Attachment(
            ticket=ticket,
            message=message,
            original_name=name,
            size=uploaded.size,
            uploaded_by=user,
            uploaded_at=now,
        )
        attachment.file.save(name, uploaded, save=False)
        attachment.save()


def _check_files(files: Sequence, anonymised_confirmed: bool) -> None:
    if files and not anonymised_confirmed:
        raise ServiceError(
            _(
                "Confirm that the files contain no child's name, school, photo or scanned PMPK "
                "conclusion before attaching them."
            )
        )
    for uploaded in files:
        validate_upload(uploaded)


def ticket_open(
    *,
    certificate: Certificate,
    graduate,
    topic: str,
    subject: str,
    description: str,
    preferred_format: str,
    course_topic=None,
    files: Sequence = (),
    anonymised_confirmed: bool = False,
    suggested_criterion: str = "",
) -> Ticket:
    if certificate.holder_id != graduate.pk:
        raise PermissionDenied
    if topic not in Topic.values:
        raise ServiceError(_("Choose a topic from the list."))
    _check_files(files, anonymised_confirmed)
    with transaction.atomic():
        # Lock the certificate so two tickets opened at the same moment cannot both take the
        # last one.
        locked = Certificate.objects.select_for_update().get(pk=certificate.pk)
        policy = policy_for(certificate=locked)
        allowance = allowance_for(certificate=locked, policy=policy)
        if not allowance.can_open:
            raise ServiceError(allowance.refusal)
        now = timezone.now()
        ticket = Ticket.objects.create(
            certificate=locked,
            graduate=graduate,
            topic=topic,
            course_topic=course_topic,
            subject=one_line(subject)[:200],  # it goes into e-mail headers
            description=description.strip(),
            preferred_format=preferred_format,
            suggested_criterion=suggested_criterion,
            created_at=now,
            first_reply_due=add_working_days(now, policy.first_reply_working_days),
        )
        _attachments_save(ticket=ticket, message=None, files=files, user=graduate, now=now)
        ticket_opened_notify(ticket=ticket)
    return ticket


def ticket_assign(*, ticket: Ticket, mentor, by) -> Ticket:
    if not is_mentor(by) or not is_mentor(mentor):
        raise PermissionDenied
    if ticket.is_closed:
        raise ServiceError(_("This ticket is closed."))
    ticket.mentor = mentor
    ticket.save(update_fields=["mentor"])
    return ticket


def ticket_reply(
    *,
    ticket: Ticket,
    author,
    body: str,
    files: Sequence = (),
    anonymised_confirmed: bool = False,
) -> Message:
    by_mentor = author.pk != ticket.graduate_id
    if by_mentor and not is_mentor(author):
        raise PermissionDenied
    if ticket.is_closed:
        raise ServiceError(_("This ticket is closed. Reopen it to write again."))
    if not body.strip():
        raise ServiceError(_("Write a message."))
    _check_files(files, anonymised_confirmed or by_mentor)
    with transaction.atomic():
        now = timezone.now()
        message = Message.objects.create(
            ticket=ticket, author=author, by_mentor=by_mentor, body=body.strip(), created_at=now
        )
        _attachments_save(ticket=ticket, message=message, files=files, user=author, now=now)
        fields = ["status"]
        if by_mentor:
            ticket.status = Ticket.Status.ANSWERED
            if ticket.first_response_at is None:
                ticket.first_response_at = now
                fields.append("first_response_at")
            if ticket.mentor_id is None:
                ticket.mentor = author
                fields.append("mentor")
        else:
            ticket.status = (
                Ticket.Status.WAITING_FOR_MENTOR if ticket.mentor_id else Ticket.Status.NEW
            )
        ticket.save(update_fields=fields)
        ticket_replied_notify(message=message)
    return message


def consultation_schedule(
    *,
    ticket: Ticket,
    by,
    starts_at: datetime.datetime,
    duration_minutes: int,
    location: str,
) -> Consultation:
    if not is_mentor(by):
        raise PermissionDenied
    if ticket.is_closed:
        raise ServiceError(_("This ticket is closed."))
    if starts_at <= timezone.now():
        raise ServiceError(_("Choose a time in the future."))
    with transaction.atomic():
        consultation = Consultation.objects.create(
            ticket=ticket,
            starts_at=starts_at,
            duration_minutes=duration_minutes,
            location=location.strip(),
            scheduled_by=by,
            created_at=timezone.now(),
        )
        if ticket.mentor_id is None:
            ticket.mentor = by
            ticket.save(update_fields=["mentor"])
    from .tasks import consultation_invitation_send_task

    enqueue_on_commit(consultation_invitation_send_task, consultation.pk)
    return consultation


def ticket_close(*, ticket: Ticket, by, summary: str) -> Ticket:
    if not is_mentor(by):
        raise PermissionDenied
    if ticket.is_closed:
        raise ServiceError(_("This ticket is already closed."))
    if not summary.strip():
        raise ServiceError(_("Write a short summary of the help given before closing."))
    ticket.status = Ticket.Status.CLOSED
    ticket.closed_at = timezone.now()
    ticket.summary = summary.strip()
    if ticket.mentor_id is None:
        ticket.mentor = by
    ticket.save(update_fields=["status", "closed_at", "summary", "mentor"])
    return ticket


def ticket_reopen(*, ticket: Ticket, by) -> Ticket:
    if by.pk != ticket.graduate_id:
        raise PermissionDenied
    if not ticket.is_closed:
        raise ServiceError(_("This ticket is still open."))
    policy = policy_for(certificate=ticket.certificate)
    deadline = ticket.closed_at + datetime.timedelta(days=policy.reopen_days)
    if timezone.now() > deadline:
        raise ServiceError(
            _(
                "A ticket can be reopened within %(days)s days of closing; "
                "this one closed on %(date)s."
            )
            % {"days": policy.reopen_days, "date": timezone.localdate(ticket.closed_at)}
        )
    ticket.status = Ticket.Status.WAITING_FOR_MENTOR if ticket.mentor_id else Ticket.Status.NEW
    ticket.closed_at = None
    ticket.times_reopened += 1
    ticket.save(update_fields=["status", "closed_at", "times_reopened"])
    return ticket


def ticket_rate(*, ticket: Ticket, by, rating: int, comment: str = "") -> Ticket:
    if by.pk != ticket.graduate_id:
        raise PermissionDenied
    if not ticket.is_closed:
        raise ServiceError(_("You can rate the help once the ticket is closed."))
    if isinstance(rating, bool) or not isinstance(rating, int) or not 1 <= rating <= 5:
        raise ServiceError(_("A rating is a whole number from 1 to 5."))
    ticket.rating = rating
    ticket.rating_comment = comment.strip()
    ticket.save(update_fields=["rating", "rating_comment"])
    return ticket


def ticket_consent_to_publish(*, ticket: Ticket, by) -> Ticket:
    if by.pk != ticket.graduate_id:
        raise PermissionDenied
    if ticket.publish_consent_at is None:
        ticket.publish_consent_at = timezone.now()
        ticket.save(update_fields=["publish_consent_at"])
    return ticket


def case_publish(*, ticket: Ticket, by, title: str, situation: str, advice: str) -> Case:
    if not is_mentor(by):
        raise PermissionDenied
    if not ticket.is_closed:
        raise ServiceError(_("Only a closed ticket can become a case."))
    if ticket.publish_consent_at is None:
        raise ServiceError(
            _("The graduate has not agreed to publication; a case cannot be published without it.")
        )
    if Case.objects.filter(ticket=ticket).exists():
        raise ServiceError(_("This ticket has already been published as a case."))
    if not (title.strip() and situation.strip() and advice.strip()):
        raise ServiceError(_("A case needs a title, the situation and what helped."))
    return Case.objects.create(
        ticket=ticket,
        topic=ticket.topic,
        course_topic=ticket.course_topic,
        title=title.strip()[:200],
        situation=situation.strip(),
        advice=advice.strip(),
        published_at=timezone.now(),
        published_by=by,
    )


def reminders_send(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Remind mentors a working day before the first-reply target and alert registrars once it has
    passed. Each ticket is reminded and alerted at most once (the timestamps record it)."""
    from .tasks import mentors_remind_task, overdue_alert_registrars_task

    now = now or timezone.now()
    waiting = Ticket.objects.filter(first_response_at__isnull=True).exclude(
        status=Ticket.Status.CLOSED
    )
    counts = {"reminded": 0, "alerted": 0}
    for ticket in waiting.filter(mentor_reminded_at__isnull=True):
        # One working day before the target: the moment the target is at most one working day
        # away.
        if add_working_days(now, 1) >= ticket.first_reply_due:
            Ticket.objects.filter(pk=ticket.pk).update(mentor_reminded_at=now)
            mentors_remind_task.delay(ticket.pk)
            counts["reminded"] += 1
    for ticket in waiting.filter(registrar_alerted_at__isnull=True, first_reply_due__lt=now):
        Ticket.objects.filter(pk=ticket.pk).update(registrar_alerted_at=now)
        overdue_alert_registrars_task.delay(ticket.pk)
        counts["alerted"] += 1
    return counts
