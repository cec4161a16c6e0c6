"""The assessment part of a person's data export and account deletion (cms.personal_data).

Deleting an account removes the person's practice work, support plan, test attempts and final
results with their private files. Certificates are not touched: their frozen record stays
verifiable (the certificates app detaches it from the account)."""

from __future__ import annotations

from .models import (
    FinalResult,
    PlanAttachment,
    Submission,
    SubmissionFile,
    SubmissionVersion,
    SupportPlan,
    TestAttempt,
)


def export_personal_data(user) -> dict:
    submissions = Submission.objects.filter(enrolment__trainee=user).select_related(
        "assignment__topic"
    )
    return {
        "practice_work": [
            {
                "topic": s.assignment.topic.number,
                "status": s.status,
                "versions": [
                    {
                        "number": v.number,
                        "text": v.text,
                        "submitted_at": v.submitted_at.isoformat() if v.submitted_at else None,
                        "feedback": v.feedback,
                        "decision": v.decision,
                        "files": [f.name for f in v.files.all()],
                    }
                    for v in s.versions.all()
                ],
            }
            for s in submissions.prefetch_related("versions__files")
        ],
        "theory_tests": [
            {
                "attempt": a.number,
                "score": a.score,
                "max_score": a.max_score,
                "finished_at": a.finished_at.isoformat() if a.finished_at else None,
            }
            for a in TestAttempt.objects.filter(enrolment__trainee=user)
        ],
        "support_plans": [
            {
                "status": p.status,
                "learner_code": p.learner_code,
                "history": [
                    {"event": r.kind, "at": r.at.isoformat(), "feedback": r.feedback}
                    for r in p.reviews.all()
                ],
            }
            for p in SupportPlan.objects.filter(enrolment__trainee=user).prefetch_related("reviews")
        ],
        "final_results": [
            {
                "attempt": r.attempt,
                "total": r.total,
                "band": r.band,
                "finalised_at": r.finalised_at.isoformat() if r.finalised_at else None,
                "released": r.released_at is not None,
                "criteria": [
                    {"criterion": c.code, "score": score, "comment": comment}
                    for c, score, comment in r.criterion_scores()
                ],
            }
            for r in FinalResult.objects.filter(enrolment__trainee=user)
            .select_related("rubric")
            .prefetch_related("scores", "rubric__criteria")
        ],
    }


def erase_personal_data(user) -> None:
    """Remove the files from private storage, then the rows that would keep the enrolment (and so
    the account) from being deleted; the rest goes with the enrolment by cascade."""
    for model, lookup in (
        (SubmissionFile, "version__submission__enrolment__trainee"),
        (PlanAttachment, "plan__enrolment__trainee"),
    ):
        for row in model.objects.filter(**{lookup: user}):
            row.file.delete(save=False)
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
    from cms.retention import delete_field_file_on_commit

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
