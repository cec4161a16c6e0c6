"""Assessment's notifications (notifications app): feedback on a practice work, a released result,
a cohort deadline drawing near. Each is sent by one call where the event happens; the texts name
the work and link to it, never quote feedback (it may speak of a child)."""

from __future__ import annotations

from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from cms.roles import is_trainee
from notifications.kinds import register_kind
from notifications.services import date_param, notification_send

PRACTICE_ACCEPTED = "assessment.practice_accepted"
PRACTICE_RETURNED = "assessment.practice_returned"
PLAN_RETURNED = "assessment.plan_returned"
RESULT_RELEASED = "assessment.result_released"
DEADLINE_NEAR = "assessment.deadline_near"
DEFENCE_SCHEDULED = "assessment.defence_scheduled"


def register() -> None:
    register_kind(
        key=PRACTICE_RETURNED,
        label=_("A practice work is returned for revision"),
        description=_("The trainer wrote what to revise in your practice work."),
        order=10,
        shown_to=is_trainee,
    )
    register_kind(
        key=PRACTICE_ACCEPTED,
        label=_("A practice work is accepted"),
        description=_("The trainer accepted your practice work."),
        order=11,
        shown_to=is_trainee,
    )
    register_kind(
        key=PLAN_RETURNED,
        label=_("The support plan is returned for revision"),
        description=_("The trainer wrote what to revise in your individual support plan."),
        order=12,
        shown_to=is_trainee,
    )
    register_kind(
        key=RESULT_RELEASED,
        label=_("The final result is published"),
        description=_("Your final assessment result can be read."),
        order=20,
        shown_to=is_trainee,
    )
    register_kind(
        key=DEADLINE_NEAR,
        label=_("A deadline is near"),
        description=_(
            "A few days before the practice works, the support plan or the theory test of your "
            "cohort are due."
        ),
        order=30,
        shown_to=is_trainee,
    )
    register_kind(
        key=DEFENCE_SCHEDULED,
        label=_("The defence of the support plan is scheduled"),
        description=_("When and where you defend your plan; the e-mail carries a calendar file."),
        order=13,
        shown_to=is_trainee,
    )


def _title_in_reader_language(page) -> str:
    # The page in the language active when the notification is written (the recipient's).
    return (page.localized or page).title


_localized_title = lazy(_title_in_reader_language, str)


def _reverse(name: str, *args):
    from django.urls import reverse_lazy

    return reverse_lazy(name, args=args or None)


def submission_reviewed_notify(*, submission) -> None:
    """Tell the trainee that the work was returned, at once; that it was accepted, once the
    trainer can no longer take the acceptance back (settings.SUBMISSION_UNDO_MINUTES), and only if
    it is still accepted then."""
    if submission.status == submission.Status.ACCEPTED:
        from django.conf import settings

        from cms.celery import enqueue_on_commit

        from .tasks import submission_accepted_notify_task

        enqueue_on_commit(
            submission_accepted_notify_task.s(submission.pk).set(
                countdown=settings.SUBMISSION_UNDO_MINUTES * 60
            )
        )
        return
    submission_decision_notify(submission=submission)


def submission_decision_notify(*, submission) -> None:
    """Send the notification of the submission's current decision (accepted or returned). An
    acceptance taken back and given again tells the trainee once."""
    accepted = submission.status == submission.Status.ACCEPTED
    version = submission.versions.order_by("-number").values_list("pk", flat=True).first()
    notification_send(
        kind=PRACTICE_ACCEPTED if accepted else PRACTICE_RETURNED,
        recipient=submission.enrolment.trainee,
        subject=(
            _("Your practice work “%(title)s” is accepted")
            if accepted
            else _("Your practice work “%(title)s” is returned for revision")
        ),
        text=(
            _("The trainer accepted it.")
            if accepted
            else _("Read the trainer's feedback and send the revised work.")
        ),
        params={"title": _localized_title(submission.assignment.topic)},
        link=_reverse("assessment:practice_detail", submission.assignment_id),
        once_key=f"practice-accepted:{version}" if accepted else "",
    )


def plan_returned_notify(*, review) -> None:
    notification_send(
        kind=PLAN_RETURNED,
        recipient=review.plan.enrolment.trainee,
        subject=_("Your support plan was returned for revision"),
        text=_("Read the trainer's feedback on the plan's page, revise it and submit it again."),
        link=_reverse("assessment:plan_edit"),
    )


def result_released_notify(*, result) -> None:
    notification_send(
        kind=RESULT_RELEASED,
        recipient=result.enrolment.trainee,
        subject=_("Your final result is published"),
        text=_("Your final assessment result can be read on the course site."),
        link=_reverse("assessment:my_results"),
    )


_DEADLINE_LINKS = {
    "practice": "assessment:practice_list",
    "plan": "assessment:plan_edit",
    "theory": "assessment:my_results",
}


def deadline_near_notify(*, deadline, trainee) -> bool:
    """Remind one trainee of one deadline of the cohort; never twice for the same deadline and
    date (a moved deadline is reminded of again). True when sent now."""
    due = date_param(deadline.due_on, "SHORT_DATE_FORMAT")
    sent = notification_send(
        kind=DEADLINE_NEAR,
        recipient=trainee,
        subject=_("Due on %(date)s: %(what)s"),
        text=_("Hand it in by the end of %(date)s."),
        params={"date": due, "what": type(deadline).What(deadline.what).label},
        link=_reverse(_DEADLINE_LINKS[deadline.what]),
        once_key=f"deadline:{deadline.pk}:{deadline.due_on.isoformat()}",
    )
    return sent is not None


def defence_scheduled_notify(*, slot) -> None:
    """Invite the trainee to the defence of her plan: the in-site entry, and the e-mail with the
    .ics calendar file (written in her language). A moved slot invites again."""
    from django.utils import translation
    from django.utils.translation import gettext

    from cms.emails import language_of
    from cms.ics import CALENDAR_MIME, ics_event

    trainee = slot.plan.enrolment.trainee
    when = date_param(slot.starts_at, "DATETIME_FORMAT")
    with translation.override(language_of(trainee)):
        calendar = ics_event(
            uid=f"defence-{slot.pk}@pa-lms",
            starts_at=slot.starts_at,
            duration_minutes=slot.duration_minutes,
            summary=gettext("Defence of the individual support plan"),
            location=slot.place,
            organizer_email=slot.scheduled_by.email if slot.scheduled_by else "",
        )
    notification_send(
        kind=DEFENCE_SCHEDULED,
        recipient=trainee,
        subject=_("Defence of your support plan: %(when)s"),
        text=_(
            "Your individual support plan will be defended on %(when)s (%(minutes)s minutes). "
            "Place: %(place)s. Bring the plan's PDF; keep the child anonymised in your "
            "presentation."
        ),
        params={"when": when, "minutes": slot.duration_minutes, "place": slot.place},
        link=_reverse("assessment:plan_edit"),
        attachments=[
            ("defence.ics", calendar, CALENDAR_MIME),
        ],
    )
