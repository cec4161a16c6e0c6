from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms.errors import apply_service_error
from cms.private_files import serve_private_file
from cms.roles import is_registrar, is_trainer
from course.models import Cohort, Enrolment
from course.selectors import cohorts_visible, enrolment_current, trainee_name

from . import selectors, services
from .forms import (
    PeriodForm,
    QuestionnaireForm,
    SelfAssessmentForm,
    questionnaire_initial_from_profile,
)
from .models import Questionnaire, TrainerQualification
from .outcomes import LEVEL_LABELS, group_heading
from .report import programme_report


def _language() -> str:
    return "ru" if (get_language() or "kk").startswith("ru") else "kk"


def _own_enrolment(request) -> Enrolment:
    enrolment = enrolment_current(request.user)
    if enrolment is None:
        raise Http404
    return enrolment


def _get_enrolment_for_viewer(request, pk: int) -> Enrolment:
    """The enrolment if the person is its trainee, one of its cohort's trainers or a registrar;
    404 for anyone else, so nobody learns that it exists."""
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("cohort", "trainee__trainee_profile"), pk=pk
    )
    if enrolment.trainee_id == request.user.pk:
        return enrolment
    if not cohorts_visible(request.user).filter(pk=enrolment.cohort_id).exists():
        raise Http404
    return enrolment


def _get_cohort_for_staff(request, pk: int) -> Cohort:
    cohort = cohorts_visible(request.user).filter(pk=pk).first()
    if cohort is None:
        raise Http404
    return cohort


def _require_registrar(request) -> None:
    if not is_registrar(request.user):
        raise PermissionDenied


# --- the trainee -------------------------------------------------------------------------------


@login_required
def competence(request):
    """The open self-assessment stage as a form; otherwise the trainee's growth."""
    enrolment = _own_enrolment(request)
    stage = selectors.self_assessment_open_stage(enrolment=enrolment)
    if stage is None:
        return redirect("quality:growth", pk=enrolment.pk)
    form = SelfAssessmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.self_assessment_submit(
                enrolment=enrolment, stage=stage, ratings=form.ratings()
            )
        except ValidationError as error:
            apply_service_error(error, request=request)
        else:
            messages.success(request, _("Thank you: your self-assessment is saved."))
            return redirect("quality:growth", pk=enrolment.pk)
    return render(
        request,
        "quality/self_assessment_form.html",
        {
            "form": form,
            "stage": stage,
            "levels": LEVEL_LABELS.items(),
            "groups": [(group_heading(code), fields) for code, fields in form.groups()],
        },
    )


@login_required
def growth(request, pk: int):
    enrolment = _get_enrolment_for_viewer(request, pk)
    rows = selectors.growth_of(enrolment=enrolment)
    return render(
        request,
        "quality/growth.html",
        {
            "enrolment": enrolment,
            "own": enrolment.trainee_id == request.user.pk,
            "name": trainee_name(enrolment.trainee, _language()),
            "rows": rows,
            "levels": LEVEL_LABELS.items(),
            "stage": (
                selectors.self_assessment_open_stage(enrolment=enrolment)
                if enrolment.trainee_id == request.user.pk
                else None
            ),
        },
    )


def _profile_of(user):
    try:
        return user.trainee_profile
    except ObjectDoesNotExist:
        return None


def _questionnaire_page(request, *, kind: str, months: int = 0):
    enrolment = _own_enrolment(request)
    if kind == Questionnaire.Kind.NEEDS:
        is_open = selectors.needs_open(enrolment=enrolment)
    elif kind == Questionnaire.Kind.SURVEY:
        is_open = selectors.survey_open(enrolment=enrolment)
    else:
        is_open = selectors.follow_up_certificate(enrolment=enrolment, months=months) is not None
    questionnaire = selectors.questionnaire_current(kind=kind)
    if questionnaire is None or not is_open:
        messages.info(request, _("This questionnaire is not open for you now."))
        return redirect("course:dashboard")
    language = _language()
    form = QuestionnaireForm(
        request.POST or None,
        questionnaire=questionnaire,
        language=language,
        # What the profile already holds (experience, category, workplace) is not asked twice.
        initial=(
            questionnaire_initial_from_profile(_profile_of(request.user))
            if kind == Questionnaire.Kind.NEEDS
            else None
        ),
        # The survey rates each trainer of the person's cohort.
        trainers=(
            enrolment.cohort.trainers.order_by("last_name", "first_name")
            if kind == Questionnaire.Kind.SURVEY
            else ()
        ),
    )
    if request.method == "POST" and form.is_valid():
        try:
            if kind == Questionnaire.Kind.SURVEY:
                services.survey_submit(
                    enrolment=enrolment, questionnaire=questionnaire, answers=form.answers()
                )
            else:
                services.response_submit(
                    enrolment=enrolment,
                    questionnaire=questionnaire,
                    answers=form.answers(),
                    months=months,
                )
        except ValidationError as error:
            apply_service_error(error, request=request)
        else:
            messages.success(request, _("Thank you: your answers are saved."))
            return redirect("course:dashboard")
    return render(
        request,
        "quality/questionnaire_form.html",
        {
            "form": form,
            "questionnaire": questionnaire,
            "title": questionnaire.title(language),
            "intro": questionnaire.intro(language),
            "anonymous": kind == Questionnaire.Kind.SURVEY,
        },
    )


@login_required
def needs(request):
    return _questionnaire_page(request, kind=Questionnaire.Kind.NEEDS)


@login_required
def survey(request):
    return _questionnaire_page(request, kind=Questionnaire.Kind.SURVEY)


@login_required
def follow_up(request, months: int):
    if months not in selectors.FOLLOW_UP_MONTHS:
        raise Http404
    return _questionnaire_page(request, kind=Questionnaire.Kind.FOLLOW_UP, months=months)


# --- trainers and registrars ---------------------------------------------------------------------


@login_required
def cohorts(request):
    if not (is_trainer(request.user) or is_registrar(request.user)):
        raise PermissionDenied
    return render(
        request,
        "quality/cohorts.html",
        {"cohorts": cohorts_visible(request.user).order_by("-starts_on", "code")},
    )


@login_required
def cohort(request, pk: int):
    cohort = _get_cohort_for_staff(request, pk)
    language = _language()
    figures = selectors.cohort_competence(cohort=cohort, language=language)
    needs_count, needs_summaries = selectors.needs_results(cohort=cohort, language=language)
    return render(
        request,
        "quality/cohort.html",
        {
            "cohort": cohort,
            "figures": figures,
            "needs_count": needs_count,
            "needs_summaries": needs_summaries,
            "survey": selectors.survey_results(cohorts=[cohort], language=language),
            "min_group": selectors.SURVEY_MIN_GROUP,
            "trainers": selectors.trainer_rows(cohort.trainers.order_by("last_name")),
            "is_registrar": is_registrar(request.user),
            "levels": LEVEL_LABELS.items(),
        },
    )


@login_required
def trainer_cv(request, pk: int):
    """A trainer's CV, for registrars only (private storage, never a public URL)."""
    _require_registrar(request)
    qualification = get_object_or_404(TrainerQualification, pk=pk)
    if not qualification.cv:
        raise Http404
    return serve_private_file(
        request, "private", qualification.cv.name, qualification.cv.name.rsplit("/", 1)[-1]
    )


def _report_heading(data, *, language: str) -> dict:
    """Who reports, on which course (its approved title and hours), over which period, and who
    signs: the printed report goes to the authority as the organisation's document."""
    from cms.selectors import organisation_name, organisation_settings_for
    from course.programme_data import PROGRAMME

    if data.start and data.end:
        period = _("Cohorts that ended from %(start)s to %(end)s") % {
            "start": data.start.strftime("%d.%m.%Y"),
            "end": data.end.strftime("%d.%m.%Y"),
        }
    elif data.start:
        period = _("Cohorts that ended from %(start)s") % {"start": data.start.strftime("%d.%m.%Y")}
    elif data.end:
        period = _("Cohorts that ended by %(end)s") % {"end": data.end.strftime("%d.%m.%Y")}
    else:
        period = _("All cohorts that have ended")
    organisation = organisation_settings_for(None)
    title = PROGRAMME["title"].get(language) or PROGRAMME["title"]["kk"]
    return {
        "organisation": organisation_name(language),
        "course_title": title,
        "hours": settings.COURSE_HOURS,
        "period": period,
        "signatory_name": organisation.signatory_name if organisation is not None else "",
        "signatory_position": (
            organisation.signatory_position_for(language) if organisation is not None else ""
        ),
    }


def _report_context(data, *, language: str) -> dict:
    from assessment.selectors import current_rubric

    trainers = selectors.trainer_rows({t for c in data.cohorts for t in c.trainers.all()})
    trainers.sort(key=lambda row: (row.trainer.last_name, row.trainer.first_name))
    return {
        "report": data,
        "heading": _report_heading(data, language=language),
        # Colour is not the only carrier: each bar has its label and its count as text.
        "band_bars": [
            (_("Passed: excellent"), data.passed.get("excellent", 0), "#0b5a8a"),
            (_("Passed: good"), data.passed.get("good", 0), "#0b5a8a"),
            (_("Passed: satisfactory"), data.passed.get("satisfactory", 0), "#0b5a8a"),
            (_("Not passed"), data.not_passed, "#6b6b6b"),
        ],
        "report_groups": [
            (_("By region"), data.by_region),
            (_("By type of organisation"), data.by_organisation_type),
            (_("By qualification category"), data.by_category),
        ],
        "criteria": [
            (c.code, c.title, c.max_score, data.criteria_mean.get(c.code))
            for c in current_rubric().criteria.order_by("position")
        ],
        "survey": selectors.survey_results(cohorts=data.cohorts, language=language),
        "min_group": selectors.SURVEY_MIN_GROUP,
        "trainers": trainers,
        "generated_at": timezone.localtime(),
        "levels": LEVEL_LABELS.items(),
    }


@login_required
def report(request):
    _require_registrar(request)
    form = PeriodForm(request.GET or None)
    start, end = form.period()
    data = programme_report(start=start, end=end)
    language = _language()
    fmt = request.GET.get("format", "")
    if fmt == "xlsx":
        from .exports import report_xlsx

        return report_xlsx(data)
    context = _report_context(data, language=language)
    context["form"] = form
    context["query"] = urlencode({k: v for k, v in request.GET.items() if k != "format"})
    if fmt == "pdf":
        from .pdf import report_pdf

        pdf = report_pdf(context)
        response = HttpResponse(pdf, content_type="application/pdf")
        response["Content-Disposition"] = 'attachment; filename="programme-report.pdf"'
        return response
    return render(request, "quality/report.html", context)
