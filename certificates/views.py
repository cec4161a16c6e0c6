"""Public verification (no login), the holder's files and the holder's list of certificates."""

from __future__ import annotations

import uuid
from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from cms.errors import apply_service_error
from cms.exports import FORMATS as EXPORT_FORMATS
from cms.private_files import serve_private_file
from cms.roles import is_registrar
from cms.slots import slot_templates
from course.models import Cohort

from . import exports, lookups, selectors, services
from .codes import normalise_code
from .forms import RegisterFilterForm, ReissueForm, RevokeForm, VerifyForm
from .models import Certificate

PUBLIC_URLCONF = "certificates.public_urlconf"


def _wants_json(request: HttpRequest, fmt: str | None) -> bool:
    if fmt == "json":
        return True
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def unprefixed(view):
    """For views at unprefixed URLs. See public_urlconf: keeps LocaleMiddleware from turning any
    404 of theirs (an unknown code, someone else's PDF) into a redirect to /kk/..."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        request.urlconf = PUBLIC_URLCONF
        return view(request, *args, **kwargs)

    return wrapper


def _public(response: HttpResponse, request: HttpRequest) -> HttpResponse:
    patch_vary_headers(response, ["Accept", "Accept-Language"])
    # Status can change (revocation, expiry): nobody may serve a stale copy.
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


def _too_many(request: HttpRequest, as_json: bool) -> HttpResponse:
    if as_json:
        response = JsonResponse({"status": "rate_limited"}, status=429)
    else:
        response = render(request, "certificates/verify_rate_limited.html", status=429)
    response["Retry-After"] = "3600"
    return _public(response, request)


def _not_found(request: HttpRequest, as_json: bool, code: str = "") -> HttpResponse:
    if as_json:
        return _public(JsonResponse({"status": "not_found"}, status=404), request)
    # The code as typed, back in its field: the person corrects one character, not sixteen.
    form = VerifyForm(initial={"code": code[:40]})
    response = render(request, "certificates/verify_not_found.html", {"form": form}, status=404)
    return _public(response, request)


def verification_payload(certificate: Certificate, language: str, status: str) -> dict:
    """The JSON of CONTRACTS.md, plus `kind` (certificate or statement); `status` is
    certificate.public_status(), already worked out by the caller."""
    revoked = status == "revoked"
    return {
        "status": status,
        "kind": certificate.kind,
        "serial": certificate.serial,
        "holder_name": certificate.holder_name_for(language),
        "course_title": certificate.course_title_for(language),
        "hours": certificate.hours,
        "issued_on": certificate.issued_on.isoformat(),
        "valid_until": certificate.valid_until.isoformat() if certificate.valid_until else None,
        "revoked_on": certificate.revoked_on.isoformat() if revoked else None,
        "revocation_reason": certificate.revocation_reason_for(language) if revoked else None,
        "superseded_by": certificate.successor_code,
        "course_from": certificate.course_from.isoformat() if certificate.course_from else None,
        "course_to": certificate.course_to.isoformat() if certificate.course_to else None,
    }


@unprefixed
@require_safe
def verify_detail(request: HttpRequest, code: str, fmt: str | None = None) -> HttpResponse:
    """What an employer sees after scanning the QR code. One query, the certificate with its
    successor's code; the look-up is counted and logged in one Redis round trip (lookups.py)."""
    as_json = _wants_json(request, fmt)
    certificate = selectors.certificate_for_verification(code=code)
    status = certificate.public_status() if certificate else "not_found"
    if not lookups.record(request, certificate, status):
        return _too_many(request, as_json)
    if certificate is None:
        return _not_found(request, as_json, code)
    language = translation.get_language()
    if as_json:
        response: HttpResponse = JsonResponse(
            verification_payload(certificate, language, status),
            json_dumps_params={"ensure_ascii": False},
        )
    else:
        response = render(
            request,
            "certificates/verify_detail.html",
            {
                "c": certificate,
                "status": status,
                "holder_name": certificate.holder_name_for(language),
                "course_title": certificate.course_title_for(language),
                "revocation_reason": certificate.revocation_reason_for(language),
                "extra_templates": slot_templates("verify_detail"),
            },
            using="jinja2",
        )
    return _public(response, request)


@unprefixed
@require_safe
def verify_form(request: HttpRequest) -> HttpResponse:
    """Look-up by code, or by certificate number and surname. A GET form: bookmarkable and needs
    no session or CSRF cookie on a public page."""
    if not request.GET:
        return _public(
            render(request, "certificates/verify_form.html", {"form": VerifyForm()}), request
        )
    form = VerifyForm(request.GET)
    if not form.is_valid():
        return _public(render(request, "certificates/verify_form.html", {"form": form}), request)
    if form.cleaned_data.get("code"):
        return redirect("certificates_public:verify", code=form.cleaned_data["code"])
    if not lookups.lookup_allowed(request):
        return _too_many(request, as_json=False)
    certificate = selectors.certificate_by_serial_and_surname(
        serial=form.cleaned_data["serial"], surname=form.cleaned_data["surname"]
    )
    if certificate is None:
        lookups.log(None, "not_found")
        form.add_error(None, _("No certificate matches this number and surname."))
        response = render(request, "certificates/verify_form.html", {"form": form}, status=404)
        return _public(response, request)
    return redirect("certificates_public:verify", code=certificate.code)


def _certificate_for_user(request: HttpRequest, code: str) -> Certificate:
    """The holder's own document, or any document for staff; 404 for everyone else so a code
    cannot be probed for existence."""
    normalised = normalise_code(code)
    certificate = Certificate.objects.filter(code=normalised).first() if normalised else None
    if certificate is None:
        raise Http404
    user = request.user
    if user.is_staff or is_registrar(user):
        return certificate
    if certificate.holder_id == user.pk and selectors.released_to_holder(certificate=certificate):
        return certificate
    raise Http404


@unprefixed
@login_required
@require_safe
def certificate_pdf(request: HttpRequest, code: str) -> HttpResponse:
    certificate = _certificate_for_user(request, code)
    if not certificate.pdf:
        raise Http404(_("The PDF is still being prepared; please try again in a minute."))
    return serve_private_file(
        request,
        "private",
        certificate.pdf.name,
        filename=f"{certificate.serial}.pdf",
        content_type="application/pdf",
    )


@login_required
@require_safe
def my_certificates(request: HttpRequest) -> HttpResponse:
    certificates = [
        c
        for c in selectors.certificates_of_holder(user=request.user)
        if selectors.released_to_holder(certificate=c)
    ]
    language = translation.get_language()
    rows = [
        {
            "c": c,
            "status": c.public_status(),
            "course_title": c.course_title_for(language),
            "pdf_url": reverse("certificates_public:pdf", kwargs={"code": c.code}),
            "verify_url": reverse("certificates_public:verify", kwargs={"code": c.code}),
        }
        for c in certificates
    ]
    return render(request, "certificates/my_certificates.html", {"rows": rows})


# --- Staff: the register, revocation and re-issue -------------------------------------------


def _is_staff(user) -> bool:
    return user.is_authenticated and (user.is_staff or is_registrar(user))


def _require_staff(request: HttpRequest) -> None:
    if not _is_staff(request.user):
        raise PermissionDenied(_("Only registrars may see the certificate register."))


@login_required
@require_safe
def register(request: HttpRequest) -> HttpResponse:
    _require_staff(request)
    form = RegisterFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    rows = selectors.register_rows(filters=filters)
    export = request.GET.get("export")
    if export in EXPORT_FORMATS:
        return exports.register_export(rows, fmt=export)
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("export", None)
    cohort = filters.get("cohort")
    return render(
        request,
        "certificates/register.html",
        {
            "form": form,
            "page": page,
            "rows": [(c, c.public_status()) for c in page.object_list],
            "query": query.urlencode(),
            "cohort": cohort,
        },
    )


@login_required
@require_safe
def cohort_pdfs_zip(request: HttpRequest, cohort_code: str) -> HttpResponse:
    _require_staff(request)
    cohort = get_object_or_404(Cohort, code=cohort_code)
    documents = Certificate.objects.filter(cohort=cohort).exclude(
        status=Certificate.Status.SUPERSEDED
    )
    response = HttpResponse(exports.cohort_zip(documents), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{cohort.code}-certificates.zip"'
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
def register_detail(request: HttpRequest, code: str) -> HttpResponse:
    _require_staff(request)
    certificate = get_object_or_404(Certificate.objects.select_related("cohort"), code=code)
    revoke_form, reissue_form = RevokeForm(prefix="revoke"), ReissueForm(prefix="reissue")
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "revoke":
                revoke_form = RevokeForm(request.POST, prefix="revoke")
                if revoke_form.is_valid():
                    services.certificate_revoke(
                        certificate=certificate,
                        revoked_by=request.user,
                        reason=revoke_form.cleaned_data["reason"],
                        note=revoke_form.cleaned_data["note"],
                    )
                    messages.success(request, _("The certificate was revoked."))
                    return redirect("certificates:register_detail", code=certificate.code)
            elif action == "reissue":
                reissue_form = ReissueForm(request.POST, prefix="reissue")
                if reissue_form.is_valid():
                    new = services.certificate_reissue(
                        certificate=certificate,
                        reissued_by=request.user,
                        reason=reissue_form.cleaned_data["reason"],
                    )
                    messages.success(
                        request,
                        _("Re-issued as %(serial)s; the old certificate is superseded.")
                        % {"serial": new.serial},
                    )
                    return redirect("certificates:register_detail", code=new.code)
        except services.CertificateError as exc:
            apply_service_error(exc, request=request)
            return redirect("certificates:register_detail", code=certificate.code)
    return render(
        request,
        "certificates/register_detail.html",
        {
            "c": certificate,
            "status": certificate.public_status(),
            "audit": certificate.audit_entries.select_related("actor"),
            "check_count": certificate.lookups.count(),
            "revoke_form": revoke_form,
            "reissue_form": reissue_form,
        },
    )


@login_required
@require_POST
def cohort_bulk_issue(request: HttpRequest, cohort_code: str) -> HttpResponse:
    """Queue issuing for a whole cohort and show the progress page."""
    from cms.celery import enqueue_on_commit

    from .tasks import cohort_bulk_issue_task

    _require_staff(request)
    cohort = get_object_or_404(Cohort, code=cohort_code)
    job_id = uuid.uuid4().hex
    services.cohort_bulk_issue_start(cohort=cohort, started_by=request.user, job_id=job_id)
    enqueue_on_commit(cohort_bulk_issue_task, cohort.pk, request.user.pk, job_id)
    return redirect("certificates:bulk_progress", job_id=job_id)


@login_required
@require_safe
def bulk_progress(request: HttpRequest, job_id: str) -> HttpResponse:
    _require_staff(request)
    progress = services.bulk_progress(job_id=job_id)
    if progress is None:
        raise Http404
    if request.GET.get("format") == "json":
        return JsonResponse(progress)
    return render(
        request,
        "certificates/bulk_progress.html",
        {"progress": progress, "job_id": job_id},
    )


def _pdf_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_safe
def blank_print(request: HttpRequest, code: str) -> HttpResponse:
    """The variable fields only, for printing on a pre-printed security blank."""
    from .models import BlankPrintLayout
    from .pdf import blank_pdf

    _require_staff(request)
    certificate = get_object_or_404(
        Certificate, code=code, kind=Certificate.Kind.CERTIFICATE, status=Certificate.Status.VALID
    )
    layout = BlankPrintLayout.for_request(request)
    return _pdf_response(blank_pdf(certificate, layout), f"{certificate.serial}-blank.pdf")


@login_required
@require_safe
def blank_calibration(request: HttpRequest) -> HttpResponse:
    from .models import BlankPrintLayout
    from .pdf import calibration_pdf

    _require_staff(request)
    layout = BlankPrintLayout.for_request(request)
    return _pdf_response(calibration_pdf(layout), "calibration.pdf")


# --- Staff: who is blocked, and statements on demand -----------------------------------------


@login_required
@require_safe
def pending(request: HttpRequest) -> HttpResponse:
    """Finalised passes without a certificate, with what blocks each (all cohorts, or one)."""
    _require_staff(request)
    cohort = None
    if request.GET.get("cohort"):
        cohort = get_object_or_404(Cohort, code=request.GET["cohort"])
    rows = selectors.pending_rows(cohort=cohort)
    return render(request, "certificates/pending.html", {"rows": rows, "cohort": cohort})


@login_required
@require_POST
def statement_for_enrolment(request: HttpRequest, enrolment_id: int) -> HttpResponse:
    """The registrar issues a statement of attendance on demand (a trainee who did not pass or
    left the course)."""
    _require_staff(request)
    from course.models import Enrolment

    enrolment = get_object_or_404(
        Enrolment.objects.select_related("cohort__programme", "trainee"), pk=enrolment_id
    )
    try:
        statement = services.statement_issue(enrolment=enrolment, issued_by=request.user)
    except services.CertificateError as error:
        apply_service_error(error, request=request)
        return redirect(f"{reverse('certificates:pending')}?cohort={enrolment.cohort.code}")
    messages.success(
        request,
        _("Statement of attendance %(serial)s issued.") % {"serial": statement.serial},
    )
    return redirect("certificates:register_detail", code=statement.code)
