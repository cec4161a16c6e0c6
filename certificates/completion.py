"""The completion rule, evaluated: which conditions of a certificate a trainee has not met yet.

Pure: no database. The facts are gathered by `selectors.completion_facts`, the rule is the
programme's `CompletionRule` (or its defaults); this module only compares them, so every issuer
(the task after finalising, bulk issue, admin actions, the daily sweeps) answers the same."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

# Statuses in which a trainee may still be certified: a completed one has been already (a
# re-issue, an idempotent re-run); expelled, withdrawn and transferred-away ones may not.
CERTIFIABLE_STATUSES = frozenset({"active", "completed"})


@dataclass(frozen=True)
class RuleValues:
    min_hours_percent: int = 100
    require_practice_accepted: bool = True
    require_theory_test: bool = True
    require_plan_submitted: bool = True
    require_defence_held: bool = True
    require_cohort_ended: bool = True
    require_module_controls: bool = False


@dataclass(frozen=True)
class CompletionFacts:
    status: str
    status_label: str
    hours_done: int
    hours_total: int
    practice_total: int  # assignments of the programme
    practice_accepted: int
    theory_test_exists: bool
    theory_test_taken: bool
    plan_submitted: bool
    defence_held: bool
    cohort_ends_on: datetime.date
    today: datetime.date
    controls_total: int = 0  # module controls of the programme
    controls_passed: int = 0


@dataclass(frozen=True)
class Missing:
    """One unmet condition: `code` for machines and tests, `to_do` for the trainee (what to do),
    `reason` for the registrar (why the certificate is blocked)."""

    code: str
    to_do: str
    reason: str


def hours_required(*, hours_total: int, percent: int) -> int:
    """Whole hours needed for `percent` of `hours_total`, rounded up (80 % of 79 h: 64)."""
    return -(-hours_total * percent // 100)


def missing_conditions(*, facts: CompletionFacts, rule: RuleValues) -> list[Missing]:
    """Every condition of the rule the facts do not meet, in the order a trainee meets them."""
    missing: list[Missing] = []
    if facts.status not in CERTIFIABLE_STATUSES:
        missing.append(
            Missing(
                "enrolment",
                _("Your enrolment is “%(status)s”: no certificate can be issued.")
                % {"status": facts.status_label},
                _("The enrolment is “%(status)s”.") % {"status": facts.status_label},
            )
        )
    needed = hours_required(hours_total=facts.hours_total, percent=rule.min_hours_percent)
    if facts.hours_done < needed:
        short = needed - facts.hours_done
        missing.append(
            Missing(
                "hours",
                ngettext(
                    "Complete %(short)s more academic hour of the programme "
                    "(%(done)s of the %(needed)s required).",
                    "Complete %(short)s more academic hours of the programme "
                    "(%(done)s of the %(needed)s required).",
                    short,
                )
                % {"short": short, "done": facts.hours_done, "needed": needed},
                _("%(done)s of the %(needed)s hours required are done.")
                % {"done": facts.hours_done, "needed": needed},
            )
        )
    if rule.require_practice_accepted and facts.practice_accepted < facts.practice_total:
        left = facts.practice_total - facts.practice_accepted
        missing.append(
            Missing(
                "practice",
                ngettext(
                    "Get %(left)s more practice work accepted.",
                    "Get %(left)s more practice works accepted.",
                    left,
                )
                % {"left": left},
                _("%(accepted)s of %(total)s practice works accepted.")
                % {"accepted": facts.practice_accepted, "total": facts.practice_total},
            )
        )
    if rule.require_theory_test and facts.theory_test_exists and not facts.theory_test_taken:
        missing.append(
            Missing("theory_test", _("Take the theory test."), _("The theory test is not taken."))
        )
    if rule.require_plan_submitted and not facts.plan_submitted:
        missing.append(
            Missing(
                "plan",
                _("Submit your individual support plan."),
                _("The support plan is not submitted."),
            )
        )
    if rule.require_defence_held and not facts.defence_held:
        missing.append(
            Missing(
                "defence",
                _("Defend your support plan: the trainer records the defence as held."),
                _("The defence is not recorded as held."),
            )
        )
    if rule.require_module_controls and facts.controls_passed < facts.controls_total:
        left = facts.controls_total - facts.controls_passed
        missing.append(
            Missing(
                "controls",
                ngettext(
                    "Pass %(left)s more module control.",
                    "Pass %(left)s more module controls.",
                    left,
                )
                % {"left": left},
                _("%(passed)s of %(total)s module controls passed.")
                % {"passed": facts.controls_passed, "total": facts.controls_total},
            )
        )
    if rule.require_cohort_ended and facts.today < facts.cohort_ends_on:
        day = date_format(facts.cohort_ends_on, "d.m.Y")
        missing.append(
            Missing(
                "cohort_end",
                _("Nothing to do: the certificate is issued when the course ends on %(date)s.")
                % {"date": day},
                _("The cohort ends on %(date)s.") % {"date": day},
            )
        )
    return missing
