"""Rubric version 1: the five criterion titles as the approved programme writes them (seed 004,
lines 1423-1463), in Kazakh verbatim, the Russian and English as translations. Wording only: codes,
maxima and bands are unchanged, so results scored on version 1 keep their meaning. A title an
editor has already changed is left alone."""

from django.db import migrations

OLD_KK = {
    "theory": "Теорияны меңгеру",
    "practice": "Білімді практикалық жағдаяттарда қолдану",
    "plan": "Қорытынды жұмыстың сапасы: жеке қолдау жоспары",
    "defence": "Таныстыру және қорғау",
    "participation": "Белсенді қатысу",
}
TITLES = {
    "theory": (
        "Теориялық материалды меңгеру (қазіргі заманғы тәсілдер, нормативтік талаптар, қолдау "
        "әдістері)",
        "Владение теоретическим материалом (современные подходы, нормативные требования, методы "
        "сопровождения)",
        "Mastery of theory (modern approaches, legal requirements, support methods)",
    ),
    "practice": (
        "Тәжірибелік жағдайларда білімді қолдану (кейстерді талдау, қолдау құралдарын таңдау)",
        "Применение знаний в практических ситуациях (анализ кейсов, выбор инструментов "
        "сопровождения)",
        "Applying knowledge to practical situations (case analysis, choosing support tools)",
    ),
    "plan": (
        "Қорытынды тапсырманың сапасы: жеке қолдау жоспары (құрылымы, логикасы, "
        "қажеттіліктерді талдаудың дұрыстығы, құралдардың негіздемесі)",
        "Качество итогового задания: индивидуальный план сопровождения (структура, логика, "
        "правильность анализа потребностей, обоснование инструментов)",
        "Quality of the final task: the individual support plan (structure, logic, correct "
        "needs analysis, justification of tools)",
    ),
    "defence": (
        "Қорытынды жұмысты ұсыну және қорғау (дәлелдеу, кәсіби терминология, сұрақтарға жауап "
        "беру қабілеті)",
        "Представление и защита итоговой работы (аргументация, профессиональная терминология, "
        "умение отвечать на вопросы)",
        "Presentation and defence of the final work (argument, professional terminology, "
        "answering questions)",
    ),
    "participation": (
        "Талқылауға, топтық жұмысқа, практикалық сабақтарға қатысу",
        "Участие в обсуждениях, групповой работе, практических занятиях",
        "Participation in discussions, group work, practical sessions",
    ),
}


def use_approved_titles(apps, schema_editor):
    RubricCriterion = apps.get_model("assessment", "RubricCriterion")
    for code, (kk, ru, en) in TITLES.items():
        RubricCriterion.objects.filter(
            rubric__version=1, code=code, title_kk=OLD_KK[code]
        ).update(title_kk=kk, title_ru=ru, title_en=en)


class Migration(migrations.Migration):
    dependencies = [("assessment", "0007_file_deleted_at")]

    operations = [migrations.RunPython(use_approved_titles, migrations.RunPython.noop)]
