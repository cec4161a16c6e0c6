"""Rubric version 1: the programme's five criteria (section 8) and bands 85 / 70 / 50."""

from django.db import migrations

CRITERIA = [
    (
        "theory",
        20,
        ("Теорияны меңгеру", "Владение теорией", "Mastery of theory"),
        (
            "Заманауи тәсілдер, нормативтік-құқықтық талаптар, қолдау әдістері",
            "Современные подходы, нормативные требования, методы сопровождения",
            "Modern approaches, legal requirements, support methods",
        ),
    ),
    (
        "practice",
        30,
        (
            "Білімді практикалық жағдаяттарда қолдану",
            "Применение знаний в практических ситуациях",
            "Applying knowledge to practical situations",
        ),
        (
            "Кейстерді талдау, қолдау құралдарын таңдау",
            "Анализ кейсов, выбор инструментов сопровождения",
            "Case analysis, choosing support tools",
        ),
    ),
    (
        "plan",
        30,
        (
            "Қорытынды жұмыстың сапасы: жеке қолдау жоспары",
            "Качество итоговой работы: индивидуальный план сопровождения",
            "Quality of the final task: the individual support plan",
        ),
        (
            "Құрылымы, логикасы, қажеттіліктерді дұрыс талдау, құралдарды негіздеу",
            "Структура, логика, корректный анализ потребностей, обоснование инструментов",
            "Structure, logic, correct needs analysis, justification of tools",
        ),
    ),
    (
        "defence",
        10,
        ("Таныстыру және қорғау", "Презентация и защита", "Presentation and defence"),
        (
            "Дәлелдеу, кәсіби терминология, сұрақтарға жауап беру",
            "Аргументация, профессиональная терминология, ответы на вопросы",
            "Argument, professional terminology, answering questions",
        ),
    ),
    (
        "participation",
        10,
        ("Белсенді қатысу", "Участие в работе", "Participation"),
        (
            "Талқылауларға, топтық жұмысқа, практикалық сабақтарға қатысу",
            "Участие в обсуждениях, групповой работе, практических занятиях",
            "Participation in discussions, group work, practical sessions",
        ),
    ),
]
BANDS = {"excellent": 85, "good": 70, "satisfactory": 50, "fail": 0}


def create(apps, schema_editor):
    Rubric = apps.get_model("assessment", "Rubric")
    RubricCriterion = apps.get_model("assessment", "RubricCriterion")
    if Rubric.objects.filter(version=1).exists():
        return
    assert sum(c[1] for c in CRITERIA) == 100
    rubric = Rubric.objects.create(version=1, bands=BANDS)
    for position, (code, max_score, titles, descriptors) in enumerate(CRITERIA):
        RubricCriterion.objects.create(
            rubric=rubric,
            code=code,
            position=position,
            max_score=max_score,
            title_kk=titles[0],
            title_ru=titles[1],
            title_en=titles[2],
            descriptor_kk=descriptors[0],
            descriptor_ru=descriptors[1],
            descriptor_en=descriptors[2],
        )


def remove(apps, schema_editor):
    apps.get_model("assessment", "Rubric").objects.filter(version=1, results__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("assessment", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
