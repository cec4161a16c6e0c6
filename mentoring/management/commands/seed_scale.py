"""A national year of data for load tests and query-count tests: `seed_scale --trainees N`.

Made with bulk_create (a few seconds for 5,000 trainees), not through the services: the services
send e-mails, render PDFs and enqueue tasks, none of which a load test reads. What the pages read
is made as the services would leave it: trainees with a profile, a consent and a verified
address; cohorts across every region over the last year, most of them finished; topic
completions, practice submissions with their versions, final results, certificates and statements
in every state (valid, expired, revoked, superseded) and mentoring tickets.

Certificates get no PDF (`pdf` is empty, as while the issuing task runs): no page a load test
drives opens one. Their serial numbers are counted on `SerialCounter` like the service's, so a
certificate issued afterwards gets the next number.

Lives in mentoring, the top of the dependency rule, because it fills every app below it."""

from __future__ import annotations

import datetime
import random

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

# DEBUG only, and printed: people testing by hand sign in as any seeded account with it.
SCALE_PASSWORD = "scale-password-2026"
BATCH = 2000
SURNAMES_KK = [
    "Сәрсенбаева",
    "Жұмабекова",
    "Омарова",
    "Нұрланова",
    "Ахметова",
    "Бекова",
    "Серікова",
]
SURNAMES_RU = [
    "Сарсенбаева",
    "Жумабекова",
    "Омарова",
    "Нурланова",
    "Ахметова",
    "Бекова",
    "Серикова",
]
GIVEN_KK = ["Әйгерім", "Гүлнар", "Дана", "Жанар", "Меруерт", "Айгүл", "Сәуле", "Бақыт"]
GIVEN_RU = ["Айгерим", "Гульнар", "Дана", "Жанар", "Меруерт", "Айгуль", "Сауле", "Бахыт"]


def letters(n: int) -> str:
    """A number written in letters: names must be letters only, and seeded names are unique."""
    return "".join("абвгдежзик"[int(digit)] for digit in str(n))


class Command(BaseCommand):
    help = "Build a national year of data for load tests (refuses to run with DEBUG off)."

    def add_arguments(self, parser):
        parser.add_argument("--trainees", type=int, default=5000)
        parser.add_argument(
            "--cohorts", type=int, default=None, help="Default: one per 25 trainees."
        )
        parser.add_argument("--trainers", type=int, default=None, help="Default: 60 per 5,000.")
        parser.add_argument("--seed", type=int, default=22, help="Random seed (repeatable data).")

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_scale creates thousands of accounts with a published password; it runs "
                "only with DEBUG on."
            )
        trainees = options["trainees"]
        if trainees < 1:
            raise CommandError("--trainees must be at least 1.")
        cohorts = options["cohorts"] or max(1, trainees // 25)
        trainers = options["trainers"] or max(2, round(trainees * 60 / 5000))
        started = timezone.now()
        with transaction.atomic():
            made = seed_scale(
                trainees=trainees, cohorts=cohorts, trainers=trainers, seed=options["seed"]
            )
        seconds = (timezone.now() - started).total_seconds()
        for name, count in made.items():
            self.stdout.write(f"{name}: {count}")
        self.stdout.write(f"password of every seeded account: {SCALE_PASSWORD}")
        self.stdout.write(f"took {seconds:.1f} s")


def seed_scale(*, trainees: int, cohorts: int, trainers: int, seed: int = 22) -> dict[str, int]:
    """Fill the database; returns how many rows of each kind were made."""
    from allauth.account.models import EmailAddress

    from assessment.models import (
        Assignment,
        FinalResult,
        Rubric,
        ScoreChange,
        Submission,
        SubmissionVersion,
    )
    from assessment.rubric import band_for
    from certificates.codes import format_serial, generate_code, valid_until_for
    from certificates.models import Certificate, RevocationReason, SerialCounter, StatementCounter
    from cms import roles
    from cms.models import PersonalDataConsent, Region, TraineeProfile, User
    from course.models import (
        Cohort,
        Enrolment,
        EnrolmentEvent,
        LiveSession,
        ProgrammePage,
        TopicCompletion,
        TopicPage,
    )
    from mentoring.models import Ticket
    from mentoring.models import Topic as TicketTopic

    rng = random.Random(seed)
    now = timezone.now()
    today = timezone.localdate()
    run = f"{seed}{rng.randrange(10**6):06d}"  # a second run adds people beside the first
    programme = ProgrammePage.objects.filter(locale__language_code="kk").first()
    if programme is None:
        call_command("load_programme", verbosity=0)
        programme = ProgrammePage.objects.get(locale__language_code="kk")
    topics = list(TopicPage.objects.descendant_of(programme).order_by("path"))
    practice = [t for t in topics if t.kind == "practice"]
    assignments = []
    for topic in practice:
        assignment, _ = Assignment.objects.get_or_create(
            topic=topic, defaults={"brief_kk": "Практикалық жұмыс.", "brief_ru": "Практика."}
        )
        assignments.append(assignment)
    rubric = Rubric.objects.order_by("-version").first()
    password = make_password(SCALE_PASSWORD)
    trainee_group, _ = Group.objects.get_or_create(name=roles.TRAINEE)
    trainer_group, _ = Group.objects.get_or_create(name=roles.TRAINER)
    regions = list(Region.values)

    def people(count: int, kind: str) -> list:
        users = [
            User(
                email=f"scale-{kind}-{run}-{n}@example.kz",
                first_name=rng.choice(GIVEN_KK),
                last_name=f"{rng.choice(SURNAMES_KK)}-{letters(n)}",
                password=password,
                preferred_language=rng.choice(["kk", "kk", "ru"]),
            )
            for n in range(count)
        ]
        users = User.objects.bulk_create(users, batch_size=BATCH)
        EmailAddress.objects.bulk_create(
            [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
            batch_size=BATCH,
        )
        group = trainee_group if kind == "trainee" else trainer_group
        User.groups.through.objects.bulk_create(
            [User.groups.through(user_id=u.pk, group_id=group.pk) for u in users],
            batch_size=BATCH,
        )
        return users

    staff = people(trainers, "trainer")
    learners = people(trainees, "trainee")
    TraineeProfile.objects.bulk_create(
        [
            TraineeProfile(
                user=u,
                surname_kk=u.last_name,
                given_name_kk=u.first_name,
                surname_ru=f"{rng.choice(SURNAMES_RU)}-{letters(n)}",
                given_name_ru=rng.choice(GIVEN_RU),
                school=f"№ {n % 300 + 1} жалпы білім беретін мектеп",
                region=regions[n % len(regions)],
                organisation_type="general_school",
                qualification_category="moderator",
                years_of_experience=n % 25,
                employer_email=f"school-{run}-{n % 300}@edu.kz",
            )
            for n, u in enumerate(learners)
        ],
        batch_size=BATCH,
    )
    PersonalDataConsent.objects.bulk_create(
        [PersonalDataConsent(user=u, notice_version="1") for u in learners], batch_size=BATCH
    )

    # Cohorts over the last year, two weeks each; the last tenth are still studying. The rest
    # are the history behind them, which no everyday page may read in full.
    current_from = cohorts - max(1, cohorts // 10)
    span = 365
    made_cohorts = []
    for c in range(cohorts):
        starts = today - datetime.timedelta(days=span - (span * c) // cohorts)
        if c >= current_from:
            starts = today - datetime.timedelta(days=3 + c % 5)
        made_cohorts.append(
            Cohort(
                programme=programme,
                code=f"scale-{run}-{c}",
                name=f"{regions[c % len(regions)]} {starts:%Y-%m} {c}",
                language="ru" if c % 4 == 3 else "kk",
                starts_on=starts,
                ends_on=starts + datetime.timedelta(days=14),
                capacity=max(30, trainees // cohorts + 5),
            )
        )
    made_cohorts = Cohort.objects.bulk_create(made_cohorts, batch_size=BATCH)
    Cohort.trainers.through.objects.bulk_create(
        [
            Cohort.trainers.through(cohort_id=cohort.pk, user_id=staff[i % len(staff)].pk)
            for i, cohort in enumerate(made_cohorts)
        ],
        batch_size=BATCH,
    )

    # Four live sessions a cohort, on its first lecture topics, one a day from its start.
    lectures = [t for t in topics if t.kind == "lecture"][:4]
    sessions = LiveSession.objects.bulk_create(
        [
            LiveSession(
                cohort=cohort,
                topic=topic,
                starts_at=timezone.make_aware(
                    datetime.datetime.combine(
                        cohort.starts_on + datetime.timedelta(days=i), datetime.time(15)
                    )
                ),
                online_link="https://meet.example.kz/pa",
            )
            for cohort in made_cohorts
            for i, topic in enumerate(lectures)
        ],
        batch_size=BATCH,
    )

    enrolments = []
    for n, user in enumerate(learners):
        c = n % cohorts
        cohort = made_cohorts[c]
        if c < current_from:
            status = Enrolment.Status.NOT_PASSED if n % 20 == 0 else Enrolment.Status.COMPLETED
        else:
            status = Enrolment.Status.ACTIVE
        enrolments.append(
            Enrolment(
                cohort=cohort,
                trainee=user,
                status=status,
                agreement_accepted_at=now,
                agreement_version="1",
            )
        )
    enrolments = Enrolment.objects.bulk_create(enrolments, batch_size=BATCH)
    EnrolmentEvent.objects.bulk_create(
        [
            EnrolmentEvent(enrolment=e, from_status="", to_status="active", at=now)
            for e in enrolments
        ]
        + [
            EnrolmentEvent(enrolment=e, from_status="active", to_status=e.status, at=now)
            for e in enrolments
            if e.status != Enrolment.Status.ACTIVE
        ],
        batch_size=BATCH,
    )

    # 14 topics done per trainee on average (70,000 at 5,000): all 28 for most finished ones,
    # a few for those still studying.
    completions = []
    per_trainee = 14 * trainees  # the year's total, not per person
    # Those still studying first, so that the current cohorts' progress is always there.
    for e in sorted(enrolments, key=lambda e: e.status != Enrolment.Status.ACTIVE):
        done = len(topics) if e.status != Enrolment.Status.ACTIVE else rng.randrange(0, 8)
        done = min(done, per_trainee - len(completions))
        completions.extend(
            TopicCompletion(enrolment=e, topic=topic, source="studied") for topic in topics[:done]
        )
    TopicCompletion.objects.bulk_create(completions, batch_size=BATCH)

    # 2.8 practice submissions per trainee (14,000 at 5,000): accepted in the finished cohorts;
    # waiting, returned or drafts in the current ones: the grading queue's work.
    submissions = []
    wanted = round(2.8 * trainees)
    for i in range(wanted):
        e = enrolments[i % len(enrolments)]
        assignment = assignments[(i // len(enrolments)) % len(assignments)]
        if e.status != Enrolment.Status.ACTIVE:
            status = Submission.Status.ACCEPTED
        else:
            status = rng.choice(
                [Submission.Status.SUBMITTED, Submission.Status.RETURNED, Submission.Status.DRAFT]
            )
        submitted = (
            None
            if status == Submission.Status.DRAFT
            else now - datetime.timedelta(hours=rng.randrange(1, 24 * 300))
        )
        submissions.append(
            Submission(assignment=assignment, enrolment=e, status=status, submitted_at=submitted)
        )
    submissions = Submission.objects.bulk_create(
        submissions, batch_size=BATCH, ignore_conflicts=False
    )
    SubmissionVersion.objects.bulk_create(
        [
            SubmissionVersion(
                submission=s,
                number=1,
                text="Жағдаят: сынып жетекшісімен бірге баланың күн тәртібі құрылды.",
                anonymised_confirmed=True,
                submitted_at=s.submitted_at,
                decision={"accepted": "accepted", "returned": "returned"}.get(s.status, ""),
                decided_by=staff[0] if s.status in ("accepted", "returned") else None,
                decided_at=s.submitted_at if s.status in ("accepted", "returned") else None,
            )
            for s in submissions
        ],
        batch_size=BATCH,
    )

    # Final results and documents of the finished cohorts: certificates for passes (valid, a
    # few revoked, a few re-issued, the oldest expired), statements of attendance for the rest.
    finished = [e for e in enrolments if e.status != Enrolment.Status.ACTIVE]
    results = []
    for e in finished:
        passed = e.status == Enrolment.Status.COMPLETED
        total = rng.randrange(50, 101) if passed else rng.randrange(20, 50)
        band = band_for(total).code
        results.append(
            FinalResult(
                enrolment=e,
                rubric=rubric,
                status=FinalResult.Status.FINALISED,
                total=total,
                band=band,
                finalised_at=now,
                finalised_by=staff[0],
                released_at=now,
            )
        )
    results = FinalResult.objects.bulk_create(results, batch_size=BATCH)
    # The audit log: one score change a result, by the cohort's first marker.
    criterion = rubric.criteria.order_by("position").first()
    changes = ScoreChange.objects.bulk_create(
        [
            ScoreChange(
                result=result,
                criterion=criterion,
                role="first",
                changed_by=staff[n % len(staff)],
                old_score=None,
                new_score=min(criterion.max_score, 15),
            )
            for n, result in enumerate(results)
        ],
        batch_size=BATCH,
    )
    serials: dict[tuple[int, str], int] = {}
    for counter in SerialCounter.objects.all():
        serials[(counter.year, "certificate")] = counter.last
    for counter in StatementCounter.objects.all():
        serials[(counter.year, "statement")] = counter.last
    documents = []
    replacements = []
    for n, (e, result) in enumerate(zip(finished, results, strict=True)):
        cohort = e.cohort
        kind = "certificate" if e.status == Enrolment.Status.COMPLETED else "statement"
        issued = cohort.ends_on
        if n % 50 == 7:
            issued = issued - datetime.timedelta(days=3 * 366)  # expired by now
        key = (issued.year, kind)
        serials[key] = serials.get(key, 0) + 1
        status = Certificate.Status.VALID
        if kind == "certificate" and n % 40 == 3:
            status = Certificate.Status.REVOKED
        elif kind == "certificate" and n % 40 == 5:
            status = Certificate.Status.SUPERSEDED
        document = _document(
            Certificate,
            e,
            kind=kind,
            serial=format_serial(issued.year, serials[key], kind=kind),
            code=generate_code(),
            issued=issued,
            valid_until=valid_until_for(issued) if kind == "certificate" else None,
            score=result.total,
            band=result.band,
            status=status,
        )
        if status == Certificate.Status.REVOKED:
            document.revoked_on = issued + datetime.timedelta(days=30)
            document.revocation_code = RevocationReason.values[0]
        documents.append(document)
        if status == Certificate.Status.SUPERSEDED:
            serials[key] += 1
            replacements.append(
                (
                    document,
                    _document(
                        Certificate,
                        e,
                        kind=kind,
                        serial=format_serial(issued.year, serials[key], kind=kind),
                        code=generate_code(),
                        issued=issued + datetime.timedelta(days=10),
                        valid_until=valid_until_for(issued),
                        score=result.total,
                        band=result.band,
                        status=Certificate.Status.VALID,
                    ),
                )
            )
    Certificate.objects.bulk_create([new for _, new in replacements], batch_size=BATCH)
    for old, new in replacements:
        old.superseded_by = new
    documents = Certificate.objects.bulk_create(documents, batch_size=BATCH)
    for (year, kind), last in serials.items():
        model = SerialCounter if kind == "certificate" else StatementCounter
        model.objects.update_or_create(year=year, defaults={"last": last})

    # Mentoring tickets (300 at 5,000) from holders of valid certificates, a third still open.
    holders = [d for d in documents if d.kind == "certificate" and d.status == "valid"]
    tickets = []
    for n in range(min(len(holders), round(trainees * 300 / 5000))):
        document = holders[n * 7 % len(holders)]
        opened = now - datetime.timedelta(days=rng.randrange(1, 300))
        status = [Ticket.Status.NEW, Ticket.Status.ANSWERED, Ticket.Status.CLOSED][n % 3]
        tickets.append(
            Ticket(
                certificate=document,
                graduate_id=document.holder_id,
                topic=TicketTopic.values[n % len(TicketTopic.values)],
                subject="Баланың мінез-құлқын қолдау",
                description="Сабақта бала жиі алаңдайды: қандай көрнекі құралдар көмектеседі?",
                mentor=staff[n % len(staff)] if status != Ticket.Status.NEW else None,
                created_at=opened,
                first_reply_due=opened + datetime.timedelta(days=2),
                first_response_at=opened + datetime.timedelta(days=1)
                if status != Ticket.Status.NEW
                else None,
                closed_at=opened + datetime.timedelta(days=5)
                if status == Ticket.Status.CLOSED
                else None,
            )
        )
    Ticket.objects.bulk_create(tickets, batch_size=BATCH)
    return {
        "trainees": len(learners),
        "trainers": len(staff),
        "cohorts": len(made_cohorts),
        "live sessions": len(sessions),
        "topic completions": len(completions),
        "practice submissions": len(submissions),
        "final results": len(results),
        "score changes": len(changes),
        "certificates and statements": len(documents) + len(replacements),
        "mentoring tickets": len(tickets),
    }


def _document(model, enrolment, *, kind, serial, code, issued, valid_until, score, band, status):
    """A document as issuing leaves it, its frozen fields filled from the seeded people."""
    user = enrolment.trainee
    return model(
        kind=kind,
        serial=serial,
        code=code,
        enrolment=enrolment,
        holder=user,
        cohort=enrolment.cohort,
        holder_name_kk=f"{user.last_name} {user.first_name}",
        holder_name_ru=f"{user.last_name} {user.first_name}",
        holder_surname=user.last_name,
        holder_surname_ru=user.last_name,
        holder_email=user.email,
        course_title_kk="Педагог-ассистенттердің біліктілігін арттыру",
        course_title_ru="Повышение квалификации педагогов-ассистентов",
        hours=80,
        modules=[],
        score=score if kind == "certificate" else None,
        band=band if kind == "certificate" else "",
        course_from=enrolment.cohort.starts_on,
        course_to=enrolment.cohort.ends_on,
        issued_on=issued,
        valid_until=valid_until,
        signatory_position_kk="Директор",
        signatory_position_ru="Директор",
        organisation_name_kk="Біліктілікті арттыру орталығы",
        organisation_name_ru="Центр повышения квалификации",
        verification_url=f"{settings.SITE_URL}/verify/{code}/",
        status=status,
    )
