"""Demo quality data for `seed_demo`, after certificates/demo.py: the finished cohort
`demo-2026-spring` gets needs answers, self-ratings before and after (growth in step with each
graduate's final score), five anonymous survey answers (the smallest group whose results are
shown) and the regions and categories the report groups by (the alumna of demo-2022 too); the
running cohort gets "before" ratings (some low, so its trainers see whom to support); the two demo
trainers get qualification records, the second with 2 years of pedagogical experience so the
registrar sees the warning. Idempotent: what exists is left alone."""

from __future__ import annotations

from django.core.files.base import ContentFile

from assessment.rubric import band_for

FINISHED_COHORT = "demo-2026-spring"
RUNNING_COHORT = "demo-2026"
# Graduates of the finished cohort, in certificates/demo.py's order, with their regions.
# (region, qualification category), filled where the profile has none.
GRADUATE_PROFILES = {
    "graduate1@demo.kz": ("karaganda", "moderator"),
    "graduate2@demo.kz": ("karaganda", "pedagogue"),
    "graduate3@demo.kz": ("astana", "moderator"),
    "graduate4@demo.kz": ("turkistan", "pedagogue"),
    "graduate5@demo.kz": ("astana", "pedagogue"),
    "graduate6@demo.kz": ("pavlodar", "pedagogue"),
    "alumna@demo.kz": ("almaty_city", "expert"),
}
TRAINER_RECORDS = {
    "trainer1@demo.kz": {
        "education": (
            "Е.А. Бөкетов атындағы Қарағанды университеті, 2008, «Педагогика және психология»; "
            "магистратура, 2012, «Арнайы педагогика» (демо)"
        ),
        "pedagogical_experience_years": 16,
        "category": "expert",
        "academic_degree": "Педагогика ғылымдарының магистрі (демо)",
    },
    "trainer2@demo.kz": {
        "education": "Астана педагогикалық колледжі, 2021; Л.Н. Гумилев атындағы ЕҰУ, 2024 (демо)",
        "pedagogical_experience_years": 2,
        "category": "moderator",
        "academic_degree": "",
    },
}


def _ratings(index: int, *, stage: str, total: int | None) -> dict[str, int]:
    """Before: mostly 1–2 (the seed's needs analysis: practice is what is lacking), a little
    higher on what trainees "know". After: up by 2 for an excellent score, 1–2 for good, 1 for
    satisfactory, 0–1 for a fail."""
    from .outcomes import OUTCOMES

    out = {}
    for n, outcome in enumerate(OUTCOMES):
        before = 2 if outcome.group == "knows" else 1 + (n + index) % 2
        if stage == "before":
            out[outcome.code] = before
            continue
        band = "fail" if total is None else band_for(total).code
        if band == "fail":
            gain = (n + index) % 2
        elif band == "satisfactory":
            gain = 1
        elif band == "good":
            gain = 1 + (n + index) % 2
        else:
            gain = 2
        out[outcome.code] = min(4, before + gain)
    return out


NEEDS_ANSWERS = [
    {
        "experience_years": 3,
        "qualification": 1,
        "workplace": 0,
        "difficulties": [0, 1],
        "training_needs": [0, 1],
        "formats": [0, 1],
        "digital_skills": 3,
        "self_adaptation": 2,
        "self_behaviour": 2,
        "self_visual": 2,
        "self_inclusion": 3,
        "self_documentation": 2,
        "expectations": "Мінез-құлықты қолдаудың нақты құралдары",
    },
    {
        "experience_years": 1,
        "qualification": 0,
        "workplace": 0,
        "difficulties": [0, 3],
        "training_needs": [0, 4],
        "formats": [0],
        "digital_skills": 2,
        "self_adaptation": 1,
        "self_behaviour": 2,
        "self_visual": 1,
        "self_inclusion": 2,
        "self_documentation": 1,
    },
    {
        "experience_years": 6,
        "qualification": 2,
        "workplace": 1,
        "difficulties": [1, 2],
        "training_needs": [1, 2],
        "formats": [1],
        "digital_skills": 4,
        "self_adaptation": 3,
        "self_behaviour": 3,
        "self_visual": 3,
        "self_inclusion": 3,
        "self_documentation": 3,
    },
    {
        "experience_years": 2,
        "qualification": 1,
        "workplace": 0,
        "difficulties": [0, 4],
        "training_needs": [0, 3],
        "formats": [0, 3],
        "digital_skills": 2,
        "self_adaptation": 2,
        "self_behaviour": 1,
        "self_visual": 2,
        "self_inclusion": 2,
        "self_documentation": 2,
        "expectations": "Как адаптировать задания на уроке",
    },
    {
        "experience_years": 4,
        "qualification": 1,
        "workplace": 2,
        "difficulties": [0, 2, 3],
        "training_needs": [0, 1, 3],
        "formats": [0],
        "digital_skills": 3,
        "self_adaptation": 2,
        "self_behaviour": 2,
        "self_visual": 2,
        "self_inclusion": 2,
        "self_documentation": 2,
    },
    {
        "experience_years": 0,
        "qualification": 0,
        "workplace": 0,
        "difficulties": [0],
        "training_needs": [0],
        "formats": [3],
        "digital_skills": 2,
        "self_adaptation": 1,
        "self_behaviour": 1,
        "self_visual": 1,
        "self_inclusion": 1,
        "self_documentation": 1,
    },
]

SURVEY_ANSWERS = [
    {"module_1": 5, "module_2": 5, "module_3": 4, "module_4": 5, "module_5": 4, "materials": 5,
     "trainers": 5, "organisation": 4, "comments": "Визуалды кестелер бірден жұмыста керек болды."},
    {"module_1": 4, "module_2": 4, "module_3": 4, "module_4": 4, "module_5": 3, "materials": 4,
     "trainers": 5, "organisation": 4},
    {"module_1": 4, "module_2": 5, "module_3": 5, "module_4": 4, "module_5": 4, "materials": 4,
     "trainers": 4, "organisation": 5, "comments": "Больше практики с реальными кейсами."},
    {"module_1": 3, "module_2": 4, "module_3": 4, "module_4": 3, "module_5": 3, "materials": 3,
     "trainers": 4, "organisation": 3, "comments": "Вебинар уақыты кешке ауыстырылса жақсы."},
    {"module_1": 4, "module_2": 3, "module_3": 3, "module_4": 4, "module_5": 3, "materials": 4,
     "trainers": 4, "organisation": 4},
]  # fmt: skip


def _survey_answers(answers: dict, cohort, index: int) -> dict:
    """The survey rates each trainer of the cohort: the listed rating for the first, and one
    less from every other respondent for the second, so the two trainers' means differ."""
    rating = answers["trainers"]
    trainers = list(cohort.trainers.order_by("last_name", "first_name"))
    per_trainer = {
        str(t.pk): max(1, rating - (1 if position and index % 2 else 0))
        for position, t in enumerate(trainers)
    }
    return {**answers, "trainers": per_trainer}


def _cv_pdf(name: str, record: dict) -> bytes:
    from certificates.pdf import font_face_css, html_to_pdf

    return html_to_pdf(
        f"<html><head><meta charset='utf-8'><style>{font_face_css()} body {{ font-family: "
        f"'PA Sans'; }}</style></head><body><h1>{name} — CV (демо)</h1>"
        f"<p>{record['education']}</p><p>Педагогикалық өтілі: "
        f"{record['pedagogical_experience_years']} жыл</p></body></html>"
    )


def _trainer_records() -> None:
    from cms.models import User

    from .models import TrainerQualification

    for email, record in TRAINER_RECORDS.items():
        trainer = User.objects.filter(email=email).first()
        if trainer is None or TrainerQualification.objects.filter(trainer=trainer).exists():
            continue
        qualification = TrainerQualification(trainer=trainer, **record)
        qualification.cv.save(
            f"cv-{trainer.pk}.pdf",
            ContentFile(_cv_pdf(trainer.get_full_name(), record)),
            save=False,
        )
        qualification.save()


def _finished_cohort() -> None:
    from assessment.selectors import final_result_for
    from cms.models import TraineeProfile
    from course.models import Enrolment

    from .models import Response, SelfAssessment, SurveyAnswered, SurveyResponse
    from .selectors import questionnaire_current

    enrolments = list(
        Enrolment.objects.filter(cohort__code=FINISHED_COHORT)
        .select_related("cohort", "trainee")
        .order_by("trainee__email")
    )
    for email, (region, category) in GRADUATE_PROFILES.items():
        TraineeProfile.objects.filter(user__email=email, region="").update(
            region=region, organisation_type="general_school"
        )
        TraineeProfile.objects.filter(user__email=email, qualification_category="").update(
            qualification_category=category
        )
    needs = questionnaire_current(kind="needs")
    survey = questionnaire_current(kind="survey")
    surveyed = 0
    for index, enrolment in enumerate(enrolments):
        if needs is not None and index < len(NEEDS_ANSWERS):
            Response.objects.get_or_create(
                enrolment=enrolment,
                questionnaire=needs,
                months=0,
                defaults={"answers": NEEDS_ANSWERS[index]},
            )
        result = final_result_for(enrolment=enrolment)
        total = result.total if result is not None and result.is_finalised else None
        SelfAssessment.objects.get_or_create(
            enrolment=enrolment,
            stage="before",
            defaults={"ratings": _ratings(index, stage="before", total=total)},
        )
        if enrolment.status == Enrolment.Status.WITHDRAWN:
            continue  # left in week 3: no "after" rating, no survey
        SelfAssessment.objects.get_or_create(
            enrolment=enrolment,
            stage="after",
            defaults={"ratings": _ratings(index, stage="after", total=total)},
        )
        if survey is not None and surveyed < len(SURVEY_ANSWERS):
            _marker, made = SurveyAnswered.objects.get_or_create(enrolment=enrolment)
            if made:
                SurveyResponse.objects.create(
                    questionnaire=survey,
                    cohort=enrolment.cohort,
                    answers=_survey_answers(SURVEY_ANSWERS[surveyed], enrolment.cohort, surveyed),
                )
            surveyed += 1


def _running_cohort() -> None:
    """Eight trainees of the running cohort rated themselves before module 1."""
    from course.models import Enrolment

    from .models import SelfAssessment
    from .outcomes import OUTCOMES

    enrolments = Enrolment.objects.filter(cohort__code=RUNNING_COHORT).order_by("trainee__email")
    for index, enrolment in enumerate(enrolments[:8]):
        ratings = {
            o.code: 1 + (n * 7 + index * 3) % 3 + (1 if o.group == "knows" and index % 2 else 0)
            for n, o in enumerate(OUTCOMES)
        }
        SelfAssessment.objects.get_or_create(
            enrolment=enrolment, stage="before", defaults={"ratings": ratings}
        )


def seed(result: dict) -> None:
    _trainer_records()
    _finished_cohort()
    _running_cohort()
