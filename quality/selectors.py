"""Reads of the quality loop: what is open to a trainee now, growth per outcome, a cohort's
figures, trainers' qualifications. The report for the authority is in `quality.report`."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
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


def _after_window_open(enrolment, today: dt.date) -> bool:
    days = settings.QUALITY_AFTER_SELF_ASSESSMENT_DAYS
    return today >= enrolment.cohort.ends_on - dt.timedelta(days=days)


def fact_expressions(today: dt.date | None = None) -> dict:
    """What the quality loop asks of an enrolment on the dashboard, as EXISTS subqueries on the
    enrolment (OuterRef("pk")): which self-assessment stages are rated, whether the final result
    is finalised and a topic studied, whether the needs questionnaire, the survey and each
    follow-up are answered, and whether a certificate old enough for each follow-up is valid.
    The dashboard reads them with the rest of the enrolment's state in one query (issue 22: nine
    queries of their own before)."""
    from django.db.models import Exists, OuterRef

    from assessment.models import FinalResult
    from certificates.selectors import valid_certificates_issued_between
    from course.models import TopicCompletion

    today = today or timezone.localdate()
    ref = OuterRef("pk")
    facts = {
        "rated_before": Exists(
            SelfAssessment.objects.filter(enrolment=ref, stage=SelfAssessment.Stage.BEFORE)
        ),
        "rated_after": Exists(
            SelfAssessment.objects.filter(enrolment=ref, stage=SelfAssessment.Stage.AFTER)
        ),
        "rated_any": Exists(SelfAssessment.objects.filter(enrolment=ref)),
        "result_finalised": Exists(
            FinalResult.objects.filter(enrolment=ref, status=FinalResult.Status.FINALISED)
        ),
        "studied_any": Exists(TopicCompletion.objects.filter(enrolment=ref)),
        "needs_answered": Exists(
            Response.objects.filter(enrolment=ref, questionnaire__kind=Questionnaire.Kind.NEEDS)
        ),
        "survey_answered": Exists(SurveyAnswered.objects.filter(enrolment=ref)),
    }
    for months in FOLLOW_UP_MONTHS:
        facts[f"follow_up_{months}_answered"] = Exists(
            Response.objects.filter(
                enrolment=ref, questionnaire__kind=Questionnaire.Kind.FOLLOW_UP, months=months
            )
        )
        facts[f"follow_up_{months}_certificate"] = Exists(
            valid_certificates_issued_between(
                start=dt.date(2000, 1, 1), end=add_months(today, -months)
            ).filter(enrolment=ref)
        )
    return facts


FACT_NAMES = tuple(
    ["rated_before", "rated_after", "rated_any", "result_finalised", "studied_any"]
    + ["needs_answered", "survey_answered"]
    + [f"follow_up_{m}_{what}" for m in FOLLOW_UP_MONTHS for what in ("answered", "certificate")]
)


def enrolment_facts(*, enrolment, today: dt.date | None = None) -> dict[str, bool]:
    """fact_expressions() of one enrolment, in one query."""
    from course.models import Enrolment

    # Prefixed: some names are also the enrolment's reverse relations (survey_answered).
    row = (
        Enrolment.objects.filter(pk=enrolment.pk)
        .values(**{f"quality_{name}": e for name, e in fact_expressions(today).items()})
        .get()
    )
    return {name.removeprefix("quality_"): value for name, value in row.items()}


def self_assessment_open_stage(
    *, enrolment, today: dt.date | None = None, facts: dict | None = None
) -> str | None:
    """ "before" until the trainee completes the first topic (before module 1); "after" in the
    last weeks of the course until the final result is finalised (before the final assessment);
    otherwise None. A stage already rated is not open again. `facts`: enrolment_facts(), when
    the caller has them already."""
    today = today or timezone.localdate()
    if enrolment is None or enrolment.status not in ACTIVE_STATUSES:
        return None
    facts = facts or enrolment_facts(enrolment=enrolment, today=today)
    if _after_window_open(enrolment, today):
        if facts["rated_after"] or facts["result_finalised"]:
            return None
        return SelfAssessment.Stage.AFTER
    if facts["rated_before"] or facts["studied_any"]:
        return None
    return SelfAssessment.Stage.BEFORE


def survey_open(*, enrolment, today: dt.date | None = None, facts: dict | None = None) -> bool:
    today = today or timezone.localdate()
    if enrolment is None or enrolment.status not in FINISHED_STATUSES:
        return False
    if not _after_window_open(enrolment, today):
        return False
    facts = facts or enrolment_facts(enrolment=enrolment, today=today)
    return not facts["survey_answered"]


def questionnaire_current(*, kind: str) -> Questionnaire | None:
    """The newest version of a kind, with its questions."""
    return (
        Questionnaire.objects.filter(kind=kind)
        .prefetch_related("questions")
        .order_by("-version")
        .first()
    )


def needs_open(*, enrolment, facts: dict | None = None) -> bool:
    if enrolment is None or enrolment.status not in ACTIVE_STATUSES:
        return False
    if facts is not None:
        return not facts["needs_answered"]
    return not Response.objects.filter(
        enrolment=enrolment, questionnaire__kind=Questionnaire.Kind.NEEDS
    ).exists()


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
    # Per choice, the share of respondents in % and the seed's figure for it (None where the seed
    # has none): the needs questionnaire compared with the institute's analysis.
    shares: list[tuple[str, int, int, int | None]] = field(default_factory=list)
    # A per-trainer rating: (trainer's name, ratings, mean or None while under SURVEY_MIN_GROUP).
    per_trainer: list[tuple[str, int, float | None]] = field(default_factory=list)


def summarise(questions, answer_dicts: list[dict], language: str) -> list[QuestionSummary]:
    """Per question: the mean of ratings and numbers, counts per choice, the free texts."""
    out = []
    for question in questions:
        values = [a[question.code] for a in answer_dicts if question.code in a]
        summary = QuestionSummary(question, question.text(language), len(values))
        if question.kind == Question.Kind.TRAINERS:
            summary.mean = _mean(rating_values(values))
            summary.per_trainer = _per_trainer(values, language)
        elif question.kind in (Question.Kind.RATING, Question.Kind.NUMBER):
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


def rating_values(values) -> list[int]:
    """Every rating in the answers to a rating question: a whole number, or, for a per-trainer
    question, the numbers of its {trainer id: rating} (the first survey version rated all the
    trainers at once, so both shapes occur)."""
    out = []
    for value in values:
        for v in value.values() if isinstance(value, dict) else [value]:
            if isinstance(v, int):
                out.append(v)
    return out


def _per_trainer(values, language: str) -> list[tuple[str, int, float | None]]:
    """Each trainer's mean, named, and hidden while fewer than SURVEY_MIN_GROUP rated them."""
    from cms.models import User
    from cms.names import display_name

    ratings: dict[int, list[int]] = defaultdict(list)
    for value in values:
        if isinstance(value, dict):
            for trainer, rating in value.items():
                if str(trainer).isdigit() and isinstance(rating, int):
                    ratings[int(trainer)].append(rating)
    people = User.objects.filter(pk__in=list(ratings)).select_related("trainee_profile")
    names = {person.pk: display_name(person, language) for person in people}
    rows = [
        (
            names.get(pk, "—"),
            len(given),
            _mean(given) if len(given) >= SURVEY_MIN_GROUP else None,
        )
        for pk, given in ratings.items()
    ]
    return sorted(rows, key=lambda row: row[0])


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
    summaries = summarise(questions, rows, language)
    compare_with_seed(summaries, respondents=len(rows))
    return len(rows), summaries


def compare_with_seed(summaries: list[QuestionSummary], *, respondents: int) -> None:
    """Set each choice's share of respondents beside the seed's figure for the same choice."""
    from .questionnaire_data import SEED_NEEDS_SHARES

    for summary in summaries:
        seed = SEED_NEEDS_SHARES.get(summary.question.code)
        if seed is None or not respondents:
            continue
        russian = summary.question.choices("ru")
        summary.shares = [
            (label, count, round(100 * count / respondents), seed.get(ru))
            for (label, count), ru in zip(summary.counts, russian, strict=True)
        ]


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
