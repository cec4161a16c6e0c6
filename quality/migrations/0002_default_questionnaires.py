from django.db import migrations


def load(apps, schema_editor):
    from quality.questionnaire_data import DEFAULTS

    Questionnaire = apps.get_model("quality", "Questionnaire")
    Question = apps.get_model("quality", "Question")
    for data in DEFAULTS:
        if Questionnaire.objects.filter(kind=data["kind"]).exists():
            continue
        questionnaire = Questionnaire.objects.create(
            version=1, **{k: v for k, v in data.items() if k != "questions"}
        )
        for order, question in enumerate(data["questions"]):
            Question.objects.create(questionnaire=questionnaire, sort_order=order, **question)


class Migration(migrations.Migration):
    dependencies = [("quality", "0001_quality_loop")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
