"""Views of practice work: the trainee's assignments and drafts, files, the grading queue and
review."""

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
from cms.roles import is_registrar

from .. import selectors, services
from ..forms import DraftForm
from .common import _language, _may_review, _unstored_files_message


def _max_size_label() -> str:
    from django.template.defaultfilters import filesizeformat

    from cms.uploads import max_upload_bytes

    return filesizeformat(max_upload_bytes())


def _get_assignment_for_trainee(user, assignment_id: int):
    from course.selectors import enrolment_current

    from ..models import Assignment

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


def _get_submission_for_reviewer(user, pk: int):
    submission = selectors.submission_with_versions(pk=pk)
    if submission is None or not _may_review(user, submission.enrolment.cohort):
        raise Http404
    return submission


def _get_file_for_user(user, pk: int):
    """A submitted file: its author, the cohort's trainers and staff; nobody else."""
    from ..models import SubmissionFile

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
    from ..models import TheoryTest

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

    from ..models import Submission

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
            version = services.submission_page_save(
                assignment=assignment,
                enrolment=enrolment,
                text=form.cleaned_data["text"],
                files=form.cleaned_data["files"],
                remove_file_ids=[
                    int(v) for v in request.POST.getlist("remove_file") if v.isdigit()
                ],
                submit=action == "submit",
                anonymised_confirmed=form.cleaned_data["anonymised"],
            )
            if version.unstored_files:
                form.add_error("files", _unstored_files_message(version.unstored_files))
        except ValidationError as exc:
            apply_service_error(exc, form=form)
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
            # Returned work: the trainer's feedback comes first, above the brief and the editor
            # (on a phone it was a long scroll below them).
            "returned_feedback": next(
                (v for v in reversed(versions) if v.decision == "returned" and v.feedback), None
            )
            if submission is not None and submission.status == submission.Status.RETURNED
            else None,
        },
    )


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
    """What waits for the trainer: submitted works (all states on request) and submitted support
    plans; then the final assessments to score. The cohort ids are read once and every query
    filters by them, so the page costs the same whatever the number of cohorts or years."""
    from django.core.paginator import Paginator

    from course.models import Cohort, TopicPage

    from ..forms import QueueFilterForm
    from ..models import Submission

    cohort_ids = selectors.visible_cohort_ids(request.user)
    if not (request.user.is_staff or is_registrar(request.user) or cohort_ids):
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
        cohorts=Cohort.objects.filter(pk__in=cohort_ids),
        topics=topics,
        statuses=[c for c in Submission.Status.choices if c[0] != Submission.Status.DRAFT],
    )
    filters = form.cleaned_data if form.is_valid() else {}
    cohort = filters.get("cohort")
    queryset = selectors.grading_queue(
        cohort_ids=cohort_ids,
        cohort=cohort,
        topic_id=filters.get("topic"),
        status=filters.get("status") or "",
        late=bool(filters.get("late")),
        show_all=bool(filters.get("show_all")),
    )
    page = Paginator(queryset, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    plan_cohorts = [cohort.pk] if cohort else cohort_ids
    plans = selectors.plans_waiting(cohort_ids=plan_cohorts)
    deadlines = selectors.deadlines_of_cohorts(cohort_ids=cohort_ids)
    for submission in page:
        submission.overdue = selectors.submitted_after(
            deadlines.get((submission.enrolment.cohort_id, "practice")), submission.submitted_at
        )
    for plan in plans:
        plan.overdue = selectors.submitted_after(
            deadlines.get((plan.enrolment.cohort_id, "plan")), plan.submitted_at
        )
    return render(
        request,
        "assessment/grading_queue.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "plans": plans,
            "results_to_score": selectors.results_to_score(cohort_ids=cohort_ids),
            # A submitted plan with no result yet is a final assessment to score, too.
            "plans_to_score": [p for p in plans if not p.has_result],
        },
    )


@login_required
@sensitive_post_parameters()
def submission_review(request, pk: int):
    from ..forms import ReviewForm

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
            apply_service_error(exc, form=form)
            submission = _get_submission_for_reviewer(request.user, pk)
        else:
            messages.success(request, _("Your review is saved."))
            return redirect("assessment:submission_review", pk=submission.pk)
    from course.selectors import trainee_name

    versions = list(submission.versions.all())
    return render(
        request,
        "assessment/submission_review.html",
        {
            "submission": submission,
            "versions": versions,
            "form": form,
            "trainee_name": trainee_name(submission.enrolment.trainee, _language()),
            "reviewable": submission.status == submission.Status.SUBMITTED,
            "undo_until": _undo_until_for(request.user, submission, versions),
        },
    )


def _undo_until_for(user, submission, versions):
    """Until when this person may take back the acceptance shown, or None."""
    from django.utils import timezone

    latest = versions[-1] if versions else None
    until = services.submission_undo_until(submission, latest)
    if until is None or latest.decided_by_id != user.pk or timezone.now() > until:
        return None
    return until


@login_required
@require_POST
def submission_undo(request, pk: int):
    """Take back an acceptance made by mistake, for a few minutes after it."""
    submission = _get_submission_for_reviewer(request.user, pk)
    try:
        services.submission_acceptance_undo(submission=submission, by=request.user)
    except ValidationError as exc:
        apply_service_error(exc, request=request)
    else:
        messages.success(request, _("The acceptance is taken back: the work waits for review."))
    return redirect("assessment:submission_review", pk=submission.pk)
