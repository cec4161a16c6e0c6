"""Writes of the support plan: saving, submitting, returning for revision, the defence."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.celery import enqueue_on_commit
from cms.errors import ServiceError
from cms.private_files import delete_field_file_on_commit

from ..models import (
    ABCRecord,
    DefenceSlot,
    FinalResult,
    PlanAttachment,
    PlanGoal,
    PlanReview,
    SupportPlan,
)
from ..models.plan import PLAN_FIELDS
from .common import _store_attachments, _validated_files


@transaction.atomic
def plan_save(
    *,
    enrolment,
    data: Mapping,
    abc_records: list[dict] | None = None,
    goals: list[dict] | None = None,
    files=(),
    remove_file_ids=(),
) -> SupportPlan:
    """Save the plan as a draft (any part may still be empty). ABC records and goals, when given,
    replace the stored ones. A submitted plan no longer changes. The text is saved before the
    files: `plan.unstored_files` names the files the storage could not take (a full disk)."""
    checked = _validated_files(files)
    plan, _created = SupportPlan.objects.select_for_update().get_or_create(enrolment=enrolment)
    if not plan.is_editable:
        raise ServiceError(
            _("The plan is submitted: it can no longer be changed."), code="submitted"
        )
    for name in PLAN_FIELDS:
        if name in data:
            setattr(plan, name, data[name])
    plan.save()
    if abc_records is not None:
        plan.abc_records.all().delete()
        ABCRecord.objects.bulk_create([ABCRecord(plan=plan, **row) for row in abc_records])
    if goals is not None:
        plan.goals.all().delete()
        PlanGoal.objects.bulk_create([PlanGoal(plan=plan, **row) for row in goals])
    if remove_file_ids:
        for stored in plan.attachments.filter(pk__in=list(remove_file_ids)):
            delete_field_file_on_commit(stored.file)
            stored.delete()
    plan.unstored_files = _store_attachments(
        checked, lambda uploaded, name: PlanAttachment(plan=plan, name=name, size=uploaded.size)
    )
    return plan


def plan_missing_parts(plan: SupportPlan) -> list[str]:
    """What a complete plan still lacks, in words the trainee understands."""
    missing = []
    if not (plan.learner_code and plan.learner_age and plan.learner_class and plan.sen_group):
        missing.append(_("1. The learner: code, age, class and group of support needs."))
    if not (plan.strengths.strip() and plan.barriers.strip()) or not plan.abc_records.exists():
        missing.append(
            _("2. Needs analysis: strengths, barriers and at least one ABC observation.")
        )
    terms = set(plan.goals.values_list("term", flat=True))
    if not {PlanGoal.Term.SHORT, PlanGoal.Term.LONG} <= terms:
        missing.append(_("3. Goals: at least one short-term and one long-term goal."))
    if not plan.tools or not plan.tools_rationale.strip():
        missing.append(_("4. Support tools: choose tools and explain why."))
    if not (plan.role_teacher.strip() and plan.role_parents.strip()):
        missing.append(_("5. Roles: at least the teacher's and the parents' part."))
    if not (
        plan.monitoring_indicators.strip()
        and plan.monitoring_method
        and plan.monitoring_frequency
        and plan.monitoring_recorder
        and plan.review_date
    ):
        missing.append(_("6. Monitoring: indicators, method, frequency, who records, review date."))
    return missing


@transaction.atomic
def plan_submit(*, plan: SupportPlan, anonymised_confirmed: bool, submitted_by=None) -> SupportPlan:
    """Hand the plan in, or hand it in again after it was returned for revision; either is kept
    in the plan's history."""
    plan = SupportPlan.objects.select_for_update().select_related("enrolment").get(pk=plan.pk)
    if plan.is_submitted:
        raise ServiceError(_("The plan is already submitted."), code="submitted")
    errors = []
    if not anonymised_confirmed:
        errors.append(
            _(
                "Confirm that the child is anonymised: no name, school, photo or scanned PMPK "
                "conclusion."
            )
        )
    errors += plan_missing_parts(plan)
    if errors:
        raise ServiceError(errors, code="incomplete")
    was_returned = plan.is_returned
    plan.status = SupportPlan.Status.SUBMITTED
    plan.anonymised_confirmed = True
    plan.submitted_at = timezone.now()
    plan.lock_version += 1
    plan.save(
        update_fields=[
            "status",
            "anonymised_confirmed",
            "submitted_at",
            "lock_version",
            "updated_at",
        ]
    )
    PlanReview.objects.create(
        plan=plan,
        kind=PlanReview.Kind.RESUBMITTED if was_returned else PlanReview.Kind.SUBMITTED,
        by=submitted_by or plan.enrolment.trainee,
        at=plan.submitted_at,
    )
    return plan


def plan_may_be_returned_by(plan: SupportPlan, user) -> bool:
    """The trainers who assess the trainee (the own cohort's, or the later cohort's when the
    retake is assessed there) and staff may return a plan."""
    from cms.roles import is_registrar

    from ..selectors import assesses

    if user.is_staff or is_registrar(user):
        return True
    return assesses(user=user, enrolment=plan.enrolment)


@transaction.atomic
def plan_return(*, plan: SupportPlan, returned_by, feedback: str, lock_version: int) -> PlanReview:
    """Send a submitted plan back to the trainee for revision, with written feedback. Refused
    without feedback, for a plan that is not submitted, once the final result is finalised, and
    when the plan changed since the trainer opened it (`lock_version`). The trainee is emailed
    after the commit."""
    feedback = (feedback or "").strip()
    if not feedback:
        raise ServiceError(
            {"feedback": [_("Write feedback so the trainee knows what to revise.")]},
            code="feedback_required",
        )
    plan = SupportPlan.objects.select_for_update().select_related("enrolment").get(pk=plan.pk)
    if plan.lock_version != lock_version:
        raise ServiceError(
            _(
                "This plan was changed while you had it open (resubmitted or returned by someone "
                "else). It was not returned: read its current state below and decide again."
            ),
            code="stale",
        )
    if not plan.is_submitted:
        raise ServiceError(
            _("Only a submitted plan can be returned for revision."), code="not_submitted"
        )
    latest = FinalResult.objects.filter(enrolment=plan.enrolment).order_by("-attempt").first()
    if latest is not None and latest.is_finalised:
        raise ServiceError(
            _(
                "The final result is already finalised: the plan it was scored on can no longer "
                "be returned."
            ),
            code="finalised",
        )
    now = timezone.now()
    plan.status = SupportPlan.Status.RETURNED
    plan.lock_version += 1
    plan.save(update_fields=["status", "lock_version", "updated_at"])
    review = PlanReview.objects.create(
        plan=plan, kind=PlanReview.Kind.RETURNED, feedback=feedback, by=returned_by, at=now
    )
    plan_returned_notify(review=review)
    return review


def plan_returned_notify(*, review: PlanReview) -> None:
    """Tell the trainee (in the site, and by e-mail after the commit if she keeps it on) that the
    plan was returned. The feedback is read on the plan's page, never in the e-mail: it speaks
    of the child the plan is about."""
    from ..notices import plan_returned_notify as notify

    notify(review=review)


@transaction.atomic
def defence_schedule(
    *, plan: SupportPlan, starts_at, duration_minutes: int, place: str, scheduled_by
) -> DefenceSlot:
    """Book (or move) the defence; the trainee is emailed an invitation with an .ics file after
    the commit."""
    if not plan.is_submitted:
        raise ServiceError(
            _("The defence can be scheduled once the plan is submitted."), code="not_submitted"
        )
    if not (place or "").strip():
        raise ServiceError({"place": [_("Give the room or the link.")]}, code="place")
    if starts_at <= timezone.now():
        raise ServiceError({"starts_at": [_("Choose a time in the future.")]}, code="past")
    slot, _created = DefenceSlot.objects.update_or_create(
        plan=plan,
        defaults={
            "starts_at": starts_at,
            "duration_minutes": duration_minutes,
            "place": place.strip(),
            "scheduled_by": scheduled_by,
            "emailed_at": None,
        },
    )
    from ..tasks import defence_invitation_send_task

    slot_id = slot.pk
    enqueue_on_commit(defence_invitation_send_task, slot_id)
    return slot


@transaction.atomic
def defence_record_held(*, plan: SupportPlan, held_on: dt.date, assessed_by) -> DefenceSlot:
    """Record the defence of the plan as held: when, and who assessed it (a condition of the
    certificate)."""
    slot = DefenceSlot.objects.select_for_update().filter(plan=plan).first()
    if slot is None:
        raise ServiceError(
            _("Schedule the defence before recording it as held."), code="not_scheduled"
        )
    if not plan.is_submitted:
        raise ServiceError(
            _("The plan is not submitted: its defence cannot be recorded."), code="not_submitted"
        )
    if held_on > timezone.localdate():
        raise ServiceError({"held_on": [_("The defence cannot be held in the future.")]})
    slot.held_on, slot.assessed_by = held_on, assessed_by
    slot.save(update_fields=["held_on", "assessed_by"])
    return slot


def defence_invitation_send(*, slot: DefenceSlot) -> None:
    """Invite the trainee to the defence (a notification: in the site, and by e-mail with an .ics
    calendar file unless she switched that kind off), in her language. `emailed_at` records
    that the invitation went."""
    from ..notices import defence_scheduled_notify

    defence_scheduled_notify(slot=slot)
    DefenceSlot.objects.filter(pk=slot.pk).update(emailed_at=timezone.now())


@transaction.atomic
def plan_page_save(
    *,
    enrolment,
    data: Mapping,
    abc_records: list[dict] | None = None,
    goals: list[dict] | None = None,
    files=(),
    remove_file_ids=(),
    submit: bool = False,
    anonymised_confirmed: bool = False,
    submitted_by=None,
) -> SupportPlan:
    """What the trainee's plan page posts: save the draft and, when `submit` is asked and every
    file was stored, hand it in. A refused submit undoes the save with it; files the storage
    could not take are named in `plan.unstored_files` and nothing is submitted."""
    saved = plan_save(
        enrolment=enrolment,
        data=data,
        abc_records=abc_records,
        goals=goals,
        files=files,
        remove_file_ids=remove_file_ids,
    )
    if submit and not saved.unstored_files:
        plan_submit(
            plan=saved, anonymised_confirmed=anonymised_confirmed, submitted_by=submitted_by
        )
    return saved
