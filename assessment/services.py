"""Writes of the final assessment: starting an attempt, scoring, reconciling two markers,
finalising, releasing. Every refusal raises ValidationError with a message a person understands and
leaves the database as it was."""

from __future__ import annotations

import datetime as dt
import logging
import random
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cms.celery import enqueue_on_commit
from cms.private_files import delete_field_file_on_commit, discard_files, store_file

from . import rich_text, signals
from .models import (
    ABCRecord,
    Assignment,
    Choice,
    CriterionScore,
    DefenceSlot,
    FinalResult,
    PlanAttachment,
    PlanGoal,
    PlanReview,
    Question,
    RubricCriterion,
    ScoreChange,
    Submission,
    SubmissionFile,
    SubmissionVersion,
    SupportPlan,
    TestAttempt,
    TheoryTest,
)
from .selectors import current_rubric, marker_difference_threshold, retake_deadline

logger = logging.getLogger(__name__)

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
        raise ValidationError(
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
        raise ValidationError(
            _("The first attempt has not been finalised yet."), code="first_not_final"
        )
    first = existing[0]
    if not first.is_finalised:
        raise ValidationError(
            _("The first attempt has not been finalised yet."), code="first_not_final"
        )
    if first.passed:
        raise ValidationError(
            _("The trainee passed the final assessment: there is nothing to retake."),
            code="passed",
        )
    deadline = retake_deadline(enrolment=enrolment)
    if deadline is None or timezone.localdate() > deadline:
        raise ValidationError(
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
        raise ValidationError(_("This attempt has already been started."), code="exists")
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
        raise ValidationError(STALE_SCORES_MESSAGE, code="stale") from None


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
        raise ValidationError(
            _("The retake has already been scored: it can no longer move to another cohort."),
            code="retake_scored",
        )
    first = _check_retake_open(enrolment, existing[:1])
    home = enrolment.cohort
    cohort = Cohort.objects.select_related("programme").get(pk=cohort.pk)
    if cohort.programme_id != home.programme_id:
        raise ValidationError(
            _("Cohort %(code)s teaches another programme: choose a cohort of the same course.")
            % {"code": cohort.code},
            code="other_programme",
        )
    if cohort.starts_on <= home.starts_on or cohort.pk == home.pk:
        raise ValidationError(
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
        raise ValidationError(_("You are not the second marker of this result."), code="role")
    if role == Role.THIRD and result.third_marker_id != marker.pk:
        raise ValidationError(_("You are not the third marker of this result."), code="role")
    if role == Role.FIRST and marker.pk in (result.second_marker_id, result.third_marker_id):
        # An independent marker must not also write the marking they are checking.
        raise ValidationError(
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
        raise ValidationError(STALE_SCORES_MESSAGE, code="stale")
    _refuse_if_left(result)
    _check_marker(result, marker=marker, role=role)
    criteria = {c.code: c for c in result.rubric.criteria.all()}
    errors = _validate_scores(criteria, scores)
    if errors:
        raise ValidationError(errors)
    reason = (reason or "").strip()
    if result.is_finalised:
        if role == Role.SECOND:
            raise ValidationError(
                _("The result is finalised: the second marking can no longer change."),
                code="finalised",
            )
        if not reason:
            raise ValidationError(
                {"reason": [_("The result is finalised: give a reason for changing a score.")]},
                code="reason_required",
            )
    existing = {s.criterion_id: s for s in CriterionScore.objects.filter(result=result, role=role)}
    score_changed = False
    for code, entry in scores.items():
        criterion = criteria[code]
        current = existing.get(criterion.pk)
        comment = (entry.comment or "").strip()
        if current is None:
            old_score = None
            CriterionScore.objects.create(
                result=result,
                criterion=criterion,
                role=role,
                score=entry.score,
                comment=comment,
                marker=marker,
            )
        else:
            if current.score == entry.score and current.comment == comment:
                continue
            old_score = current.score
            current.score, current.comment, current.marker = entry.score, comment, marker
            current.save(update_fields=["score", "comment", "marker", "updated_at"])
            if old_score == entry.score:
                continue  # only the comment changed: not a score change
        ScoreChange.objects.create(
            result=result,
            criterion=criterion,
            role=role,
            changed_by=marker,
            old_score=old_score,
            new_score=entry.score,
            after_finalising=result.is_finalised,
            reason=reason,
        )
        score_changed = True
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
        raise ValidationError(_("The result is finalised: markers can no longer change."))
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
        raise ValidationError(
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
        raise ValidationError(_("This result is already finalised."), code="finalised")
    n = result.rubric.criteria.count()
    totals = _totals_by_role(result)
    if totals.get(Role.FIRST, (0, 0))[0] < n:
        raise ValidationError(_("Score every criterion before finalising."), code="incomplete")
    if result.second_marker_id and totals.get(Role.SECOND, (0, 0))[0] < n:
        raise ValidationError(
            _("The second marker has not scored every criterion yet."), code="second_incomplete"
        )
    if result_needs_reconciliation(result):
        third_done = result.third_marker_id and totals.get(Role.THIRD, (0, 0))[0] >= n
        if not third_done and not result.agreed_rationale:
            raise ValidationError(
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
        raise ValidationError(
            _("Only a finalised result can be released to the trainee."), code="not_final"
        )
    if result.released_at is None:
        result.released_at = timezone.now()
        result.save(update_fields=["released_at", "updated_at"])
    return result


# --- Practice work ------------------------------------------------------------------------


def _validated_files(files) -> list[tuple[object, str]]:
    """Check every upload before storing any: (file, sanitised name)."""
    from cms.uploads import validate_upload

    checked, errors = [], []
    for uploaded in files or ():
        try:
            checked.append((uploaded, validate_upload(uploaded)))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError({"files": errors}, code="files")
    return checked


def _store_attachments(checked, make_row) -> list[str]:
    """Store the uploads as rows made by `make_row(uploaded, name)`, all or none; returns the
    names of the files NOT stored (empty when all went well).

    Called after the typed text is saved: if the storage fails (a full disk), the text stays
    saved, the files of this save are removed from the storage and their rows rolled back (a
    savepoint), and the caller tells the person which files to attach again. The log names the
    error, never the files (their names may describe a child)."""
    written = []
    try:
        with transaction.atomic():
            for uploaded, name in checked:
                row = make_row(uploaded, name)
                store_file(row.file, uploaded, name)
                written.append(row.file.name)
                row.save()
    except OSError as error:
        if written:
            discard_files(row.file.storage, written)
        logger.error("attachments not stored: %s: %s", type(error).__name__, error.strerror)
        return [name for _uploaded, name in checked]
    return []


def _current_version(submission: Submission) -> SubmissionVersion | None:
    return submission.versions.order_by("-number").first()


@transaction.atomic
def submission_draft_save(
    *,
    assignment: Assignment,
    enrolment,
    text: str,
    files=(),
    remove_file_ids=(),
) -> SubmissionVersion:
    """Save the trainee's draft (the autosave and the Save draft button both come here). A
    submitted version is never changed; after "returned for revision" the first save opens the
    next version, starting from the returned text.

    The text is saved before the files: `version.unstored_files` names the files the storage
    could not take (a full disk), which the person must attach again; the text is kept."""
    checked = _validated_files(files)
    submission, _created = Submission.objects.select_for_update().get_or_create(
        assignment=assignment, enrolment=enrolment
    )
    if submission.status == Submission.Status.SUBMITTED:
        raise ValidationError(
            _("Your work is submitted and waiting for review: it can no longer be changed."),
            code="submitted",
        )
    if submission.status == Submission.Status.ACCEPTED:
        raise ValidationError(_("Your work is accepted: it can no longer be changed."))
    version = _current_version(submission)
    if version is None or not version.is_draft:
        version = SubmissionVersion.objects.create(
            submission=submission,
            number=(version.number + 1) if version else 1,
            text=version.text if version else "",
        )
        submission.status = Submission.Status.DRAFT
        submission.lock_version += 1
        submission.save(update_fields=["status", "lock_version", "updated_at"])
    # Every path that stores an answer comes through here, so the HTML is cleaned here once.
    version.text = rich_text.sanitise(text or "")
    version.save(update_fields=["text", "saved_at"])
    if remove_file_ids:
        for stored in version.files.filter(pk__in=list(remove_file_ids)):
            delete_field_file_on_commit(stored.file)
            stored.delete()
    version.unstored_files = _store_attachments(
        checked,
        lambda uploaded, name: SubmissionFile(version=version, name=name, size=uploaded.size),
    )
    return version


@transaction.atomic
def submission_submit(*, submission: Submission, anonymised_confirmed: bool) -> SubmissionVersion:
    """Hand the current draft in. Refused without the confirmation that the child is anonymised,
    and for an empty draft."""
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    version = _current_version(submission)
    if version is None or not version.is_draft:
        raise ValidationError(_("There is no draft to submit."), code="no_draft")
    if not anonymised_confirmed:
        raise ValidationError(
            {
                "anonymised": [
                    _(
                        "Confirm that the child is anonymised: no name, school, photo or "
                        "scanned PMPK conclusion."
                    )
                ]
            },
            code="not_anonymised",
        )
    if not version.text.strip() and not version.files.exists():
        raise ValidationError(
            _("The draft is empty: write your answer or attach a file."), code="empty"
        )
    now = timezone.now()
    version.anonymised_confirmed = True
    version.submitted_at = now
    version.save(update_fields=["anonymised_confirmed", "submitted_at", "saved_at"])
    submission.status = Submission.Status.SUBMITTED
    submission.submitted_at = now
    submission.lock_version += 1
    submission.save(update_fields=["status", "submitted_at", "lock_version", "updated_at"])
    return version


@transaction.atomic
def submission_review(
    *,
    submission: Submission,
    reviewer,
    decision: str,
    feedback: str,
    lock_version: int,
) -> Submission:
    """Accept the submitted version or return it for revision, with feedback. `lock_version` is
    the version of the record the reviewer saw: if another reviewer saved meanwhile, this save is
    refused instead of overwriting theirs."""
    feedback = (feedback or "").strip()
    if decision not in SubmissionVersion.Decision.values:
        raise ValidationError({"decision": [_("Choose: accept or return for revision.")]})
    if decision == SubmissionVersion.Decision.RETURNED and not feedback:
        raise ValidationError(
            {"feedback": [_("Write feedback so the trainee knows what to revise.")]},
            code="feedback_required",
        )
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.lock_version != lock_version:
        raise ValidationError(
            _(
                "This submission was changed by someone else while you had it open. Your review "
                "was not saved: read the current state below and decide again."
            ),
            code="stale",
        )
    if submission.status != Submission.Status.SUBMITTED:
        raise ValidationError(_("Only submitted work can be reviewed."), code="not_submitted")
    version = _current_version(submission)
    version.decision = decision
    version.feedback = feedback
    version.decided_by = reviewer
    version.decided_at = timezone.now()
    version.save(update_fields=["decision", "feedback", "decided_by", "decided_at", "saved_at"])
    submission.status = (
        Submission.Status.ACCEPTED
        if decision == SubmissionVersion.Decision.ACCEPTED
        else Submission.Status.RETURNED
    )
    submission.lock_version += 1
    submission.save(update_fields=["status", "lock_version", "updated_at"])
    if submission.status == Submission.Status.ACCEPTED:
        from course.services import topic_complete

        topic_complete(
            enrolment=submission.enrolment,
            topic=submission.assignment.topic,
            source="practice_accepted",
        )
    return submission


# --- Theory test --------------------------------------------------------------------------

# Answers sent this long after the time limit still count: a slow connection is not cheating.
TIME_LIMIT_GRACE = dt.timedelta(seconds=60)


@transaction.atomic
def test_attempt_start(*, test: TheoryTest, enrolment) -> TestAttempt:
    """Draw the questions for a new attempt, or return the attempt still in progress."""
    from course.models import ModulePage

    attempts = list(
        TestAttempt.objects.select_for_update()
        .filter(test=test, enrolment=enrolment)
        .order_by("number")
    )
    open_attempt = next((a for a in attempts if not a.is_finished), None)
    if open_attempt is not None:
        return open_attempt
    if len(attempts) >= test.attempts_allowed:
        raise ValidationError(
            _("You have used all %(n)s attempts at this test.") % {"n": test.attempts_allowed},
            code="attempts_used",
        )
    modules = ModulePage.objects.descendant_of(test.programme)
    pool = list(Question.objects.filter(module__in=modules).values_list("pk", flat=True))
    if not pool:
        raise ValidationError(_("The test has no questions yet."), code="empty")
    drawn = random.sample(pool, min(test.question_count, len(pool)))
    now = timezone.now()
    return TestAttempt.objects.create(
        test=test,
        enrolment=enrolment,
        number=len(attempts) + 1,
        question_ids=drawn,
        deadline=now + dt.timedelta(minutes=test.time_limit_minutes)
        if test.time_limit_minutes
        else None,
        max_score=len(drawn),
    )


@transaction.atomic
def test_attempt_submit(*, attempt: TestAttempt, answers: Mapping[int, list[int]]) -> TestAttempt:
    """Score the attempt: a question counts when the chosen set equals the correct set (a
    multiple-choice question is all or nothing). Answers after the time limit are not counted."""
    attempt = TestAttempt.objects.select_for_update().get(pk=attempt.pk)
    if attempt.is_finished:
        raise ValidationError(_("This attempt is already finished."), code="finished")
    now = timezone.now()
    late = attempt.deadline is not None and now > attempt.deadline + TIME_LIMIT_GRACE
    kept = {} if late else {str(q): sorted(set(c)) for q, c in answers.items()}
    correct: dict[int, set[int]] = {}
    for question_id, choice_id in Choice.objects.filter(
        question_id__in=attempt.question_ids, is_correct=True
    ).values_list("question_id", "pk"):
        correct.setdefault(question_id, set()).add(choice_id)
    attempt.answers = {q: c for q, c in kept.items() if int(q) in attempt.question_ids}
    attempt.score = sum(
        1
        for q in attempt.question_ids
        if correct.get(q) and set(attempt.answers.get(str(q), [])) == correct[q]
    )
    attempt.finished_at = now
    attempt.save(update_fields=["answers", "score", "finished_at"])
    if late:
        raise_after = _("Time was up at %(time)s: answers sent later are not counted.") % {
            "time": timezone.localtime(attempt.deadline).strftime("%H:%M")
        }
        attempt.late_message = raise_after
    return attempt


# --- Individual support plan --------------------------------------------------------------

PLAN_FIELDS = (
    "learner_code",
    "learner_age",
    "learner_class",
    "sen_group",
    "recommendations",
    "strengths",
    "barriers",
    "tools",
    "tools_rationale",
    "role_teacher",
    "role_specialists",
    "role_parents",
    "monitoring_indicators",
    "monitoring_method",
    "monitoring_frequency",
    "monitoring_recorder",
    "review_date",
)


@transaction.atomic
def plan_save(
    *,
    enrolment,
    data: Mapping,
    abc_records: list[dict] | None = None,
    goals: list[dict] | None = None,
    files=(),
    remove_file_ids=(),
) -> SupportPlan:
    """Save the plan as a draft (any part may still be empty). ABC records and goals, when given,
    replace the stored ones. A submitted plan no longer changes. The text is saved before the
    files: `plan.unstored_files` names the files the storage could not take (a full disk)."""
    checked = _validated_files(files)
    plan, _created = SupportPlan.objects.select_for_update().get_or_create(enrolment=enrolment)
    if not plan.is_editable:
        raise ValidationError(
            _("The plan is submitted: it can no longer be changed."), code="submitted"
        )
    for name in PLAN_FIELDS:
        if name in data:
            setattr(plan, name, data[name])
    plan.save()
    if abc_records is not None:
        plan.abc_records.all().delete()
        ABCRecord.objects.bulk_create([ABCRecord(plan=plan, **row) for row in abc_records])
    if goals is not None:
        plan.goals.all().delete()
        PlanGoal.objects.bulk_create([PlanGoal(plan=plan, **row) for row in goals])
    if remove_file_ids:
        for stored in plan.attachments.filter(pk__in=list(remove_file_ids)):
            delete_field_file_on_commit(stored.file)
            stored.delete()
    plan.unstored_files = _store_attachments(
        checked, lambda uploaded, name: PlanAttachment(plan=plan, name=name, size=uploaded.size)
    )
    return plan


def plan_missing_parts(plan: SupportPlan) -> list[str]:
    """What a complete plan still lacks, in words the trainee understands."""
    missing = []
    if not (plan.learner_code and plan.learner_age and plan.learner_class and plan.sen_group):
        missing.append(_("1. The learner: code, age, class and group of support needs."))
    if not (plan.strengths.strip() and plan.barriers.strip()) or not plan.abc_records.exists():
        missing.append(
            _("2. Needs analysis: strengths, barriers and at least one ABC observation.")
        )
    terms = set(plan.goals.values_list("term", flat=True))
    if not {PlanGoal.Term.SHORT, PlanGoal.Term.LONG} <= terms:
        missing.append(_("3. Goals: at least one short-term and one long-term goal."))
    if not plan.tools or not plan.tools_rationale.strip():
        missing.append(_("4. Support tools: choose tools and explain why."))
    if not (plan.role_teacher.strip() and plan.role_parents.strip()):
        missing.append(_("5. Roles: at least the teacher's and the parents' part."))
    if not (
        plan.monitoring_indicators.strip()
        and plan.monitoring_method
        and plan.monitoring_frequency
        and plan.monitoring_recorder
        and plan.review_date
    ):
        missing.append(_("6. Monitoring: indicators, method, frequency, who records, review date."))
    return missing


@transaction.atomic
def plan_submit(*, plan: SupportPlan, anonymised_confirmed: bool, submitted_by=None) -> SupportPlan:
    """Hand the plan in, or hand it in again after it was returned for revision; either is kept
    in the plan's history."""
    plan = SupportPlan.objects.select_for_update().select_related("enrolment").get(pk=plan.pk)
    if plan.is_submitted:
        raise ValidationError(_("The plan is already submitted."), code="submitted")
    errors = []
    if not anonymised_confirmed:
        errors.append(
            _(
                "Confirm that the child is anonymised: no name, school, photo or scanned PMPK "
                "conclusion."
            )
        )
    errors += plan_missing_parts(plan)
    if errors:
        raise ValidationError(errors, code="incomplete")
    was_returned = plan.is_returned
    plan.status = SupportPlan.Status.SUBMITTED
    plan.anonymised_confirmed = True
    plan.submitted_at = timezone.now()
    plan.lock_version += 1
    plan.save(
        update_fields=[
            "status",
            "anonymised_confirmed",
            "submitted_at",
            "lock_version",
            "updated_at",
        ]
    )
    PlanReview.objects.create(
        plan=plan,
        kind=PlanReview.Kind.RESUBMITTED if was_returned else PlanReview.Kind.SUBMITTED,
        by=submitted_by or plan.enrolment.trainee,
        at=plan.submitted_at,
    )
    return plan


def plan_may_be_returned_by(plan: SupportPlan, user) -> bool:
    """The trainers who assess the trainee (the own cohort's, or the later cohort's when the
    retake is assessed there) and staff may return a plan."""
    from cms.roles import is_registrar

    from .selectors import assessing_cohorts

    if user.is_staff or is_registrar(user):
        return True
    return assessing_cohorts(enrolment=plan.enrolment).filter(trainers=user).exists()


@transaction.atomic
def plan_return(*, plan: SupportPlan, returned_by, feedback: str, lock_version: int) -> PlanReview:
    """Send a submitted plan back to the trainee for revision, with written feedback. Refused
    without feedback, for a plan that is not submitted, once the final result is finalised, and
    when the plan changed since the trainer opened it (`lock_version`). The trainee is emailed
    after the commit."""
    feedback = (feedback or "").strip()
    if not feedback:
        raise ValidationError(
            {"feedback": [_("Write feedback so the trainee knows what to revise.")]},
            code="feedback_required",
        )
    plan = SupportPlan.objects.select_for_update().select_related("enrolment").get(pk=plan.pk)
    if plan.lock_version != lock_version:
        raise ValidationError(
            _(
                "This plan was changed while you had it open (resubmitted or returned by someone "
                "else). It was not returned: read its current state below and decide again."
            ),
            code="stale",
        )
    if not plan.is_submitted:
        raise ValidationError(
            _("Only a submitted plan can be returned for revision."), code="not_submitted"
        )
    latest = FinalResult.objects.filter(enrolment=plan.enrolment).order_by("-attempt").first()
    if latest is not None and latest.is_finalised:
        raise ValidationError(
            _(
                "The final result is already finalised: the plan it was scored on can no longer "
                "be returned."
            ),
            code="finalised",
        )
    now = timezone.now()
    plan.status = SupportPlan.Status.RETURNED
    plan.lock_version += 1
    plan.save(update_fields=["status", "lock_version", "updated_at"])
    review = PlanReview.objects.create(
        plan=plan, kind=PlanReview.Kind.RETURNED, feedback=feedback, by=returned_by, at=now
    )
    from .tasks import plan_returned_email_task

    review_id = review.pk
    enqueue_on_commit(plan_returned_email_task, review_id)
    return review


def plan_returned_notify(*, review: PlanReview) -> None:
    """Email the trainee that the plan was returned, with the feedback, in their language."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    from cms.emails import language_of, templated_email

    trainee = review.plan.enrolment.trainee
    language = language_of(trainee)
    with translation.override(language):
        link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("assessment:plan_edit")
    templated_email(
        template="assessment/email/plan_returned",
        context={"review": review, "trainee": trainee, "link": link},
        language=language,
        to=[trainee.email],
    ).send()


@transaction.atomic
def defence_schedule(
    *, plan: SupportPlan, starts_at, duration_minutes: int, place: str, scheduled_by
) -> DefenceSlot:
    """Book (or move) the defence; the trainee is emailed an invitation with an .ics file after
    the commit."""
    if not plan.is_submitted:
        raise ValidationError(
            _("The defence can be scheduled once the plan is submitted."), code="not_submitted"
        )
    if not (place or "").strip():
        raise ValidationError({"place": [_("Give the room or the link.")]}, code="place")
    if starts_at <= timezone.now():
        raise ValidationError({"starts_at": [_("Choose a time in the future.")]}, code="past")
    slot, _created = DefenceSlot.objects.update_or_create(
        plan=plan,
        defaults={
            "starts_at": starts_at,
            "duration_minutes": duration_minutes,
            "place": place.strip(),
            "scheduled_by": scheduled_by,
            "emailed_at": None,
        },
    )
    from .tasks import defence_invitation_send_task

    slot_id = slot.pk
    enqueue_on_commit(defence_invitation_send_task, slot_id)
    return slot


@transaction.atomic
def defence_record_held(*, plan: SupportPlan, held_on: dt.date, assessed_by) -> DefenceSlot:
    """Record the defence of the plan as held: when, and who assessed it (a condition of the
    certificate)."""
    slot = DefenceSlot.objects.select_for_update().filter(plan=plan).first()
    if slot is None:
        raise ValidationError(
            _("Schedule the defence before recording it as held."), code="not_scheduled"
        )
    if not plan.is_submitted:
        raise ValidationError(
            _("The plan is not submitted: its defence cannot be recorded."), code="not_submitted"
        )
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": [_("The defence cannot be held in the future.")]})
    slot.held_on, slot.assessed_by = held_on, assessed_by
    slot.save(update_fields=["held_on", "assessed_by"])
    return slot


def defence_invitation_send(*, slot: DefenceSlot) -> None:
    """Email the trainee the defence slot with an .ics calendar file, in their language."""
    from django.utils import translation

    from cms.emails import language_of, templated_email
    from cms.ics import ics_event

    trainee = slot.plan.enrolment.trainee
    language = language_of(trainee)
    message = templated_email(
        template="assessment/email/defence",
        context={"slot": slot, "trainee": trainee},
        language=language,
        to=[trainee.email],
    )
    with translation.override(language):
        summary = _("Defence of the individual support plan")
    message.attach(
        "defence.ics",
        ics_event(
            uid=f"defence-{slot.pk}@pa-lms",
            starts_at=slot.starts_at,
            duration_minutes=slot.duration_minutes,
            summary=str(summary),
            location=slot.place,
            organizer_email=slot.scheduled_by.email,
        ),
        "text/calendar; method=REQUEST; charset=utf-8",
    )
    message.send()
    DefenceSlot.objects.filter(pk=slot.pk).update(emailed_at=timezone.now())
