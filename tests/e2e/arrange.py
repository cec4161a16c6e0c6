"""What a journey needs to exist before a person starts it, made inside the site under test.

Run by Server.arrange() through `manage.py shell` in the server's own settings (this folder is on
its PYTHONPATH); each function prints one JSON object. Only what the journey's person could not do
in the browser is arranged here — the journey itself is done in the browser."""

from __future__ import annotations

import datetime
import json


def _today():
    """The course's date (Asia/Almaty), not the machine's: after 19:00 UTC they differ."""
    from django.utils import timezone

    return timezone.localdate()


def _person(email: str, password: str, first: str, last: str, *, profile: bool = True):
    from allauth.account.models import EmailAddress

    from cms.models import TraineeProfile, User
    from cms.roles import TRAINEE
    from cms.services import role_assign

    user, _ = User.objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last}
    )
    user.set_password(password)
    user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    if profile:
        TraineeProfile.objects.update_or_create(
            user=user,
            defaults={
                "surname_kk": last,
                "given_name_kk": first,
                "surname_ru": last,
                "given_name_ru": first,
            },
        )
    role_assign(user=user, role=TRAINEE)
    return user


def _certified(holder, *, cohort_code: str, score: int):
    """The holder's completed enrolment in a cohort that ended in October, and its certificate
    (band "good")."""
    from certificates.services import certificate_issue
    from course.models import Enrolment

    cohort = _cohort(
        cohort_code, starts_on=datetime.date(2026, 9, 1), ends_on=datetime.date(2026, 10, 15)
    )
    enrolment, _ = Enrolment.objects.get_or_create(
        cohort=cohort, trainee=holder, defaults={"status": Enrolment.Status.COMPLETED}
    )
    _completion_met(enrolment)
    return certificate_issue(enrolment=enrolment, score=score, band="good")


def _completion_met(enrolment) -> None:
    """What the completion rule asks before a certificate: every topic, every practice work, the
    test, the plan and its defence (held two days before the cohort's end)."""
    from certificates.demo import meet_rule

    assessor = _person("assessor@e2e.kz", "e2e-assessor-not-for-sign-in", "Бағалаушы", "Тренер")
    meet_rule(enrolment, assessor, day=enrolment.cohort.ends_on - datetime.timedelta(days=2))


def _cohort(code: str, *, key: str = "", starts_on=None, ends_on=None):
    from course.models import Cohort, ProgrammePage

    today = _today()
    cohort, _ = Cohort.objects.get_or_create(
        code=code,
        defaults={
            "programme": ProgrammePage.objects.get(locale__language_code="kk"),
            "name": f"E2E {code}",
            "starts_on": starts_on or today - datetime.timedelta(days=7),
            "ends_on": ends_on or today + datetime.timedelta(days=30),
            "enrolment_key": key,
        },
    )
    return cohort


def certificates(password: str) -> None:
    """Two holders of a finished cohort: one valid certificate, one revoked."""
    from certificates.services import certificate_issue, certificate_revoke
    from course.models import Enrolment

    cohort = _cohort(
        "e2e-graduates",
        starts_on=datetime.date(2026, 9, 1),
        ends_on=datetime.date(2026, 10, 15),
    )
    made = {}
    for status, (email, first, last) in {
        "valid": ("holder.valid@e2e.kz", "Айгерім", "Сәрсенбаева"),
        "revoked": ("holder.revoked@e2e.kz", "Гүлнар", "Өтебаева"),
    }.items():
        user = _person(email, password, first, last)
        enrolment, _ = Enrolment.objects.get_or_create(
            cohort=cohort, trainee=user, defaults={"status": Enrolment.Status.COMPLETED}
        )
        _completion_met(enrolment)
        certificate = certificate_issue(
            enrolment=enrolment, score=88, band="excellent", issued_on=datetime.date(2026, 10, 20)
        )
        if status == "revoked" and certificate.status == certificate.Status.VALID:
            certificate = certificate_revoke(
                certificate=certificate,
                revoked_by=None,
                reason="requirements_not_met",
                note="Қорытынды жұмыс көшірілген / Итоговая работа списана",
            )
        made[status] = {"code": certificate.code, "email": email, "surname": last}
    print(json.dumps(made, ensure_ascii=False))


def open_cohort(key: str) -> None:
    """A cohort that has started, open to join with `key`, and the published course agreement."""
    from course.models import CourseAgreement

    CourseAgreement.objects.get_or_create(
        version="e2e-1",
        defaults={
            "text_kk": "<p>Тыңдаушы курстың барлық тақырыптарын оқуға міндеттенеді.</p>",
            "text_ru": "<p>Слушатель обязуется изучить все темы курса.</p>",
            "text_en": "<p>The trainee undertakes to study every topic of the course.</p>",
        },
    )
    cohort = _cohort("e2e-open", key=key)
    assignment = _first_assignment()
    print(
        json.dumps(
            {"code": cohort.code, "name": cohort.name, "assignment": assignment.pk},
            ensure_ascii=False,
        )
    )


def _first_assignment():
    """The task of the first practice topic, as the methodologist sets it in the admin."""
    from assessment.models import Assignment
    from course.models import TopicPage

    topic = (
        TopicPage.objects.filter(kind="practice", locale__language_code="kk")
        .order_by("path")
        .first()
    )
    assignment, _ = Assignment.objects.get_or_create(
        topic=topic,
        defaults={
            "brief_kk": "<p>Бір баланың жағдайын анонимді түрде сипаттаңыз.</p>",
            "brief_ru": "<p>Опишите случай одного ребёнка анонимно.</p>",
            "brief_en": "<p>Describe one child's case anonymously.</p>",
            "hand_in_kk": "Жағдаят сипаттамасы және бақылау кестесі.",
            "hand_in_ru": "Описание случая и таблица наблюдений.",
            "hand_in_en": "The case description and an observation table.",
        },
    )
    return assignment


def trainer_case(password: str, totp_secret: str) -> None:
    """A trainer with an authenticator app, their cohort with a live session today, and one
    trainee who has handed in the first practice case with a file."""
    from datetime import timedelta

    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.utils import timezone

    from assessment.services import submission_draft_save, submission_submit
    from cms.roles import TRAINER
    from cms.services import mfa_totp_activate, role_assign
    from course.models import Enrolment, LiveSession

    trainer = _person("trainer@e2e.kz", password, "Айгүл", "Омарова", profile=False)
    role_assign(user=trainer, role=TRAINER)
    mfa_totp_activate(user=trainer, secret=totp_secret)
    trainee = _person("trainee.graded@e2e.kz", password, "Жанар", "Мұратова")
    cohort = _cohort("e2e-taught")
    cohort.trainers.add(trainer)
    enrolment, _ = Enrolment.objects.get_or_create(
        cohort=cohort,
        trainee=trainee,
        defaults={
            "status": Enrolment.Status.ACTIVE,
            "agreement_accepted_at": timezone.now(),
            "agreement_version": "e2e-1",
        },
    )
    assignment = _first_assignment()
    session, _ = LiveSession.objects.get_or_create(
        cohort=cohort,
        topic=assignment.topic,
        # Started an hour ago, whatever the hour the test runs at: "10:00 today" is still
        # ahead of the clock before 10:00, and the register opens only once a session starts.
        defaults={"starts_at": timezone.now() - timedelta(hours=1)},
    )
    png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
        b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7"
        b"\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    version = submission_draft_save(
        assignment=assignment,
        enrolment=enrolment,
        text="Оқушы А. (8 жас): визуалды кесте мен үзілістер көмектеседі.",
        files=[SimpleUploadedFile("кесте.png", png, content_type="image/png")],
    )
    submission_submit(submission=version.submission, anonymised_confirmed=True)
    # The trainee has handed in the support plan: the trainer credits the plan criterion.
    from assessment.models import SupportPlan

    SupportPlan.objects.update_or_create(
        enrolment=enrolment,
        defaults={"status": SupportPlan.Status.SUBMITTED, "submitted_at": timezone.now()},
    )
    print(
        json.dumps(
            {
                "cohort": cohort.code,
                "session": session.pk,
                "enrolment": enrolment.pk,
                "submission": version.submission.pk,
                "trainee": trainee.email,
            }
        )
    )


def registrar_case(password: str, totp_secret: str) -> None:
    """A registrar with an authenticator app, a trainer to put on a new cohort, and a holder
    of a valid certificate whose name turns out misspelt."""
    from cms.roles import REGISTRAR, TRAINER
    from cms.services import mfa_totp_activate, role_assign

    registrar = _person("registrar@e2e.kz", password, "Демо", "Тіркеуші", profile=False)
    role_assign(user=registrar, role=REGISTRAR)
    mfa_totp_activate(user=registrar, secret=totp_secret)
    trainer = _person("trainer.new@e2e.kz", password, "Ерлан", "Қасымов", profile=False)
    role_assign(user=trainer, role=TRAINER)
    holder = _person("holder.reissue@e2e.kz", password, "Мөлдір", "Оспанова")
    certificate = _certified(holder, cohort_code="e2e-finished", score=75)
    print(
        json.dumps(
            {"code": certificate.code, "serial": certificate.serial, "trainer": trainer.pk},
            ensure_ascii=False,
        )
    )


def mentoring_case(password: str, totp_secret: str) -> None:
    """A graduate whose certificate was issued today, and a mentor (a trainer in the mentors'
    group) with an authenticator app."""
    from django.contrib.auth.models import Group

    from cms.roles import TRAINER
    from cms.services import mfa_totp_activate, role_assign
    from mentoring.selectors import MENTOR_GROUP

    mentor = _person("mentor@e2e.kz", password, "Ләззат", "Рахимова", profile=False)
    role_assign(user=mentor, role=TRAINER)
    mentor.groups.add(Group.objects.get_or_create(name=MENTOR_GROUP)[0])
    mfa_totp_activate(user=mentor, secret=totp_secret)
    graduate = _person("graduate@e2e.kz", password, "Динара", "Уәлиева")
    certificate = _certified(graduate, cohort_code="e2e-alumni", score=81)
    print(json.dumps({"code": certificate.code}))


def theory_test() -> None:
    """The programme's theory test with a question bank, as the methodologist sets it in the
    admin. Prints the test and, per question (Kazakh text), the Kazakh texts of its correct
    choices: what a well-prepared trainee knows."""
    from assessment.models import Choice, Question, TheoryTest
    from course.models import ModulePage, ProgrammePage

    programme = ProgrammePage.objects.get(locale__language_code="kk")
    modules = list(ModulePage.objects.child_of(programme).order_by("path"))
    bank = [
        (
            "Оқушының мінез-құлқын ABC әдісімен бақылауда «A» нені білдіреді?",
            "В наблюдении ABC что означает «A»?",
            "In an ABC observation, what does “A” stand for?",
            [
                ("Алдындағы жағдай", "Предшествующее событие", "The antecedent", True),
                ("Баланың жасы", "Возраст ребёнка", "The child's age", False),
                ("Бағалау", "Оценка", "An assessment", False),
            ],
        ),
        (
            "Визуалды кесте кімге көмектеседі?",
            "Кому помогает визуальное расписание?",
            "Whom does a visual schedule help?",
            [
                (
                    "Күн тәртібін алдын ала көргісі келетін балаға",
                    "Ребёнку, которому важно заранее видеть распорядок",
                    "A child who needs to see the routine in advance",
                    True,
                ),
                ("Тек мұғалімге", "Только учителю", "Only the teacher", False),
            ],
        ),
        (
            "Жеке қолдау жоспарын кім бірге жасайды?",
            "Кто вместе составляет индивидуальный план поддержки?",
            "Who draws up the individual support plan together?",
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
    for module, (kk, ru, en, choices) in zip(modules, bank, strict=False):
        question, created = Question.objects.get_or_create(
            module=module, text_kk=kk, defaults={"text_ru": ru, "text_en": en}
        )
        if created:
            for c_kk, c_ru, c_en, correct in choices:
                Choice.objects.create(
                    question=question, text_kk=c_kk, text_ru=c_ru, text_en=c_en, is_correct=correct
                )
    test = TheoryTest.objects.filter(programme=programme).order_by("pk").first()
    if test is None:
        test = TheoryTest.objects.create(
            programme=programme,
            title_kk="Теориялық тест",
            title_ru="Теоретический тест",
            title_en="Theory test",
            question_count=20,
            time_limit_minutes=30,
        )
    answers = {}
    for question in Question.objects.filter(module__in=ModulePage.objects.descendant_of(programme)):
        answers[question.text_kk] = [c.text_kk for c in question.choices.all() if c.is_correct]
    print(
        json.dumps(
            {"test": test.pk, "minutes": test.time_limit_minutes, "answers": answers},
            ensure_ascii=False,
        )
    )


def _trainer_of(cohort, password: str):
    from cms.roles import TRAINER
    from cms.services import role_assign

    trainer = _person(f"trainer.{cohort.code}@e2e.kz", password, "Асель", "Ахметова", profile=False)
    role_assign(user=trainer, role=TRAINER)
    cohort.trainers.add(trainer)
    return trainer


def practice_reviewed(trainee: str, feedback: str, password: str) -> None:
    """The cohort's trainer accepts the trainee's submitted case with feedback (the trainer
    journey does this in the browser)."""
    from assessment.models import Submission
    from assessment.services import submission_review

    submission = Submission.objects.select_related("enrolment__cohort").get(
        enrolment__trainee__email=trainee, status=Submission.Status.SUBMITTED
    )
    trainer = _trainer_of(submission.enrolment.cohort, password)
    submission_review(
        submission=submission,
        reviewer=trainer,
        decision="accepted",
        feedback=feedback,
        lock_version=submission.lock_version,
    )
    print(json.dumps({"submission": submission.pk, "trainer": trainer.email}))


def final_result_released(trainee: str, password: str) -> None:
    """The cohort's trainer scores the final assessment on the rubric (theory from the trainee's
    test), finalises and releases it; the certificate is issued after commit (the trainer
    journey does all this in the browser). Prints the total and the band."""
    from assessment import services
    from assessment.models import TestAttempt
    from assessment.services import ScoreInput
    from course.models import Cohort, Enrolment

    enrolment = Enrolment.objects.select_related("cohort").get(
        trainee__email=trainee, status=Enrolment.Status.ACTIVE
    )
    trainer = _trainer_of(enrolment.cohort, password)
    attempt = (
        TestAttempt.objects.filter(enrolment=enrolment, finished_at__isnull=False)
        .order_by("-score")
        .first()
    )
    theory = attempt.proposed_theory_score if attempt else 15
    # The journey's course is over and the trainee did everything the completion rule asks, so
    # the pass is certified at once (the pending state has its own tests).
    Cohort.objects.filter(pk=enrolment.cohort_id).update(
        ends_on=max(_today(), enrolment.cohort.starts_on)
    )
    enrolment.cohort.refresh_from_db()
    _completion_met(enrolment)
    scores = {
        "theory": ScoreInput(theory, "Тест нәтижесі бойынша."),
        "practice": ScoreInput(26, "Жағдаяттар нақты сипатталған."),
        "plan": ScoreInput(25, "Мақсаттар өлшенеді."),
        "defence": ScoreInput(8),
        "participation": ScoreInput(9),
    }
    result = services.result_start(enrolment=enrolment)
    result = services.result_scores_save(result=result, marker=trainer, scores=scores)
    result = services.result_finalise(result=result, finalised_by=trainer)
    result = services.result_release(result=result)
    print(json.dumps({"total": result.total, "band": result.band}))


def completion_met(email: str) -> None:
    """The rest of what the completion rule asks of a trainee whose result the journey finalised
    and released: every topic, the test, the plan and its defence, and the cohort's end reached.
    Then the event that completes the rule issues the certificate, as in production."""
    from certificates.selectors import current_document
    from certificates.services import certificate_issue_if_earned
    from course.models import Enrolment

    enrolment = Enrolment.objects.select_related("cohort").get(trainee__email=email)
    cohort = enrolment.cohort
    today = _today()
    if cohort.ends_on > today:
        cohort.ends_on = today
        cohort.save(update_fields=["ends_on"])
    _completion_met(enrolment)
    # Issued by the event that completed the rule (the defence recorded), or here.
    certificate_issue_if_earned(enrolment_id=enrolment.pk)
    certificate = current_document(enrolment=enrolment)
    print(json.dumps({"serial": certificate.serial if certificate else None}))


def trainer_evening(password: str, totp_secret: str, suffix: str) -> None:
    """A trainer with an authenticator app and a cohort whose one trainee has submitted the
    support plan (nothing scored yet): the trainer's evening starts from the cohort page."""
    from django.utils import timezone

    from assessment.models import SupportPlan
    from cms.roles import TRAINER
    from cms.services import mfa_totp_activate, role_assign
    from course.models import Enrolment

    trainer = _person(f"trainer.{suffix}@e2e.kz", password, "Айгүл", "Омарова", profile=False)
    role_assign(user=trainer, role=TRAINER)
    mfa_totp_activate(user=trainer, secret=totp_secret)
    trainee = _person(f"trainee.{suffix}@e2e.kz", password, "Жанар", "Мұратова")
    cohort = _cohort(f"e2e-evening-{suffix}")
    cohort.trainers.add(trainer)
    enrolment, _ = Enrolment.objects.get_or_create(
        cohort=cohort,
        trainee=trainee,
        defaults={
            "status": Enrolment.Status.ACTIVE,
            "agreement_accepted_at": timezone.now(),
            "agreement_version": "e2e-1",
        },
    )
    plan, _ = SupportPlan.objects.get_or_create(
        enrolment=enrolment,
        defaults={
            "status": SupportPlan.Status.SUBMITTED,
            "submitted_at": timezone.now(),
            "learner_code": "L-1",
            "anonymised_confirmed": True,
        },
    )
    print(
        json.dumps(
            {
                "trainer": trainer.email,
                "cohort": cohort.code,
                "enrolment": enrolment.pk,
                "plan": plan.pk,
            }
        )
    )


def library_case(password: str, totp_secret: str) -> None:
    """A trainee studying in a cohort, a registrar with an authenticator app, slides attached to
    the Kazakh module 2 and the Kazakh module 2 edited after its translations (so the Russian and
    English versions are out of date)."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    from cms.roles import REGISTRAR
    from cms.services import mfa_totp_activate, role_assign
    from course.models import Enrolment, ModuleAttachment, ModulePage

    trainee = _person("library.trainee@e2e.kz", password, "Сәуле", "Ахметова")
    Enrolment.objects.get_or_create(cohort=_cohort("e2e-library"), trainee=trainee)
    registrar = _person("library.registrar@e2e.kz", password, "Демо", "Редактор", profile=False)
    role_assign(user=registrar, role=REGISTRAR)
    mfa_totp_activate(user=registrar, secret=totp_secret)
    module = ModulePage.objects.get(locale__language_code="kk", number=2)
    if not ModuleAttachment.objects.filter(page=module).exists():
        slides = Document.objects.create(
            title="2-модуль слайдтары",
            file=ContentFile(b"%PDF-1.4\n%%EOF\n", "module-2-slides.pdf"),
        )
        ModuleAttachment.objects.create(
            page=module, kind="slides", title="2-модуль: дәріс слайдтары", document=slides
        )
    module.save_revision(user=registrar)
    russian = ModulePage.objects.get(locale__language_code="ru", number=2)
    print(json.dumps({"module_kk": module.pk, "module_ru": russian.pk}))


def controls_cohort(password: str, totp_secret: str) -> None:
    """A trainer with an authenticator app and a cohort of twelve trainees who have taken the
    module controls taught so far and the final test (the demo bank and the demo's attempts)."""
    from assessment import control_demo
    from assessment.models import TheoryTest
    from cms.roles import TRAINER
    from cms.services import mfa_totp_activate, role_assign
    from course.models import Enrolment, ModulePage

    trainer = _person("trainer.controls@e2e.kz", password, "Айгүл", "Омарова", profile=False)
    role_assign(user=trainer, role=TRAINER)
    mfa_totp_activate(user=trainer, secret=totp_secret)
    cohort = _cohort("e2e-controls")
    cohort.trainers.add(trainer)
    names = [
        "Айжан",
        "Бекзат",
        "Гүлнар",
        "Дәурен",
        "Ерлан",
        "Жанар",
        "Зарина",
        "Ислам",
        "Қанат",
        "Ләззат",
        "Мәди",
        "Нұргүл",
    ]
    enrolments = []
    for i, first in enumerate(names):
        trainee = _person(f"controls.{i}@e2e.kz", password, first, "Сейітова")
        enrolment, _ = Enrolment.objects.get_or_create(
            cohort=cohort, trainee=trainee, defaults={"status": Enrolment.Status.ACTIVE}
        )
        enrolments.append(enrolment)
    modules = list(ModulePage.objects.child_of(cohort.programme).order_by("number"))
    control_demo._bank(modules)
    controls = control_demo._controls(modules, cohort, trainer)
    control_demo._attempts(controls, enrolments)
    control_demo._case_answers(controls[0], enrolments, trainer)
    test, _ = TheoryTest.objects.get_or_create(
        programme=cohort.programme,
        defaults={"title_kk": "Қорытынды тест", "title_ru": "Итоговый тест"},
    )
    control_demo._final_test(cohort.programme, enrolments)
    print(json.dumps({"cohort": cohort.code, "test": test.pk}))


def _finalised(enrolment, trainer, *, release: bool):
    """The trainee's final assessment scored by the cohort's trainer (72 of 100) and finalised;
    released to the trainee when `release`."""
    from assessment import services
    from assessment.services import ScoreInput

    scores = {
        "theory": ScoreInput(16, "Тест нәтижесі бойынша."),
        "practice": ScoreInput(22, "Жағдаяттар нақты сипатталған."),
        "plan": ScoreInput(20, "Мақсаттар өлшенеді."),
        "defence": ScoreInput(7),
        "participation": ScoreInput(7),
    }
    result = services.result_start(enrolment=enrolment)
    result = services.result_scores_save(result=result, marker=trainer, scores=scores)
    result = services.result_finalise(result=result, finalised_by=trainer)
    if release:
        result = services.result_release(result=result)
    return result


def registrar_day(password: str, totp_secret: str, suffix: str) -> None:
    """The registrar's day: a registrar with an authenticator app and a cohort that ended
    yesterday. One trainee's released pass waits for a certificate because she has not studied
    the topics (the admin home's worklist names why); two trainees did everything and their
    finalised results wait to be released, then certified; one earlier holder of a certificate
    (a surname starting with a Kazakh letter) is found in the register."""
    from django.utils import timezone

    from cms.roles import REGISTRAR, TRAINER
    from cms.services import mfa_totp_activate, role_assign
    from course.models import Enrolment, TopicCompletion

    registrar = _person(f"registrar.{suffix}@e2e.kz", password, "Демо", "Тіркеуші", profile=False)
    role_assign(user=registrar, role=REGISTRAR)
    mfa_totp_activate(user=registrar, secret=totp_secret)
    trainer = _person(f"trainer.day.{suffix}@e2e.kz", password, "Айгүл", "Омарова", profile=False)
    role_assign(user=trainer, role=TRAINER)
    today = _today()
    cohort = _cohort(
        f"e2e-day-{suffix}",
        starts_on=today - datetime.timedelta(days=50),
        ends_on=today - datetime.timedelta(days=1),
    )
    cohort.trainers.add(trainer)

    def enrol(email, first, last):
        trainee = _person(email, password, first, last)
        enrolment, _ = Enrolment.objects.get_or_create(
            cohort=cohort,
            trainee=trainee,
            defaults={
                "status": Enrolment.Status.ACTIVE,
                "agreement_accepted_at": timezone.now(),
                "agreement_version": "e2e-1",
            },
        )
        return enrolment

    pending = enrol(f"pending.{suffix}@e2e.kz", "Гүлмира", "Жақсылықова")
    _completion_met(pending)
    # She has not studied the topics after all: what the worklist gives as the reason.
    TopicCompletion.objects.filter(enrolment=pending).delete()
    _finalised(pending, trainer, release=True)
    # What the issuing task or the sweep stores when the completion rule refuses: the worklist
    # reads the stored reasons (no beat runs in the e2e site).
    from certificates.pending import pending_pass_record

    pending_pass_record(enrolment=pending)
    ready = [
        enrol(f"ready.a.{suffix}@e2e.kz", "Дана", "Бекова"),
        enrol(f"ready.b.{suffix}@e2e.kz", "Нұрлан", "Сейітов"),
    ]
    for enrolment in ready:
        _completion_met(enrolment)
        _finalised(enrolment, trainer, release=False)
    # A surname of her own per run (they share the database), starting with a Kazakh letter.
    surname = {
        "kk-phone": "Әбенова",
        "kk-desktop": "Әлімова",
        "ru-phone": "Өмірзақова",
        "ru-desktop": "Ұлықбекова",
    }.get(suffix, "Әбенова")
    holder = _person(f"holder.day.{suffix}@e2e.kz", password, "Әсел", surname)
    certificate = _certified(holder, cohort_code=f"e2e-day-old-{suffix}", score=80)
    print(
        json.dumps(
            {
                "registrar": registrar.email,
                "cohort": cohort.code,
                "pending": pending.trainee.email,
                "ready": [e.pk for e in ready],
                "holder_code": certificate.code,
                "holder_serial": certificate.serial,
                "holder_surname": surname,
            },
            ensure_ascii=False,
        )
    )


def trainee_day(password: str, suffix: str) -> None:
    """A new trainee's first day: the registrar has created her account and sent the invitation
    (no enrolment yet); her cohort is open with a key, has a module 1 control and a deadline for
    the practice works; topic 2.2 holds check-your-understanding questions (the demo lecture).
    Prints the invitation's set-password path and the correct answers of topic 2.2 per
    language."""
    from allauth.account.models import EmailAddress

    from assessment import control_demo
    from assessment.models import CohortDeadline
    from cms.models import User
    from cms.roles import TRAINEE, TRAINER
    from cms.services import role_assign
    from course import demo_content
    from course.models import CourseAgreement, ModulePage
    from course.services.enrolment import invitation_send

    CourseAgreement.objects.get_or_create(
        version="e2e-1",
        defaults={
            "text_kk": "<p>Тыңдаушы курстың барлық тақырыптарын оқуға міндеттенеді.</p>",
            "text_ru": "<p>Слушатель обязуется изучить все темы курса.</p>",
            "text_en": "<p>The trainee undertakes to study every topic of the course.</p>",
        },
    )
    key = f"E2E-DAY-{suffix}".upper()
    cohort = _cohort(f"e2e-trainee-day-{suffix}", key=key)
    trainer = _person(f"trainer.tday.{suffix}@e2e.kz", password, "Айгүл", "Омарова", profile=False)
    role_assign(user=trainer, role=TRAINER)
    cohort.trainers.add(trainer)
    modules = list(ModulePage.objects.child_of(cohort.programme).order_by("number"))
    control_demo._bank(modules[:1])
    control_demo._controls(modules[:1], cohort, trainer)
    CohortDeadline.objects.get_or_create(
        cohort=cohort,
        what=CohortDeadline.What.PRACTICE,
        defaults={"due_on": _today() + datetime.timedelta(days=10)},
    )
    demo_content.seed({})
    _first_assignment()
    email = f"new.trainee.{suffix}@e2e.kz"
    user, _ = User.objects.get_or_create(email=email)
    user.set_unusable_password()
    user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    role_assign(user=user, role=TRAINEE)
    invitation_send(user=user)
    answers = {}
    for language, body in demo_content.LECTURE.items():
        answers[language] = [
            next(c["text"] for c in block["value"]["choices"] if c["correct"])
            for block in body(demo_content._handout(), demo_content._video_documents())
            if block["type"] == "quiz"
        ]
    print(
        json.dumps(
            {"email": email, "key": key, "cohort": cohort.code, "answers": answers},
            ensure_ascii=False,
        )
    )


def practice_returned(email: str, password: str, language: str) -> None:
    """A trainee (reading `language`) of a running cohort whose practice work the trainer returned
    for revision (the notification is sent by the review, as in the trainer's browser journey)."""
    from assessment.models import Submission
    from assessment.services import submission_page_save, submission_review
    from course.models import Enrolment

    trainee = _person(email, password, "Дана", "Сейітова")
    trainee.preferred_language = language
    trainee.save(update_fields=["preferred_language"])
    cohort = _cohort("e2e-notify")
    enrolment, _ = Enrolment.objects.get_or_create(cohort=cohort, trainee=trainee)
    assignment = _first_assignment()
    trainer = _trainer_of(cohort, password)
    if not Submission.objects.filter(enrolment=enrolment, assignment=assignment).exists():
        version = submission_page_save(
            assignment=assignment,
            enrolment=enrolment,
            text="<p>Бақылау күнделігі, бала анонимді.</p>",
            submit=True,
            anonymised_confirmed=True,
        )
        submission = version.submission
        submission.refresh_from_db()
        submission_review(
            submission=submission,
            reviewer=trainer,
            decision="returned",
            feedback="Бақылау кестесін толықтырыңыз.",
            lock_version=submission.lock_version,
        )
    print(json.dumps({"assignment": assignment.pk}))


def preview_editor(password: str, totp_secret: str) -> None:
    """A registrar (the site's editor) with an authenticator app, and topic 5.2's Kazakh page with
    a draft whose body has one paragraph to type into (the published page is left as it is)."""
    from cms.roles import REGISTRAR
    from cms.services import mfa_totp_activate, role_assign
    from course.models import TopicPage

    editor = _person("preview.editor@e2e.kz", password, "Алма", "Редактор", profile=False)
    role_assign(user=editor, role=REGISTRAR)
    mfa_totp_activate(user=editor, secret=totp_secret)
    topic = TopicPage.objects.get(locale__language_code="kk", number="5.2")
    draft = topic.get_latest_revision_as_object()
    draft.body = [{"type": "paragraph", "value": "<p>Тақырыптың кіріспесі.</p>"}]
    draft.save_revision(user=editor)
    print(json.dumps({"topic": topic.pk}))


def mentor_day(password: str, totp_secret: str, suffix: str, language: str) -> None:
    """A mentor (a trainer in the mentors' group) with an authenticator app, and a graduate whose
    certificate was issued today: the graduate asks, the mentor answers, in the browser. Both
    chose `language` (as signing up in it records): notifications are written in it."""
    from django.contrib.auth.models import Group

    from cms.roles import TRAINER
    from cms.services import mfa_totp_activate, role_assign
    from mentoring.selectors import MENTOR_GROUP

    mentor = _person(f"mentor.{suffix}@e2e.kz", password, "Сәуле", "Жақсылықова", profile=False)
    role_assign(user=mentor, role=TRAINER)
    mentor.groups.add(Group.objects.get_or_create(name=MENTOR_GROUP)[0])
    mfa_totp_activate(user=mentor, secret=totp_secret)
    graduate = _person(f"graduate.{suffix}@e2e.kz", password, "Әйгерім", "Қасымова")
    for person in (mentor, graduate):
        person.preferred_language = language
        person.save(update_fields=["preferred_language"])
    certificate = _certified(graduate, cohort_code=f"e2e-mentor-day-{suffix}", score=84)
    print(
        json.dumps(
            {"mentor": mentor.email, "graduate": graduate.email, "code": certificate.code},
            ensure_ascii=False,
        )
    )


def employer_day(password: str, suffix: str) -> None:
    """Three certificates an employer may be shown: a valid one (with its PDF, whose QR code the
    employer scans), a revoked one and one whose three years have passed."""
    from certificates.services import certificate_issue, certificate_revoke
    from course.models import Enrolment

    made = {}
    for status, (first, last, starts_on, ends_on, issued_on) in {
        "valid": (
            "Айгерім",
            "Сәрсенбаева",
            datetime.date(2026, 9, 1),
            datetime.date(2026, 10, 15),
            datetime.date(2026, 10, 20),
        ),
        "revoked": (
            "Гүлнар",
            "Өтебаева",
            datetime.date(2026, 9, 1),
            datetime.date(2026, 10, 15),
            datetime.date(2026, 10, 20),
        ),
        # Issued in May 2023: valid until the end of May 2026, expired by now.
        "expired": (
            "Ұлжан",
            "Бекова",
            datetime.date(2023, 4, 1),
            datetime.date(2023, 5, 20),
            datetime.date(2023, 5, 25),
        ),
    }.items():
        holder = _person(f"employer.{status}.{suffix}@e2e.kz", password, first, last)
        cohort = _cohort(f"e2e-employer-{status}-{suffix}", starts_on=starts_on, ends_on=ends_on)
        enrolment, _ = Enrolment.objects.get_or_create(
            cohort=cohort, trainee=holder, defaults={"status": Enrolment.Status.COMPLETED}
        )
        _completion_met(enrolment)
        certificate = certificate_issue(
            enrolment=enrolment, score=86, band="excellent", issued_on=issued_on
        )
        if status == "revoked":
            certificate = certificate_revoke(
                certificate=certificate,
                revoked_by=None,
                reason="requirements_not_met",
                note="e2e",
            )
        certificate.refresh_from_db()
        made[status] = {
            "code": certificate.code,
            "serial": certificate.serial,
            "pdf": certificate.pdf.path if certificate.pdf else None,
        }
    print(json.dumps(made, ensure_ascii=False))
