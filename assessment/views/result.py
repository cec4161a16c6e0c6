"""Views of the final assessment: scoring, markers, release, retake, results and their export."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms import exports
from cms.errors import apply_service_error
from cms.roles import is_registrar
from course.models import Enrolment

from .. import charts, selectors, services
from ..dashboard import result_notes_render
from ..forms import MarkersForm, ScoreForm
from ..models import CriterionScore, FinalResult
from .common import _assesses, _language, _teaches

Role = CriterionScore.Role


def _marks(user, result: FinalResult | None, enrolment) -> bool:
    """Who scores an attempt: the trainers of the cohort that assesses it."""
    return selectors.marks(user=user, enrolment=enrolment, result=result)


def _get_enrolment_for_marker(user, enrolment_id: int) -> Enrolment:
    """Only the trainers who assess the trainee open the scoring page."""
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("cohort", "trainee"), pk=enrolment_id
    )
    if not _assesses(user, enrolment):
        raise Http404
    return enrolment


def _get_enrolment_for_reader(user, enrolment_id: int) -> Enrolment:
    """The scoring page is read by the trainers who assess the trainee and by registrars (who
    check any cohort's work); only the assessing trainers may change it (`_marks`)."""
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("cohort", "trainee"), pk=enrolment_id
    )
    if not (_assesses(user, enrolment) or is_registrar(user)):
        raise Http404
    return enrolment


def _get_result_for_marker(user, pk: int) -> FinalResult:
    result = selectors.result_with_scores(pk=pk)
    if result is None or not _marks(user, result, result.enrolment):
        raise Http404
    return result


def _get_result_for_auditor(user, pk: int) -> FinalResult:
    """The audit log: the trainers who assess the trainee and staff (registrars)."""
    result = selectors.result_with_scores(pk=pk)
    if result is None:
        raise Http404
    if user.is_staff or is_registrar(user) or _assesses(user, result.enrolment):
        return result
    raise Http404


def _score_field(key: str) -> str:
    """The score form's field for a key of the service's refusal: a criterion code or a reason."""
    return key if key in ("reason", "rationale") else f"score_{key}"


@login_required
def score(request, enrolment_id: int):
    enrolment = _get_enrolment_for_reader(request.user, enrolment_id)
    results = selectors.results_of_enrolment(enrolment=enrolment)
    result = results[-1] if results else None
    rubric = result.rubric if result else selectors.current_rubric()
    criteria = sorted(rubric.criteria.all(), key=lambda c: c.position)
    by_id = {c.pk: c for c in criteria}
    role = selectors.marker_role_for(result, request.user) if result else Role.FIRST
    initial = {}
    if result is not None:
        initial = {
            by_id[s.criterion_id].code: (s.score, s.comment)
            for s in result.scores.all()
            if s.role == role
        }
    # A retake assessed with a later cohort is scored by that cohort's trainers; the trainee's own
    # trainers still read it (and the other way round for the first attempt).
    can_mark = _marks(request.user, result, enrolment)
    form = ScoreForm(
        request.POST or None,
        criteria=criteria,
        initial_scores=initial,
        initial={"lock_version": result.lock_version if result else None},
    )
    if not can_mark:
        for name in form.fields:
            form.fields[name].disabled = True
    needs_reconciliation = bool(result and services.result_needs_reconciliation(result))

    if request.method == "POST" and not can_mark:
        messages.error(
            request,
            _("This attempt is scored by the trainers of cohort %(code)s; you can read it only.")
            % {"code": selectors.marking_cohort(enrolment=enrolment, result=result).code},
        )
        return redirect("assessment:score", enrolment_id=enrolment.pk)
    confirm_finalise = False
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action", "save")
        # Finalising cannot be undone from this page (a later change needs a reason and goes into
        # the audit): the first press only asks, with the scores kept in the form; nothing is saved.
        confirm_finalise = action == "finalise" and request.POST.get("confirm") != "yes"
    if confirm_finalise:
        pass
    elif request.method == "POST" and form.is_valid():
        action = request.POST.get("action", "save")
        # What the marker's page showed: a result that appeared or changed since is not overwritten
        # (-1 never matches: the page showed no result, yet there is one now).
        seen = form.cleaned_data.get("lock_version")
        lock_version = None if result is None else (-1 if seen is None else seen)
        try:
            services.result_score(
                enrolment=enrolment,
                result=result,
                marker=request.user,
                role=role,
                scores=form.entered_scores(),
                rationale=form.cleaned_data.get("rationale", ""),
                reason=form.cleaned_data.get("reason", ""),
                lock_version=lock_version,
                finalise=action == "finalise",
            )
        except ValidationError as exc:
            apply_service_error(exc, form=form, field_for=_score_field)
        else:
            if action == "finalise":
                messages.success(request, _("The result is finalised."))
            else:
                messages.success(request, _("The scores are saved."))
            return redirect("assessment:score", enrolment_id=enrolment.pk)

    evidence = selectors.evidence_for(enrolment=enrolment)
    totals = selectors.role_totals(result) if result else {}
    own_total = sum(score for score, _c in initial.values()) if initial else None
    band = result.band_info if result else None
    return render(
        request,
        "assessment/score.html",
        {
            "enrolment": enrolment,
            "result": result,
            "results": results,
            "role": role,
            "role_label": Role(role).label,
            "form": form,
            "rows": [
                (criterion, score_field, comment_field, evidence.get(criterion.code, []))
                for criterion, score_field, comment_field in form.rows()
            ],
            # A second or third marker works blind: they see neither the other totals nor the band.
            "blind": role != Role.FIRST,
            "totals": totals,
            "own_total": own_total,
            "band": band,
            "needs_reconciliation": needs_reconciliation,
            "threshold": selectors.marker_difference_threshold(),
            "markers_form": MarkersForm(
                trainers=selectors.marking_cohort(
                    enrolment=enrolment, result=result
                ).trainers.all(),
                initial={
                    "second_marker": result.second_marker_id if result else None,
                    "third_marker": result.third_marker_id if result else None,
                },
            ),
            "retake_until": selectors.retake_offered_until(enrolment=enrolment, results=results),
            "plan": getattr(enrolment, "support_plan", None),
            "can_mark": can_mark,
            "confirm_finalise": confirm_finalise,
            # The later cohort's trainers come from (and go back to) their own cohort's pages.
            "crumb_cohort": selectors.marking_cohort(enrolment=enrolment, result=result)
            if can_mark
            else enrolment.cohort,
            "can_choose_cohort": _teaches(request.user, enrolment.cohort),
        },
    )


@login_required
@require_POST
def markers(request, pk: int):
    result = _get_result_for_marker(request.user, pk)
    if selectors.marker_role_for(result, request.user) != Role.FIRST:
        raise Http404
    cohort = selectors.marking_cohort(enrolment=result.enrolment, result=result)
    form = MarkersForm(request.POST, trainers=cohort.trainers.all())
    if not form.is_valid():
        messages.error(request, _("Choose markers among the cohort's trainers."))
    else:
        try:
            services.result_markers_assign(
                result=result,
                second_marker=form.cleaned_data["second_marker"],
                third_marker=form.cleaned_data["third_marker"],
            )
        except ValidationError as exc:
            apply_service_error(exc, request=request)
        else:
            messages.success(request, _("The markers are saved."))
    return redirect("assessment:score", enrolment_id=result.enrolment_id)


@login_required
@require_POST
def release(request, pk: int):
    result = _get_result_for_marker(request.user, pk)
    try:
        services.result_release(result=result)
    except ValidationError as exc:
        apply_service_error(exc, request=request)
    else:
        messages.success(request, _("The result is released to the trainee."))
    return redirect("assessment:score", enrolment_id=result.enrolment_id)


@login_required
@require_POST
def retake(request, enrolment_id: int):
    enrolment = _get_enrolment_for_marker(request.user, enrolment_id)
    try:
        services.result_start(enrolment=enrolment, attempt=2)
    except ValidationError as exc:
        apply_service_error(exc, request=request)
    else:
        messages.success(request, _("The retake is opened."))
    return redirect("assessment:score", enrolment_id=enrolment.pk)


def _get_enrolment_for_later_cohort(user, enrolment_id: int) -> Enrolment:
    """The registrar (staff) or the trainee's own trainers decide where the retake is assessed."""
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("cohort", "trainee", "cohort__programme"), pk=enrolment_id
    )
    if user.is_staff or is_registrar(user) or _teaches(user, enrolment.cohort):
        return enrolment
    raise Http404


@login_required
def later_cohort(request, enrolment_id: int):
    """Not passed: choose the later cohort of the same programme the one retake is assessed
    with, within the year after the first final assessment."""
    from course.models import Cohort
    from course.selectors import trainee_name

    enrolment = _get_enrolment_for_later_cohort(request.user, enrolment_id)
    errors: list[str] = []
    if request.method == "POST":
        cohort = Cohort.objects.filter(pk=request.POST.get("cohort") or 0).first()
        if cohort is None:
            errors.append(_("Choose a later cohort."))
        else:
            try:
                services.result_assess_with_cohort(
                    enrolment=enrolment, cohort=cohort, decided_by=request.user
                )
            except ValidationError as exc:
                errors.extend(exc.messages)
            else:
                messages.success(
                    request,
                    _(
                        "The retake will be assessed with cohort %(code)s; its trainers can now "
                        "score it."
                    )
                    % {"code": cohort.code},
                )
                return redirect("assessment:later_cohort", enrolment_id=enrolment.pk)
    return render(
        request,
        "assessment/later_cohort.html",
        {
            "enrolment": enrolment,
            "trainee_name": trainee_name(enrolment.trainee, _language()),
            "first": selectors.final_result_for(enrolment=enrolment),
            "retake": selectors.retake_of(enrolment=enrolment),
            "deadline": selectors.retake_deadline(enrolment=enrolment),
            "cohorts": selectors.later_cohorts_for(enrolment=enrolment),
            "errors": errors,
        },
    )


@login_required
def audit(request, pk: int):
    result = _get_result_for_auditor(request.user, pk)
    return render(
        request,
        "assessment/audit.html",
        {"result": result, "changes": selectors.score_changes(result=result)},
    )


@login_required
def my_results(request):
    """The trainee's own results: only released ones, with each criterion's score and comment."""
    rows = []
    for enrolment in Enrolment.objects.filter(trainee=request.user).select_related("cohort"):
        released = [r for r in selectors.results_of_enrolment(enrolment=enrolment) if r.is_released]
        retake = selectors.retake_of(enrolment=enrolment)
        plan = getattr(enrolment, "support_plan", None)
        defence = getattr(plan, "defence", None) if plan else None
        rows.append(
            {
                "enrolment": enrolment,
                "results": released,
                "retake_deadline": selectors.retake_deadline(enrolment=enrolment)
                if released and released[-1].attempt == 1
                else None,
                "retake": retake,
                "notes": result_notes_render(request, enrolment),
                # The defence booked for the retake (a slot booked before it was opened was the
                # first attempt's).
                "retake_defence": defence
                if retake and defence and defence.starts_at >= retake.created_at
                else None,
            }
        )
    return render(request, "assessment/my_results.html", {"rows": rows})


def _get_cohort_for_results(user, code: str):
    from course.selectors import cohorts_visible

    return get_object_or_404(cohorts_visible(user), code=code)


@login_required
def cohort_results(request, code: str):
    cohort = _get_cohort_for_results(request.user, code)
    data = selectors.cohort_results(cohort=cohort, language=_language())
    # Horizontal: the bands' long labels (kk, ru) each get a row of their own and never overlap.
    band_bars = charts.chart_hbars(
        [(str(band.label), count, charts.PATTERNS[band.code]) for band, count in data.band_counts]
    )
    bin_bars = charts.chart_bars(
        [
            (label, count, charts.PATTERNS[charts.band_of_bin(int(label.split("–")[0]))])
            for label, count in data.bin_counts
        ],
        bar_width=44,
        gap=12,
    )
    return render(
        request,
        "assessment/cohort_results.html",
        {
            "cohort": cohort,
            "data": data,
            "band_bars": band_bars,
            "bin_bars": bin_bars,
            "chart_height": charts.CHART_HEIGHT,
            "hchart": {
                "label_width": charts.LABEL_WIDTH,
                "bar_space": charts.BAR_SPACE,
                "row": charts.ROW_HEIGHT,
                "height": charts.ROW_HEIGHT * len(band_bars) + 8,
            },
            "can_score": _teaches(request.user, cohort),
            "is_registrar": request.user.is_staff or is_registrar(request.user),
            "can_choose_cohort": request.user.is_staff
            or is_registrar(request.user)
            or _teaches(request.user, cohort),
        },
    )


def _result_status(row) -> str:
    if row.result is None:
        return ""
    status = str(row.result.get_status_display())
    return f"{status} ({row.retake_note})" if row.retake_note else status


def _results_table(data) -> tuple[list, list[list]]:
    header = [_("Trainee"), _("Email")]
    header += [f"{c.title} ({c.max_score})" for c in data.criteria]
    header += [_("Total"), _("Band"), _("Status"), _("Attempt")]
    table = [
        [
            row.name,
            row.enrolment.trainee.email,
            *row.scores,
            row.total,
            str(row.band.label) if row.band else "",
            _result_status(row),
            row.result.attempt if row.result else "",
        ]
        for row in data.rows
    ]
    return header, table


@login_required
def cohort_results_export(request, code: str, fmt: str):
    if fmt not in exports.FORMATS:
        raise Http404
    cohort = _get_cohort_for_results(request.user, code)
    header, table = _results_table(selectors.cohort_results(cohort=cohort, language=_language()))
    return exports.export_response(
        fmt=fmt,
        filename=f"{cohort.code}-results-{timezone.localdate():%Y%m%d}",
        header=header,
        rows=table,
        sheet_title=_("Results"),
    )
