"""Views of the support plan: editing, viewing, returning, the defence, the PDF and attachments."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from cms.errors import apply_service_error

from .. import selectors, services
from .common import _assesses, _language, _may_review, _unstored_files_message


def _plan_for_viewer(user, plan):
    """The author, the trainers who assess them (own cohort, or the later cohort of the retake)
    and staff."""
    enrolment = plan.enrolment
    if (
        enrolment.trainee_id == user.pk
        or _may_review(user, enrolment.cohort)
        or _assesses(user, enrolment)
    ):
        return plan
    raise Http404


def _get_plan_for_viewer(user, pk: int):
    from ..models import SupportPlan

    plan = get_object_or_404(
        SupportPlan.objects.select_related("enrolment__cohort", "enrolment__trainee"), pk=pk
    )
    return _plan_for_viewer(user, plan)


@login_required
@sensitive_post_parameters()
def plan_edit(request):
    from course.selectors import enrolment_current

    from ..forms import ABCFormSet, GoalFormSet, PlanForm, rows_of
    from ..models import SupportPlan

    enrolment = enrolment_current(request.user)
    if enrolment is None:
        raise Http404
    plan = SupportPlan.objects.filter(enrolment=enrolment).first()
    if plan is not None and not plan.is_editable:
        return redirect("assessment:plan_view", pk=plan.pk)
    abc_initial = (
        list(plan.abc_records.values("antecedent", "behaviour", "consequence")) if plan else []
    )
    goal_initial = list(plan.goals.values("term", "goal", "measure", "target_date")) if plan else []
    data = request.POST if request.method == "POST" else None
    form = PlanForm(data, request.FILES or None, instance=plan)
    # The stored rows are the initial data of the page only: a post replaces every row, so its
    # rows are read as they came. (Bound to the old rows, a row posted unchanged beyond
    # INITIAL_FORMS would count as "not changed" and be dropped.)
    abc = ABCFormSet(data, prefix="abc", initial=None if data is not None else abc_initial)
    goals = GoalFormSet(data, prefix="goal", initial=None if data is not None else goal_initial)
    if request.method == "POST":
        valid = form.is_valid() & abc.is_valid() & goals.is_valid()
        if valid:
            action = request.POST.get("action", "save")
            try:
                saved = services.plan_page_save(
                    enrolment=enrolment,
                    data=form.plan_data(),
                    abc_records=rows_of(abc),
                    goals=rows_of(goals),
                    files=form.cleaned_data["files"],
                    remove_file_ids=[
                        int(v) for v in request.POST.getlist("remove_file") if v.isdigit()
                    ],
                    submit=action == "submit",
                    anonymised_confirmed=form.cleaned_data["anonymised"],
                    submitted_by=request.user,
                )
                if saved.unstored_files:
                    form.add_error("files", _unstored_files_message(saved.unstored_files))
            except ValidationError as exc:
                apply_service_error(exc, form=form)
            else:
                # With files the storage could not take, the page is shown again with its
                # message (the plan's text is saved).
                if not saved.unstored_files:
                    if action == "submit":
                        messages.success(request, _("Your support plan is submitted."))
                        return redirect("assessment:plan_view", pk=saved.pk)
                    messages.success(request, _("The draft is saved."))
                    return redirect("assessment:plan_edit")
    last_return = selectors.plan_last_return(plan=plan) if plan and plan.is_returned else None
    # The rows' own errors are written in the rows; the error summary points to the section.
    row_errors = [
        message
        for formset, message in (
            (abc, _("Check the ABC observations.")),
            (goals, _("Check the goals.")),
        )
        if formset.total_error_count()
    ]
    return render(
        request,
        "assessment/plan_edit.html",
        {
            "form": form,
            "abc": abc,
            "goals": goals,
            "plan": plan,
            "last_return": last_return,
            "row_errors": row_errors,
        },
    )


def _render_plan_view(request, plan, *, form=None, return_form=None):
    from course.selectors import trainee_name

    from ..forms import DefenceForm, PlanReturnForm

    defence = getattr(plan, "defence", None)
    assesses = _assesses(request.user, plan.enrolment)
    if form is None and plan.is_submitted and assesses:
        form = DefenceForm(
            initial={
                "starts_at": defence.starts_at if defence else None,
                "duration_minutes": defence.duration_minutes if defence else 20,
                "place": defence.place if defence else "",
            },
        )
    if (
        return_form is None
        and plan.is_submitted
        and services.plan_may_be_returned_by(plan, request.user)
    ):
        return_form = PlanReturnForm(initial={"lock_version": plan.lock_version})
    is_author = plan.enrolment.trainee_id == request.user.pk
    from ..forms import DefenceHeldForm

    return render(
        request,
        "assessment/plan_view.html",
        {
            "plan": plan,
            "defence": defence,
            "held_form": DefenceHeldForm() if defence and assesses and plan.is_submitted else None,
            "form": form if plan.is_submitted and assesses else None,
            "return_form": return_form,
            "history": selectors.plan_history(plan=plan),
            "is_author": is_author,
            "trainee_name": trainee_name(plan.enrolment.trainee, _language()),
        },
    )


@login_required
@sensitive_post_parameters()
def plan_view(request, pk: int):
    from ..forms import DefenceForm

    plan = _get_plan_for_viewer(request.user, pk)
    can_schedule = plan.is_submitted and _assesses(request.user, plan.enrolment)
    form = None
    if request.method == "POST":
        if not can_schedule:
            raise Http404
        form = DefenceForm(request.POST)
        if form.is_valid():
            try:
                services.defence_schedule(
                    plan=plan,
                    scheduled_by=request.user,
                    **form.cleaned_data,
                )
            except ValidationError as exc:
                apply_service_error(exc, form=form)
            else:
                messages.success(
                    request, _("The defence is scheduled; the trainee gets an email invitation.")
                )
                return redirect("assessment:plan_view", pk=plan.pk)
    return _render_plan_view(request, plan, form=form)


@login_required
@require_POST
def defence_held(request, pk: int):
    """The assessor records the defence as held (a condition of the certificate)."""
    from ..forms import DefenceHeldForm

    plan = _get_plan_for_viewer(request.user, pk)
    if not _assesses(request.user, plan.enrolment):
        raise Http404
    form = DefenceHeldForm(request.POST)
    if form.is_valid():
        try:
            services.defence_record_held(
                plan=plan, held_on=form.cleaned_data["held_on"], assessed_by=request.user
            )
        except ValidationError as exc:
            apply_service_error(exc, request=request)
        else:
            messages.success(request, _("The defence is recorded as held."))
    else:
        messages.error(request, _("Give the date the defence was held."))
    return redirect("assessment:plan_view", pk=plan.pk)


@login_required
@require_POST
@sensitive_post_parameters()
def plan_return(request, pk: int):
    """Return a submitted plan for revision, with feedback (the cohort's trainers and staff)."""
    from ..forms import PlanReturnForm

    plan = _get_plan_for_viewer(request.user, pk)
    if not services.plan_may_be_returned_by(plan, request.user):
        raise Http404
    form = PlanReturnForm(request.POST)
    if form.is_valid():
        try:
            services.plan_return(
                plan=plan,
                returned_by=request.user,
                feedback=form.cleaned_data["feedback"],
                lock_version=form.cleaned_data["lock_version"],
            )
        except ValidationError as exc:
            apply_service_error(exc, form=form)
            # Show the current state (and a fresh lock version) next to the refusal.
            plan = _get_plan_for_viewer(request.user, pk)
            form = _fresh_return_form(form, plan)
        else:
            messages.success(
                request, _("The plan is returned for revision; the trainee gets an email.")
            )
            return redirect("assessment:plan_view", pk=plan.pk)
    return _render_plan_view(request, plan, return_form=form)


def _fresh_return_form(form, plan):
    """Keep the typed feedback and the errors, but carry the lock version now stored, so a
    deliberate second try after reading the current state can go through."""
    from ..forms import PlanReturnForm

    fresh = PlanReturnForm(
        {"feedback": form.data.get("feedback", ""), "lock_version": plan.lock_version}
    )
    fresh.is_valid()
    for field, errors in form.errors.items():
        for error in errors:
            fresh.add_error(field if field in fresh.fields else None, error)
    return fresh


@login_required
def plan_pdf(request, pk: int):
    from django.http import HttpResponse

    from course.selectors import trainee_name

    from ..pdf import plan_pdf as render_pdf

    plan = _get_plan_for_viewer(request.user, pk)
    content = render_pdf(plan, trainee_name=trainee_name(plan.enrolment.trainee, _language()))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="support-plan-{plan.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def plan_attachment(request, pk: int):
    from cms.private_files import serve_private_file

    from ..models import PlanAttachment

    stored = get_object_or_404(
        PlanAttachment.objects.select_related("plan__enrolment__cohort"), pk=pk
    )
    _plan_for_viewer(request.user, stored.plan)
    if not stored.file:  # deleted by the retention schedule; the row stays as a record
        raise Http404
    return serve_private_file(request, "private", stored.file.name, stored.name)


@login_required
def plan_sample(request, kind: str):
    """The blank plan template and a filled example, as PDFs (no real child in either)."""
    from django.http import HttpResponse

    from ..models import SupportPlan
    from ..pdf import example_plan
    from ..pdf import plan_pdf as render_pdf

    if kind == "blank":
        plan, abc, goals = SupportPlan(), [], []
        heading = _("Blank template")
    elif kind == "example":
        plan, abc, goals = example_plan()
        heading = _("Example (not a real child)")
    else:
        raise Http404
    content = render_pdf(
        plan, trainee_name="", abc_records=abc, goals=goals, attachments=[], heading=heading
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="support-plan-{kind}.pdf"'
    return response
