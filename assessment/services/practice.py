"""Writes of practice work: saving a draft with its files, submitting, reviewing."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.errors import ServiceError
from cms.private_files import delete_field_file_on_commit

from .. import rich_text
from ..models import (
    Assignment,
    Submission,
    SubmissionFile,
    SubmissionVersion,
)
from ..notices import submission_reviewed_notify
from .common import _store_attachments, _validated_files


def _current_version(submission: Submission) -> SubmissionVersion | None:
    return submission.versions.order_by("-number").first()


@transaction.atomic
def submission_draft_save(
    *,
    assignment: Assignment,
    enrolment,
    text: str,
    files=(),
    remove_file_ids=(),
) -> SubmissionVersion:
    """Save the trainee's draft (the autosave and the Save draft button both come here). A
    submitted version is never changed; after "returned for revision" the first save opens the
    next version, starting from the returned text.

    The text is saved before the files: `version.unstored_files` names the files the storage
    could not take (a full disk), which the person must attach again; the text is kept."""
    checked = _validated_files(files)
    submission, _created = Submission.objects.select_for_update().get_or_create(
        assignment=assignment, enrolment=enrolment
    )
    if submission.status == Submission.Status.SUBMITTED:
        raise ServiceError(
            _("Your work is submitted and waiting for review: it can no longer be changed."),
            code="submitted",
        )
    if submission.status == Submission.Status.ACCEPTED:
        raise ServiceError(_("Your work is accepted: it can no longer be changed."))
    version = _current_version(submission)
    if version is None or not version.is_draft:
        version = SubmissionVersion.objects.create(
            submission=submission,
            number=(version.number + 1) if version else 1,
            text=version.text if version else "",
        )
        submission.status = Submission.Status.DRAFT
        submission.lock_version += 1
        submission.save(update_fields=["status", "lock_version", "updated_at"])
    # Every path that stores an answer comes through here, so the HTML is cleaned here once.
    version.text = rich_text.sanitise(text or "")
    version.save(update_fields=["text", "saved_at"])
    if remove_file_ids:
        for stored in version.files.filter(pk__in=list(remove_file_ids)):
            delete_field_file_on_commit(stored.file)
            stored.delete()
    version.unstored_files = _store_attachments(
        checked,
        lambda uploaded, name: SubmissionFile(version=version, name=name, size=uploaded.size),
    )
    return version


@transaction.atomic
def submission_submit(*, submission: Submission, anonymised_confirmed: bool) -> SubmissionVersion:
    """Hand the current draft in. Refused without the confirmation that the child is anonymised,
    and for an empty draft."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    version = _current_version(submission)
    if version is None or not version.is_draft:
        raise ServiceError(_("There is no draft to submit."), code="no_draft")
    if not anonymised_confirmed:
        raise ServiceError(
            {
                "anonymised": [
                    _(
                        "Confirm that the child is anonymised: no name, school, photo or "
                        "scanned PMPK conclusion."
                    )
                ]
            },
            code="not_anonymised",
        )
    if not version.text.strip() and not version.files.exists():
        raise ServiceError(
            _("The draft is empty: write your answer or attach a file."), code="empty"
        )
    now = timezone.now()
    version.anonymised_confirmed = True
    version.submitted_at = now
    version.save(update_fields=["anonymised_confirmed", "submitted_at", "saved_at"])
    submission.status = Submission.Status.SUBMITTED
    submission.submitted_at = now
    submission.lock_version += 1
    submission.save(update_fields=["status", "submitted_at", "lock_version", "updated_at"])
    return version


@transaction.atomic
def submission_review(
    *,
    submission: Submission,
    reviewer,
    decision: str,
    feedback: str,
    lock_version: int,
) -> Submission:
    """Accept the submitted version or return it for revision, with feedback. `lock_version` is
    the version of the record the reviewer saw: if another reviewer saved meanwhile, this save is
    refused instead of overwriting theirs."""
    feedback = (feedback or "").strip()
    if decision not in SubmissionVersion.Decision.values:
        raise ServiceError({"decision": [_("Choose: accept or return for revision.")]})
    if decision == SubmissionVersion.Decision.RETURNED and not feedback:
        raise ServiceError(
            {"feedback": [_("Write feedback so the trainee knows what to revise.")]},
            code="feedback_required",
        )
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.lock_version != lock_version:
        raise ServiceError(
            _(
                "This submission was changed by someone else while you had it open. Your review "
                "was not saved: read the current state below and decide again."
            ),
            code="stale",
        )
    if submission.status != Submission.Status.SUBMITTED:
        raise ServiceError(_("Only submitted work can be reviewed."), code="not_submitted")
    version = _current_version(submission)
    version.decision = decision
    version.feedback = feedback
    version.decided_by = reviewer
    version.decided_at = timezone.now()
    version.save(update_fields=["decision", "feedback", "decided_by", "decided_at", "saved_at"])
    submission.status = (
        Submission.Status.ACCEPTED
        if decision == SubmissionVersion.Decision.ACCEPTED
        else Submission.Status.RETURNED
    )
    submission.lock_version += 1
    submission.save(update_fields=["status", "lock_version", "updated_at"])
    if submission.status == Submission.Status.ACCEPTED:
        from course.services import topic_complete

        topic_complete(
            enrolment=submission.enrolment,
            topic=submission.assignment.topic,
            source="practice_accepted",
        )
    submission_reviewed_notify(submission=submission)
    return submission


@transaction.atomic
def submission_page_save(
    *,
    assignment: Assignment,
    enrolment,
    text: str,
    files=(),
    remove_file_ids=(),
    submit: bool = False,
    anonymised_confirmed: bool = False,
) -> SubmissionVersion:
    """What the trainee's practice page posts: save the draft and, when `submit` is asked and
    every file was stored, hand it in. A refused submit undoes the save with it; files the
    storage could not take are named in `version.unstored_files` and nothing is submitted."""
    version = submission_draft_save(
        assignment=assignment,
        enrolment=enrolment,
        text=text,
        files=files,
        remove_file_ids=remove_file_ids,
    )
    if submit and not version.unstored_files:
        submission_submit(submission=version.submission, anonymised_confirmed=anonymised_confirmed)
    return version


def submission_undo_until(submission: Submission, version: SubmissionVersion | None):
    """When the acceptance of `submission` stops being undoable (None: it is not an acceptance)."""
    if (
        submission.status != Submission.Status.ACCEPTED
        or version is None
        or version.decided_at is None
    ):
        return None
    return version.decided_at + dt.timedelta(minutes=settings.SUBMISSION_UNDO_MINUTES)


@transaction.atomic
def submission_acceptance_undo(*, submission: Submission, by) -> Submission:
    """Take back an acceptance made by mistake: the work is waiting for review again and the
    topic the acceptance completed is no longer counted. Safe only for a short time after it
    (settings.SUBMISSION_UNDO_MINUTES) and only for the trainer who accepted: later the hours
    may have fed a certificate check, and the trainee has read the decision."""
    submission = (
        Submission.objects.select_for_update()
        .select_related("assignment__topic")
        .get(pk=submission.pk)
    )
    version = _current_version(submission)
    until = submission_undo_until(submission, version)
    if until is None:
        raise ServiceError(_("Only an accepted work can be taken back."), code="not_accepted")
    if version.decided_by_id != by.pk:
        raise ServiceError(
            _("Only the trainer who accepted the work can take the acceptance back."),
            code="not_reviewer",
        )
    if timezone.now() > until:
        raise ServiceError(
            _(
                "An acceptance can be taken back only within %(minutes)s minutes. Ask the "
                "registrar if it must change now."
            )
            % {"minutes": settings.SUBMISSION_UNDO_MINUTES},
            code="undo_expired",
        )
    from ..models import FinalResult

    # A finalised result may already have fed a certificate: the hours are no longer ours to move.
    if FinalResult.objects.filter(
        enrolment_id=submission.enrolment_id, status=FinalResult.Status.FINALISED
    ).exists():
        raise ServiceError(
            _("The final result is already finalised: the acceptance can no longer be taken back."),
            code="result_final",
        )
    decided_at = version.decided_at
    version.decision = ""
    version.decided_by = None
    version.decided_at = None
    version.save(update_fields=["decision", "decided_by", "decided_at", "saved_at"])
    submission.status = Submission.Status.SUBMITTED
    submission.lock_version += 1
    submission.save(update_fields=["status", "lock_version", "updated_at"])
    from course.services import topic_completion_withdraw

    topic_completion_withdraw(
        enrolment=submission.enrolment,
        topic=submission.assignment.topic,
        source="practice_accepted",
        since=decided_at,
    )
    return submission
