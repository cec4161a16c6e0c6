"""Writes of the final assessment: starting an attempt, scoring, reconciling two markers,
finalising, releasing. Every refusal raises ValidationError with a message a person understands and
leaves the database as it was."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.errors import ServiceError

from .. import signals
from ..models import (
    CriterionScore,
    FinalResult,
    RubricCriterion,
    ScoreChange,
)
from ..notices import result_released_notify
from ..plan_scoring import PLAN, plan_score_refusal
from ..selectors import current_rubric, marker_difference_threshold, retake_deadline

Role = CriterionScore.Role


@dataclass(frozen=True)
class ScoreInput:
    score: int
    comment: str = ""


STALE_SCORES_MESSAGE = gettext_lazy(
    "Another trainer saved these scores while you had the page open. Your scores were not "
    "saved: read the current scores below and enter yours again."
)


def _locked(result: FinalResult) -> FinalResult:
    # Row lock: two trainers finalising or scoring the same result at once are serialised here.
    return (
        FinalResult.objects.select_for_update()
        .select_related("rubric", "enrolment__trainee")
        .get(pk=result.pk)
    )


# An expelled or withdrawn trainee has left the course: their result is neither scored, finalised
# nor released (which would lead to a certificate).
_LEFT_STATUSES = {"expelled", "withdrawn"}


def _refuse_if_left(result: FinalResult) -> None:
    enrolment = result.enrolment
    if enrolment.status in _LEFT_STATUSES:
        raise ServiceError(
            _("%(name)s's enrolment is “%(status)s”: the final assessment is closed to them.")
            % {
                "name": enrolment.trainee.get_full_name() or enrolment.trainee.email,
                "status": enrolment.get_status_display(),
            },
            code="enrolment_left",
        )


def _send_on_commit(signal, result: FinalResult) -> None:
    result_id, enrolment_id = result.pk, result.enrolment_id
    transaction.on_commit(
        lambda: signal.send(sender=FinalResult, result_id=result_id, enrolment_id=enrolment_id)
    )


def _third_attempt_refused() -> ValidationError:
    return ValidationError(
        _(
            "Only one retake of the final assessment is allowed — here or with a later cohort — "
            "and it has already been opened. A third attempt is not possible."
        ),
        code="third_attempt",
    )


def _check_retake_open(enrolment, existing: list[FinalResult]) -> FinalResult:
    """Why a retake (here or with a later cohort) cannot be opened, as a ValidationError; the
    finalised first attempt when it can."""
    if len(existing) >= 2:
        raise _third_attempt_refused()
    if not existing:
        raise ServiceError(
            _("The first attempt has not been finalised yet."), code="first_not_final"
        )
    first = existing[0]
    if not first.is_finalised:
        raise ServiceError(
            _("The first attempt has not been finalised yet."), code="first_not_final"
        )
    if first.passed:
        raise ServiceError(
            _("The trainee passed the final assessment: there is nothing to retake."),
            code="passed",
        )
    deadline = retake_deadline(enrolment=enrolment)
    if deadline is None or timezone.localdate() > deadline:
        raise ServiceError(
            _(
                "The retake window closed on %(date)s (one year after the first final "
                "assessment): neither a retake nor an assessment with a later cohort is possible."
            )
            % {"date": deadline},
            code="window_closed",
        )
    return first


@transaction.atomic
def result_start(*, enrolment, attempt: int | None = None) -> FinalResult:
    """Open the first attempt, or the one retake: allowed only after a finalised attempt that did
    not pass, and only until the first anniversary of that assessment."""
    existing = list(
        FinalResult.objects.select_for_update().filter(enrolment=enrolment).order_by("attempt")
    )
    wanted = attempt or len(existing) + 1
    if not existing and wanted == 1:
        return _result_create(enrolment=enrolment, attempt=1, rubric=current_rubric())
    if wanted > 2 or len(existing) >= 2:
        raise _third_attempt_refused()
    if wanted == 1 or not existing:
        raise ServiceError(_("This attempt has already been started."), code="exists")
    first = _check_retake_open(enrolment, existing)
    return _result_create(enrolment=enrolment, attempt=2, rubric=first.rubric)


def _result_create(*, enrolment, attempt: int, rubric) -> FinalResult:
    # Two trainers saving the first scores at the same moment both find no result (a row lock
    # cannot lock a row that does not exist yet); the unique constraint lets one of them in and the
    # other is told, instead of a 500. The savepoint keeps the caller's transaction usable.
    try:
        with transaction.atomic():
            return FinalResult.objects.create(enrolment=enrolment, attempt=attempt, rubric=rubric)
    except IntegrityError:
        raise ServiceError(STALE_SCORES_MESSAGE, code="stale") from None


@transaction.atomic
def result_assess_with_cohort(*, enrolment, cohort, decided_by) -> FinalResult:
    """The other route after "not passed": the one retake is assessed with a later cohort of the
    same programme, whose trainers then score it (the enrolment stays in its own cohort). Same
    rules as a retake — after a finalised attempt that did not pass, within one year of it, never
    a third attempt. A retake already opened but not scored yet may be moved to the later cohort;
    choosing again moves it to another later cohort."""
    from course.models import Cohort, Enrolment

    # Lock the enrolment row: the existing attempts may be none or one, so locking them alone
    # would not stop two people opening the retake at once.
    enrolment = Enrolment.objects.select_for_update().select_related("cohort").get(pk=enrolment.pk)
    existing = list(
        FinalResult.objects.select_for_update().filter(enrolment=enrolment).order_by("attempt")
    )
    retake = existing[1] if len(existing) > 1 else None
    if retake is not None and retake.is_finalised:
        raise _third_attempt_refused()
    if retake is not None and retake.scores.exists():
        raise ServiceError(
            _("The retake has already been scored: it can no longer move to another cohort."),
            code="retake_scored",
        )
    first = _check_retake_open(enrolment, existing[:1])
    home = enrolment.cohort
    cohort = Cohort.objects.select_related("programme").get(pk=cohort.pk)
    if cohort.programme_id != home.programme_id:
        raise ServiceError(
            _("Cohort %(code)s teaches another programme: choose a cohort of the same course.")
            % {"code": cohort.code},
            code="other_programme",
        )
    if cohort.starts_on <= home.starts_on or cohort.pk == home.pk:
        raise ServiceError(
            _(
                "Cohort %(code)s does not start after the trainee's own cohort %(home)s: choose a "
                "later cohort."
            )
            % {"code": cohort.code, "home": home.code},
            code="not_later",
        )
    now = timezone.now()
    if retake is None:
        retake = FinalResult(enrolment=enrolment, attempt=2, rubric=first.rubric)
    retake.assessing_cohort = cohort
    retake.assessing_cohort_set_by = decided_by
    retake.assessing_cohort_set_at = now
    retake.save()
    return retake


def _check_marker(result: FinalResult, *, marker, role: str) -> None:
    if role == Role.SECOND and result.second_marker_id != marker.pk:
        raise ServiceError(_("You are not the second marker of this result."), code="role")
    if role == Role.THIRD and result.third_marker_id != marker.pk:
        raise ServiceError(_("You are not the third marker of this result."), code="role")
    if role == Role.FIRST and marker.pk in (result.second_marker_id, result.third_marker_id):
        # An independent marker must not also write the marking they are checking.
        raise ServiceError(
            _("The second or third marker cannot change the first marking."), code="role"
        )


def _validate_scores(
    criteria: Mapping[str, RubricCriterion], scores: Mapping[str, ScoreInput]
) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for code, entry in scores.items():
        criterion = criteria.get(code)
        if criterion is None:
            errors.setdefault("__all__", []).append(
                _("Unknown criterion “%(code)s”.") % {"code": code}
            )
            continue
        value = entry.score
        if isinstance(value, bool) or not isinstance(value, int):
            errors[code] = [
                _("A score for “%(criterion)s” must be a whole number.")
                % {"criterion": criterion.title}
            ]
        elif not 0 <= value <= criterion.max_score:
            errors[code] = [
                _("A score for “%(criterion)s” must be between 0 and %(max)s.")
                % {"criterion": criterion.title, "max": criterion.max_score}
            ]
    return errors


def _recompute(result: FinalResult, *, bump: bool = False) -> None:
    """Total and band from the scores that count; both stay empty until every criterion has one."""
    role = Role.THIRD if result.third_marker_id else Role.FIRST
    criteria = list(result.rubric.criteria.all())
    scores = dict(
        CriterionScore.objects.filter(result=result, role=role).values_list("criterion_id", "score")
    )
    if role == Role.THIRD and not scores:
        role = Role.FIRST
        scores = dict(
            CriterionScore.objects.filter(result=result, role=role).values_list(
                "criterion_id", "score"
            )
        )
    if criteria and all(c.pk in scores for c in criteria):
        result.total = sum(scores.values())
        result.band = result.rubric.band_for(result.total).code
    else:
        result.total = None
        result.band = ""
    fields = ["total", "band", "updated_at"]
    if bump:
        result.lock_version += 1
        fields.append("lock_version")
    result.save(update_fields=fields)


@transaction.atomic
def result_scores_save(
    *,
    result: FinalResult,
    marker,
    scores: Mapping[str, ScoreInput],
    role: str = Role.FIRST,
    reason: str = "",
    lock_version: int | None = None,
) -> FinalResult:
    """Save one marker's scores (criterion code → ScoreInput). All are checked before any is
    stored. `lock_version` is the version of the result the marker's page showed (None: not
    checked); if another trainer saved meanwhile, nothing is saved. After finalising only the
    scores that count may change, each with a reason, and the change is announced
    (`result_changed_after_finalising`)."""
    result = _locked(result)
    if lock_version is not None and result.lock_version != lock_version:
        raise ServiceError(STALE_SCORES_MESSAGE, code="stale")
    _refuse_if_left(result)
    _check_marker(result, marker=marker, role=role)
    criteria = {c.code: c for c in result.rubric.criteria.all()}
    errors = _validate_scores(criteria, scores)
    if errors:
        raise ServiceError(errors)
    # A plan never submitted may only be scored 0 (so that a trainee who hands in nothing can
    # still be given a result); any credit needs a submitted plan.
    credited = [code for code, entry in scores.items() if entry.score]
    refusal = plan_score_refusal(enrolment_id=result.enrolment_id, codes=credited)
    if refusal:
        raise ServiceError({PLAN: [refusal]}, code="plan_not_submitted")
    reason = (reason or "").strip()
    if result.is_finalised:
        if role == Role.SECOND:
            raise ServiceError(
                _("The result is finalised: the second marking can no longer change."),
                code="finalised",
            )
        if not reason:
            raise ServiceError(
                {"reason": [_("The result is finalised: give a reason for changing a score.")]},
                code="reason_required",
            )
    existing = {s.criterion_id: s for s in CriterionScore.objects.filter(result=result, role=role)}
    # New scores and the audit rows are written in one statement each (no signal listens to
    # either): a first marking of five criteria took ten inserts.
    created: list[CriterionScore] = []
    changes: list[ScoreChange] = []
    for code, entry in scores.items():
        criterion = criteria[code]
        current = existing.get(criterion.pk)
        comment = (entry.comment or "").strip()
        if current is None:
            old_score = None
            created.append(
                CriterionScore(
                    result=result,
                    criterion=criterion,
                    role=role,
                    score=entry.score,
                    comment=comment,
                    marker=marker,
                )
            )
        else:
            if current.score == entry.score and current.comment == comment:
                continue
            old_score = current.score
            current.score, current.comment, current.marker = entry.score, comment, marker
            current.save(update_fields=["score", "comment", "marker", "updated_at"])
            if old_score == entry.score:
                continue  # only the comment changed: not a score change
        changes.append(
            ScoreChange(
                result=result,
                criterion=criterion,
                role=role,
                changed_by=marker,
                old_score=old_score,
                new_score=entry.score,
                after_finalising=result.is_finalised,
                reason=reason,
            )
        )
    CriterionScore.objects.bulk_create(created)
    ScoreChange.objects.bulk_create(changes)
    score_changed = bool(changes)
    _recompute(result, bump=True)
    if result.is_finalised and score_changed:
        _send_on_commit(signals.result_changed_after_finalising, result)
    return result


def _totals_by_role(result: FinalResult) -> dict[str, tuple[int, int]]:
    """role → (number of criteria scored, total)."""
    out: dict[str, tuple[int, int]] = {}
    for s in CriterionScore.objects.filter(result=result).only("role", "score"):
        count, total = out.get(s.role, (0, 0))
        out[s.role] = (count + 1, total + s.score)
    return out


def result_needs_reconciliation(result: FinalResult) -> bool:
    """True when the second marker's total differs from the first by more than the threshold."""
    totals = _totals_by_role(result)
    n = result.rubric.criteria.count()
    first, second = totals.get(Role.FIRST), totals.get(Role.SECOND)
    if not first or not second or first[0] < n or second[0] < n:
        return False
    return abs(first[1] - second[1]) > marker_difference_threshold()


@transaction.atomic
def result_markers_assign(*, result: FinalResult, second_marker=None, third_marker=None):
    result = _locked(result)
    if result.is_finalised:
        raise ServiceError(_("The result is finalised: markers can no longer change."))
    result.second_marker = second_marker
    result.third_marker = third_marker
    result.save(update_fields=["second_marker", "third_marker", "updated_at"])
    _recompute(result)
    return result


@transaction.atomic
def result_agree(
    *,
    result: FinalResult,
    marker,
    scores: Mapping[str, ScoreInput],
    rationale: str,
    lock_version: int | None = None,
) -> FinalResult:
    """Reconcile two markers by agreement: the agreed scores replace the first marking, with a
    written rationale."""
    rationale = (rationale or "").strip()
    if not rationale:
        raise ServiceError(
            {"rationale": [_("Write the rationale for the agreed score.")]}, code="rationale"
        )
    result = result_scores_save(
        result=result, marker=marker, scores=scores, role=Role.FIRST, lock_version=lock_version
    )
    result.agreed_rationale = rationale
    result.save(update_fields=["agreed_rationale", "updated_at"])
    return result


@transaction.atomic
def result_finalise(*, result: FinalResult, finalised_by) -> FinalResult:
    """Lock the result on its rubric version. Refused while a criterion is unscored, while the
    second marker has not finished, or while two markers disagree beyond the threshold without a
    third marker's scores or an agreed score with its rationale."""
    result = _locked(result)
    _refuse_if_left(result)
    if result.is_finalised:
        raise ServiceError(_("This result is already finalised."), code="finalised")
    n = result.rubric.criteria.count()
    totals = _totals_by_role(result)
    if totals.get(Role.FIRST, (0, 0))[0] < n:
        raise ServiceError(_("Score every criterion before finalising."), code="incomplete")
    if result.second_marker_id and totals.get(Role.SECOND, (0, 0))[0] < n:
        raise ServiceError(
            _("The second marker has not scored every criterion yet."), code="second_incomplete"
        )
    if result_needs_reconciliation(result):
        third_done = result.third_marker_id and totals.get(Role.THIRD, (0, 0))[0] >= n
        if not third_done and not result.agreed_rationale:
            raise ServiceError(
                _(
                    "The two markers' totals differ by more than %(threshold)s points: a third "
                    "marker's scores or an agreed score with a written rationale is needed."
                )
                % {"threshold": marker_difference_threshold()},
                code="reconcile",
            )
    _recompute(result)
    result.status = FinalResult.Status.FINALISED
    result.finalised_at = timezone.now()
    result.finalised_by = finalised_by
    result.save(update_fields=["status", "finalised_at", "finalised_by", "updated_at"])
    _send_on_commit(signals.result_finalised, result)
    return result


@transaction.atomic
def result_release(*, result: FinalResult) -> FinalResult:
    """Make a finalised result visible to its trainee."""
    result = _locked(result)
    _refuse_if_left(result)
    if not result.is_finalised:
        raise ServiceError(
            _("Only a finalised result can be released to the trainee."), code="not_final"
        )
    if result.released_at is None:
        result.released_at = timezone.now()
        result.save(update_fields=["released_at", "updated_at"])
        result_released_notify(result=result)
    return result


@transaction.atomic
def result_score(
    *,
    enrolment,
    result: FinalResult | None,
    marker,
    role: str,
    scores: Mapping[str, ScoreInput],
    rationale: str = "",
    reason: str = "",
    lock_version: int | None = None,
    finalise: bool = False,
) -> FinalResult:
    """What the scoring page posts, all or nothing: the first result is started here so a
    refused first save leaves no empty draft behind; a first marker with a rationale records an
    agreement, anyone else saves their scores; `finalise` then finalises (the first marker only).
    `result` is the attempt the page showed (None: none yet)."""
    target = result or result_start(enrolment=enrolment)
    rationale = (rationale or "").strip()
    if role == Role.FIRST and rationale:
        result_agree(
            result=target,
            marker=marker,
            scores=scores,
            rationale=rationale,
            lock_version=lock_version,
        )
    else:
        result_scores_save(
            result=target,
            marker=marker,
            scores=scores,
            role=role,
            reason=reason,
            lock_version=lock_version,
        )
    if finalise:
        if role != Role.FIRST:
            raise ServiceError(_("Only the first marker finalises the result."))
        result_finalise(result=target, finalised_by=marker)
    return target
