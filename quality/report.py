"""The report for the authority: the cohorts that ended in a period, in a fixed number of queries
whatever the period (one query per table read, the sums made in Python).

Definitions (README, "Quality"): `enrolled` counts the cohorts' enrolments except those
transferred to another cohort (they count where they went); `completed` those with a finalised
final result (so completed = passed + not passed); passed and not passed follow the latest
finalised attempt; `retakes` counts finalised second attempts; `expelled` enrolments expelled."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from statistics import mean

from django.db.models import F, Q
from django.utils import timezone

from assessment.rubric import PASSING_BANDS

from .outcomes import OUTCOMES
from .selectors import SURVEY_MIN_GROUP, OutcomeRow, outcome_rows, rating_values

CRITERIA = ("theory", "practice", "plan", "defence", "participation")


@dataclass
class GroupRow:
    key: str
    label: str
    enrolled: int = 0
    passed: int = 0


@dataclass
class Report:
    start: dt.date | None
    end: dt.date | None
    cohorts: list
    enrolled: int = 0
    completed: int = 0
    passed: dict[str, int] = field(default_factory=dict)
    not_passed: int = 0
    expelled: int = 0
    retakes: int = 0
    by_region: list[GroupRow] = field(default_factory=list)
    by_organisation_type: list[GroupRow] = field(default_factory=list)
    by_category: list[GroupRow] = field(default_factory=list)
    criteria_mean: dict[str, float | None] = field(default_factory=dict)
    competence: list[OutcomeRow] = field(default_factory=list)
    survey_responses: int = 0
    satisfaction_mean: float | None = None

    @property
    def passed_total(self) -> int:
        return sum(self.passed.values())

    def as_json(self) -> dict:
        """Exactly the shape of CONTRACTS.md (`programme_report --json`)."""
        return {
            "period": {
                "from": self.start.isoformat() if self.start else None,
                "to": self.end.isoformat() if self.end else None,
            },
            "enrolled": self.enrolled,
            "completed": self.completed,
            "passed": dict(self.passed),
            "not_passed": self.not_passed,
            "expelled": self.expelled,
            "retakes": self.retakes,
            "by_region": [
                {"region": row.key, "enrolled": row.enrolled, "passed": row.passed}
                for row in self.by_region
            ],
            "criteria_mean": dict(self.criteria_mean),
            "competence": [
                {
                    "outcome": row.outcome.code,
                    "group": row.outcome.group,
                    "title": row.outcome.title,
                    "before": row.before,
                    "after": row.after,
                    "responses": row.responses,
                }
                for row in self.competence
            ],
            "satisfaction": {"responses": self.survey_responses, "mean": self.satisfaction_mean},
        }


def _groups(enrolments, passed_ids: set[int], key: str, choices) -> list[GroupRow]:
    labels = dict(choices)
    rows: dict[str, GroupRow] = {}
    for e in enrolments:
        code = e[key] or ""
        row = rows.setdefault(code, GroupRow(code, str(labels.get(code, "—"))))
        row.enrolled += 1
        row.passed += e["pk"] in passed_ids
    return sorted(rows.values(), key=lambda r: (r.key == "", r.label))


def programme_report(*, start: dt.date | None, end: dt.date | None) -> Report:
    from assessment.models import CriterionScore, FinalResult
    from cms.models import OrganisationType, QualificationCategory, Region
    from course.models import Cohort, Enrolment

    from .models import Question, Questionnaire, SelfAssessment, SurveyResponse

    # A cohort that has not ended yet is never in the report, whatever the period says.
    period = Q(ends_on__lt=timezone.localdate())
    if start:
        period &= Q(ends_on__gte=start)
    if end:
        period &= Q(ends_on__lte=end)
    cohort_qs = Cohort.objects.filter(period)
    cohorts = list(cohort_qs.order_by("ends_on", "code").prefetch_related("trainers"))
    enrolment_qs = Enrolment.objects.filter(cohort__in=cohort_qs).exclude(
        status=Enrolment.Status.TRANSFERRED
    )
    profile = "trainee__trainee_profile__"
    enrolments = list(
        enrolment_qs.values(
            "pk",
            "status",
            region=F(profile + "region"),
            organisation_type=F(profile + "organisation_type"),
            category=F(profile + "qualification_category"),
        )
    )
    report = Report(start, end, cohorts)
    report.enrolled = len(enrolments)
    report.expelled = sum(1 for e in enrolments if e["status"] == Enrolment.Status.EXPELLED)

    results = list(
        FinalResult.objects.filter(
            enrolment__in=enrolment_qs, status=FinalResult.Status.FINALISED
        ).values("pk", "enrolment_id", "attempt", "band", "third_marker_id")
    )
    latest: dict[int, dict] = {}
    for r in results:
        if r["enrolment_id"] not in latest or r["attempt"] > latest[r["enrolment_id"]]["attempt"]:
            latest[r["enrolment_id"]] = r
    report.retakes = sum(1 for r in results if r["attempt"] == 2)
    bands = Counter(r["band"] for r in latest.values())
    report.passed = {band: bands[band] for band in PASSING_BANDS}
    report.not_passed = sum(n for band, n in bands.items() if band not in PASSING_BANDS)
    report.completed = len(latest)
    passed_ids = {pk for pk, r in latest.items() if r["band"] in PASSING_BANDS}
    report.by_region = _groups(enrolments, passed_ids, "region", Region.choices)
    report.by_organisation_type = _groups(
        enrolments, passed_ids, "organisation_type", OrganisationType.choices
    )
    report.by_category = _groups(enrolments, passed_ids, "category", QualificationCategory.choices)

    # The scores that count: the third marker's where one decided, else the first marking.
    counted = {r["pk"]: r for r in latest.values()}
    scores = list(
        CriterionScore.objects.filter(result_id__in=list(counted)).values(
            "result_id", "role", "score", code=F("criterion__code")
        )
        if counted
        else []
    )
    third = {s["result_id"] for s in scores if s["role"] == CriterionScore.Role.THIRD}
    per_code: dict[str, list[int]] = defaultdict(list)
    for s in scores:
        deciding = (
            CriterionScore.Role.THIRD
            if s["result_id"] in third and counted[s["result_id"]]["third_marker_id"]
            else CriterionScore.Role.FIRST
        )
        if s["role"] == deciding:
            per_code[s["code"]].append(s["score"])
    report.criteria_mean = {
        code: round(mean(per_code[code]), 1) if per_code[code] else None for code in CRITERIA
    }

    report.competence = outcome_rows(
        SelfAssessment.objects.filter(enrolment__in=enrolment_qs).only(
            "enrolment_id", "stage", "ratings"
        )
    )
    answers = list(
        SurveyResponse.objects.filter(cohort__in=cohort_qs).values_list("answers", flat=True)
    )
    rating_codes = set(
        Question.objects.filter(
            questionnaire__kind=Questionnaire.Kind.SURVEY,
            kind__in=(Question.Kind.RATING, Question.Kind.TRAINERS),
        ).values_list("code", flat=True)
    )
    report.survey_responses = len(answers)
    ratings = rating_values([v for a in answers for code, v in a.items() if code in rating_codes])
    if len(answers) >= SURVEY_MIN_GROUP and ratings:
        report.satisfaction_mean = round(mean(ratings), 2)
    assert len(report.competence) == len(OUTCOMES)
    return report
