"""What a cohort's trainers see on the cohort page (the trainer's home): per trainee, the works
accepted, the plan, the theory test and the final result; for the cohort, what is waiting for
them, with counts, and which deadlines have passed. A fixed number of queries, whatever the size
of the cohort."""

from __future__ import annotations

from dataclasses import dataclass, field

from .deadline import cohort_deadlines


@dataclass
class TraineeAssessment:
    row: object  # course.selectors.CohortRow: the enrolment, the name, the hours
    works_accepted: int = 0
    works_waiting: int = 0
    plan: object = None  # SupportPlan or None
    test_taken: bool = False
    result: object = None  # the latest FinalResult or None
    overdue: list[str] = field(default_factory=list)  # labels of what is overdue

    @property
    def enrolment(self):
        return self.row.enrolment


@dataclass
class CohortWaiting:
    works: int = 0
    plans: int = 0
    defences_to_schedule: int = 0
    scores_to_finalise: int = 0
    overdue_trainees: int = 0

    @property
    def total(self) -> int:
        return self.works + self.plans + self.defences_to_schedule + self.scores_to_finalise


@dataclass
class CohortAssessment:
    trainees: list[TraineeAssessment]
    waiting: CohortWaiting
    deadlines: dict
    works_total: int

    @property
    def deadline_rows(self) -> list[tuple[str, object]]:
        """(label, CohortDeadline or None) for practice, plan and theory, in that order."""
        from ..models import CohortDeadline

        return [(label, self.deadlines.get(value)) for value, label in CohortDeadline.What.choices]


def cohort_assessment(*, cohort, rows) -> CohortAssessment:
    """`rows`: the cohort page's trainee rows (course.selectors.cohort_table). Seven queries."""
    from django.db.models import Count, Q

    from ..models import FinalResult, Submission, SupportPlan, TestAttempt
    from .practice import assignments_count

    ids = [r.enrolment.pk for r in rows]
    works = {
        item["enrolment_id"]: item
        for item in Submission.objects.filter(enrolment_id__in=ids)
        .values("enrolment_id")
        .annotate(
            accepted=Count("pk", filter=Q(status=Submission.Status.ACCEPTED)),
            waiting=Count("pk", filter=Q(status=Submission.Status.SUBMITTED)),
        )
    }
    plans = {
        p.enrolment_id: p
        for p in SupportPlan.objects.filter(enrolment_id__in=ids)
        .select_related("defence")
        .only(
            "pk", "enrolment_id", "status", "submitted_at", "defence__plan_id", "defence__starts_at"
        )
    }
    tested = set(
        TestAttempt.objects.filter(enrolment_id__in=ids, finished_at__isnull=False).values_list(
            "enrolment_id", flat=True
        )
    )
    results = {}
    for result in FinalResult.objects.filter(enrolment_id__in=ids).order_by("attempt"):
        results[result.enrolment_id] = result  # ascending: the latest attempt is kept
    deadlines = cohort_deadlines(cohort_id=cohort.pk)
    works_total = assignments_count(programme=cohort.programme) if ids else 0

    waiting = CohortWaiting()
    trainees = []
    for row in rows:
        pk = row.enrolment.pk
        work = works.get(pk, {})
        plan = plans.get(pk)
        result = results.get(pk)
        item = TraineeAssessment(
            row=row,
            works_accepted=work.get("accepted", 0),
            works_waiting=work.get("waiting", 0),
            plan=plan,
            test_taken=pk in tested,
            result=result,
        )
        if row.enrolment.is_active:
            item.overdue = _overdue(item, deadlines, works_total)
        waiting.works += item.works_waiting
        if plan is not None and plan.is_submitted:
            waiting.plans += 1
            if getattr(plan, "defence", None) is None:
                waiting.defences_to_schedule += 1
        if result is not None and result.status == FinalResult.Status.DRAFT:
            waiting.scores_to_finalise += 1
        waiting.overdue_trainees += bool(item.overdue)
        trainees.append(item)
    return CohortAssessment(
        trainees=trainees, waiting=waiting, deadlines=deadlines, works_total=works_total
    )


def _overdue(item: TraineeAssessment, deadlines: dict, works_total: int) -> list[str]:
    """What this trainee has not handed in although its cohort deadline has passed."""
    from ..models import CohortDeadline

    What = CohortDeadline.What
    late = []
    practice = deadlines.get(What.PRACTICE)
    if practice and practice.is_overdue and item.works_accepted + item.works_waiting < works_total:
        late.append(What.PRACTICE.label)
    plan = deadlines.get(What.PLAN)
    if plan and plan.is_overdue and not (item.plan is not None and item.plan.is_submitted):
        late.append(What.PLAN.label)
    theory = deadlines.get(What.THEORY)
    if theory and theory.is_overdue and not item.test_taken:
        late.append(What.THEORY.label)
    return late
