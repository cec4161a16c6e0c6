"""Demo documents for `seed_demo`: certificates in every state and statements of attendance, all
earned under the completion rule.

Runs after course/demo.py and assessment/demo.py. The running demo cohort issues nothing: its
passes are "certificate pending" (hours, defence, the cohort's end) and its registrar sees who is
blocked. Certificates belong to the graduates of a FINISHED demo cohort who met the rule (one then
revoked, one re-issued so its first copy is superseded); that cohort's trainee who did not pass and
the one who withdrew get statements of attendance with the course's real dates; an alumna of a
2022 cohort holds an expired certificate. Idempotent: a second run finds every document and changes
nothing."""

from __future__ import annotations

import datetime

DEMO_COHORT = "demo-2026"
FINISHED_COHORT = "demo-2026-spring"
GRADUATE_PASSWORD = "demo-trainee-2026"
# (email, surname kk, given kk, surname ru, given ru, scores or None (withdrew in week 3))
GRADUATES = [
    ("graduate1@demo.kz", "Әлиева", "Салтанат", "Алиева", "Салтанат", (19, 27, 26, 9, 9)),
    ("graduate2@demo.kz", "Бақытова", "Айжан", "Бахытова", "Айжан", (15, 22, 22, 8, 8)),
    ("graduate3@demo.kz", "Дәулетова", "Мадина", "Даулетова", "Мадина", (16, 24, 23, 8, 8)),
    ("graduate4@demo.kz", "Ержанова", "Әйгерім", "Ержанова", "Айгерим", (12, 17, 17, 6, 6)),
    ("graduate5@demo.kz", "Жақсылықова", "Гүлзат", "Жаксыликова", "Гульзат", (6, 10, 11, 4, 4)),
    ("graduate6@demo.kz", "Зейнолла", "Ботагөз", "Зейнолла", "Ботагоз", None),
]
# Hours the two who got no certificate really studied: a statement of attendance that prints
# 0 hours for someone who sat the final assessment (or studied three weeks) makes no sense.
ATTENDED_HOURS = {"graduate5@demo.kz": 56, "graduate6@demo.kz": 14}
ALUMNI_COHORT = "demo-2022"
ALUMNA = {
    "email": "alumna@demo.kz",
    "password": "demo-trainee-2026",
    "first_name": "Зәуре",
    "last_name": "Есімова",
    "surname_ru": "Есимова",
    "given_name_ru": "Зауре",
}
ALUMNI_ISSUED_ON = datetime.date(2022, 10, 20)
REVOCATION_REASON = (
    "Қорытынды жұмыс басқа тыңдаушының жұмысының көшірмесі болып шықты / "
    "Итоговая работа оказалась копией работы другого слушателя"
)
REISSUE_REASON = "Тегінің жазылуы түзетілді / Исправлено написание фамилии"


def _alumna():
    from allauth.account.models import EmailAddress

    from cms.models import TraineeProfile, User
    from cms.roles import TRAINEE
    from cms.services import role_assign

    user, created = User.objects.get_or_create(
        email=ALUMNA["email"],
        defaults={"first_name": ALUMNA["first_name"], "last_name": ALUMNA["last_name"]},
    )
    if created or not user.check_password(ALUMNA["password"]):
        user.set_password(ALUMNA["password"])
        user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    TraineeProfile.objects.get_or_create(
        user=user,
        defaults={
            "surname_kk": ALUMNA["last_name"],
            "given_name_kk": ALUMNA["first_name"],
            "surname_ru": ALUMNA["surname_ru"],
            "given_name_ru": ALUMNA["given_name_ru"],
        },
    )
    role_assign(user=user, role=TRAINEE)
    return user


def _expired_certificate():
    from course.models import Cohort, Enrolment, ProgrammePage

    from .services import certificate_issue

    programme = ProgrammePage.objects.get(locale__language_code="kk", version=1)
    cohort, _ = Cohort.objects.get_or_create(
        code=ALUMNI_COHORT,
        defaults={
            "programme": programme,
            "name": "Демо 2022",
            "starts_on": datetime.date(2022, 9, 1),
            "ends_on": datetime.date(2022, 10, 15),
        },
    )
    alumna = _alumna()
    enrolment, _ = Enrolment.objects.get_or_create(
        cohort=cohort, trainee=alumna, defaults={"status": Enrolment.Status.COMPLETED}
    )
    _joined(enrolment, day=cohort.starts_on - datetime.timedelta(days=5))
    trainer = cohort_trainer()
    if trainer is not None:
        meet_rule(enrolment, trainer, day=datetime.date(2022, 10, 10))
    certificate = certificate_issue(
        enrolment=enrolment, score=78, band="good", issued_on=ALUMNI_ISSUED_ON
    )
    if trainer is not None:
        # Her result page shows the released result her certificate rests on (78, "good").
        _released_result(
            enrolment,
            trainer,
            scores=(16, 23, 23, 8, 8),
            finalised=datetime.date(2022, 10, 12),
            released=datetime.date(2022, 10, 15),
        )
    return alumna, certificate


def _at(day: datetime.date, hour: int) -> datetime.datetime:
    from django.utils import timezone

    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, 0)))


def _joined(enrolment, *, day: datetime.date) -> None:
    """The enrolment dated as it happened (before the cohort started), not the day of the seed."""
    from course.models import Enrolment, EnrolmentEvent

    when = _at(day, 10)
    Enrolment.objects.filter(pk=enrolment.pk).update(enrolled_at=when, agreement_accepted_at=when)
    EnrolmentEvent.objects.filter(enrolment=enrolment, from_status="").update(at=when)


def _result_dated(result, *, finalised: datetime.date, released: datetime.date) -> None:
    """A result dated as it happened: scored and finalised after the defence, released later."""
    from assessment.models import FinalResult

    FinalResult.objects.filter(pk=result.pk).update(
        created_at=_at(finalised, 9), finalised_at=_at(finalised, 16), released_at=_at(released, 10)
    )


def _released_result(enrolment, trainer, *, scores, finalised, released) -> None:
    """A finalised, released result (once), dated `finalised` / `released`."""
    from assessment import services as assessment
    from assessment.models import FinalResult

    if FinalResult.objects.filter(enrolment=enrolment).exists():
        return
    attempt = assessment.result_start(enrolment=enrolment)
    assessment.result_scores_save(
        result=attempt,
        marker=trainer,
        scores={
            code: assessment.ScoreInput(score, "")
            for code, score in zip(
                ("theory", "practice", "plan", "defence", "participation"), scores, strict=True
            )
        },
    )
    assessment.result_finalise(result=attempt, finalised_by=trainer)
    assessment.result_release(result=attempt)
    _result_dated(attempt, finalised=finalised, released=released)


def cohort_trainer():
    from course.models import Cohort

    cohort = Cohort.objects.filter(code=DEMO_COHORT).first()
    return cohort.trainers.order_by("email").first() if cohort is not None else None


def meet_rule(enrolment, trainer, *, day: datetime.date) -> None:
    """Everything the completion rule asks of a graduate: every topic done, every practice work
    accepted, the theory test taken, the plan submitted and its defence held on `day`."""
    from django.utils import timezone

    from assessment.models import (
        Assignment,
        DefenceSlot,
        Submission,
        SupportPlan,
        TestAttempt,
        TheoryTest,
    )
    from course.models import TopicCompletion
    from course.selectors import programme_topics

    when = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12, 0)))
    topics = programme_topics(enrolment.cohort.programme)
    TopicCompletion.objects.bulk_create(
        [
            TopicCompletion(enrolment=enrolment, topic=t, source="studied", completed_at=when)
            for t in topics
        ],
        ignore_conflicts=True,
    )
    for assignment in Assignment.objects.filter(topic__in=topics):
        Submission.objects.get_or_create(
            assignment=assignment,
            enrolment=enrolment,
            defaults={"status": Submission.Status.ACCEPTED, "submitted_at": when},
        )
    test = TheoryTest.objects.filter(programme=enrolment.cohort.programme).first()
    if test is not None:
        TestAttempt.objects.get_or_create(
            test=test,
            enrolment=enrolment,
            number=1,
            defaults={"finished_at": when, "score": 8, "max_score": 10},
        )
    plan, _created = SupportPlan.objects.get_or_create(
        enrolment=enrolment,
        defaults={
            "status": SupportPlan.Status.SUBMITTED,
            "submitted_at": when,
            "learner_code": "L-1",
            "anonymised_confirmed": True,
        },
    )
    DefenceSlot.objects.get_or_create(
        plan=plan,
        defaults={
            "starts_at": when,
            "place": "204",
            "scheduled_by": trainer,
            "held_on": day,
            "assessed_by": trainer,
        },
    )


def attend_part(enrolment, *, hours: int, until: datetime.date) -> None:
    """The first topics of the programme, in order, up to `hours` academic hours, completed on
    days spread from the cohort's start to `until`."""
    from django.utils import timezone

    from course.models import TopicCompletion
    from course.selectors import programme_topics

    chosen, total = [], 0
    for topic in programme_topics(enrolment.cohort.programme):
        if total >= hours:
            break
        chosen.append(topic)
        total += topic.hours
    start = enrolment.cohort.starts_on
    span = max((until - start).days, 0)
    TopicCompletion.objects.bulk_create(
        [
            TopicCompletion(
                enrolment=enrolment,
                topic=topic,
                source="studied",
                completed_at=timezone.make_aware(
                    datetime.datetime.combine(
                        start + datetime.timedelta(days=span * (i + 1) // len(chosen)),
                        datetime.time(12, 0),
                    )
                ),
            )
            for i, topic in enumerate(chosen)
        ],
        ignore_conflicts=True,
    )


def _finished_cohort(result: dict) -> None:
    """A cohort that ended two weeks ago: four graduates who met the rule and passed, one who did
    not pass, one who withdrew in the third week."""
    from allauth.account.models import EmailAddress
    from django.utils import timezone

    from assessment import services as assessment
    from assessment.models import FinalResult
    from cms.models import TraineeProfile, User
    from cms.roles import TRAINEE
    from cms.services import role_assign
    from course.models import Cohort, Enrolment, EnrolmentEvent, ProgrammePage

    trainer = cohort_trainer()
    if trainer is None:
        return
    today = timezone.localdate()
    cohort, created = Cohort.objects.get_or_create(
        code=FINISHED_COHORT,
        defaults={
            "programme": ProgrammePage.objects.get(locale__language_code="kk", version=1),
            "name": "Демо ағын 2026, көктем / Демо-поток 2026, весна",
            "starts_on": today - datetime.timedelta(weeks=10),
            "ends_on": today - datetime.timedelta(weeks=2),
            "capacity": 30,
        },
    )
    if created:
        cohort.trainers.add(trainer)
    defence_day = cohort.ends_on - datetime.timedelta(days=3)
    for email, surname, given, surname_ru, given_ru, scores in GRADUATES:
        user, made = User.objects.get_or_create(
            email=email, defaults={"first_name": given, "last_name": surname}
        )
        if made:
            user.set_password(GRADUATE_PASSWORD)
            user.save()
        EmailAddress.objects.get_or_create(
            user=user, email=email, defaults={"verified": True, "primary": True}
        )
        TraineeProfile.objects.get_or_create(
            user=user,
            defaults={
                "surname_kk": surname,
                "given_name_kk": given,
                "surname_ru": surname_ru,
                "given_name_ru": given_ru,
            },
        )
        role_assign(user=user, role=TRAINEE)
        result["accounts"].append(
            {"email": email, "password": GRADUATE_PASSWORD, "role": "trainee"}
        )
        enrolment, made = Enrolment.objects.get_or_create(
            cohort=cohort,
            trainee=user,
            defaults={
                "agreement_accepted_at": timezone.now(),
                "agreement_version": "2026.1",
            },
        )
        if made:
            EnrolmentEvent.objects.create(
                enrolment=enrolment, from_status="", to_status="active", by=user
            )
        _joined(enrolment, day=cohort.starts_on - datetime.timedelta(days=3))
        if email in ATTENDED_HOURS:
            # The one who withdrew studied until the day before leaving in week 3.
            until = (
                cohort.starts_on + datetime.timedelta(weeks=3, days=-1)
                if scores is None
                else defence_day
            )
            attend_part(enrolment, hours=ATTENDED_HOURS[email], until=until)
        if scores is None:
            if enrolment.status == Enrolment.Status.ACTIVE:
                left = timezone.make_aware(
                    datetime.datetime.combine(
                        cohort.starts_on + datetime.timedelta(weeks=3), datetime.time(10, 0)
                    )
                )
                EnrolmentEvent.objects.create(
                    enrolment=enrolment,
                    from_status="active",
                    to_status="withdrawn",
                    at=left,
                    reason="Өз өтініші бойынша / По собственному заявлению",
                )
                Enrolment.objects.filter(pk=enrolment.pk).update(status="withdrawn")
            continue
        if scores[0] >= 10:  # the ones who pass did everything the rule asks
            meet_rule(enrolment, trainer, day=defence_day)
        else:
            # The one who did not pass still handed in a plan: its criterion is scored only then.
            _plan_submitted(enrolment, day=defence_day)
        if FinalResult.objects.filter(enrolment=enrolment).exists():
            continue
        attempt = assessment.result_start(enrolment=enrolment)
        assessment.result_scores_save(
            result=attempt,
            marker=trainer,
            scores={
                code: assessment.ScoreInput(score, "")
                for code, score in zip(
                    ("theory", "practice", "plan", "defence", "participation"),
                    scores,
                    strict=True,
                )
            },
        )
        assessment.result_finalise(result=attempt, finalised_by=trainer)
        assessment.result_release(result=attempt)
        # Finalised the day after the defence, released on the cohort's last day.
        _result_dated(
            attempt,
            finalised=defence_day + datetime.timedelta(days=1),
            released=cohort.ends_on,
        )


def _plan_submitted(enrolment, *, day) -> None:
    from django.utils import timezone

    from assessment.models import SupportPlan

    when = timezone.make_aware(datetime.datetime.combine(day, datetime.time(9, 0)))
    SupportPlan.objects.get_or_create(
        enrolment=enrolment,
        defaults={
            "status": SupportPlan.Status.SUBMITTED,
            "submitted_at": when,
            "learner_code": "L-2",
            "anonymised_confirmed": True,
        },
    )


def seed(result: dict) -> None:
    from assessment.selectors import final_result_for
    from course.models import Enrolment

    from .models import Certificate
    from .services import (
        certificate_issue,
        certificate_reissue,
        certificate_revoke,
        statement_issue,
    )

    alumna, _expired = _expired_certificate()
    result["accounts"].append(
        {"email": alumna.email, "password": ALUMNA["password"], "role": "trainee"}
    )

    _finished_cohort(result)
    # Only the finished cohort issues: the running one's passes stay "certificate pending".
    enrolments = (
        Enrolment.objects.filter(cohort__code=FINISHED_COHORT)
        .select_related("cohort__programme", "trainee")
        .order_by("trainee__email")
    )
    passed = []
    for enrolment in enrolments:
        # Issued two days after the cohort's end, once its results were released.
        issued_on = enrolment.cohort.ends_on + datetime.timedelta(days=2)
        final = final_result_for(enrolment=enrolment)
        if final is None:
            if enrolment.status == Enrolment.Status.WITHDRAWN:
                statement_issue(enrolment=enrolment, issued_on=issued_on)
            continue
        if final.passed:
            passed.append(certificate_issue(enrolment=enrolment, issued_on=issued_on))
        else:
            statement_issue(enrolment=enrolment, issued_on=issued_on)

    # One revoked and one re-issued, chosen by position so a second run picks the same ones.
    if len(passed) >= 2 and passed[1].status == Certificate.Status.VALID:
        certificate_revoke(
            certificate=passed[1],
            revoked_by=None,
            reason="requirements_not_met",
            note=REVOCATION_REASON,
        )
    if (
        len(passed) >= 3
        and passed[2].status == Certificate.Status.VALID
        and not passed[2].supersedes.exists()
    ):
        certificate_reissue(certificate=passed[2], reissued_by=None, reason=REISSUE_REASON)

    # Why the running cohort's passes wait, as the sweep would store it: the registrar's worklist
    # reads these (certificates.pending) and the demo has no beat running.
    from .pending import pending_pass_record
    from .selectors import pending_rows

    for row in pending_rows():
        pending_pass_record(enrolment=row.enrolment)

    documents = Certificate.objects.filter(
        cohort__code__in=[DEMO_COHORT, FINISHED_COHORT, ALUMNI_COHORT]
    ).order_by("serial")
    for document in documents:
        if document.kind == Certificate.Kind.STATEMENT:
            result["statements"].append(
                {"code": document.code, "holder_email": document.holder_email}
            )
        else:
            result["certificates"].append(
                {
                    "code": document.code,
                    "status": document.public_status(),
                    "holder_email": document.holder_email,
                }
            )
