"""The assessment part of a person's data export and account deletion (cms.personal_data).

Deleting an account removes the person's practice work, support plan, test attempts and final
results with their private files. Certificates are not touched: their frozen record stays
verifiable (the certificates app detaches it from the account)."""

from __future__ import annotations

from cms.private_files import delete_field_file_on_commit

from .models import (
    CaseAnswer,
    ControlAttempt,
    DefenceSlot,
    FinalResult,
    PlanAttachment,
    Submission,
    SubmissionFile,
    SubmissionVersion,
    SupportPlan,
    TestAttempt,
)

EXPORTED_MODELS = (
    "assessment.Submission",
    "assessment.SubmissionVersion",
    "assessment.SubmissionFile",
    "assessment.TestAttempt",
    "assessment.ControlAttempt",
    "assessment.CaseAnswer",
    "assessment.SupportPlan",
    "assessment.PlanReview",
    "assessment.ABCRecord",
    "assessment.PlanGoal",
    "assessment.PlanAttachment",
    "assessment.DefenceSlot",
    "assessment.FinalResult",
    "assessment.CriterionScore",
    "assessment.ScoreChange",
)


def export_personal_data(user) -> dict:
    """Everything assessment holds about the person: practice work with every version and file
    name, test attempts with the answers given, the support plan with its sections, ABC rows,
    goals, attachments, history and defence, and final results with every score and change."""
    from cms.personal_data import row

    submissions = (
        Submission.objects.filter(enrolment__trainee=user)
        .select_related("assignment__topic")
        .prefetch_related("versions__files")
    )
    plans = (
        SupportPlan.objects.filter(enrolment__trainee=user)
        .select_related("enrolment__cohort")
        .prefetch_related("reviews__by", "abc_records", "goals", "attachments")
    )
    results = (
        FinalResult.objects.filter(enrolment__trainee=user)
        .select_related("rubric", "enrolment__cohort")
        .prefetch_related("scores__criterion", "changes__criterion", "rubric__criteria")
    )
    return {
        "practice_work": [
            {
                "topic": s.assignment.topic.number,
                **row(s, exclude=("assignment", "enrolment", "lock_version")),
                "versions": [
                    {
                        **row(v, exclude=("submission",)),
                        "files": [f.name for f in v.files.all()],
                        "file_details": [row(f, exclude=("version",)) for f in v.files.all()],
                    }
                    for v in s.versions.all()
                ],
            }
            for s in submissions
        ],
        "theory_tests": [
            {
                "attempt": a.number,
                **row(a, exclude=("enrolment",)),
            }
            for a in TestAttempt.objects.filter(enrolment__trainee=user).select_related("test")
        ],
        "module_controls": [
            {"module": a.control.module.number, **row(a, exclude=("enrolment", "control"))}
            for a in ControlAttempt.objects.filter(enrolment__trainee=user).select_related(
                "control__module"
            )
        ],
        "case_answers": [
            {
                "module": c.control.module.number,
                **row(c, exclude=("enrolment", "control", "reviewed_by")),
            }
            for c in CaseAnswer.objects.filter(enrolment__trainee=user).select_related(
                "control__module"
            )
        ],
        "support_plans": [
            {
                **row(p, exclude=("enrolment", "lock_version")),
                "history": [
                    {"event": r.kind, "at": r.at.isoformat(), "feedback": r.feedback}
                    for r in p.reviews.all()
                ],
                "abc_records": [row(r, exclude=("plan",)) for r in p.abc_records.all()],
                "goals": [row(g, exclude=("plan",)) for g in p.goals.all()],
                "attachments": [row(a, exclude=("plan",)) for a in p.attachments.all()],
                "defence": _defence(p),
            }
            for p in plans
        ],
        "final_results": [
            {
                **row(r, exclude=("enrolment", "rubric")),
                "released": r.released_at is not None,
                "criteria": [
                    {"criterion": c.code, "score": score, "comment": comment}
                    for c, score, comment in r.criterion_scores()
                ],
                "all_scores": [
                    {"criterion": sc.criterion.code, **row(sc, exclude=("result", "criterion"))}
                    for sc in r.scores.all()
                ],
                "score_changes": [
                    {"criterion": ch.criterion.code, **row(ch, exclude=("result", "criterion"))}
                    for ch in r.changes.all()
                ],
            }
            for r in results
        ],
    }


def _defence(plan) -> dict | None:
    from cms.personal_data import row

    try:
        return row(plan.defence, exclude=("plan",))
    except DefenceSlot.DoesNotExist:
        return None


def erase_personal_data(user) -> None:
    """Remove the files from private storage, then the rows that would keep the enrolment (and so
    the account) from being deleted; the rest goes with the enrolment by cascade."""
    for model, lookup in (
        (SubmissionFile, "version__submission__enrolment__trainee"),
        (PlanAttachment, "plan__enrolment__trainee"),
    ):
        for row in model.objects.filter(**{lookup: user}):
            delete_field_file_on_commit(row.file)
    FinalResult.objects.filter(enrolment__trainee=user).delete()


def academic_records(user) -> list[str]:
    """Results with their scores and audit, test attempts and assessed work are what the grade
    rests on, so they are kept with the enrolment."""
    from django.utils.translation import gettext as _
    from django.utils.translation import ngettext

    sentences = [
        _(
            "Final result, attempt %(attempt)s (%(total)s points): its scores, markers and the "
            "audit of every score change."
        )
        % {"attempt": r.attempt, "total": r.total if r.total is not None else "—"}
        for r in FinalResult.objects.filter(enrolment__trainee=user).order_by("attempt")
    ]
    attempts = TestAttempt.objects.filter(enrolment__trainee=user).count()
    if attempts:
        sentences.append(
            ngettext(
                "%(count)d theory test attempt with its answers and score.",
                "%(count)d theory test attempts with their answers and scores.",
                attempts,
            )
            % {"count": attempts}
        )
    submitted = (
        SubmissionVersion.objects.filter(
            submission__enrolment__trainee=user, submitted_at__isnull=False
        ).exists()
        or SupportPlan.objects.filter(enrolment__trainee=user, submitted_at__isnull=False).exists()
    )
    if submitted:
        sentences.append(
            _(
                "Submitted practice work and support plan with the trainers' feedback (files "
                "about children are deleted on the retention schedule)."
            )
        )
    return sentences


def pseudonymise_personal_data(user) -> None:
    """Drafts that were never submitted are not academic records: they go, with their files once
    the transaction commits."""

    drafts = SubmissionVersion.objects.filter(
        submission__enrolment__trainee=user, submitted_at__isnull=True
    )
    for row in SubmissionFile.objects.filter(version__in=drafts):
        delete_field_file_on_commit(row.file)
    drafts.delete()
    Submission.objects.filter(enrolment__trainee=user, versions__isnull=True).delete()
    unsubmitted_plans = SupportPlan.objects.filter(
        enrolment__trainee=user, submitted_at__isnull=True
    )
    for row in PlanAttachment.objects.filter(plan__in=unsubmitted_plans):
        delete_field_file_on_commit(row.file)
    unsubmitted_plans.delete()


def child_files_sweep(*, today, months: int, kind: str) -> int:
    """Delete the practice or plan files of every enrolment whose course ended `months` ago: the
    latest certificate or statement, or the cohort's end when neither was issued. Files of an
    enrolment still studying are never touched. The row stays, marked with the date."""
    from django.db.models import Max
    from django.utils import timezone

    from cms.retention import child_files_due
    from course.models import Enrolment

    model, to_enrolment = {
        "practice": (SubmissionFile, "version__submission__enrolment"),
        "plan": (PlanAttachment, "plan__enrolment"),
    }[kind]
    rows = model.objects.filter(file_deleted_at__isnull=True).exclude(file="")
    enrolment_ids = set(rows.values_list(f"{to_enrolment}_id", flat=True))
    due = {
        e.pk
        for e in Enrolment.objects.filter(pk__in=enrolment_ids)
        .exclude(status=Enrolment.Status.ACTIVE)
        .select_related("cohort")
        # certificates sits above assessment: the reverse relation is named, not imported.
        .annotate(last_document=Max("certificates__issued_on"))
        if child_files_due(e.last_document or e.cohort.ends_on, today=today, months=months)
    }
    now, count = timezone.now(), 0
    for row in rows.filter(**{f"{to_enrolment}__in": due}).select_for_update():
        delete_field_file_on_commit(row.file)
        row.file, row.file_deleted_at = "", now
        row.save(update_fields=["file", "file_deleted_at"])
        count += 1
    return count
