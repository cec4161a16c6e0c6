"""Writes of the intermediate control per module: the trainer's settings for a cohort, starting
and submitting an attempt, answering and grading the case task. Every refusal raises
ValidationError with a sentence a person understands and changes nothing."""

from __future__ import annotations

import random
from collections.abc import Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.errors import ServiceError

from ..drawing import draw_questions
from ..models import CaseAnswer, ControlAttempt, ControlSettings, ModuleControl, Question
from .quiz import quiz_attempt_start, quiz_attempt_submit

DEFAULT_ATTEMPTS = 2


def control_settings_for(*, control: ModuleControl, cohort) -> ControlSettings:
    """The cohort's settings of the control, or the defaults (not saved) when the trainer has set
    nothing yet."""
    found = ControlSettings.objects.filter(control=control, cohort=cohort).first()
    return found or ControlSettings(
        control=control, cohort=cohort, time_limit_minutes=None, attempts_allowed=DEFAULT_ATTEMPTS
    )


@transaction.atomic
def control_settings_save(
    *,
    control: ModuleControl,
    cohort,
    by,
    time_limit_minutes: int | None,
    attempts_allowed: int,
) -> ControlSettings:
    """A trainer of the cohort sets the time limit and the number of attempts."""
    if not cohort.trainers.filter(pk=by.pk).exists():
        raise ServiceError(_("Only a trainer of the cohort sets its controls."), code="forbidden")
    if attempts_allowed < 1:
        raise ServiceError(_("Allow at least one attempt."), code="attempts")
    if time_limit_minutes is not None and time_limit_minutes < 1:
        raise ServiceError(_("A time limit is at least one minute."), code="time")
    found, _created = ControlSettings.objects.update_or_create(
        control=control,
        cohort=cohort,
        defaults={"time_limit_minutes": time_limit_minutes, "attempts_allowed": attempts_allowed},
    )
    return found


@transaction.atomic
def control_attempt_start(
    *, control: ModuleControl, enrolment, rng: random.Random | None = None
) -> ControlAttempt:
    """Draw the questions of a new attempt and the order of each question's options, or return
    the attempt still in progress. `rng` lets a test seed the draw."""
    setting = control_settings_for(control=control, cohort=enrolment.cohort)

    def draw(rng: random.Random) -> list[int]:
        pool = list(
            Question.objects.filter(module_id=control.module_id)
            .order_by("pk")
            .values_list("pk", flat=True)
        )
        if not pool:
            raise ServiceError(_("The control has no questions yet."), code="empty")
        return draw_questions(pool, control.question_count, rng)

    return quiz_attempt_start(
        attempts=ControlAttempt.objects.filter(control=control, enrolment=enrolment),
        attempts_allowed=setting.attempts_allowed,
        used_up_message=_("You have used all %(n)s attempts at this control.")
        % {"n": setting.attempts_allowed},
        draw=draw,
        time_limit_minutes=setting.time_limit_minutes,
        rng=rng,
        control=control,
        enrolment=enrolment,
    )


@transaction.atomic
def control_attempt_submit(
    *, attempt: ControlAttempt, answers: Mapping[int, list[int]]
) -> ControlAttempt:
    """Score the attempt as the theory test does (see `quiz_attempt_submit`): only the options
    this attempt offered count, and answers after the time limit do not."""
    return quiz_attempt_submit(attempt=attempt, answers=answers)


@transaction.atomic
def case_answer_submit(*, control: ModuleControl, enrolment, text: str) -> CaseAnswer:
    """The trainee hands in (or, after "rework", hands in again) the answer to the case task."""
    if not control.case_task_kk and not control.case_task_ru:
        raise ServiceError(_("This control has no case task."), code="no_case")
    text = text.strip()
    if not text:
        raise ServiceError(_("Write your answer first."), code="empty")
    answer = (
        CaseAnswer.objects.select_for_update().filter(control=control, enrolment=enrolment).first()
    )
    if answer is not None and answer.status == CaseAnswer.Status.PASSED:
        raise ServiceError(_("Your answer is already passed."), code="passed")
    if answer is None:
        return CaseAnswer.objects.create(control=control, enrolment=enrolment, text=text)
    answer.text, answer.status = text, CaseAnswer.Status.SUBMITTED
    answer.save(update_fields=["text", "status", "submitted_at"])
    return answer


@transaction.atomic
def case_answer_review(*, answer: CaseAnswer, by, decision: str, feedback: str) -> CaseAnswer:
    """A trainer of the trainee's cohort grades the case answer pass or rework."""
    answer = (
        CaseAnswer.objects.select_for_update().select_related("enrolment__cohort").get(pk=answer.pk)
    )
    if not answer.enrolment.cohort.trainers.filter(pk=by.pk).exists():
        raise ServiceError(_("Only a trainer of the cohort grades its case answers."))
    if decision not in (CaseAnswer.Status.PASSED, CaseAnswer.Status.REWORK):
        raise ServiceError(_("Choose pass or rework."), code="decision")
    if decision == CaseAnswer.Status.REWORK and not feedback.strip():
        raise ServiceError(_("Say what to rework."), code="feedback")
    answer.status, answer.feedback = decision, feedback.strip()
    answer.reviewed_by, answer.reviewed_at = by, timezone.now()
    answer.save(update_fields=["status", "feedback", "reviewed_by", "reviewed_at"])
    return answer
