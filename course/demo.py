"""Demo people for `seed_demo`: a cohort that started a few weeks ago, one registrar, two trainers
and twenty trainees with complete profiles at varied progress. Idempotent: running it again finds
everything it made and changes nothing. The emails and passwords are listed in the README."""

from __future__ import annotations

import datetime

from django.utils import timezone

COHORT_CODE = "demo-2026"
ENROLMENT_KEY = "DEMO-2026"
AGREEMENT_VERSION = "2026.1"
REGISTRAR = ("registrar@demo.kz", "demo-registrar-2026", "Демо", "Тіркеуші")
TRAINERS = [
    ("trainer1@demo.kz", "demo-trainer-2026", "Айгүл", "Омарова"),
    ("trainer2@demo.kz", "demo-trainer-2026", "Ерлан", "Қасымов"),
]
TRAINEE_PASSWORD = "demo-trainee-2026"
# (surname kk, given name kk, patronymic kk, surname ru, given name ru, patronymic ru)
TRAINEE_NAMES = [
    ("Абдуллаева", "Әсел", "Маратқызы", "Абдуллаева", "Асель", "Маратовна"),
    ("Бекова", "Гүлнұр", "Серікқызы", "Бекова", "Гульнур", "Сериковна"),
    ("Жұмабаева", "Айгерім", "Болатқызы", "Жумабаева", "Айгерим", "Болатовна"),
    ("Иванова", "Анна", "Сергеевна", "Иванова", "Анна", "Сергеевна"),
    ("Қайратова", "Дана", "Ерланқызы", "Кайратова", "Дана", "Ерлановна"),
    ("Мұратова", "Жанар", "Асқарқызы", "Муратова", "Жанар", "Аскаровна"),
    ("Нұрланова", "Сәуле", "Қанатқызы", "Нурланова", "Сауле", "Канатовна"),
    ("Оспанова", "Мөлдір", "Жандосқызы", "Оспанова", "Молдир", "Жандосовна"),
    ("Петрова", "Ольга", "Викторовна", "Петрова", "Ольга", "Викторовна"),
    ("Рахимова", "Ләззат", "Төлегенқызы", "Рахимова", "Ляззат", "Тулегеновна"),
    ("Сағынова", "Гүлмира", "Бақытқызы", "Сагынова", "Гульмира", "Бахытовна"),
    ("Тоқтарова", "Аружан", "Нұржанқызы", "Токтарова", "Аружан", "Нуржановна"),
    ("Уәлиева", "Динара", "Мұхтарқызы", "Уалиева", "Динара", "Мухтаровна"),
    ("Фёдорова", "Елена", "Игоревна", "Фёдорова", "Елена", "Игоревна"),
    ("Хасенова", "Самал", "Ғалымқызы", "Хасенова", "Самал", "Галымовна"),
    ("Шәріпова", "Ақмарал", "Дәуренқызы", "Шарипова", "Акмарал", "Дауреновна"),
    ("Ысқақова", "Айнұр", "Ермекқызы", "Искакова", "Айнур", "Ермековна"),
    ("Әбенова", "Меруерт", "Саматқызы", "Абенова", "Меруерт", "Саматовна"),
    ("Байжанов", "Нұрлан", "Ержанұлы", "Байжанов", "Нурлан", "Ержанович"),
    ("Есенова", "Жансая", "Талғатқызы", "Есенова", "Жансая", "Талгатовна"),
]
REGIONS = ["astana", "almaty_city", "karaganda", "turkistan", "pavlodar"]
AGREEMENT_KK = (
    "<p>Тыңдаушы 80 сағаттық біліктілікті арттыру курсының барлық тақырыптарын оқуға, "
    "практикалық жұмыстарды өз бетінше орындауға, балалардың жеке деректерін құпия сақтауға "
    "және академиялық адалдық қағидаларын бұзбауға міндеттенеді.</p>"
)
AGREEMENT_RU = (
    "<p>Слушатель обязуется изучить все темы 80-часового курса повышения квалификации, "
    "выполнять практические работы самостоятельно, сохранять конфиденциальность персональных "
    "данных детей и соблюдать правила академической честности.</p>"
)
AGREEMENT_EN = (
    "<p>The trainee undertakes to study every topic of the 80-hour course, to do the practice "
    "work on their own, to keep children's personal data confidential and to follow the rules "
    "of academic honesty.</p>"
)


def _person(email: str, password: str, first: str, last: str, *, staff: bool = False):
    from allauth.account.models import EmailAddress

    from cms.models import User

    user, created = User.objects.get_or_create(
        email=email, defaults={"first_name": first, "last_name": last, "is_staff": staff}
    )
    if created or not user.check_password(password):
        user.set_password(password)
        user.save()
    # Demo people sign in at once: their address counts as verified.
    EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    return user


def _programme():
    from .models import ProgrammePage

    # The demo's cohorts study the first version (an editor may have made a second one since).
    programme = ProgrammePage.objects.filter(locale__language_code="kk").order_by("version").first()
    if programme is None:
        from .programme_data import MODULES, PROGRAMME
        from .services import programme_load

        programme_load(programme=PROGRAMME, modules=MODULES)
        programme = ProgrammePage.objects.get(locale__language_code="kk", version=1)
    return programme


def seed(result: dict) -> None:
    from cms.models import TraineeProfile
    from cms.roles import REGISTRAR as REGISTRAR_ROLE
    from cms.roles import TRAINEE, TRAINER
    from cms.services import role_assign

    from .models import Attendance, Cohort, CourseAgreement, Enrolment, EnrolmentEvent, LiveSession
    from .selectors import programme_topics
    from .services import attendance_record, topic_complete

    programme = _programme()
    today = timezone.localdate()
    CourseAgreement.objects.get_or_create(
        version=AGREEMENT_VERSION,
        defaults={"text_kk": AGREEMENT_KK, "text_ru": AGREEMENT_RU, "text_en": AGREEMENT_EN},
    )

    email, password, first, last = REGISTRAR
    registrar = _person(email, password, first, last, staff=True)
    role_assign(user=registrar, role=REGISTRAR_ROLE)
    result["accounts"].append({"email": email, "password": password, "role": "registrar"})

    trainers = []
    for email, password, first, last in TRAINERS:
        trainer = _person(email, password, first, last)
        role_assign(user=trainer, role=TRAINER)
        trainers.append(trainer)
        result["accounts"].append({"email": email, "password": password, "role": "trainer"})

    cohort, _created = Cohort.objects.get_or_create(
        code=COHORT_CODE,
        defaults={
            "programme": programme,
            "name": "Демо ағын 2026 / Демо-поток 2026",
            "language": "kk",
            "starts_on": today - datetime.timedelta(weeks=3),
            "ends_on": today + datetime.timedelta(weeks=5),
            "capacity": 30,
            "enrolment_key": ENROLMENT_KEY,
        },
    )
    cohort.trainers.add(*trainers)

    topics = programme_topics(programme)
    lectures = [t for t in topics if t.kind == "lecture"]
    practice = [t for t in topics if t.kind == "practice"]
    start = timezone.make_aware(datetime.datetime.combine(cohort.starts_on, datetime.time(15, 0)))
    sessions = []
    for index, topic in enumerate(practice[:8]):
        # A session every four days from the start: the first ones are past, the rest to come.
        session, _created = LiveSession.objects.get_or_create(
            cohort=cohort,
            topic=topic,
            defaults={
                "starts_at": start + datetime.timedelta(days=4 * index + 2),
                "duration_minutes": 90,
                "online_link": "https://meet.example.kz/demo-2026",
            },
        )
        sessions.append(session)

    enrolments = []
    for number, names in enumerate(TRAINEE_NAMES, start=1):
        email = f"trainee{number:02d}@demo.kz"
        user = _person(email, TRAINEE_PASSWORD, names[1], names[0])
        role_assign(user=user, role=TRAINEE)
        TraineeProfile.objects.get_or_create(
            user=user,
            defaults={
                "surname_kk": names[0],
                "given_name_kk": names[1],
                "patronymic_kk": names[2],
                "surname_ru": names[3],
                "given_name_ru": names[4],
                "patronymic_ru": names[5],
                "school": f"№ {number + 10} жалпы білім беретін мектеп",
                "region": REGIONS[number % len(REGIONS)],
                "organisation_type": "general_school",
                "qualification_category": "pedagogue" if number % 3 else "moderator",
                "years_of_experience": number % 12 + 1,
                "employer_email": f"school{number + 10}@demo.kz",
            },
        )
        enrolment, created = Enrolment.objects.get_or_create(
            cohort=cohort,
            trainee=user,
            defaults={
                "agreement_accepted_at": timezone.now(),
                "agreement_version": AGREEMENT_VERSION,
            },
        )
        if created:
            EnrolmentEvent.objects.create(
                enrolment=enrolment, from_status="", to_status="active", by=user
            )
        # Joined before the cohort started, as the story goes, not on the day of the seed.
        joined = timezone.make_aware(
            datetime.datetime.combine(
                cohort.starts_on - datetime.timedelta(days=2), datetime.time(10, 0)
            )
        )
        Enrolment.objects.filter(pk=enrolment.pk).update(
            enrolled_at=joined, agreement_accepted_at=joined
        )
        EnrolmentEvent.objects.filter(enrolment=enrolment, from_status="").update(at=joined)
        enrolments.append(enrolment)
        # Varied progress: trainee01 has studied no lecture yet, trainee20 all of them.
        studied = round((number - 1) * len(lectures) / (len(TRAINEE_NAMES) - 1))
        for topic in lectures[:studied]:
            topic_complete(enrolment=enrolment, topic=topic, source="studied")
        result["accounts"].append({"email": email, "password": TRAINEE_PASSWORD, "role": "trainee"})

    now = timezone.now()
    for index, session in enumerate(s for s in sessions if s.starts_at < now):
        if Attendance.objects.filter(session=session).exists():
            continue
        marks = {}
        for number, enrolment in enumerate(enrolments, start=1):
            if (number + index) % 7 == 0:
                marks[enrolment.pk] = "absent"
            elif (number + index) % 11 == 0:
                marks[enrolment.pk] = "excused"
            else:
                marks[enrolment.pk] = "present"
        attendance_record(session=session, marks=marks, recorded_by=trainers[index % 2])

    # A finished lecture and practice topic for editors to copy (course/demo_content.py).
    from .demo_content import seed as seed_demo_topics

    seed_demo_topics(result)
