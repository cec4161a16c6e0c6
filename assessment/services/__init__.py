"""Writes of the final assessment: starting an attempt, scoring, reconciling two markers,
finalising, releasing. Every refusal raises ValidationError with a message a person understands and
leaves the database as it was."""

from __future__ import annotations

from .common import (  # noqa: F401
    _store_attachments,
    _validated_files,
    logger,
)
from .plan import (
    PLAN_FIELDS,
    defence_invitation_send,
    defence_record_held,
    defence_schedule,
    plan_may_be_returned_by,
    plan_missing_parts,
    plan_return,
    plan_returned_notify,
    plan_save,
    plan_submit,
)
from .practice import (  # noqa: F401
    _current_version,
    submission_draft_save,
    submission_review,
    submission_submit,
)
from .result import (  # noqa: F401
    _LEFT_STATUSES,
    STALE_SCORES_MESSAGE,
    Role,
    ScoreInput,
    _check_marker,
    _check_retake_open,
    _locked,
    _recompute,
    _refuse_if_left,
    _result_create,
    _send_on_commit,
    _third_attempt_refused,
    _totals_by_role,
    _validate_scores,
    result_agree,
    result_assess_with_cohort,
    result_finalise,
    result_markers_assign,
    result_needs_reconciliation,
    result_release,
    result_scores_save,
    result_start,
)
from .theory import (
    TIME_LIMIT_GRACE,
    test_attempt_start,
    test_attempt_submit,
)

__all__ = [
    "PLAN_FIELDS",
    "STALE_SCORES_MESSAGE",
    "TIME_LIMIT_GRACE",
    "Role",
    "ScoreInput",
    "defence_invitation_send",
    "defence_record_held",
    "defence_schedule",
    "logger",
    "plan_may_be_returned_by",
    "plan_missing_parts",
    "plan_return",
    "plan_returned_notify",
    "plan_save",
    "plan_submit",
    "result_agree",
    "result_assess_with_cohort",
    "result_finalise",
    "result_markers_assign",
    "result_needs_reconciliation",
    "result_release",
    "result_scores_save",
    "result_start",
    "submission_draft_save",
    "submission_review",
    "submission_submit",
    "test_attempt_start",
    "test_attempt_submit",
]
