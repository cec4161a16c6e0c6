"""Writes of the quality loop. Each refusal raises ValidationError with a sentence a person
understands and changes nothing."""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from cms.errors import ServiceError

from . import selectors
from .models import (
    FollowUpInvitation,
    Question,
    Questionnaire,
    Response,
    SelfAssessment,
    SurveyAnswered,
    SurveyResponse,
)
from .outcomes import LEVELS, OUTCOME_CODES


def _clean_ratings(ratings: dict) -> dict[str, int]:
    if set(ratings) != set(OUTCOME_CODES):
        raise ServiceError(_("Rate every one of the 16 outcomes."))
    out = {}
    for code, level in ratings.items():
        if not isinstance(level, int) or isinstance(level, bool) or level not in LEVELS:
            raise ServiceError(_("Each rating must be a whole number from 1 to 4."))
        out[code] = level
    return out


@transaction.atomic
def self_assessment_submit(*, enrolment, stage: str, ratings: dict) -> SelfAssessment:
    """Record the trainee's ratings for the stage that is open now; each stage is rated once."""
    if stage not in SelfAssessment.Stage.values:
        raise ServiceError(_("Unknown stage of the self-assessment."))
    if selectors.self_assessment_open_stage(enrolment=enrolment) != stage:
        raise ServiceError(_("This self-assessment is not open now."))
    clean = _clean_ratings(ratings)
    try:
        with transaction.atomic():
            return SelfAssessment.objects.create(enrolment=enrolment, stage=stage, ratings=clean)
    except IntegrityError:
        # Two tabs submitting at once: the unique constraint keeps the first.
        raise ServiceError(_("You have already rated yourself at this stage.")) from None


def _clean_answers(
    *, questionnaire: Questionnaire, answers: dict, trainer_ids: frozenset[int] = frozenset()
) -> dict:
    """The answers as stored: each checked against its question's kind. `trainer_ids` are the
    trainers a per-trainer question rates (the respondent's cohort's)."""
    clean: dict = {}
    for question in questionnaire.questions.all():
        value = answers.get(question.code)
        if question.kind == Question.Kind.TRAINERS and not trainer_ids:
            continue  # a cohort without trainers: nobody to rate
        empty = value in (None, "", [], {})
        if empty:
            if question.required:
                raise ServiceError(
                    _("Answer the question “%(question)s”.") % {"question": question.text_kk}
                )
            continue
        count = len(question.choices("kk"))
        if question.kind == Question.Kind.TRAINERS:
            value = _clean_trainer_ratings(value, trainer_ids, required=question.required)
        elif question.kind == Question.Kind.RATING:
            if not isinstance(value, int) or not 1 <= value <= 5:
                raise ServiceError(_("A rating is a whole number from 1 to 5."))
        elif question.kind == Question.Kind.SINGLE:
            if not isinstance(value, int) or not 0 <= value < count:
                raise ServiceError(_("Choose one of the offered answers."))
        elif question.kind == Question.Kind.MULTIPLE:
            if not isinstance(value, list) or any(
                not isinstance(v, int) or not 0 <= v < count for v in value
            ):
                raise ServiceError(_("Choose among the offered answers."))
            value = sorted(set(value))
        elif question.kind == Question.Kind.NUMBER:
            if not isinstance(value, int) or not 0 <= value <= 100:
                raise ServiceError(_("A number from 0 to 100, please."))
        else:
            value = str(value).strip()[:4000]
        clean[question.code] = value
    return clean


def _clean_trainer_ratings(value, trainer_ids: frozenset[int], *, required: bool) -> dict:
    """{trainer id (text, as JSON keys are): rating 1–5}, only for the cohort's trainers, and
    every one of them when the question is required."""
    if not isinstance(value, dict) or any(
        not str(k).isdigit() or int(k) not in trainer_ids for k in value
    ):
        raise ServiceError(_("Rate the trainers of your cohort."))
    if any(not isinstance(v, int) or not 1 <= v <= 5 for v in value.values()):
        raise ServiceError(_("A rating is a whole number from 1 to 5."))
    if required and {int(k) for k in value} != set(trainer_ids):
        raise ServiceError(_("Rate each trainer of your cohort."))
    return {str(k): v for k, v in value.items()}


@transaction.atomic
def response_submit(
    *, enrolment, questionnaire: Questionnaire, answers: dict, months: int = 0
) -> Response:
    """A named answer to the needs questionnaire (`months` 0) or a follow-up (3 or 6)."""
    if questionnaire.kind == Questionnaire.Kind.SURVEY:
        raise ValueError("The survey is anonymous: use survey_submit.")
    allowed = (0,) if questionnaire.kind == Questionnaire.Kind.NEEDS else (3, 6)
    if months not in allowed:
        raise ServiceError(_("This questionnaire is not asked at this time."))
    if Response.objects.filter(
        enrolment=enrolment, questionnaire__kind=questionnaire.kind, months=months
    ).exists():
        raise ServiceError(_("You have already answered this questionnaire."))
    clean = _clean_answers(questionnaire=questionnaire, answers=answers)
    return Response.objects.create(
        questionnaire=questionnaire, enrolment=enrolment, months=months, answers=clean
    )


@transaction.atomic
def survey_submit(*, enrolment, questionnaire: Questionnaire, answers: dict) -> None:
    """Store the answers without any link to the person, and apart from them only the marker
    that this enrolment has answered. Returns nothing: not even the caller learns the row."""
    if questionnaire.kind != Questionnaire.Kind.SURVEY:
        raise ValueError("Not the survey.")
    already = _("You have already answered the survey. Thank you!")
    if SurveyAnswered.objects.filter(enrolment=enrolment).exists():
        raise ServiceError(already)
    if not selectors.survey_open(enrolment=enrolment):
        raise ServiceError(_("The survey opens in the last weeks of your course."))
    clean = _clean_answers(
        questionnaire=questionnaire,
        answers=answers,
        trainer_ids=frozenset(enrolment.cohort.trainers.values_list("pk", flat=True)),
    )
    try:
        with transaction.atomic():
            SurveyAnswered.objects.create(enrolment=enrolment)
    except IntegrityError:
        raise ServiceError(already) from None
    SurveyResponse.objects.create(
        questionnaire=questionnaire, cohort_id=enrolment.cohort_id, answers=clean
    )


def follow_up_invitations_send(*, today=None) -> int:
    """Invite certificate holders 3 and 6 months after the certificate (once each), by a
    notification (the site's list, and the e-mail unless the holder switched it off). Called by
    the daily beat task; returns how many invitations went out."""
    from django.utils import timezone

    from .notices import follow_up_invite

    today = today or timezone.localdate()
    sent = 0
    for months, certificate in selectors.follow_ups_due(today=today):
        enrolment = certificate.enrolment
        with transaction.atomic():
            _invitation, created = FollowUpInvitation.objects.get_or_create(
                enrolment=enrolment, months=months
            )
            if not created:
                continue
            follow_up_invite(holder=enrolment.trainee, months=months)
            sent += 1
    return sent
