"""Reads of the intermediate control per module and of the final test's item analysis: a
trainee's module results, the cohort × module grid, and the item analysis of a theory test (an
attempt's questions in their stored order are read in `quiz`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings

from cms.db.compiled import CompiledQuery


def controls_of_programme(*, programme) -> list:
    """The controls of the programme's modules, in the modules' order."""
    from course.models import ModulePage

    from ..models import ModuleControl

    return list(
        ModuleControl.objects.filter(module__in=ModulePage.objects.descendant_of(programme))
        .select_related("module")
        .order_by("module__path")
    )


@dataclass
class ControlCell:
    control: object
    attempts: int = 0
    best: object = None  # the best finished ControlAttempt
    case_status: str = ""
    due: bool = False  # on the cohort grid: the module's control is due (see cohort_control_grid)

    @property
    def percent(self) -> int | None:
        return self.best.percent if self.best else None

    @property
    def passed(self) -> bool:
        return bool(self.best and self.best.passed)

    @property
    def case_label(self) -> str:
        from ..models import CaseAnswer

        return str(CaseAnswer.Status(self.case_status).label) if self.case_status else ""


@dataclass
class GridRow:
    enrolment: object
    cells: list[ControlCell] = field(default_factory=list)

    @property
    def behind(self) -> list[ControlCell]:
        """The controls of modules already taught in the cohort (someone has taken them) that this
        trainee has not passed."""
        return [c for c in self.cells if not c.passed and c.due]


def _attempts_of(enrolment_ids, control_ids):
    from ..models import ControlAttempt

    return ControlAttempt.objects.filter(
        enrolment_id__in=enrolment_ids, control_id__in=control_ids
    ).order_by("number")


def _case_statuses_of(enrolment_ids, control_ids):
    from ..models import CaseAnswer

    return CaseAnswer.objects.filter(
        enrolment_id__in=enrolment_ids, control_id__in=control_ids
    ).values_list("enrolment_id", "control_id", "status")


def _controls_of_modules(module_ids):
    from ..models import ModuleControl

    return ModuleControl.objects.filter(module_id__in=module_ids)


# One trainee's reads (the dashboard's, on every visit) are compiled once (cms.db.compiled,
# issue 22); a cohort's go through the ORM (their shape changes with the cohort's size).
_attempts_of_one = CompiledQuery(_attempts_of)
_case_statuses_of_one = CompiledQuery(_case_statuses_of)
_controls_of = CompiledQuery(_controls_of_modules)


def _cells_for(*, controls, enrolments) -> dict[int, dict[int, ControlCell]]:
    cells = {e.pk: {c.pk: ControlCell(control=c) for c in controls} for e in enrolments}
    enrolment_ids, control_ids = [e.pk for e in enrolments], [c.pk for c in controls]
    one = len(enrolment_ids) == 1
    attempts = (_attempts_of_one if one else _attempts_of)(enrolment_ids, control_ids)
    for attempt in attempts:
        cell = cells[attempt.enrolment_id][attempt.control_id]
        cell.attempts += 1
        if attempt.is_finished and (cell.best is None or attempt.score > cell.best.score):
            cell.best = attempt
    statuses = (_case_statuses_of_one if one else _case_statuses_of)(enrolment_ids, control_ids)
    for enrolment_id, control_id, status in statuses:
        cells[enrolment_id][control_id].case_status = status
    return cells


def module_results_of_enrolment(*, enrolment, outline: list | None = None) -> list[ControlCell]:
    """The trainee's result in each module's control (best attempt, attempts used, case task).
    With the programme's `outline` (the dashboard has it): the controls of its published modules,
    selected by the modules' ids and no walk of the page tree; without, every module's (the
    completion rule counts them all)."""
    if outline is None:
        controls = controls_of_programme(programme=enrolment.cohort.programme)
    else:
        modules = {item.module.pk: item.module for item in outline}
        controls = sorted(
            _controls_of(list(modules)),
            key=lambda control: modules[control.module_id].path,
        )
        for control in controls:
            control.module = modules[control.module_id]
    if not controls:
        return []
    cells = _cells_for(controls=controls, enrolments=[enrolment])[enrolment.pk]
    return [cells[c.pk] for c in controls]


def cohort_control_grid(*, cohort) -> tuple[list, list[GridRow]]:
    """The cohort × module grid: the controls (columns) and one row per active trainee. A
    control is due once a quarter of the cohort has taken it (the module has been taught); a
    trainee who has not passed a due control is behind. Four queries whatever the cohort's size."""
    from course.models import Enrolment

    controls = controls_of_programme(programme=cohort.programme)
    enrolments = list(
        Enrolment.objects.filter(cohort=cohort, status=Enrolment.Status.ACTIVE)
        .select_related("trainee")
        .order_by("trainee__last_name", "trainee__first_name", "pk")
    )
    cells = _cells_for(controls=controls, enrolments=enrolments)
    taken = {c.pk: sum(1 for e in enrolments if cells[e.pk][c.pk].attempts) for c in controls}
    due = {c.pk: bool(enrolments) and taken[c.pk] * 4 >= len(enrolments) for c in controls}
    rows = []
    for enrolment in enrolments:
        row = GridRow(enrolment=enrolment)
        for control in controls:
            cell = cells[enrolment.pk][control.pk]
            cell.due = due[control.pk]
            row.cells.append(cell)
        rows.append(row)
    return controls, rows


def pass_percent() -> int:
    return settings.MODULE_CONTROL_PASS_PERCENT


@dataclass
class ItemRow:
    question: object
    stats: object
    options: list[tuple]  # (choice, times chosen, share of those asked)


def theory_item_analysis(*, test) -> tuple[int, list[ItemRow]]:
    """The item analysis of a theory test over each trainee's first finished attempt (later
    attempts repeat questions the trainee has already seen, which would flatter the items).
    Returns the number of trainees counted and one row per question asked at least once, weak
    questions first."""
    from ..item_analysis import Response, analyse
    from ..models import Choice, Question, TestAttempt

    firsts = {}
    for attempt in TestAttempt.objects.filter(test=test, finished_at__isnull=False).order_by(
        "number"
    ):
        firsts.setdefault(attempt.enrolment_id, attempt)
    attempts = list(firsts.values())
    asked = sorted({q for a in attempts for q in a.question_ids})
    questions = {q.pk: q for q in Question.objects.filter(pk__in=asked).prefetch_related("choices")}
    correct: dict[int, set[int]] = {}
    for question_id, choice_id in Choice.objects.filter(
        question_id__in=asked, is_correct=True
    ).values_list("question_id", "pk"):
        correct.setdefault(question_id, set()).add(choice_id)
    responses = []
    for attempt in attempts:
        picked = {
            q: frozenset(attempt.answers.get(str(q), []))
            for q in attempt.question_ids
            if q in questions
        }
        right = {q: bool(correct.get(q)) and set(p) == correct[q] for q, p in picked.items()}
        responses.append(Response(total=attempt.score or 0, picked=picked, right=right))
    stats = analyse(responses, {q: [c.pk for c in questions[q].choices.all()] for q in questions})
    rows = []
    for question_id, question in questions.items():
        item = stats[question_id]
        options = [
            (
                c,
                item.option_counts.get(c.pk, 0),
                item.option_counts.get(c.pk, 0) / item.answered if item.answered else 0,
            )
            for c in question.choices.all()
        ]
        rows.append(ItemRow(question=question, stats=item, options=options))
    rows.sort(key=lambda r: (not r.stats.is_weak, r.question.module_id, r.question.pk))
    return len(attempts), rows
