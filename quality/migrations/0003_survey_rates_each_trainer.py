from django.db import migrations, models


def rate_each_trainer(apps, schema_editor):
    """The survey's "trainers" question rated all the trainers at once; it now rates each trainer
    of the cohort. A version people have answered is never changed: a new version is made then
    (answers keep the version they answered); an unanswered one is changed in place."""
    from quality.questionnaire_data import SURVEY

    Questionnaire = apps.get_model("quality", "Questionnaire")
    Question = apps.get_model("quality", "Question")
    current = Questionnaire.objects.filter(kind="survey").order_by("-version").first()
    if current is None:
        return
    old = current.questions.filter(code="trainers", kind="rating").first()
    if old is None:
        return
    new = next(q for q in SURVEY["questions"] if q["code"] == "trainers")
    answered = current.responses.exists() or current.survey_responses.exists()
    if answered:
        copy = Questionnaire.objects.create(
            kind="survey",
            version=current.version + 1,
            **{f: getattr(current, f) for f in ("title_kk", "title_ru", "intro_kk", "intro_ru")},
        )
        for question in current.questions.order_by("sort_order"):
            fields = {
                f: getattr(question, f)
                for f in ("code", "kind", "text_kk", "text_ru", "choices_kk", "choices_ru")
            }
            if question.code == "trainers":
                fields.update(kind="trainers", text_kk=new["text_kk"], text_ru=new["text_ru"])
            Question.objects.create(
                questionnaire=copy,
                sort_order=question.sort_order,
                required=question.required,
                **fields,
            )
    else:
        old.kind, old.text_kk, old.text_ru = "trainers", new["text_kk"], new["text_ru"]
        old.save(update_fields=["kind", "text_kk", "text_ru"])


class Migration(migrations.Migration):
    dependencies = [("quality", "0002_default_questionnaires")]

    operations = [
        migrations.AlterField(
            model_name="question",
            name="kind",
            field=models.CharField(
                choices=[
                    ("rating", "Rating 1–5"),
                    ("trainers", "Rating 1–5 of each trainer of the cohort"),
                    ("single", "One choice"),
                    ("multiple", "Several choices"),
                    ("number", "Number"),
                    ("text", "Free text"),
                ],
                max_length=10,
                verbose_name="kind",
            ),
        ),
        migrations.RunPython(rate_each_trainer, migrations.RunPython.noop),
    ]
