"""Views of the intermediate control per module (the trainee's control page and attempt, the
trainers' cohort × module grid with the settings and the case answers) and of the final test's
item analysis. A person who may not see a page gets a 404, so nobody learns which ids exist."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cms.errors import apply_service_error
from cms.roles import is_registrar

from .. import selectors, services
from ..selectors.control import pass_percent
from .quiz import quiz_attempt_page


def _get_control_for_trainee(user, pk: int):
    from course.models import ModulePage
    from course.selectors import enrolment_current

    from ..models import ModuleControl

    enrolment = enrolment_current(user)
    control = get_object_or_404(ModuleControl.objects.select_related("module"), pk=pk)
    if (
        enrolment is None
        or not ModulePage.objects.descendant_of(enrolment.cohort.programme)
        .filter(pk=control.module_id)
        .exists()
    ):
        raise Http404
    return enrolment, control


def _get_control_attempt_for_trainee(user, pk: int):
    from ..models import ControlAttempt

    attempt = get_object_or_404(
        ControlAttempt.objects.select_related("control__module", "enrolment__cohort"), pk=pk
    )
    if attempt.enrolment.trainee_id != user.pk:
        raise Http404
    return attempt


def _get_cohort_for_trainer(user, code: str):
    """A cohort the user teaches (or any cohort, for a registrar)."""
    from course.models import Cohort

    cohort = get_object_or_404(Cohort.objects.select_related("programme"), code=code)
    if not (is_registrar(user) or cohort.trainers.filter(pk=user.pk).exists()):
        raise Http404
    return cohort


def _get_test_for_trainer(user, pk: int):
    """A theory test of a programme the user teaches a cohort of (or any, for a registrar)."""
    from ..models import TheoryTest

    test = get_object_or_404(TheoryTest, pk=pk)
    if (
        not is_registrar(user)
        and not user.taught_cohorts.filter(programme_id=test.programme_id).exists()
    ):
        raise Http404
    return test


@login_required
def control_detail(request, pk: int):
    from ..models import CaseAnswer, ControlAttempt

    enrolment, control = _get_control_for_trainee(request.user, pk)
    setting = services.control_settings_for(control=control, cohort=enrolment.cohort)
    if request.method == "POST":
        try:
            if "case_answer" in request.POST:
                services.case_answer_submit(
                    control=control, enrolment=enrolment, text=request.POST["case_answer"]
                )
                messages.success(request, _("Your answer is handed in."))
            else:
                attempt = services.control_attempt_start(control=control, enrolment=enrolment)
                return redirect("assessment:control_attempt", pk=attempt.pk)
        except ValidationError as exc:
            apply_service_error(exc, request=request)
        return redirect("assessment:control_detail", pk=control.pk)
    attempts = list(
        ControlAttempt.objects.filter(control=control, enrolment=enrolment).order_by("number")
    )
    return render(
        request,
        "assessment/control_detail.html",
        {
            "control": control,
            "setting": setting,
            "attempts": attempts,
            "attempts_left": max(setting.attempts_allowed - len(attempts), 0),
            "can_start": len(attempts) < setting.attempts_allowed
            or any(not a.is_finished for a in attempts),
            "case_answer": CaseAnswer.objects.filter(control=control, enrolment=enrolment).first(),
        },
    )


@login_required
def control_attempt(request, pk: int):
    from ..models import ControlAttempt

    attempt = _get_control_attempt_for_trainee(request.user, pk)
    setting = services.control_settings_for(
        control=attempt.control, cohort=attempt.enrolment.cohort
    )
    return quiz_attempt_page(
        request,
        attempt=attempt,
        submit=services.control_attempt_submit,
        url_name="assessment:control_attempt",
        template="assessment/control_attempt.html",
        attempts=ControlAttempt.objects.filter(
            control=attempt.control, enrolment=attempt.enrolment
        ),
        attempts_allowed=setting.attempts_allowed,
        context={"control": attempt.control},
    )


@login_required
def cohort_controls(request, code: str):
    """The cohort × module grid; a trainer of the cohort also sets each control's time limit and
    attempts and grades the case answers here."""
    from ..models import CaseAnswer, TheoryTest

    cohort = _get_cohort_for_trainer(request.user, code)
    controls, rows = selectors.cohort_control_grid(cohort=cohort)
    if request.method == "POST":
        try:
            _cohort_controls_post(request, cohort=cohort, controls=controls)
        except ValidationError as exc:
            apply_service_error(exc, request=request)
        else:
            messages.success(request, _("Saved."))
        return redirect("assessment:cohort_controls", code=cohort.code)
    settings_by_control = {
        c.pk: services.control_settings_for(control=c, cohort=cohort) for c in controls
    }
    return render(
        request,
        "assessment/cohort_controls.html",
        {
            "cohort": cohort,
            "controls": [(c, settings_by_control[c.pk]) for c in controls],
            "rows": rows,
            "behind": [r for r in rows if r.behind],
            "pass_percent": pass_percent(),
            "teaches": cohort.trainers.filter(pk=request.user.pk).exists(),
            "tests": list(TheoryTest.objects.filter(programme_id=cohort.programme_id)),
            "case_answers": list(
                CaseAnswer.objects.filter(
                    enrolment__cohort=cohort, status=CaseAnswer.Status.SUBMITTED
                ).select_related("control__module", "enrolment__trainee")
            ),
        },
    )


def _cohort_controls_post(request, *, cohort, controls) -> None:
    from ..models import CaseAnswer

    if "answer" in request.POST:
        if not request.POST["answer"].isdigit():
            raise Http404
        answer = get_object_or_404(CaseAnswer, pk=request.POST["answer"], enrolment__cohort=cohort)
        services.case_answer_review(
            answer=answer,
            by=request.user,
            decision=request.POST.get("decision", ""),
            feedback=request.POST.get("feedback", ""),
        )
        return
    control = next((c for c in controls if str(c.pk) == request.POST.get("control")), None)
    if control is None:
        raise Http404
    minutes = request.POST.get("time_limit_minutes", "").strip()
    attempts = request.POST.get("attempts_allowed", "").strip()
    if (minutes and not minutes.isdigit()) or not attempts.isdigit():
        raise ValidationError(_("Enter whole numbers."))
    services.control_settings_save(
        control=control,
        cohort=cohort,
        by=request.user,
        time_limit_minutes=int(minutes) if minutes else None,
        attempts_allowed=int(attempts),
    )


@login_required
def theory_items(request, pk: int):
    test = _get_test_for_trainer(request.user, pk)
    counted, rows = selectors.theory_item_analysis(test=test)
    return render(
        request,
        "assessment/theory_items.html",
        {"test": test, "counted": counted, "rows": rows},
    )
