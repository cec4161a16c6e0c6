"""Item analysis of a test, without the database: facility, discrimination and how often each
option was chosen, per question.

- Facility: the share of trainees who answered the question right (0..1).
- Discrimination: upper-lower index with the classical 27 % groups. The trainees are ranked by
  their total score; the top 27 % and the bottom 27 % (at least one trainee each, rounded to the
  nearest whole trainee) are compared: D = (right in upper - right in lower) / group size. Only
  trainees who were asked the question count, since a drawn test gives each trainee other
  questions. A question is weak when facility is under 0.2 or over 0.9 (nearly nobody or nearly
  everybody gets it), or D is under 0.2 (it does not tell the stronger trainees from the weaker).
"""

from __future__ import annotations

from dataclasses import dataclass, field

GROUP_SHARE = 0.27
WEAK_FACILITY_LOW = 0.2
WEAK_FACILITY_HIGH = 0.9
WEAK_DISCRIMINATION = 0.2


@dataclass(frozen=True)
class Response:
    """One trainee's attempt: their total score and, per question asked, the choices picked and
    whether the answer was right."""

    total: int
    picked: dict[int, frozenset[int]]
    right: dict[int, bool]


@dataclass
class ItemStats:
    question_id: int
    answered: int
    facility: float | None
    discrimination: float | None
    option_counts: dict[int, int] = field(default_factory=dict)
    weak_reasons: list[str] = field(default_factory=list)

    @property
    def is_weak(self) -> bool:
        return bool(self.weak_reasons)


def group_size(n: int) -> int:
    """27 % of n trainees, rounded half up, at least one (and at most half, so the groups do
    not overlap)."""
    if n < 2:
        return 0
    return max(1, min(n // 2, int(n * GROUP_SHARE + 0.5)))


def analyse(responses: list[Response], choices: dict[int, list[int]]) -> dict[int, ItemStats]:
    """The statistics of every question in `choices` (question id -> its choice ids)."""
    stats = {}
    for question_id, choice_ids in choices.items():
        asked = [r for r in responses if question_id in r.right]
        counts = dict.fromkeys(choice_ids, 0)
        for r in asked:
            for choice_id in r.picked.get(question_id, ()):
                if choice_id in counts:
                    counts[choice_id] += 1
        facility = sum(r.right[question_id] for r in asked) / len(asked) if asked else None
        discrimination = None
        size = group_size(len(asked))
        if size:
            ranked = sorted(asked, key=lambda r: r.total, reverse=True)
            upper = sum(r.right[question_id] for r in ranked[:size])
            lower = sum(r.right[question_id] for r in ranked[-size:])
            discrimination = (upper - lower) / size
        reasons = []
        if facility is not None and facility < WEAK_FACILITY_LOW:
            reasons.append("hard")
        if facility is not None and facility > WEAK_FACILITY_HIGH:
            reasons.append("easy")
        if discrimination is not None and discrimination < WEAK_DISCRIMINATION:
            reasons.append("discrimination")
        stats[question_id] = ItemStats(
            question_id=question_id,
            answered=len(asked),
            facility=facility,
            discrimination=discrimination,
            option_counts=counts,
            weak_reasons=reasons,
        )
    return stats
