"""Reads of the quality loop: what is open to a trainee now, growth per outcome, a cohort's
figures, trainers' qualifications. The report for the authority is in `quality.report`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from statistics import mean

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from cms.dates import add_months

from .models import (
    FollowUpInvitation,
    Question,
    Questionnaire,
    Response,
    SelfAssessment,
    SurveyAnswered,
    SurveyResponse,
    TrainerQualification,
)
from .outcomes import OUTCOMES, Outcome

# Survey results are shown only for groups at least this large: with fewer, a trainer could
# guess who wrote what. A constant, not a setting: lowering it would break the promise made to
# the people who answered.
SURVEY_MIN_GROUP = 5
FOLLOW_UP_MONTHS = (3, 6)
# A follow-up invitation missed for a few days (a stopped beat) still goes, within this window.
FOLLOW_UP_WINDOW_DAYS = 30
LOW_RATING = 2  # "before" ratings at or below this are shown to the trainer before the course


ACTIVE_STATUSES = ("active",)
FINISHED_STATUSES = ("active", "completed", "not_passed")


def _result_finalised(enrolment) -> bool:
    from assessment.models import FinalResult

    return FinalResult.objects.filter(
        enrolment=enrolment, status=FinalResult.Status.FINALISED
    ).exists()


def _after_window_open(enrolment, today: dt.date) -> bool:
    days = settings.QUALITY_AFTER_SELF_ASSESSMENT_DAYS
    return today >= enrolment.cohort.ends_on - dt.timedelta(days=days)


def self_assessment_open_stage(*, enrolment, today: dt.date | None = None) -> str | None:
    """ "before" until the trainee completes the first topic (before module 1); "after" in the
    last weeks of the course until the final result is finalised (before the final assessment);
    otherwise None. A stage already rated is not open again."""
    today = today or timezone.localdate()
    if enrolment is None or enrolment.status not in ACTIVE_STATUSES:
        return None
    done = set(enrolment.self_assessments.values_list("stage", flat=True))
    if _after_window_open(enrolment, today):
        if SelfAssessment.Stage.AFTER in done or _result_finalised(enrolment):
            return None
        return SelfAssessment.Stage.AFTER
    if SelfAssessment.Stage.BEFORE in done or enrolment.completions.exists():
        return None
    return SelfAssessment.Stage.BEFORE


def survey_open(*, enrolment, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    return (
        enrolment is not None
        and enrolment.status in FINISHED_STATUSES
        and _after_window_open(enrolment, today)
        and not SurveyAnswered.objects.filter(enrolment=enrolment).exists()
    )


def questionnaire_current(*, kind: str) -> Questionnaire | None:
    """The newest version of a kind, with its questions."""
    return (
        Questionnaire.objects.filter(kind=kind)
        .prefetch_related("questions")
        .order_by("-version")
        .first()
    )


def needs_open(*, enrolment) -> bool:
    return (
        enrolment is not None
        and enrolment.status in ACTIVE_STATUSES
        and not Response.objects.filter(
            enrolment=enrolment, questionnaire__kind=Questionnaire.Kind.NEEDS
        ).exists()
    )


def follow_up_certificate(*, enrolment, months: int, today: dt.date | None = None):
    """The certificate whose follow-up at `months` the enrolment may answer now, or None."""
    from certificates.selectors import valid_certificates_issued_between

    today = today or timezone.localdate()
    if months not in FOLLOW_UP_MONTHS or enrolment is None:
        return None
    if Response.objects.filter(
        enrolment=enrolment, questionnaire__kind=Questionnaire.Kind.FOLLOW_UP, months=months
    ).exists():
        return None
    latest_issue = add_months(today, -months)
    return (
        valid_certificates_issued_between(start=dt.date(2000, 1, 1), end=latest_issue)
        .filter(enrolment=enrolment)
        .first()
    )


def follow_ups_due(*, today: dt.date) -> list[tuple[int, object]]:
    """(months, certificate) for every holder whose 3- or 6-month follow-up invitation is due
    and not sent yet."""
    from certificates.selectors import valid_certificates_issued_between

    due = []
    for months in FOLLOW_UP_MONTHS:
        end = add_months(today, -months)
        start = end - dt.timedelta(days=FOLLOW_UP_WINDOW_DAYS)
        sent = FollowUpInvitation.objects.filter(months=months).values("enrolment_id")
        for certificate in valid_certificates_issued_between(start=start, end=end).exclude(
            enrolment_id__in=sent
        ):
            due.append((months, certificate))
    return due


# --- growth per outcome ---------------------------------------------------------------------


@dataclass
class OutcomeRow:
    outcome: Outcome
    before: float | None
    after: float | None
    responses: int = 0

    @property
    def text(self) -> str:
        return self.outcome.text()

    @property
    def change(self) -> float | None:
        if self.before is None or self.after is None:
            return None
        return round(self.after - self.before, 1)

    # Bar lengths for the chart, in percent of the scale's top (4).
    @property
    def before_percent(self) -> int:
        return round(25 * self.before) if self.before is not None else 0

    @property
    def after_percent(self) -> int:
        return round(25 * self.after) if self.after is not None else 0


def _mean(values: list[int]) -> float | None:
    return round(mean(values), 1) if values else None


def outcome_rows(assessments) -> list[OutcomeRow]:
    """Mean rating before and after per outcome, over the given SelfAssessment rows (one person's
    two, or a whole cohort's)."""
    before: dict[str, list[int]] = {o.code: [] for o in OUTCOMES}
    after: dict[str, list[int]] = {o.code: [] for o in OUTCOMES}
    people: dict[str, set[int]] = {o.code: set() for o in OUTCOMES}
    for assessment in assessments:
        target = before if assessment.stage == SelfAssessment.Stage.BEFORE else after
        for code, level in assessment.ratings.items():
            if code in target:
                target[code].append(level)
                people[code].add(assessment.enrolment_id)
    return [
        OutcomeRow(o, _mean(before[o.code]), _mean(after[o.code]), len(people[o.code]))
        for o in OUTCOMES
    ]


def growth_of(*, enrolment) -> list[OutcomeRow]:
    return outcome_rows(SelfAssessment.objects.filter(enrolment=enrolment))


@dataclass
class LowRating:
    name: str
    outcomes: list[tuple[Outcome, int]]


@dataclass
class SideBySide:
    name: str
    enrolment_id: int
    total: int | None
    band: str
    criteria: list[int | None]
    before: float | None
    after: float | None


@dataclass
class CohortCompetence:
    rows: list[OutcomeRow]
    low: list[LowRating]
    side_by_side: list[SideBySide]
    criteria: list = field(default_factory=list)
    before_count: int = 0
    after_count: int = 0


def cohort_competence(*, cohort, language: str) -> CohortCompetence:
    """The cohort's growth per outcome, who rated themselves low before the course, and, per
    trainee, the trainers' rubric scores beside the self-assessment (kept apart)."""
    from assessment.selectors import cohort_results

    assessments = list(
        SelfAssessment.objects.filter(enrolment__cohort=cohort).select_related(
            "enrolment__trainee__trainee_profile"
        )
    )
    results = cohort_results(cohort=cohort, language=language)
    names = {row.enrolment.pk: row.name for row in results.rows}
    low = []
    by_enrolment: dict[int, dict[str, float | None]] = {}
    for a in assessments:
        by_enrolment.setdefault(a.enrolment_id, {})[a.stage] = _mean(list(a.ratings.values()))
        if a.stage == SelfAssessment.Stage.BEFORE:
            weak = [
                (o, a.ratings[o.code]) for o in OUTCOMES if a.ratings.get(o.code, 9) <= LOW_RATING
            ]
            if weak:
                low.append(LowRating(names.get(a.enrolment_id, "?"), weak))
    low.sort(key=lambda item: (-len(item.outcomes), item.name.lower()))
    side = []
    for row in results.rows:
        if row.guest:
            continue
        own = by_enrolment.get(row.enrolment.pk, {})
        finalised = row.result is not None and row.result.is_finalised
        side.append(
            SideBySide(
                name=row.name,
                enrolment_id=row.enrolment.pk,
                total=row.result.total if finalised else None,
                band=row.result.band_info.label if finalised and row.result.band_info else "",
                criteria=row.scores if finalised else [None] * len(results.criteria),
                before=own.get(SelfAssessment.Stage.BEFORE),
                after=own.get(SelfAssessment.Stage.AFTER),
            )
        )
    return CohortCompetence(
        rows=outcome_rows(assessments),
        low=low,
        side_by_side=side,
        criteria=results.criteria,
        before_count=sum(1 for a in assessments if a.stage == SelfAssessment.Stage.BEFORE),
        after_count=sum(1 for a in assessments if a.stage == SelfAssessment.Stage.AFTER),
    )


# --- questionnaires' results ------------------------------------------------------------------


@dataclass
class QuestionSummary:
    question: Question
    label: str
    answers: int
    mean: float | None = None
    counts: list[tuple[str, int]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


def summarise(questions, answer_dicts: list[dict], language: str) -> list[QuestionSummary]:
    """Per question: the mean of ratings and numbers, counts per choice, the free texts."""
    out = []
    for question in questions:
        values = [a[question.code] for a in answer_dicts if question.code in a]
        summary = QuestionSummary(question, question.text(language), len(values))
        if question.kind in (Question.Kind.RATING, Question.Kind.NUMBER):
            summary.mean = _mean([v for v in values if isinstance(v, int)])
        elif question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
            labels = question.choices(language)
            counts = [0] * len(labels)
            for value in values:
                for index in value if isinstance(value, list) else [value]:
                    if isinstance(index, int) and 0 <= index < len(counts):
                        counts[index] += 1
            summary.counts = list(zip(labels, counts, strict=True))
        else:
            summary.texts = sorted(str(v) for v in values if v)
        out.append(summary)
    return out


@dataclass
class SurveyResults:
    responses: int
    shown: bool
    summaries: list[QuestionSummary]


def survey_results(*, cohorts, language: str) -> SurveyResults:
    """The survey over the given cohorts, or only the count while fewer than SURVEY_MIN_GROUP
    people answered. Answers of every version are summed by question code; the newest version
    names the questions."""
    rows = list(SurveyResponse.objects.filter(cohort__in=cohorts).values_list("answers", flat=True))
    if len(rows) < SURVEY_MIN_GROUP:
        return SurveyResults(len(rows), False, [])
    questionnaire = questionnaire_current(kind=Questionnaire.Kind.SURVEY)
    questions = list(questionnaire.questions.all()) if questionnaire else []
    return SurveyResults(len(rows), True, summarise(questions, rows, language))


def needs_results(*, cohort, language: str) -> tuple[int, list[QuestionSummary]]:
    """The cohort's needs analysis (named answers, shown to the cohort's trainers as figures)."""
    rows = list(
        Response.objects.filter(
            enrolment__cohort=cohort, questionnaire__kind=Questionnaire.Kind.NEEDS
        ).values_list("answers", flat=True)
    )
    questionnaire = questionnaire_current(kind=Questionnaire.Kind.NEEDS)
    questions = list(questionnaire.questions.all()) if questionnaire else []
    return len(rows), summarise(questions, rows, language)


# --- trainers' qualifications -----------------------------------------------------------------


def qualification_shortfalls(qualification: TrainerQualification | None) -> list[str]:
    """What the trainer's record lacks against order 338, as sentences for the registrar."""
    if qualification is None:
        return [_("No qualification record: education, pedagogical experience, category, CV.")]
    out = []
    minimum = settings.QUALITY_TRAINER_MIN_EXPERIENCE_YEARS
    if qualification.pedagogical_experience_years < minimum:
        out.append(
            _("Pedagogical experience %(years)s years, under the %(minimum)s required.")
            % {"years": qualification.pedagogical_experience_years, "minimum": minimum}
        )
    if not qualification.education.strip():
        out.append(_("Education not recorded."))
    if not qualification.cv:
        out.append(_("No CV on file."))
    return out


@dataclass
class TrainerRow:
    trainer: object
    qualification: TrainerQualification | None
    shortfalls: list[str]


def trainer_rows(trainers) -> list[TrainerRow]:
    trainers = list(trainers)
    records = {
        q.trainer_id: q
        for q in TrainerQualification.objects.filter(trainer__in=[t.pk for t in trainers])
    }
    return [
        TrainerRow(t, records.get(t.pk), qualification_shortfalls(records.get(t.pk)))
        for t in trainers
    ]


def cohorts_with_trainer_shortfalls(*, cohorts) -> list[tuple[object, list[TrainerRow]]]:
    """Cohorts with at least one trainer who falls short, with those trainers."""
    out = []
    cohorts = list(cohorts.prefetch_related("trainers"))
    rows = {
        row.trainer.pk: row for row in trainer_rows({t for c in cohorts for t in c.trainers.all()})
    }
    for cohort in cohorts:
        short = [rows[t.pk] for t in cohort.trainers.all() if rows[t.pk].shortfalls]
        if short:
            out.append((cohort, short))
    return out
