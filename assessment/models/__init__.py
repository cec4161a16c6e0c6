"""The assessment models, one module per capability: the final result (`result`), practice work
(`practice`), the theory test (`theory`) and the support plan (`plan`). Every model is re-exported
here so `from assessment.models import X` and the migrations' references keep working."""

from __future__ import annotations

from .common import (  # noqa: F401
    _in_language,
    private_storage,
)
from .control import (
    CaseAnswer,
    ControlAttempt,
    ControlSettings,
    ModuleControl,
)
from .deadline import CohortDeadline
from .plan import (  # noqa: F401
    ABCRecord,
    DefenceSlot,
    PlanAttachment,
    PlanGoal,
    PlanReview,
    SupportPlan,
    SupportTool,
    _plan_upload_to,
)
from .practice import (  # noqa: F401
    Assignment,
    AssignmentMaterial,
    Submission,
    SubmissionFile,
    SubmissionVersion,
    _submission_upload_to,
)
from .result import (
    CriterionCode,
    CriterionScore,
    FinalResult,
    Rubric,
    RubricCriterion,
    ScoreChange,
)
from .theory import (
    Choice,
    Question,
    TestAttempt,
    TheoryTest,
)

__all__ = [
    "ABCRecord",
    "Assignment",
    "AssignmentMaterial",
    "CaseAnswer",
    "Choice",
    "CohortDeadline",
    "ControlAttempt",
    "ControlSettings",
    "CriterionCode",
    "CriterionScore",
    "DefenceSlot",
    "FinalResult",
    "ModuleControl",
    "PlanAttachment",
    "PlanGoal",
    "PlanReview",
    "Question",
    "Rubric",
    "RubricCriterion",
    "ScoreChange",
    "Submission",
    "SubmissionFile",
    "SubmissionVersion",
    "SupportPlan",
    "SupportTool",
    "TestAttempt",
    "TheoryTest",
    "private_storage",
]
