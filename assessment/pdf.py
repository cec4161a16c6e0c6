"""The support plan as a PDF for the defence (WeasyPrint). DejaVu Sans covers every Kazakh letter
(Ә Ғ Қ Ң Ө Ұ Ү Һ І); its path can be changed with ASSESSMENT_PDF_FONT."""

from __future__ import annotations

from django.conf import settings
from django.template.loader import render_to_string


def plan_pdf(
    plan,
    *,
    trainee_name: str,
    abc_records=None,
    goals=None,
    attachments=None,
    heading: str = "",
) -> bytes:
    """The plan's PDF. Related rows come from the saved plan unless given (the blank template and
    the example are unsaved plans)."""
    from weasyprint import HTML

    saved = plan.pk is not None
    html = render_to_string(
        "assessment/plan_pdf.html",
        {
            "plan": plan,
            "abc_records": abc_records
            if abc_records is not None
            else (list(plan.abc_records.all()) if saved else []),
            "goals": goals if goals is not None else (list(plan.goals.all()) if saved else []),
            "attachments": attachments
            if attachments is not None
            else (list(plan.attachments.all()) if saved else []),
            "heading": heading,
            "trainee_name": trainee_name,
            # The current state: a returned plan's PDF says so, with the trainer's feedback.
            "last_return": _last_return(plan) if saved and plan.is_returned else None,
            "font": settings.ASSESSMENT_PDF_FONT,
            "bold_font": settings.ASSESSMENT_PDF_BOLD_FONT,
        },
    )
    return HTML(string=html).write_pdf()


def _last_return(plan):
    from .selectors import plan_last_return

    return plan_last_return(plan=plan)


def example_plan():
    """A filled example for trainees: an unsaved plan with its ABC records and goals."""
    import datetime as dt

    from .models import ABCRecord, PlanGoal, SupportPlan

    plan = SupportPlan(
        learner_code="L-1",
        learner_age=8,
        learner_class="2",
        sen_group=SupportPlan.SenGroup.LIMITED_ABILITIES,
        recommendations="ПМПК: көрнекі қолдау, тапсырмаларды қысқарту. / ПМПК: визуальная "
        "поддержка, сокращение заданий.",
        strengths="Сурет салуды жақсы көреді, көрнекі нұсқауларды тез түсінеді. / Любит "
        "рисовать, быстро понимает наглядные инструкции.",
        barriers="Ұзақ ауызша нұсқауларды түсінбейді, күтуге қиналады. / Не удерживает длинные "
        "устные инструкции, трудно ждать.",
        tools=["visual_schedule", "task_analysis", "reinforcement"],
        tools_rationale="Көрнекі кесте сабақтың барысын болжауға көмектеседі; тапсырманы "
        "қадамдарға бөлу дербестікті арттырады. / Визуальное расписание делает урок "
        "предсказуемым; разбивка на шаги повышает самостоятельность.",
        role_teacher="Тапсырмаларды бейімдейді. / Адаптирует задания.",
        role_specialists="Логопед пен психолог аптасына бір рет кеңес береді. / Логопед и "
        "психолог консультируют раз в неделю.",
        role_parents="Үйде де кестені қолданады. / Используют расписание дома.",
        monitoring_indicators="Өз бетінше орындалған қадамдар саны. / Число шагов, "
        "выполненных самостоятельно.",
        monitoring_method="Бақылау картасы / Карта наблюдения",
        monitoring_frequency="Аптасына бір рет / Раз в неделю",
        monitoring_recorder="Педагог-ассистент / Педагог-ассистент",
        review_date=dt.date(2027, 1, 20),
    )
    abc = [
        ABCRecord(
            antecedent="Жаңа тапсырма беріледі / Дано новое задание",
            behaviour="Дәптерді жабады / Закрывает тетрадь",
            consequence="Ассистент тапсырманы өзі орындайды / Ассистент делает задание сам",
        )
    ]
    goals = [
        PlanGoal(
            term=PlanGoal.Term.SHORT,
            goal="Кестеге қарап сабаққа дайындалу / Готовиться к уроку по расписанию",
            measure="5 күннің 4-інде / 4 дня из 5",
            target_date=dt.date(2026, 12, 20),
        ),
        PlanGoal(
            term=PlanGoal.Term.LONG,
            goal="Тапсырманы 3 қадаммен өз бетінше орындау / Выполнять задание из 3 шагов "
            "самостоятельно",
            measure="Бақылау картасы бойынша / По карте наблюдения",
            target_date=dt.date(2027, 5, 20),
        ),
    ]
    return plan, abc, goals
