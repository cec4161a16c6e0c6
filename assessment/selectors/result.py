"""Reads of the final assessment: results, the rubric in force, retake dates, evidence and the
cohort results."""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone

from cms.dates import add_years

from ..charts import TOTAL_BINS
from ..models import CriterionScore, FinalResult, Rubric, RubricCriterion
from ..rubric import THEORY_MAX
from .plan import plan_history
from .practice import practice_evidence
from .theory import best_test_attempt

RETAKE_WINDOW_YEARS = 1


def marker_difference_threshold() -> int:
    """Totals of the first and second marker may differ by this much before reconciliation."""
    return settings.ASSESSMENT_MARKER_DIFFERENCE_THRESHOLD


def current_rubric() -> Rubric:
    return Rubric.objects.prefetch_related("criteria").order_by("-version").first()


def _with_scores(queryset):
    return queryset.select_related("rubric", "assessing_cohort").prefetch_related(
        Prefetch("rubric__criteria", queryset=RubricCriterion.objects.order_by("position")),
        Prefetch("scores", queryset=CriterionScore.objects.select_related("marker")),
    )


def final_result_for(*, enrolment) -> FinalResult | None:
    """The latest finalised attempt of this enrolment (a retake supersedes the first attempt)."""
    return (
        _with_scores(FinalResult.objects.filter(enrolment=enrolment))
        .filter(status=FinalResult.Status.FINALISED)
        .order_by("-attempt")
        .first()
    )


def results_of_enrolment(*, enrolment) -> list[FinalResult]:
    return list(_with_scores(FinalResult.objects.filter(enrolment=enrolment)).order_by("attempt"))


def result_with_scores(*, pk: int) -> FinalResult | None:
    return (
        _with_scores(FinalResult.objects.filter(pk=pk))
        .select_related("enrolment__cohort", "enrolment__trainee")
        .first()
    )


def retake_deadline(*, enrolment) -> dt.date | None:
    """The last day a retake may be started: one year after the first final assessment, when that
    attempt was finalised and not passed. None when no retake is open to this enrolment."""
    first = (
        FinalResult.objects.filter(
            enrolment=enrolment, attempt=1, status=FinalResult.Status.FINALISED
        )
        .only("finalised_at", "band")
        .first()
    )
    if first is None or first.passed is not False or first.finalised_at is None:
        return None
    return add_years(timezone.localdate(first.finalised_at), RETAKE_WINDOW_YEARS)


def retake_offered_until(*, enrolment, results: list[FinalResult]) -> dt.date | None:
    """The last day the scoring page offers to open the retake: the retake deadline while the
    failed first attempt is still the only one; None once the retake is opened (the one rule the
    page shows, instead of repeating it in the template)."""
    if len(results) != 1:
        return None
    return retake_deadline(enrolment=enrolment)


def assessing_cohorts(*, enrolment):
    """The trainee's own cohort and, when the retake is assessed with a later cohort, that one:
    their trainers may see the trainee's assessment work."""
    from django.db.models import Q

    from course.models import Cohort

    return Cohort.objects.filter(
        Q(pk=enrolment.cohort_id) | Q(guest_results__enrolment=enrolment)
    ).distinct()


def assesses(*, user, enrolment) -> bool:
    """Whether `user` is a trainer of a cohort that assesses the trainee (see assessing_cohorts):
    such a trainer reads the trainee's assessment work."""
    return assessing_cohorts(enrolment=enrolment).filter(trainers=user).exists()


def marking_cohort_id(*, enrolment, result: FinalResult | None = None) -> int:
    """Which cohort's trainers mark an attempt: the later cohort a retake is assessed with, else
    the trainee's own (also before any attempt exists). The one statement of that rule."""
    if result is not None and result.assessing_cohort_id:
        return result.assessing_cohort_id
    return enrolment.cohort_id


def marking_cohort(*, enrolment, result: FinalResult | None = None):
    """The cohort whose trainers mark the attempt (see marking_cohort_id)."""
    if marking_cohort_id(enrolment=enrolment, result=result) == enrolment.cohort_id:
        return enrolment.cohort
    return result.assessing_cohort


def marks(*, user, enrolment, result: FinalResult | None = None) -> bool:
    """Whether `user` is a trainer of the cohort that marks the attempt."""
    from course.models import Cohort

    cohort_id = marking_cohort_id(enrolment=enrolment, result=result)
    return Cohort.objects.filter(pk=cohort_id, trainers=user).exists()


def retake_of(*, enrolment) -> FinalResult | None:
    """The one retake (attempt 2), with the later cohort it is assessed with, if any."""
    return (
        FinalResult.objects.filter(enrolment=enrolment, attempt=2)
        .select_related("assessing_cohort")
        .first()
    )


def later_cohorts_for(*, enrolment) -> list:
    """Cohorts of the same programme that start after the trainee's own: where the retake may
    be assessed instead."""
    from course.models import Cohort

    return list(
        Cohort.objects.filter(
            programme_id=enrolment.cohort.programme_id,
            starts_on__gt=enrolment.cohort.starts_on,
        ).order_by("starts_on", "code")
    )


def score_changes(*, result) -> list:
    return list(
        result.changes.select_related("criterion", "changed_by").order_by("-changed_at", "-pk")
    )


def attendance_of(*, enrolment) -> tuple[int, int]:
    """(present, marked) over the cohort's live sessions; an excused absence is not counted."""
    from django.db.models import Count, Q

    from course.models import Attendance

    row = Attendance.objects.filter(enrolment=enrolment).aggregate(
        present=Count("pk", filter=Q(mark="present")),
        marked=Count("pk", filter=Q(mark__in=["present", "absent"])),
    )
    return row["present"] or 0, row["marked"] or 0


def evidence_for(*, enrolment) -> dict[str, list[str]]:
    """What the marker sees beside each criterion, as short lines of text. Each part of the
    assessment app adds its evidence here as it exists (theory test, practice work, the plan)."""
    from django.utils.translation import gettext as _

    evidence: dict[str, list[str]] = {
        "theory": [],
        "practice": [],
        "plan": [],
        "defence": [],
        "participation": [],
    }
    best = best_test_attempt(enrolment=enrolment)
    if best is not None:
        evidence["theory"].append(
            _(
                "Theory test, best attempt: %(score)s of %(max)s — proposed score "
                "%(proposed)s of %(theory_max)s."
            )
            % {
                "score": best.score,
                "max": best.max_score,
                "proposed": best.proposed_theory_score,
                "theory_max": THEORY_MAX,
            }
        )
    else:
        evidence["theory"].append(_("The theory test has not been taken yet."))
    evidence["practice"] = practice_evidence(enrolment=enrolment) or [
        _("No practice work submitted yet.")
    ]
    from ..models import SupportPlan

    plan = SupportPlan.objects.filter(enrolment=enrolment).only("status", "submitted_at").first()
    history = plan_history(plan=plan) if plan is not None else []
    returns = [e for e in history if e.kind == "returned"]
    if plan is None:
        evidence["plan"].append(_("No support plan yet."))
    elif plan.is_submitted and returns:
        evidence["plan"].append(
            _("Support plan resubmitted on %(date)s after %(n)s return(s) for revision.")
            % {"date": timezone.localdate(plan.submitted_at).isoformat(), "n": len(returns)}
        )
    elif plan.is_submitted:
        evidence["plan"].append(
            _("Support plan submitted on %(date)s.")
            % {"date": timezone.localdate(plan.submitted_at).isoformat()}
        )
    elif plan.is_returned:
        evidence["plan"].append(
            _("Support plan returned for revision on %(date)s, not resubmitted yet.")
            % {"date": timezone.localdate(returns[-1].at).isoformat()}
        )
    else:
        evidence["plan"].append(_("Support plan: draft, not submitted."))
    if returns:
        evidence["plan"].append(
            _("Last feedback on the plan: %(feedback)s") % {"feedback": returns[-1].feedback[:200]}
        )
    present, marked = attendance_of(enrolment=enrolment)
    if marked:
        evidence["participation"].append(
            _("Attendance: %(present)s of %(marked)s live sessions (%(rate)s%%).")
            % {"present": present, "marked": marked, "rate": round(100 * present / marked)}
        )
    else:
        evidence["participation"].append(_("No attendance recorded yet."))
    return evidence


def marker_role_for(result: FinalResult, user) -> str:
    if result.second_marker_id == user.pk:
        return CriterionScore.Role.SECOND
    if result.third_marker_id == user.pk:
        return CriterionScore.Role.THIRD
    return CriterionScore.Role.FIRST


def role_totals(result: FinalResult) -> dict[str, int | None]:
    """Total of each marker's scores (None while incomplete); uses prefetched scores."""
    n = len(result.rubric.criteria.all())
    out: dict[str, int | None] = {}
    for role in CriterionScore.Role.values:
        scores = [s.score for s in result.scores.all() if s.role == role]
        out[role] = sum(scores) if len(scores) == n and n else None
    return out


@dataclass
class ResultRow:
    enrolment: object
    name: str
    result: FinalResult | None
    scores: list[int | None]
    # A trainee of an earlier cohort whose retake this cohort assesses.
    guest: bool = False

    @property
    def total(self) -> int | None:
        return self.result.total if self.result else None

    @property
    def band(self):
        return self.result.band_info if self.result else None

    @functools.cached_property
    def retake_note(self) -> str:
        """Where a retake comes from or is assessed, for the results page and its export; empty
        for an ordinary row."""
        from django.utils.translation import gettext as _

        if self.result is None:
            return ""
        if self.guest:
            return _("retake, from cohort %(code)s") % {"code": self.enrolment.cohort.code}
        if self.result.assessing_cohort_id:
            code = self.result.assessing_cohort.code
            return _("retake, assessed with cohort %(code)s") % {"code": code}
        return ""

    @property
    def retake_open_until(self) -> dt.date | None:
        """The retake deadline while the first attempt (finalised, not passed) is the latest and
        the window is open; computed from the row, without a query."""
        r = self.result
        if self.guest or r is None or r.attempt != 1 or not r.is_finalised or r.passed is not False:
            return None
        if r.finalised_at is None:
            return None
        deadline = add_years(timezone.localdate(r.finalised_at), RETAKE_WINDOW_YEARS)
        return deadline if timezone.localdate() <= deadline else None


@dataclass
class CohortResults:
    criteria: list[RubricCriterion]
    rows: list[ResultRow]
    band_counts: list[tuple[object, int]] = field(default_factory=list)
    bin_counts: list[tuple[str, int]] = field(default_factory=list)


def _latest_per_enrolment(results) -> dict[int, FinalResult]:
    latest: dict[int, FinalResult] = {}
    for result in results:
        kept = latest.get(result.enrolment_id)
        if kept is None or result.attempt > kept.attempt:
            latest[result.enrolment_id] = result
    return latest


def cohort_results(*, cohort, language: str) -> CohortResults:
    """Every trainee of the cohort with the scores of their latest attempt, in a fixed number of
    queries (enrolments with profiles, results, scores, rubric criteria)."""
    from django.db.models import Q

    from course.models import Enrolment
    from course.selectors import trainee_name

    from ..rubric import BANDS

    # The cohort's own trainees, and trainees of earlier cohorts whose retake it assesses.
    enrolments = list(
        Enrolment.objects.filter(
            Q(cohort=cohort)
            | Q(pk__in=FinalResult.objects.filter(assessing_cohort=cohort).values("enrolment_id"))
        ).select_related("trainee", "trainee__trainee_profile", "cohort")
    )
    results = _latest_per_enrolment(
        FinalResult.objects.filter(Q(enrolment__cohort=cohort) | Q(assessing_cohort=cohort))
        .select_related("assessing_cohort")
        .prefetch_related("scores")
    )
    criteria = list(RubricCriterion.objects.filter(rubric=current_rubric()).order_by("position"))
    codes = [c.code for c in criteria]
    rubric_codes = {
        c.pk: c.code
        for c in RubricCriterion.objects.filter(
            rubric_id__in={r.rubric_id for r in results.values()}
        )
    }
    rows = []
    for enrolment in enrolments:
        result = results.get(enrolment.pk)
        scores: list[int | None] = [None] * len(codes)
        if result is not None:
            role = result.deciding_role()
            for s in result.scores.all():
                code = rubric_codes.get(s.criterion_id)
                if s.role == role and code in codes:
                    scores[codes.index(code)] = s.score
        rows.append(
            ResultRow(
                enrolment,
                trainee_name(enrolment.trainee, language),
                result,
                scores,
                guest=enrolment.cohort_id != cohort.pk,
            )
        )
    rows.sort(key=lambda r: r.name.lower())
    totals = [r.total for r in rows if r.total is not None and r.result.is_finalised]
    band_counts = [
        (
            band,
            sum(
                1 for r in rows if r.result and r.result.is_finalised and r.result.band == band.code
            ),
        )
        for band in BANDS
    ]
    bin_counts = [(f"{lo}–{hi}", sum(1 for t in totals if lo <= t <= hi)) for lo, hi in TOTAL_BINS]
    return CohortResults(criteria, rows, band_counts, bin_counts)


RESULTS_TO_SCORE_LIMIT = 50


def results_to_score(*, user=None, cohort_ids: list[int] | None = None) -> list[FinalResult]:
    """Final assessments in progress (drafts) that the person's cohorts (or the cohorts of
    `cohort_ids`) score: their own trainees' attempts, and retakes of earlier cohorts' trainees
    assessed with them. One query."""
    from django.db.models import Q

    from course.selectors import cohorts_visible

    cohorts = cohorts_visible(user) if cohort_ids is None else cohort_ids
    return list(
        FinalResult.objects.filter(status=FinalResult.Status.DRAFT)
        .filter(
            Q(assessing_cohort__in=cohorts)
            | Q(assessing_cohort__isnull=True, enrolment__cohort__in=cohorts)
        )
        .select_related("enrolment__cohort", "enrolment__trainee", "assessing_cohort")
        .order_by("created_at", "pk")[:RESULTS_TO_SCORE_LIMIT]
    )
