"""How quality plugs into the rest: the trainee dashboard (asks for the self-assessment and the
questionnaires at the right moment), the registrar's cohort page, personal data."""

from __future__ import annotations


def dashboard_panel(request, enrolment):
    """What the trainee is asked now: the needs questionnaire, the self-assessment stage that is
    open, the end-of-course survey, a follow-up; and the link to their growth chart. No query of
    its own: its facts (selectors.fact_expressions) come with the enrolment's state."""
    from django.utils import timezone

    from course.dashboard import enrolment_state

    from .models import Questionnaire
    from .selectors import (
        FACT_NAMES,
        FOLLOW_UP_MONTHS,
        needs_open,
        self_assessment_open_stage,
        survey_open,
    )

    if enrolment is None or enrolment.trainee_id != request.user.pk:
        return None
    today = timezone.localdate()
    # Read with the rest of the enrolment's state, in the dashboard's one query.
    state = enrolment_state(enrolment)
    facts = {name: state[f"quality_{name}"] for name in FACT_NAMES}
    stage = self_assessment_open_stage(enrolment=enrolment, today=today, facts=facts)
    context = {
        "stage": stage,
        "needs": needs_open(enrolment=enrolment, facts=facts),
        "survey": survey_open(enrolment=enrolment, today=today, facts=facts),
        # As selectors.follow_up_certificate: not answered yet, and a valid certificate old enough.
        "follow_ups": [
            m
            for m in FOLLOW_UP_MONTHS
            if not facts[f"follow_up_{m}_answered"] and facts[f"follow_up_{m}_certificate"]
        ],
        "has_ratings": facts["rated_any"],
        "kinds": Questionnaire.Kind,
    }
    if (
        not (stage or context["needs"] or context["survey"] or context["follow_ups"])
        and not context["has_ratings"]
    ):
        return None
    return {"template": "quality/dashboard_panel.html", "context": context}


EXPORTED_MODELS = (
    "quality.SelfAssessment",
    "quality.Response",
    "quality.SurveyAnswered",
    "quality.FollowUpInvitation",
    "quality.TrainerQualification",
)


def export_personal_data(user) -> dict:
    """The person's own self-assessments and named answers. The anonymous survey is not here:
    nothing links it to the person (only that they answered)."""
    from cms.personal_data import row

    from .models import (
        FollowUpInvitation,
        Response,
        SelfAssessment,
        SurveyAnswered,
        TrainerQualification,
    )

    qualification = TrainerQualification.objects.filter(trainer=user).first()
    return {
        "self_assessments": [
            row(a, exclude=("enrolment",)) | {"enrolment": a.enrolment_id}
            for a in SelfAssessment.objects.filter(enrolment__trainee=user)
        ],
        "questionnaire_responses": [
            row(r, exclude=("enrolment", "questionnaire"))
            | {"questionnaire": str(r.questionnaire), "enrolment": r.enrolment_id}
            for r in Response.objects.filter(enrolment__trainee=user).select_related(
                "questionnaire"
            )
        ],
        "survey_answered_in_enrolments": list(
            SurveyAnswered.objects.filter(enrolment__trainee=user).values_list(
                "enrolment_id", flat=True
            )
        ),
        "follow_up_invitations": [
            {"enrolment": i.enrolment_id, "months": i.months, "sent_at": i.sent_at.isoformat()}
            for i in FollowUpInvitation.objects.filter(enrolment__trainee=user)
        ],
        "trainer_qualification": (
            row(qualification, exclude=("trainer",)) if qualification else None
        ),
    }


def erase_personal_data(user) -> None:
    """The CV goes from the disk with the account (the row goes by cascade)."""
    from cms.private_files import delete_field_file_on_commit

    from .models import TrainerQualification

    for qualification in TrainerQualification.objects.filter(trainer=user).exclude(cv=""):
        delete_field_file_on_commit(qualification.cv)


def pseudonymise_personal_data(user) -> None:
    """Self-ratings, named answers and a trainer's CV are not academic records: they go. The
    anonymous survey answers stay (nothing links them to the person)."""
    from .models import FollowUpInvitation, Response, SelfAssessment, TrainerQualification

    erase_personal_data(user)
    SelfAssessment.objects.filter(enrolment__trainee=user).delete()
    Response.objects.filter(enrolment__trainee=user).delete()
    FollowUpInvitation.objects.filter(enrolment__trainee=user).delete()
    TrainerQualification.objects.filter(trainer=user).delete()


def trainer_shortfalls(trainers) -> dict[int, list[str]]:
    """Order 338's requirements for a lecturer, for the cohort's admin form."""
    from .selectors import trainer_rows

    return {row.trainer.pk: row.shortfalls for row in trainer_rows(trainers) if row.shortfalls}


def connect() -> None:
    from cms.personal_data import register_eraser, register_exporter, register_pseudonymiser
    from cms.slots import register_slot_template
    from course.dashboard import register_panel, register_states
    from course.trainer_checks import register_trainer_check

    from .selectors import FACT_NAMES, fact_expressions

    register_panel(dashboard_panel, order=15)
    # Prefixed: some names are also the enrolment's reverse relations (survey_answered).
    register_states(
        tuple(f"quality_{name}" for name in FACT_NAMES),
        lambda: {f"quality_{name}": e for name, e in fact_expressions().items()},
    )
    register_trainer_check(trainer_shortfalls)
    register_exporter("quality", export_personal_data, models=EXPORTED_MODELS)
    register_eraser(erase_personal_data)
    register_pseudonymiser(pseudonymise_personal_data)
    register_slot_template(slot="cohort_links", template="quality/slots/cohort_link.html")
