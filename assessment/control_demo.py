"""Demo module controls for `seed_demo`: the demo bank (control_demo_bank, marked as demo content)
in each module of the demo programme, a control per module with the cohort's settings, a case
task in module 1, and attempts by the demo cohort's trainees at the controls of the modules taught
so far and at the final test, so the cohort × module grid and the item analysis show figures.
Idempotent: what exists is left alone."""

from __future__ import annotations

import random

from .control_demo_bank import BANK

COHORT_CODE = "demo-2026"
CASE_TASK = (
    "Оқушы Б. (3-сынып) сабақтың басында жиі жылайды, әсіресе кесте өзгергенде. ПМПК "
    "ұсынымдарына сүйеніп, ассистенттің алғашқы үш қадамын жазыңыз (5–7 сөйлем).",
    "Ученик Б. (3 класс) часто плачет в начале урока, особенно когда меняется расписание. "
    "Опираясь на рекомендации ПМПК, опишите первые три шага ассистента (5–7 предложений).",
)
CASE_ANSWER = (
    "1) Ертеңгі кестені көрнекі түрде алдын ала көрсетемін. 2) Өзгеріс туралы ескертіп, "
    "таңдау карточкасын ұсынамын. 3) Бақылау парағына жылау уақыты мен алдындағы жағдайды жазамын."
)
# Modules whose control the cohort has taken so far: the course is under way.
TAKEN_MODULES = (1, 2, 3)


def _bank(modules) -> None:
    from .models import Choice, Question

    for module in modules:
        entries = BANK.get(module.number, [])
        if not entries or Question.objects.filter(module=module, is_demo=True).exists():
            continue
        for i, (text_kk, text_ru, options) in enumerate(entries):
            question = Question.objects.create(
                module=module, text_kk=text_kk, text_ru=text_ru, is_demo=True
            )
            # The right option is written first; it goes to place (i + module) mod 4.
            place = (i + module.number) % 4
            ordered = options[1:]
            ordered.insert(place, options[0])
            for n, (c_kk, c_ru) in enumerate(ordered):
                Choice.objects.create(
                    question=question,
                    text_kk=c_kk,
                    text_ru=c_ru,
                    is_correct=(c_kk, c_ru) == options[0],
                    sort_order=n,
                )


def _controls(modules, cohort, trainer) -> list:
    from . import services
    from .models import ControlSettings, ModuleControl

    controls = []
    for module in modules:
        control, _created = ModuleControl.objects.get_or_create(
            module=module,
            defaults={
                "question_count": 8,
                "is_demo": True,
                "case_task_kk": CASE_TASK[0] if module.number == 1 else "",
                "case_task_ru": CASE_TASK[1] if module.number == 1 else "",
            },
        )
        if not ControlSettings.objects.filter(control=control, cohort=cohort).exists():
            services.control_settings_save(
                control=control,
                cohort=cohort,
                by=trainer,
                time_limit_minutes=20,
                attempts_allowed=2,
            )
        controls.append(control)
    return controls


def _answers(question_ids, ability: float, rng: random.Random) -> dict[int, list[int]]:
    """Right with a chance that grows with the trainee's ability and falls with the question's
    difficulty; every tenth question is answered at random (a weak item for the analysis)."""
    from .models import Choice

    answers = {}
    choices: dict[int, list] = {}
    for choice in Choice.objects.filter(question_id__in=question_ids).order_by("sort_order"):
        choices.setdefault(choice.question_id, []).append(choice)
    for question_id in question_ids:
        options = choices.get(question_id, [])
        if not options:
            continue
        difficulty = (question_id * 37 % 10) / 20  # 0 … 0.45, fixed per question
        chance = 0.5 if question_id % 10 == 0 else min(0.97, ability + 0.35 - difficulty)
        if rng.random() < chance:
            picked = [c.pk for c in options if c.is_correct]
        else:
            picked = [rng.choice([c for c in options if not c.is_correct] or options).pk]
        answers[question_id] = picked
    return answers


def _attempts(controls, enrolments) -> None:
    from . import services
    from .models import ControlAttempt

    for i, enrolment in enumerate(enrolments):
        ability = 0.3 + 0.6 * ((i * 7) % len(enrolments)) / max(len(enrolments) - 1, 1)
        for control in controls:
            if control.module.number not in TAKEN_MODULES:
                continue
            # A few trainees have not taken the latest control yet: they show as behind.
            if control.module.number == TAKEN_MODULES[-1] and i % 4 == 3:
                continue
            if ControlAttempt.objects.filter(control=control, enrolment=enrolment).exists():
                continue
            rng = random.Random(i * 100 + control.module.number)
            attempt = services.control_attempt_start(control=control, enrolment=enrolment, rng=rng)
            attempt = services.control_attempt_submit(
                attempt=attempt, answers=_answers(attempt.question_ids, ability, rng)
            )
            if not attempt.passed and i % 2 == 0:  # half of those who failed tried again
                again = services.control_attempt_start(
                    control=control, enrolment=enrolment, rng=rng
                )
                services.control_attempt_submit(
                    attempt=again, answers=_answers(again.question_ids, ability + 0.15, rng)
                )


def _case_answers(control, enrolments, trainer) -> None:
    from . import services
    from .models import CaseAnswer

    for i, enrolment in enumerate(enrolments[:4]):
        if CaseAnswer.objects.filter(control=control, enrolment=enrolment).exists():
            continue
        answer = services.case_answer_submit(control=control, enrolment=enrolment, text=CASE_ANSWER)
        if i == 0:
            services.case_answer_review(answer=answer, by=trainer, decision="passed", feedback="")
        elif i == 1:
            services.case_answer_review(
                answer=answer,
                by=trainer,
                decision="rework",
                feedback="Үшінші қадамда ата-анамен байланысты да жазыңыз.",
            )


def _final_test(programme, enrolments) -> None:
    from . import services
    from .models import TestAttempt, TheoryTest

    test = TheoryTest.objects.filter(programme=programme).order_by("pk").first()
    if test is None:
        return
    if not test.questions_per_module:
        test.questions_per_module, test.question_count = 4, 20
        test.save(update_fields=["questions_per_module", "question_count"])
    for i, enrolment in enumerate(enrolments):
        if TestAttempt.objects.filter(test=test, enrolment=enrolment).exists():
            continue
        ability = 0.3 + 0.6 * ((i * 7) % len(enrolments)) / max(len(enrolments) - 1, 1)
        rng = random.Random(5000 + i)
        attempt = services.test_attempt_start(test=test, enrolment=enrolment, rng=rng)
        services.test_attempt_submit(
            attempt=attempt, answers=_answers(attempt.question_ids, ability, rng)
        )


def seed(result: dict) -> None:
    from course.models import Cohort, Enrolment, ModulePage

    cohort = Cohort.objects.filter(code=COHORT_CODE).select_related("programme").first()
    if cohort is None:
        return
    trainer = cohort.trainers.order_by("email").first()
    if trainer is None:
        return
    modules = list(ModulePage.objects.child_of(cohort.programme).order_by("number"))
    _bank(modules)
    controls = _controls(modules, cohort, trainer)
    enrolments = list(
        cohort.enrolments.filter(status=Enrolment.Status.ACTIVE).order_by("trainee__email", "pk")
    )
    if not enrolments:
        return
    _attempts(controls, enrolments)
    if controls:
        _case_answers(controls[0], enrolments, trainer)
    _final_test(cohort.programme, enrolments)
