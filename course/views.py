"""Pages of the study area: the trainee's dashboard and joining, the trainers' cohort view and
attendance register, and the registrar's enrolment actions. Access checks live in the small
`_get_…` helpers; anything not allowed is a 404, so nobody learns which ids exist."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cms import exports
from cms.collation import name_sort_key
from cms.errors import apply_service_error
from cms.roles import is_registrar, is_trainer

from . import selectors, services
from .dashboard import outline as programme_outline_of
from .dashboard import panels_render
from .forms import (
    AgreementForm,
    ExpelForm,
    ImportForm,
    JoinForm,
    MakeUpForm,
    StatusForm,
    TransferForm,
)
from .importing import ImportFileError, rows_read
from .models import Attendance, CourseAgreement, Enrolment, EnrolmentEvent, LiveSession, TopicPage


def _language() -> str:
    return translation.get_language() or "kk"


def _get_cohort_for_staff(user, code: str):
    return get_object_or_404(selectors.cohorts_visible(user).select_related("programme"), code=code)


def _get_enrolment_for_viewer(user, pk: int) -> Enrolment:
    """The trainee themself, the cohort's trainers and registrars; everyone else gets a 404."""
    enrolment = get_object_or_404(
        Enrolment.objects.select_related("cohort__programme", "trainee"), pk=pk
    )
    if enrolment.trainee_id == user.pk or is_registrar(user):
        return enrolment
    if enrolment.cohort.trainers.filter(pk=user.pk).exists():
        return enrolment
    raise Http404


def _get_enrolment_for_registrar(user, pk: int) -> Enrolment:
    if not is_registrar(user):
        raise Http404
    return get_object_or_404(Enrolment.objects.select_related("cohort", "trainee"), pk=pk)


def _get_session_for_reader(user, pk: int) -> tuple[LiveSession, bool]:
    """The session and whether the person records its register: the cohort's trainers do; a
    registrar reads any cohort's register (to check it) but records none of them."""
    session = get_object_or_404(
        LiveSession.objects.select_related("cohort__programme", "topic"), pk=pk
    )
    if session.cohort.trainers.filter(pk=user.pk).exists():
        return session, True
    if is_registrar(user):
        return session, False
    raise Http404


@login_required
def dashboard(request):
    # The enrolment with the state every panel reads, in one query (course.dashboard).
    enrolment = selectors.enrolment_current(request.user, with_state=True)
    context: dict = {"enrolment": enrolment}
    if is_registrar(request.user) or is_trainer(request.user):
        context["cohorts"] = list(selectors.cohorts_visible(request.user)[:50])
    if enrolment is not None:
        outline = programme_outline_of(request, enrolment)
        progress = selectors.enrolment_progress(enrolment, outline)
        topics = [t for item in outline for t in item.topics]
        sessions = selectors.sessions_upcoming(enrolment.cohort, topics={t.pk: t for t in topics})
        localized = selectors.translated_topics(topics + [s.topic for s in sessions], _language())
        context.update(
            progress=progress,
            next_topic=localized.get(progress.next_topic.pk) if progress.next_topic else None,
            sessions=[(s, localized.get(s.topic_id, s.topic)) for s in sessions],
            expulsion=selectors.expulsion_of(enrolment),
            refusal=services.study_refusal(enrolment),
            panels=panels_render(request, enrolment),
        )
    context["onboarding"] = selectors.onboarding_steps(
        request.user, enrolment, context.get("progress")
    )
    return render(request, "course/dashboard.html", context)


@login_required
def join(request):
    agreement = CourseAgreement.objects.first()
    profile = getattr(request.user, "trainee_profile", None)
    form = JoinForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            enrolment = services.enrolment_join(
                trainee=request.user,
                enrolment_key=form.cleaned_data["enrolment_key"],
                agreement=agreement,
            )
        except services.EnrolmentError as exc:
            apply_service_error(exc, form=form)
        else:
            messages.success(
                request,
                _("Welcome to cohort %(name)s! Start with the first topic.")
                % {"name": enrolment.cohort.name},
            )
            return redirect("course:dashboard")
    return render(
        request,
        "course/join.html",
        {
            "form": form,
            "agreement": agreement,
            "agreement_text": agreement.text_for(_language()) if agreement else "",
            "profile_complete": bool(profile and profile.is_complete),
        },
    )


@login_required
def agreement_accept(request):
    """Where an imported trainee accepts the course agreement before studying."""
    enrolment = selectors.enrolment_current(request.user)
    if enrolment is None:
        return redirect("course:join")
    # Once accepted, the page shows the very version accepted, not a newer one.
    agreement = (
        CourseAgreement.objects.filter(version=enrolment.agreement_version).first()
        if enrolment.agreement_accepted_at
        else None
    ) or CourseAgreement.objects.first()
    form = AgreementForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.enrolment_agreement_accept(enrolment=enrolment, agreement=agreement)
        except services.EnrolmentError as exc:
            apply_service_error(exc, form=form)
        else:
            messages.success(request, _("Thank you: the course agreement is accepted."))
            return redirect("course:dashboard")
    return render(
        request,
        "course/agreement.html",
        {
            "form": form,
            "enrolment": enrolment,
            "agreement": agreement,
            "agreement_text": agreement.text_for(_language()) if agreement else "",
        },
    )


@login_required
@require_POST
def topic_studied(request, page_id: int):
    page = get_object_or_404(TopicPage.objects.live(), pk=page_id)
    enrolment = selectors.enrolment_current(request.user)
    answers = {
        key.removeprefix("answer-"): value
        for key, value in request.POST.items()
        if key.startswith("answer-")
    }
    try:
        services.topic_study_finish(
            enrolment=enrolment,
            page=page,
            user_id=request.user.pk,
            token=request.POST.get("opened", ""),
            answers=answers,
        )
    except services.EnrolmentError as exc:
        apply_service_error(exc, request=request)
    else:
        messages.success(
            request, _("Topic %(number)s is marked as studied.") % {"number": page.number}
        )
    return redirect(page.get_url(request) or "course:dashboard")


@login_required
def cohort_list(request):
    if not (is_registrar(request.user) or is_trainer(request.user)):
        raise Http404
    # Newest first (Cohort's ordering), a page at a time: a registrar sees every cohort ever run.
    cohorts = selectors.cohorts_visible(request.user).select_related("programme")
    page = Paginator(cohorts, COHORTS_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "course/cohort_list.html", {"cohorts": page, "page": page})


COHORTS_PER_PAGE = 50


SORTS = {"name", "progress"}


def _table_args(request) -> tuple[str, str]:
    status = request.GET.get("status", "")
    if status not in Enrolment.Status.values:
        status = ""
    sort = request.GET.get("sort", "name")
    return status, sort if sort in SORTS else "name"


@login_required
def cohort_detail(request, code: str):
    cohort = _get_cohort_for_staff(request.user, code)
    status, sort = _table_args(request)
    outline, rows = selectors.cohort_table(cohort, language=_language(), status=status, sort=sort)
    sessions = list(cohort.sessions.select_related("topic").order_by("starts_at"))
    localized = selectors.translated_topics([s.topic for s in sessions], _language())
    return render(
        request,
        "course/cohort_detail.html",
        {
            "cohort": cohort,
            "outline": outline,
            "rows": rows,
            "status": status,
            "sort": sort,
            "statuses": Enrolment.Status.choices,
            "sessions": [(s, localized.get(s.topic_id, s.topic)) for s in sessions],
            # A register opens when its session starts (course.services.attendance_record).
            "now": timezone.now(),
            "can_record": cohort.trainers.filter(pk=request.user.pk).exists(),
            "can_read_registers": is_registrar(request.user),
            "is_registrar": is_registrar(request.user),
        },
    )


def _export_table(cohort, language: str, status: str, sort: str) -> tuple[list, list[list]]:
    outline, rows = selectors.cohort_table(cohort, language=language, status=status, sort=sort)
    header = [_("Trainee"), _("Email"), _("Status")]
    header += [_("Module %(n)s, h") % {"n": item.module.number} for item in outline]
    header += [_("Total, h"), _("Of, h"), _("Attendance, %")]
    table = [
        [row.name, row.enrolment.trainee.email, row.enrolment.get_status_display()]
        + [m.done for m in row.modules]
        + [row.done, row.total, row.attendance_rate]
        for row in rows
    ]
    return header, table


@login_required
def cohort_export(request, code: str, fmt: str):
    if fmt not in exports.FORMATS:
        raise Http404
    cohort = _get_cohort_for_staff(request.user, code)
    status, sort = _table_args(request)
    header, table = _export_table(cohort, _language(), status, sort)
    return exports.export_response(
        fmt=fmt,
        filename=f"{cohort.code}-{timezone.localdate():%Y%m%d}",
        header=header,
        rows=table,
        sheet_title=cohort.code,
    )


@login_required
def cohort_import(request, code: str):
    """Upload → a preview of every row (what will happen, or why it cannot) with nothing written
    → confirm, which imports the rows the preview showed (checked again: the cohort may have
    changed in between)."""
    if not is_registrar(request.user):
        raise Http404
    cohort = _get_cohort_for_staff(request.user, code)
    session_key = f"cohort_import:{cohort.pk}"
    form = ImportForm()
    preview = report = None
    if request.method == "POST" and request.POST.get("confirm"):
        rows = request.session.pop(session_key, None)
        if rows is None:
            messages.error(request, _("Upload the list again: its preview has expired."))
            return redirect("course:cohort_import", code=cohort.code)
        report = services.enrolment_import(cohort=cohort, rows=rows, by=request.user)
    elif request.method == "POST":
        form = ImportForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                rows = rows_read(form.cleaned_data["file"])
            except ImportFileError as exc:
                apply_service_error(exc, form=form)
            else:
                preview = services.enrolment_import_check(cohort=cohort, rows=rows)
                request.session[session_key] = rows
    return render(
        request,
        "course/cohort_import.html",
        {
            "cohort": cohort,
            "form": form,
            "preview": preview,
            "importable": [row for row in preview or () if row.action in ("create", "enrol")],
            "report": report,
        },
    )


@login_required
def session_attendance(request, pk: int):
    session, can_record = _get_session_for_reader(request.user, pk)
    if request.method == "POST" and not can_record:
        raise PermissionDenied
    enrolments = list(
        Enrolment.objects.filter(cohort=session.cohort, status=Enrolment.Status.ACTIVE)
        .select_related("trainee__trainee_profile")
        .order_by("trainee__last_name", "trainee__email")
    )
    current = dict(Attendance.objects.filter(session=session).values_list("enrolment_id", "mark"))
    errors: list[str] = []
    if request.method == "POST":
        marks = {}
        for enrolment in enrolments:
            mark = request.POST.get(f"mark-{enrolment.pk}", "")
            if mark:
                marks[enrolment.pk] = mark
        if len(marks) < len(enrolments):
            errors.append(_("Choose present, absent or excused for every trainee."))
        else:
            try:
                services.attendance_record(session=session, marks=marks, recorded_by=request.user)
            except services.EnrolmentError as exc:
                errors.append(exc.message)
            else:
                messages.success(request, _("The attendance register is saved."))
                return redirect("course:session_attendance", pk=session.pk)
        current.update(marks)
    language = _language()
    topic = selectors.translated_topics([session.topic], language)[session.topic_id]
    people = [
        (e, selectors.trainee_name(e.trainee, language), current.get(e.pk, "")) for e in enrolments
    ]
    people.sort(key=lambda item: name_sort_key(item[1]))
    return render(
        request,
        "course/session_attendance.html",
        {
            "session": session,
            "topic": topic,
            "people": people,
            "choices": Attendance.Mark.choices,
            "errors": errors,
            "can_record": can_record,
            "not_started": session.starts_at > timezone.now(),
        },
    )


@login_required
def enrolment_detail(request, pk: int):
    enrolment = _get_enrolment_for_viewer(request.user, pk)
    language = _language()
    outline = selectors.programme_outline(enrolment.cohort.programme)
    progress = selectors.enrolment_progress(enrolment, outline)
    localized = selectors.translated_topics([t for i in outline for t in i.topics], language)
    registrar = is_registrar(request.user)
    # Minutes from opening a lecture to sending the form at its end, per (Kazakh) topic id.
    minutes = {
        topic_id: max(1, round(seconds / 60))
        for topic_id, seconds in enrolment.completions.filter(
            seconds_spent__isnull=False
        ).values_list("topic_id", "seconds_spent")
    }
    context = {
        "enrolment": enrolment,
        "name": selectors.trainee_name(enrolment.trainee, language),
        "progress": progress,
        "outline": [
            (
                i,
                [
                    (localized[t.pk], t.pk in progress.completed_ids, minutes.get(t.pk))
                    for t in i.topics
                ],
            )
            for i in outline
        ],
        "events": enrolment.events.select_related("by", "to_cohort"),
        "is_registrar": registrar,
        # The trainee's trainers and registrars get the links to the assessment pages.
        "is_staff_viewer": enrolment.trainee_id != request.user.pk,
        "employer_email": getattr(
            getattr(enrolment.trainee, "trainee_profile", None), "employer_email", ""
        ),
    }
    if registrar and enrolment.is_active:
        context.update(
            status_form=StatusForm(prefix="status"),
            transfer_form=TransferForm(prefix="transfer", enrolment=enrolment),
            expel_form=ExpelForm(prefix="expel"),
        )
        make_up_form = MakeUpForm(prefix="make_up", enrolment=enrolment)
        if make_up_form.fields["topic"].queryset.exists():
            context["make_up_form"] = make_up_form
    return render(request, "course/enrolment_detail.html", context)


@login_required
@require_POST
def enrolment_action(request, pk: int, action: str):
    enrolment = _get_enrolment_for_registrar(request.user, pk)
    if action == "status":
        form = StatusForm(request.POST, prefix="status")
    elif action == "transfer":
        form = TransferForm(request.POST, request.FILES, prefix="transfer", enrolment=enrolment)
    elif action == "expel":
        form = ExpelForm(request.POST, prefix="expel")
    elif action == "make_up":
        form = MakeUpForm(request.POST, prefix="make_up", enrolment=enrolment)
    else:
        raise Http404
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            for error in errors:
                messages.error(request, f"{label}: {error}" if label else error)
        return redirect("course:enrolment_detail", pk=enrolment.pk)
    data = form.cleaned_data
    try:
        if action == "status":
            services.enrolment_status_set(
                enrolment=enrolment, status=data["status"], by=request.user, reason=data["reason"]
            )
        elif action == "transfer":
            services.enrolment_transfer(
                enrolment=enrolment,
                to_cohort=data["to_cohort"],
                by=request.user,
                reason=data["reason"],
                document=data["document"],
            )
        elif action == "make_up":
            services.topic_make_up_record(
                enrolment=enrolment, topic=data["topic"], recorded_by=request.user
            )
            messages.success(request, _("The make-up is recorded; the topic counts as done."))
            return redirect("course:enrolment_detail", pk=enrolment.pk)
        else:
            services.enrolment_expel(
                enrolment=enrolment,
                by=request.user,
                order_number=data["order_number"],
                decision_date=data["decision_date"],
                reason=data["reason"],
            )
    except services.EnrolmentError as exc:
        apply_service_error(exc, request=request)
    else:
        messages.success(request, _("The enrolment status is changed and recorded."))
    return redirect("course:enrolment_detail", pk=enrolment.pk)


@login_required
def expulsion_letter(request, pk: int):
    """The printable letter to the employer about an expulsion: registrars only."""
    from django.http import HttpResponse

    from .letters import expulsion_letter_pdf

    if not is_registrar(request.user):
        raise Http404
    event = get_object_or_404(
        EnrolmentEvent.objects.select_related("enrolment__cohort", "enrolment__trainee"),
        pk=pk,
        to_status=Enrolment.Status.EXPELLED,
    )
    response = HttpResponse(expulsion_letter_pdf(event=event), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="expulsion-{event.pk}.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def event_document(request, pk: int):
    """A transfer's supporting document: staff (registrars) only."""
    if not is_registrar(request.user):
        raise Http404
    event = get_object_or_404(EnrolmentEvent, pk=pk)
    if not event.document:
        raise Http404
    try:
        from cms.private_files import serve_private_file
    except ImportError:  # the shared helper is optional: stream the file ourselves
        response = FileResponse(event.document.open("rb"), as_attachment=True)
        response["Cache-Control"] = "private, no-store"
        return response
    return serve_private_file(request, "private", event.document.name)
