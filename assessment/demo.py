"""Demo assessment data for `seed_demo`: assignments for every practice topic, graded case
studies, and finalised results across all four bands (some released) for the demo cohort made by
course/demo.py. Idempotent: a trainee who already has a submission or a result is left alone."""

from __future__ import annotations

COHORT_CODE = "demo-2026"

BRIEF_KK = (
    "<p>Сабақта немесе үзілісте бір оқушыны бақылаңыз. ABC жазбасын жасаңыз (алдындағы жағдай, "
    "мінез-құлық, салдары) және екі қолдау құралын таңдап, неге таңдағаныңызды негіздеңіз.</p>"
)
BRIEF_RU = (
    "<p>Понаблюдайте за одним учеником на уроке или на перемене. Составьте ABC-запись "
    "(антецедент, поведение, последствие), выберите два инструмента сопровождения и обоснуйте "
    "выбор.</p>"
)
BRIEF_EN = (
    "<p>Observe one learner in a lesson or a break. Write an ABC record (antecedent, behaviour, "
    "consequence), choose two support tools and justify the choice.</p>"
)
HAND_IN = (
    "Мәтін немесе файл (PDF, DOCX): ABC жазбасы, таңдалған құралдар, негіздеме.",
    "Текст или файл (PDF, DOCX): ABC-запись, выбранные инструменты, обоснование.",
    "Text or a file (PDF, DOCX): the ABC record, the tools chosen, the justification.",
)
CASE_TEXT = (
    "Оқушы А. (8 жас, 2-сынып). Алдындағы жағдай: мұғалім жаңа тапсырма береді. Мінез-құлық: "
    "дәптерін жабады, партаның астына кіреді. Салдары: ассистент тапсырманы өзі орындап береді. "
    "Құралдар: көрнекі кесте және тапсырманы қадамдарға бөлу."
)

# Two trainees per band: (theory, practice, plan, defence, participation).
BAND_SCORES = [
    ("excellent", (19, 27, 27, 9, 9)),
    ("excellent", (18, 26, 26, 9, 9)),
    ("good", (15, 22, 22, 8, 7)),
    ("good", (16, 24, 23, 8, 8)),
    ("satisfactory", (12, 16, 16, 6, 5)),
    ("satisfactory", (13, 19, 19, 7, 6)),
    ("fail", (5, 10, 10, 5, 5)),
    ("fail", (8, 12, 13, 5, 4)),
]
CODES = ("theory", "practice", "plan", "defence", "participation")
COMMENTS = {
    "excellent": "Терең талдау, құралдар нақты негізделген.",
    "good": "Жақсы жұмыс; мақсаттарды өлшенетін етіп жазыңыз.",
    "satisfactory": "Қажеттіліктерді талдау толық емес.",
    "fail": "Жоспардың құрылымы сақталмаған; қайта тапсыруға дайындалыңыз.",
}


def _assignments(programme):
    from course.models import TopicPage

    from .demo_briefs import BRIEFS
    from .models import Assignment

    made = []
    for topic in TopicPage.objects.descendant_of(programme).filter(kind="practice"):
        # Each practice topic its own brief; the generic one only for a topic it does not cover.
        brief_kk, brief_ru = BRIEFS.get(topic.number, (BRIEF_KK, BRIEF_RU))
        own_brief = topic.number in BRIEFS
        assignment, _created = Assignment.objects.get_or_create(
            topic=topic,
            defaults={
                "brief_kk": brief_kk,
                "brief_ru": brief_ru,
                "brief_en": "" if own_brief else BRIEF_EN,
                "hand_in_kk": HAND_IN[0],
                "hand_in_ru": HAND_IN[1],
                "hand_in_en": HAND_IN[2],
            },
        )
        if own_brief and assignment.brief_kk == BRIEF_KK:
            # An earlier demo gave every topic the one generic brief: replace it, once.
            assignment.brief_kk, assignment.brief_ru, assignment.brief_en = brief_kk, brief_ru, ""
            assignment.save(update_fields=["brief_kk", "brief_ru", "brief_en"])
        made.append(assignment)
    made.sort(key=lambda a: a.topic.sort_key)
    return made


def _graded_submissions(assignment, enrolments, trainers) -> None:
    from . import services
    from .models import Submission

    for i, enrolment in enumerate(enrolments):
        if Submission.objects.filter(assignment=assignment, enrolment=enrolment).exists():
            continue
        version = services.submission_draft_save(
            assignment=assignment, enrolment=enrolment, text=CASE_TEXT
        )
        if i % 5 == 4:
            continue  # a draft not handed in yet
        submission = services.submission_submit(
            submission=version.submission, anonymised_confirmed=True
        ).submission
        if i % 5 == 3:
            continue  # waiting in the grading queue
        decision = "returned" if i % 5 == 2 else "accepted"
        feedback = (
            "Салдарын толығырақ сипаттаңыз және екінші құралды негіздеңіз."
            if decision == "returned"
            else "Жақсы бақылау, құралдар дұрыс таңдалған."
        )
        submission.refresh_from_db()
        services.submission_review(
            submission=submission,
            reviewer=trainers[i % len(trainers)],
            decision=decision,
            feedback=feedback,
            lock_version=submission.lock_version,
        )


def _final_results(enrolments, trainers) -> None:
    from . import services
    from .models import FinalResult

    for i, (enrolment, (band, scores)) in enumerate(zip(enrolments, BAND_SCORES, strict=False)):
        if FinalResult.objects.filter(enrolment=enrolment).exists():
            continue
        marker = trainers[i % len(trainers)]
        # Every criterion is scored, the plan among them: so the plan was submitted first.
        _submitted_plan(enrolment)
        result = services.result_start(enrolment=enrolment)
        services.result_scores_save(
            result=result,
            marker=marker,
            scores={
                code: services.ScoreInput(score, COMMENTS[band])
                for code, score in zip(CODES, scores, strict=True)
            },
        )
        services.result_finalise(result=result, finalised_by=marker)
        if i % 2 == 0:
            services.result_release(result=result)


# One question per module for the demo bank: (kk, ru, en, choices [(kk, ru, en, correct)]).
QUESTIONS = [
    (
        "Инклюзивті білім берудің негізгі қағидасы қайсы?",
        "Какой принцип является основным в инклюзивном образовании?",
        "Which is the core principle of inclusive education?",
        [
            (
                "Әр баланың білім алу құқығы",
                "Право каждого ребёнка на образование",
                "Every child's right to education",
                True,
            ),
            (
                "Балаларды қабілетіне қарай бөлу",
                "Разделение детей по способностям",
                "Separating children by ability",
                False,
            ),
        ],
    ),
    (
        "Педагог-ассистент кімге көмектеседі?",
        "Кому помогает педагог-ассистент?",
        "Whom does the pedagogue-assistant support?",
        [
            (
                "Ерекше білім беру қажеттілігі бар бір білім алушыға",
                "Одному обучающемуся с ООП",
                "One learner with special educational needs",
                True,
            ),
            ("Бүкіл мектепке", "Всей школе", "The whole school", False),
        ],
    ),
    (
        "ABC жазбасында «A» нені білдіреді?",
        "Что означает «A» в ABC-записи?",
        "What does “A” stand for in an ABC record?",
        [
            ("Алдындағы жағдай (антецедент)", "Антецедент (что было до)", "Antecedent", True),
            ("Бағалау", "Оценка", "Assessment", False),
        ],
    ),
    (
        "Көмекті біртіндеп азайту не үшін қажет?",
        "Зачем постепенно уменьшать подсказки?",
        "Why fade prompts gradually?",
        [
            (
                "Баланың дербестігін дамыту үшін",
                "Чтобы развивать самостоятельность ребёнка",
                "To build the child's independence",
                True,
            ),
            (
                "Ассистенттің жұмысын азайту үшін",
                "Чтобы меньше работать ассистенту",
                "To save the assistant work",
                False,
            ),
        ],
    ),
    (
        "Жеке қолдау жоспарын кім бірге әзірлейді?",
        "Кто вместе разрабатывает индивидуальный план сопровождения?",
        "Who develops the individual support plan together?",
        [
            (
                "Мұғалім, мамандар және ата-аналар",
                "Учитель, специалисты и родители",
                "The teacher, specialists and parents",
                True,
            ),
            ("Тек ассистент", "Только ассистент", "The assistant alone", False),
        ],
    ),
]


def _theory_test(programme) -> None:
    from course.models import ModulePage

    from .models import Choice, Question, TheoryTest

    modules = list(ModulePage.objects.child_of(programme).order_by("number"))
    if not modules or Question.objects.filter(module__in=modules).exists():
        return
    for module, (kk, ru, en, choices) in zip(modules, QUESTIONS, strict=False):
        question = Question.objects.create(module=module, text_kk=kk, text_ru=ru, text_en=en)
        for c_kk, c_ru, c_en, correct in choices:
            Choice.objects.create(
                question=question, text_kk=c_kk, text_ru=c_ru, text_en=c_en, is_correct=correct
            )
    TheoryTest.objects.get_or_create(
        programme=programme,
        defaults={
            "title_kk": "Теориялық тест",
            "title_ru": "Теоретический тест",
            "title_en": "Theory test",
            "question_count": len(QUESTIONS),
            "time_limit_minutes": 30,
        },
    )


LATER_COHORT_CODE = "demo-2026-autumn"
RETURN_FEEDBACK = (
    "2-мақсат өлшенбейді: қанша рет және қалай есептейтініңізді жазыңыз. / Цель 2 не измерима: "
    "укажите, как часто и как вы будете считать."
)


def _submitted_plan(enrolment):
    """The enrolment's plan, written from the example plan and submitted through the services
    (the plan criterion is scored only on a submitted plan)."""
    from . import services
    from .models import SupportPlan
    from .pdf import example_plan

    existing = SupportPlan.objects.filter(enrolment=enrolment).first()
    if existing is not None:
        return existing
    sample, abc, goals = example_plan()
    data = {name: getattr(sample, name) for name in services.PLAN_FIELDS}
    plan = services.plan_save(
        enrolment=enrolment,
        data=data,
        abc_records=[
            {"antecedent": r.antecedent, "behaviour": r.behaviour, "consequence": r.consequence}
            for r in abc
        ],
        goals=[
            {"term": g.term, "goal": g.goal, "measure": g.measure, "target_date": g.target_date}
            for g in goals
        ],
    )
    return services.plan_submit(plan=plan, anonymised_confirmed=True)


def _returned_plan(enrolment, trainer) -> None:
    """One plan submitted and returned for revision, with feedback (the trainee's banner)."""
    from . import services
    from .models import SupportPlan

    if SupportPlan.objects.filter(enrolment=enrolment).exists():
        return
    plan = _submitted_plan(enrolment)
    services.plan_return(
        plan=plan, returned_by=trainer, feedback=RETURN_FEEDBACK, lock_version=plan.lock_version
    )


def _later_cohort_retake(cohort, enrolment, decided_by) -> None:
    """A trainee who did not pass, whose one retake is assessed with a later demo cohort."""
    import datetime

    from course.models import Cohort

    from . import services
    from .models import FinalResult

    first = FinalResult.objects.filter(enrolment=enrolment, attempt=1).first()
    if first is None or first.passed is not False:
        return
    later, _created = Cohort.objects.get_or_create(
        code=LATER_COHORT_CODE,
        defaults={
            "programme": cohort.programme,
            "name": "Демо ағын 2026, күз / Демо-поток 2026, осень",
            "language": cohort.language,
            "starts_on": cohort.starts_on + datetime.timedelta(weeks=16),
            "ends_on": cohort.ends_on + datetime.timedelta(weeks=16),
            "capacity": 30,
            "enrolment_key": "DEMO-2026-AUTUMN",
        },
    )
    if _created:
        later.trainers.add(decided_by)
    if not FinalResult.objects.filter(enrolment=enrolment, attempt=2).exists():
        services.result_assess_with_cohort(enrolment=enrolment, cohort=later, decided_by=decided_by)


def seed(result: dict) -> None:
    from course.models import Cohort

    cohort = Cohort.objects.filter(code=COHORT_CODE).select_related("programme").first()
    if cohort is None:
        return
    trainers = list(cohort.trainers.order_by("email"))
    if not trainers:
        return
    enrolments = list(cohort.enrolments.select_related("trainee").order_by("trainee__email", "pk"))
    assignments = _assignments(cohort.programme)
    if assignments:
        _graded_submissions(assignments[0], enrolments[:10], trainers)
    _final_results(enrolments[: len(BAND_SCORES)], trainers)
    _theory_test(cohort.programme)
    if len(enrolments) > len(BAND_SCORES):
        _returned_plan(enrolments[len(BAND_SCORES)], trainers[0])
    # The last of the "fail" trainees: released? Either way the retake goes to a later cohort.
    _later_cohort_retake(cohort, enrolments[len(BAND_SCORES) - 1], trainers[-1])
    from . import control_demo

    control_demo.seed(result)
