from __future__ import annotations

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST

from certificates.models import Certificate
from cms import exports
from cms.errors import apply_service_error
from cms.private_files import serve_private_file

from . import selectors, services
from .forms import (
    CaseForm,
    CloseForm,
    ConsultationForm,
    QueueFilterForm,
    RatingForm,
    ReplyForm,
    TicketForm,
)
from .models import Attachment, Case, Ticket, Topic


def _get_ticket_for_user(request, pk: int) -> Ticket:
    """The ticket if the person may see it: its graduate, a mentor or staff. Others get 404, so
    nobody learns that a ticket exists."""
    ticket = selectors.ticket_with_thread(pk=pk)
    if ticket is None:
        raise Http404
    if ticket.graduate_id != request.user.pk and not selectors.is_mentor(request.user):
        raise Http404
    return ticket


def _require_mentor(request) -> None:
    if not selectors.is_mentor(request.user):
        raise PermissionDenied


@login_required
def index(request):
    rows = [
        (certificate, allowance, selectors.suggestions_for(certificate=certificate, policy=policy))
        for certificate, allowance, policy in selectors.certificates_with_allowance(
            user=request.user
        )
    ]
    return render(
        request,
        "mentoring/index.html",
        {"rows": rows, "tickets": selectors.tickets_of_graduate(user=request.user)},
    )


@login_required
@sensitive_post_parameters()
def ticket_new(request, code: str):
    certificate = get_object_or_404(
        Certificate, code=code, holder=request.user, kind=Certificate.Kind.CERTIFICATE
    )
    policy = selectors.policy_for(certificate=certificate)
    allowance = selectors.allowance_for(certificate=certificate, policy=policy)
    suggestions = selectors.suggestions_for(certificate=certificate, policy=policy)
    weakest = suggestions[0] if suggestions and allowance.used == 0 else None
    if request.method == "POST":
        form = TicketForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            try:
                ticket = services.ticket_open(
                    certificate=certificate,
                    graduate=request.user,
                    topic=data["topic"],
                    course_topic=data["course_topic"],
                    subject=data["subject"],
                    description=data["description"],
                    preferred_format=data["preferred_format"],
                    files=data["files"],
                    anonymised_confirmed=data["anonymised_confirmed"],
                    suggested_criterion=request.POST.get("suggested_criterion", ""),
                )
            except ValidationError as error:
                apply_service_error(error, request=request)
            else:
                messages.success(request, _("Your ticket has been sent to the mentors."))
                return redirect("mentoring:ticket", pk=ticket.pk)
    else:
        initial = {"preferred_format": "written"}
        if weakest is not None:
            # The first ticket starts from the weakest criterion of the final assessment and the
            # trainer's comment on it, so the consultation picks up where the course left off.
            initial.update(
                topic=weakest.topic,
                subject=_("%(criterion)s: %(score)s of %(max)s at the final assessment")
                % {"criterion": weakest.title, "score": weakest.score, "max": weakest.maximum},
                description=(
                    _("The trainer's comment: %(comment)s") % {"comment": weakest.comment}
                    if weakest.comment
                    else ""
                ),
            )
        form = TicketForm(initial=initial)
    return render(
        request,
        "mentoring/ticket_form.html",
        {
            "form": form,
            "certificate": certificate,
            "allowance": allowance,
            "suggestions": suggestions,
            "weakest": weakest,
        },
    )


@login_required
@sensitive_post_parameters()
def ticket_detail(request, pk: int):
    ticket = _get_ticket_for_user(request, pk)
    is_graduate = ticket.graduate_id == request.user.pk
    is_mentor = selectors.is_mentor(request.user)
    reply_form = ReplyForm()
    if request.method == "POST":
        reply_form = ReplyForm(request.POST, request.FILES)
        if reply_form.is_valid():
            data = reply_form.cleaned_data
            try:
                services.ticket_reply(
                    ticket=ticket,
                    author=request.user,
                    body=data["body"],
                    files=data["files"],
                    anonymised_confirmed=data["anonymised_confirmed"],
                )
            except ValidationError as error:
                apply_service_error(error, request=request)
            else:
                messages.success(request, _("Your message has been sent."))
                return redirect("mentoring:ticket", pk=ticket.pk)
    policy = selectors.policy_for(certificate=ticket.certificate)
    reopen_until = (
        ticket.closed_at + datetime.timedelta(days=policy.reopen_days) if ticket.closed_at else None
    )
    return render(
        request,
        "mentoring/ticket_detail.html",
        {
            "ticket": ticket,
            "is_graduate": is_graduate,
            "is_mentor": is_mentor,
            "reply_form": reply_form,
            "close_form": CloseForm(),
            "rating_form": RatingForm(),
            "consultation_form": ConsultationForm(),
            "case_form": CaseForm(initial={"title": ticket.subject}),
            "can_reopen": is_graduate
            and ticket.is_closed
            and reopen_until is not None
            and timezone.now() <= reopen_until,
            "reopen_until": reopen_until,
            "now": timezone.now(),
        },
    )


def _ticket_action(request, pk: int, action):
    ticket = _get_ticket_for_user(request, pk)
    try:
        result = action(ticket)
    except ValidationError as error:
        apply_service_error(error, request=request)
    else:
        if result:
            messages.success(request, result)
    return redirect("mentoring:ticket", pk=ticket.pk)


@login_required
@require_POST
def ticket_assign(request, pk: int):
    _require_mentor(request)

    def action(ticket):
        services.ticket_assign(ticket=ticket, mentor=request.user, by=request.user)
        return _("The ticket is assigned to you.")

    return _ticket_action(request, pk, action)


@login_required
@require_POST
@sensitive_post_parameters()
def ticket_close(request, pk: int):
    _require_mentor(request)

    def action(ticket):
        form = CloseForm(request.POST)
        summary = form.data.get("summary", "")
        services.ticket_close(ticket=ticket, by=request.user, summary=summary)
        return _("The ticket is closed.")

    return _ticket_action(request, pk, action)


@login_required
@require_POST
def ticket_reopen(request, pk: int):
    def action(ticket):
        services.ticket_reopen(ticket=ticket, by=request.user)
        return _("The ticket is open again.")

    return _ticket_action(request, pk, action)


@login_required
@require_POST
def ticket_rate(request, pk: int):
    def action(ticket):
        form = RatingForm(request.POST)
        if not form.is_valid():
            raise ValidationError(_("A rating is a whole number from 1 to 5."))
        services.ticket_rate(
            ticket=ticket,
            by=request.user,
            rating=form.cleaned_data["rating"],
            comment=form.cleaned_data["comment"],
        )
        return _("Thank you for your rating.")

    return _ticket_action(request, pk, action)


@login_required
@require_POST
def ticket_consent(request, pk: int):
    def action(ticket):
        services.ticket_consent_to_publish(ticket=ticket, by=request.user)
        return _("Thank you: mentors may publish this case without anything that identifies you.")

    return _ticket_action(request, pk, action)


@login_required
@require_POST
@sensitive_post_parameters()
def consultation_new(request, pk: int):
    _require_mentor(request)

    def action(ticket):
        form = ConsultationForm(request.POST)
        if not form.is_valid():
            raise ValidationError([e for errors in form.errors.values() for e in errors])
        services.consultation_schedule(
            ticket=ticket,
            by=request.user,
            starts_at=form.cleaned_data["starts_at"],
            duration_minutes=form.cleaned_data["duration_minutes"],
            location=form.cleaned_data["location"],
        )
        return _("The consultation is scheduled; the graduate gets an email with a calendar file.")

    return _ticket_action(request, pk, action)


@login_required
@require_POST
@sensitive_post_parameters()
def case_new(request, pk: int):
    _require_mentor(request)

    def action(ticket):
        form = CaseForm(request.POST)
        services.case_publish(
            ticket=ticket,
            by=request.user,
            title=form.data.get("title", ""),
            situation=form.data.get("situation", ""),
            advice=form.data.get("advice", ""),
        )
        return _("The case is published in the case library.")

    return _ticket_action(request, pk, action)


@login_required
def attachment_download(request, pk: int):
    attachment = get_object_or_404(Attachment.objects.select_related("ticket"), pk=pk)
    ticket = attachment.ticket
    if ticket.graduate_id != request.user.pk and not selectors.is_mentor(request.user):
        raise Http404
    if not attachment.file:  # deleted by the retention schedule; the row stays as a record
        raise Http404
    return serve_private_file(request, "private", attachment.file.name, attachment.original_name)


@login_required
def queue(request):
    _require_mentor(request)
    form = QueueFilterForm(request.GET or None)
    view = "new"
    if form.is_valid() and form.cleaned_data["view"]:
        view = form.cleaned_data["view"]
    now = timezone.now()
    # A page at a time: "all" holds every open ticket of every year (issue 22).
    tickets = selectors.mentor_queue(user=request.user, view=view, now=now)
    page = Paginator(tickets, QUEUE_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "mentoring/queue.html",
        {"form": form, "view": view, "tickets": page, "page": page, "now": now},
    )


QUEUE_PER_PAGE = 50


def _report_table(figures) -> list[list]:
    table = [
        [section, label, count]
        for section, rows in (
            # The area of help (behaviour, adapting tasks...), not a course topic: course's
            # catalogue, read first, words a bare "Topic" as the course topic ("Тақырып").
            (pgettext("mentoring area", "Topic"), figures.by_topic),
            (_("Month"), figures.by_month),
            (_("Module"), figures.by_module),
            (_("Course topic"), figures.by_course_topic),
        )
        for label, count in rows
    ]
    table += [
        [_("Ratings"), _("Average"), figures.average_rating],
        [_("Response"), _("Median first reply, working days"), figures.median_first_response_days],
        [_("Response"), _("Median resolution, working days"), figures.median_resolution_days],
    ]
    return table


@login_required
def report(request):
    _require_mentor(request)
    figures = selectors.report()
    fmt = request.GET.get("format")
    if fmt in exports.FORMATS:
        return exports.export_response(
            fmt=fmt,
            filename="mentoring-report",
            header=[_("Section"), _("Item"), _("Tickets")],
            rows=_report_table(figures),
            sheet_title=_("Report"),
        )
    peak = max((n for _label, n in figures.by_topic), default=0)
    return render(request, "mentoring/report.html", {"figures": figures, "peak": peak or 1})


@login_required
def case_list(request):
    topic = request.GET.get("topic") or None
    if topic not in Topic.values:
        topic = None
    return render(
        request,
        "mentoring/case_list.html",
        {"cases": selectors.cases(topic=topic), "topics": Topic.choices, "topic": topic},
    )


@login_required
def case_detail(request, pk: int):
    case = get_object_or_404(Case.objects.select_related("course_topic"), pk=pk)
    return render(request, "mentoring/case_detail.html", {"case": case})
