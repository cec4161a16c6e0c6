"""Pages of the final assessment: scoring (first, second and third marker), finalising,
releasing, the audit log, retakes and the trainee's own results. Access checks live in the small
`_get_…` helpers; anything a person may not see is a 404, so nobody learns which ids exist."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from cms import exports
from cms.roles import is_registrar
from course.models import Enrolment

from . import selectors, services
from .dashboard import result_notes_render
from .forms import DraftForm, MarkersForm, ScoreForm
from .models import CriterionScore, FinalResult

Role = CriterionScore.Role


def _teaches(user, cohort) -> bool:
    return cohort.trainers.filter(pk=user.pk).exists()


def _assesses(user, enrolment) -> bool:
    """A trainer of the trainee's own cohort, or of the later cohort the retake is assessed with
    (the own cohort's trainers keep reading what the later cohort's trainers score)."""
    return selectors.assessing_cohorts(enrolment=enrolment).filter(trainers=user).exists()


def _marks(user, result: FinalResult | None, enrolment) -> bool:
    """Who scores an attempt: the trainers of the cohort that assesses it."""
    cohort_id = result.assessing_cohort_id if result else None
    from course.models import Cohort

    return Cohort.objects.filter(pk=cohort_id or enrolment.cohort_id, trainers=user).exists()


def _get_enrolment_for_marker(user, enrolment_id: int) -> Enrolment:
    """Only the trainers who assess the trainee open the scoring page."""
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("cohort", "trainee"), pk=enrolment_id
    )
    if not _assesses(user, enrolment):
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


def _add_errors(form, exc: ValidationError) -> None:
    if not hasattr(exc, "error_dict"):
        for message in exc.messages:
            form.add_error(None, message)
        return
    for key, messages_ in exc.message_dict.items():
        field = {"reason": "reason", "rationale": "rationale"}.get(key, f"score_{key}")
        for message in messages_:
            form.add_error(field if field in form.fields else None, message)


@login_required
def score(request, enrolment_id: int):
    enrolment = _get_enrolment_for_marker(request.user, enrolment_id)
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
            % {"code": (result.assessing_cohort or enrolment.cohort).code},
        )
        return redirect("assessment:score", enrolment_id=enrolment.pk)
    if request.method == "POST" and form.is_valid():
        action = request.POST.get("action", "save")
        # What the marker's page showed: a result that appeared or changed since is not overwritten
        # (-1 never matches: the page showed no result, yet there is one now).
        seen = form.cleaned_data.get("lock_version")
        lock_version = None if result is None else (-1 if seen is None else seen)
        try:
            with transaction.atomic():
                # A refused first save must not leave an empty draft behind: start it inside.
                target = result or services.result_start(enrolment=enrolment)
                rationale = form.cleaned_data.get("rationale", "").strip()
                if role == Role.FIRST and rationale:
                    services.result_agree(
                        result=target,
                        marker=request.user,
                        scores=form.entered_scores(),
                        rationale=rationale,
                        lock_version=lock_version,
                    )
                else:
                    services.result_scores_save(
                        result=target,
                        marker=request.user,
                        scores=form.entered_scores(),
                        role=role,
                        reason=form.cleaned_data.get("reason", ""),
                        lock_version=lock_version,
                    )
                if action == "finalise":
                    if role != Role.FIRST:
                        raise ValidationError(_("Only the first marker finalises the result."))
                    services.result_finalise(result=target, finalised_by=request.user)
        except ValidationError as exc:
            _add_errors(form, exc)
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
                trainers=(
                    result.assessing_cohort
                    if result and result.assessing_cohort_id
                    else enrolment.cohort
                ).trainers.all(),
                initial={
                    "second_marker": result.second_marker_id if result else None,
                    "third_marker": result.third_marker_id if result else None,
                },
            ),
            "retake_deadline": selectors.retake_deadline(enrolment=enrolment),
            "plan": getattr(enrolment, "support_plan", None),
            "can_mark": can_mark,
            # The later cohort's trainers come from (and go back to) their own cohort's pages.
            "crumb_cohort": result.assessing_cohort
            if result and result.assessing_cohort_id and can_mark
            else enrolment.cohort,
            "can_choose_cohort": _teaches(request.user, enrolment.cohort),
        },
    )


def _marking_cohort(result: FinalResult):
    return result.assessing_cohort if result.assessing_cohort_id else result.enrolment.cohort


@login_required
@require_POST
def markers(request, pk: int):
    result = _get_result_for_marker(request.user, pk)
    if selectors.marker_role_for(result, request.user) != Role.FIRST:
        raise Http404
    form = MarkersForm(request.POST, trainers=_marking_cohort(result).trainers.all())
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
            messages.error(request, " ".join(exc.messages))
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
        messages.error(request, " ".join(exc.messages))
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
        messages.error(request, " ".join(exc.messages))
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


def _language() -> str:
    from django.utils import translation

    return translation.get_language() or "kk"


@login_required
def cohort_results(request, code: str):
    cohort = _get_cohort_for_results(request.user, code)
    data = selectors.cohort_results(cohort=cohort, language=_language())
    band_bars = selectors.chart_bars(
        [
            (str(band.label), count, selectors.PATTERNS[band.code])
            for band, count in data.band_counts
        ]
    )
    bin_bars = selectors.chart_bars(
        [
            (label, count, selectors.PATTERNS[selectors.band_of_bin(int(label.split("–")[0]))])
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
            "chart_height": selectors.CHART_HEIGHT,
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


# --- Practice work ------------------------------------------------------------------------


def _max_size_label() -> str:
    from django.template.defaultfilters import filesizeformat

    from cms.uploads import max_upload_bytes

    return filesizeformat(max_upload_bytes())


def _get_assignment_for_trainee(user, assignment_id: int):
    from course.selectors import enrolment_current

    from .models import Assignment

    enrolment = enrolment_current(user)
    assignment = get_object_or_404(
        Assignment.objects.select_related("topic").prefetch_related("materials__document"),
        pk=assignment_id,
    )
    if enrolment is None or not selectors.assignment_in_programme(
        assignment, enrolment.cohort.programme
    ):
        raise Http404
    return enrolment, assignment


def _may_review(user, cohort) -> bool:
    return user.is_staff or is_registrar(user) or _teaches(user, cohort)


def _get_submission_for_reviewer(user, pk: int):
    submission = selectors.submission_with_versions(pk=pk)
    if submission is None or not _may_review(user, submission.enrolment.cohort):
        raise Http404
    return submission


def _get_file_for_user(user, pk: int):
    """A submitted file: its author, the cohort's trainers and staff; nobody else."""
    from .models import SubmissionFile

    stored = get_object_or_404(
        SubmissionFile.objects.select_related(
            "version__submission__enrolment__cohort", "version__submission__enrolment"
        ),
        pk=pk,
    )
    enrolment = stored.version.submission.enrolment
    if enrolment.trainee_id == user.pk or _may_review(user, enrolment.cohort):
        return stored
    raise Http404


@login_required
def practice_list(request):
    from course.selectors import enrolment_current

    enrolment = enrolment_current(request.user)
    rows = []
    if enrolment is not None:
        submissions = selectors.submissions_of_enrolment(enrolment=enrolment)
        rows = [
            (a, submissions.get(a.pk))
            for a in selectors.assignments_of_programme(enrolment.cohort.programme)
        ]
    from .models import TheoryTest

    tests = (
        list(TheoryTest.objects.filter(programme_id=enrolment.cohort.programme_id))
        if enrolment
        else []
    )
    return render(
        request,
        "assessment/practice_list.html",
        {"enrolment": enrolment, "rows": rows, "tests": tests},
    )


@login_required
@sensitive_post_parameters()
def practice_detail(request, assignment_id: int):
    from django.utils.datastructures import MultiValueDict

    from .models import Submission

    enrolment, assignment = _get_assignment_for_trainee(request.user, assignment_id)
    submission = Submission.objects.filter(assignment=assignment, enrolment=enrolment).first()
    if submission is not None:
        submission = selectors.submission_with_versions(pk=submission.pk)
    versions = list(submission.versions.all()) if submission else []
    draft = versions[-1] if versions and versions[-1].is_draft else None
    editable = submission is None or submission.status in (
        Submission.Status.DRAFT,
        Submission.Status.RETURNED,
    )
    files = request.FILES if request.method == "POST" else MultiValueDict()
    form = DraftForm(
        request.POST or None,
        files or None,
        initial={"text": draft.text if draft else (versions[-1].text if versions else "")},
        max_size_label=_max_size_label(),
    )
    if request.method == "POST" and editable and form.is_valid():
        action = request.POST.get("action", "save")
        try:
            with transaction.atomic():
                version = services.submission_draft_save(
                    assignment=assignment,
                    enrolment=enrolment,
                    text=form.cleaned_data["text"],
                    files=form.cleaned_data["files"],
                    remove_file_ids=[
                        int(v) for v in request.POST.getlist("remove_file") if v.isdigit()
                    ],
                )
                if version.unstored_files:
                    form.add_error("files", _unstored_files_message(version.unstored_files))
                elif action == "submit":
                    services.submission_submit(
                        submission=version.submission,
                        anonymised_confirmed=form.cleaned_data["anonymised"],
                    )
        except ValidationError as exc:
            _add_form_errors(form, exc)
        else:
            # With files the storage could not take, the page is shown again with its message
            # (the text is saved); otherwise back to the page with the outcome.
            if not version.unstored_files:
                if action == "submit":
                    messages.success(request, _("Your work is submitted to the trainers."))
                else:
                    messages.success(request, _("The draft is saved."))
                return redirect("assessment:practice_detail", assignment_id=assignment.pk)
    elif request.method == "POST" and not editable:
        form.add_error(None, _("Your work is submitted: it can no longer be changed."))
    return render(
        request,
        "assessment/practice_detail.html",
        {
            "assignment": assignment,
            "submission": submission,
            "versions": versions,
            "draft": draft,
            "editable": editable,
            "form": form,
        },
    )


def _unstored_files_message(names: list[str]) -> str:
    return _(
        "Your text is saved, but these files could not be stored because the server is out of "
        "space or its storage failed: %(names)s. Attach them again later; nothing was submitted."
    ) % {"names": ", ".join(names)}


def _add_form_errors(form, exc: ValidationError) -> None:
    if not hasattr(exc, "error_dict"):
        for message in exc.messages:
            form.add_error(None, message)
        return
    for key, messages_ in exc.message_dict.items():
        for message in messages_:
            form.add_error(key if key in form.fields else None, message)


@login_required
@require_POST
@sensitive_post_parameters()
def practice_autosave(request, assignment_id: int):
    """The draft autosave (small JS posting every half minute); answers JSON."""
    from django.http import JsonResponse
    from django.utils import formats, timezone

    enrolment, assignment = _get_assignment_for_trainee(request.user, assignment_id)
    try:
        version = services.submission_draft_save(
            assignment=assignment, enrolment=enrolment, text=request.POST.get("text", "")
        )
    except ValidationError as exc:
        return JsonResponse({"saved": False, "message": " ".join(exc.messages)}, status=409)
    saved = timezone.localtime(version.saved_at)
    return JsonResponse(
        {
            "saved": True,
            "message": _("Draft saved at %(time)s.")
            % {"time": formats.time_format(saved, "TIME_FORMAT")},
        }
    )


@login_required
def submission_file(request, pk: int):
    from cms.private_files import serve_private_file

    stored = _get_file_for_user(request.user, pk)
    if not stored.file:  # deleted by the retention schedule; the row stays as a record
        raise Http404
    return serve_private_file(request, "private", stored.file.name, stored.name)


@login_required
def grading_queue(request):
    from django.core.paginator import Paginator

    from course.models import TopicPage
    from course.selectors import cohorts_visible

    from .forms import QueueFilterForm
    from .models import Submission

    cohorts = cohorts_visible(request.user)
    if not (request.user.is_staff or is_registrar(request.user) or cohorts.exists()):
        raise Http404
    topics = sorted(
        TopicPage.objects.filter(
            kind="practice", locale__language_code="kk", assignments__isnull=False
        )
        .distinct()
        .only("id", "number", "title"),
        key=lambda t: t.sort_key,
    )
    form = QueueFilterForm(
        request.GET or None,
        cohorts=cohorts,
        topics=topics,
        statuses=[c for c in Submission.Status.choices if c[0] != Submission.Status.DRAFT],
    )
    filters = form.cleaned_data if form.is_valid() else {}
    queryset = selectors.grading_queue(
        user=request.user,
        cohort=filters.get("cohort"),
        topic_id=filters.get("topic"),
        status=filters.get("status") or "",
        late=bool(filters.get("late")),
    )
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "assessment/grading_queue.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "results_to_score": selectors.results_to_score(user=request.user),
        },
    )


@login_required
@sensitive_post_parameters()
def submission_review(request, pk: int):
    from .forms import ReviewForm

    submission = _get_submission_for_reviewer(request.user, pk)
    form = ReviewForm(request.POST or None, initial={"lock_version": submission.lock_version})
    if request.method == "POST" and form.is_valid():
        try:
            services.submission_review(
                submission=submission,
                reviewer=request.user,
                decision=form.cleaned_data["decision"],
                feedback=form.cleaned_data["feedback"],
                lock_version=form.cleaned_data["lock_version"],
            )
        except ValidationError as exc:
            _add_form_errors(form, exc)
            submission = _get_submission_for_reviewer(request.user, pk)
        else:
            messages.success(request, _("Your review is saved."))
            return redirect("assessment:submission_review", pk=submission.pk)
    from course.selectors import trainee_name

    return render(
        request,
        "assessment/submission_review.html",
        {
            "submission": submission,
            "versions": list(submission.versions.all()),
            "form": form,
            "trainee_name": trainee_name(submission.enrolment.trainee, _language()),
            "reviewable": submission.status == submission.Status.SUBMITTED,
        },
    )


# --- Theory test --------------------------------------------------------------------------


def _get_test_for_trainee(user, pk: int):
    from course.selectors import enrolment_current

    from .models import TheoryTest

    enrolment = enrolment_current(user)
    test = get_object_or_404(TheoryTest, pk=pk)
    if enrolment is None or test.programme_id != enrolment.cohort.programme_id:
        raise Http404
    return enrolment, test


def _get_attempt_for_trainee(user, pk: int):
    from .models import TestAttempt

    attempt = get_object_or_404(TestAttempt.objects.select_related("test", "enrolment"), pk=pk)
    if attempt.enrolment.trainee_id != user.pk:
        raise Http404
    return attempt


@login_required
def theory_test(request, pk: int):
    from .models import TestAttempt

    enrolment, test = _get_test_for_trainee(request.user, pk)
    attempts = list(TestAttempt.objects.filter(test=test, enrolment=enrolment).order_by("number"))
    if request.method == "POST":
        try:
            attempt = services.test_attempt_start(test=test, enrolment=enrolment)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            return redirect("assessment:test_attempt", pk=attempt.pk)
    return render(
        request,
        "assessment/theory_test.html",
        {
            "test": test,
            "attempts": attempts,
            "attempts_left": max(test.attempts_allowed - len(attempts), 0),
            "can_start": len(attempts) < test.attempts_allowed
            or any(not a.is_finished for a in attempts),
        },
    )


@login_required
def test_attempt(request, pk: int):
    attempt = _get_attempt_for_trainee(request.user, pk)
    questions = selectors.attempt_questions(attempt)
    if request.method == "POST" and not attempt.is_finished:
        answers = {
            q.pk: [int(v) for v in request.POST.getlist(f"q{q.pk}") if v.isdigit()]
            for q in questions
        }
        try:
            attempt = services.test_attempt_submit(attempt=attempt, answers=answers)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            late = getattr(attempt, "late_message", "")
            if late:
                messages.warning(request, late)
            else:
                messages.success(request, _("Your answers are submitted."))
        return redirect("assessment:test_attempt", pk=attempt.pk)
    chosen = {int(q): set(c) for q, c in (attempt.answers or {}).items()}
    # A finished attempt's answers stay hidden while another attempt is being answered.
    open_attempt = selectors.attempt_open_besides(attempt) if attempt.is_finished else None
    return render(
        request,
        "assessment/test_attempt.html",
        {
            "attempt": attempt,
            "test": attempt.test,
            "open_attempt": open_attempt,
            "remaining_seconds": _remaining_seconds(attempt),
            "rows": [
                (
                    q,
                    [(c, c.pk in chosen.get(q.pk, set())) for c in q.choices.all()],
                    {c.pk for c in q.choices.all() if c.is_correct} == chosen.get(q.pk, set()),
                )
                for q in questions
            ],
        },
    )


def _remaining_seconds(attempt) -> int | None:
    """Seconds left on a timed attempt, counted on the server: the countdown in the browser starts
    from this number, so a phone whose clock is wrong still shows the right time left."""
    from django.utils import timezone

    if attempt.deadline is None or attempt.is_finished:
        return None
    return max(0, int((attempt.deadline - timezone.now()).total_seconds()))


# --- Individual support plan --------------------------------------------------------------


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
    from .models import SupportPlan

    plan = get_object_or_404(
        SupportPlan.objects.select_related("enrolment__cohort", "enrolment__trainee"), pk=pk
    )
    return _plan_for_viewer(user, plan)


@login_required
@sensitive_post_parameters()
def plan_edit(request):
    from course.selectors import enrolment_current

    from .forms import ABCFormSet, GoalFormSet, PlanForm, rows_of
    from .models import SupportPlan

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
                with transaction.atomic():
                    saved = services.plan_save(
                        enrolment=enrolment,
                        data=form.plan_data(),
                        abc_records=rows_of(abc),
                        goals=rows_of(goals),
                        files=form.cleaned_data["files"],
                        remove_file_ids=[
                            int(v) for v in request.POST.getlist("remove_file") if v.isdigit()
                        ],
                    )
                    if saved.unstored_files:
                        form.add_error("files", _unstored_files_message(saved.unstored_files))
                    elif action == "submit":
                        services.plan_submit(
                            plan=saved,
                            anonymised_confirmed=form.cleaned_data["anonymised"],
                            submitted_by=request.user,
                        )
            except ValidationError as exc:
                _add_form_errors(form, exc)
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
    return render(
        request,
        "assessment/plan_edit.html",
        {"form": form, "abc": abc, "goals": goals, "plan": plan, "last_return": last_return},
    )


def _render_plan_view(request, plan, *, form=None, return_form=None):
    from course.selectors import trainee_name

    from .forms import DefenceForm, PlanReturnForm

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
    from .forms import DefenceHeldForm

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
    from .forms import DefenceForm

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
                _add_form_errors(form, exc)
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
    from .forms import DefenceHeldForm

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
            messages.error(request, " ".join(exc.messages))
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
    from .forms import PlanReturnForm

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
            _add_form_errors(form, exc)
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
    from .forms import PlanReturnForm

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

    from .pdf import plan_pdf as render_pdf

    plan = _get_plan_for_viewer(request.user, pk)
    content = render_pdf(plan, trainee_name=trainee_name(plan.enrolment.trainee, _language()))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="support-plan-{plan.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def plan_attachment(request, pk: int):
    from cms.private_files import serve_private_file

    from .models import PlanAttachment

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

    from .models import SupportPlan
    from .pdf import example_plan
    from .pdf import plan_pdf as render_pdf

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
