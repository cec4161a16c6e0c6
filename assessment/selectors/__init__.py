"""Reads of the assessment, one module per capability (result, practice, theory, plan); every name
is re-exported here so `from assessment import selectors; selectors.x(...)` keeps working."""

from __future__ import annotations

from .plan import (
    plan_history,
    plan_last_return,
)
from .practice import (
    assignment_in_programme,
    assignments_of_programme,
    grading_queue,
    practice_evidence,
    submission_with_versions,
    submissions_of_enrolment,
)
from .result import (  # noqa: F401
    RESULTS_TO_SCORE_LIMIT,
    RETAKE_WINDOW_YEARS,
    CohortResults,
    ResultRow,
    _latest_per_enrolment,
    _with_scores,
    add_years,
    assessing_cohorts,
    attendance_of,
    cohort_results,
    current_rubric,
    evidence_for,
    final_result_for,
    later_cohorts_for,
    marker_difference_threshold,
    marker_role_for,
    result_with_scores,
    results_of_enrolment,
    results_to_score,
    retake_deadline,
    retake_of,
    retake_offered_until,
    role_totals,
    score_changes,
)
from .theory import (
    attempt_open_besides,
    attempt_questions,
    best_test_attempt,
)

__all__ = [
    "RESULTS_TO_SCORE_LIMIT",
    "RETAKE_WINDOW_YEARS",
    "CohortResults",
    "ResultRow",
    "add_years",
    "assessing_cohorts",
    "assignment_in_programme",
    "assignments_of_programme",
    "attempt_open_besides",
    "attempt_questions",
    "attendance_of",
    "best_test_attempt",
    "cohort_results",
    "current_rubric",
    "evidence_for",
    "final_result_for",
    "grading_queue",
    "later_cohorts_for",
    "marker_difference_threshold",
    "marker_role_for",
    "plan_history",
    "plan_last_return",
    "practice_evidence",
    "result_with_scores",
    "results_of_enrolment",
    "results_to_score",
    "retake_deadline",
    "retake_of",
    "retake_offered_until",
    "role_totals",
    "score_changes",
    "submission_with_versions",
    "submissions_of_enrolment",
]
