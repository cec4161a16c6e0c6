"""Checking an uploaded PDF, the holder's credentials, and the machine-readable public URLs."""

from __future__ import annotations

import json
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods

from certificates.lookups import lookup_allowed

from . import conf, openbadges, selectors, services
from .forms import PdfCheckForm
from .uploads import InMemoryLimitedUploadHandler

PUBLIC_URLCONF = "credentials.public_urlconf"


def _refusals() -> dict[str, str]:
    return {
        "too_big": _("The file is too big to be one of our certificates (the limit is %(mb)s MB).")
        % {"mb": conf.upload_limit() // (1024 * 1024)},
        "not_pdf": _("This file is not a PDF document, or it is damaged."),
        "unsigned": _(
            "This PDF carries no digital signature, so it cannot be confirmed as issued here. "
            "Download the certificate again, or check it by its verification code."
        ),
        "invalid": _("The digital signature of this PDF is not valid."),
        "foreign": _("This PDF was signed by someone else, not by our institute."),
        "altered": _(
            "This PDF has been changed after it was signed: it is not the document we issued."
        ),
        "unknown": _(
            "The signature is ours, but this exact file is not among the certificates we issued."
        ),
        "rate_limited": _("Too many checks from your address. Please try again in an hour."),
    }


def unprefixed(view):
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        request.urlconf = PUBLIC_URLCONF
        return view(request, *args, **kwargs)

    return wrapper


def _no_store(response: HttpResponse) -> HttpResponse:
    # A status can change at any moment (revocation): nobody may serve a stale copy.
    patch_cache_control(response, no_cache=True, max_age=0)
    return response


@csrf_exempt
@require_http_methods(["GET", "POST"])
def check_pdf(request: HttpRequest) -> HttpResponse:
    # The upload handler must be replaced before anything reads the body, and CsrfViewMiddleware
    # reads it for POSTs — hence csrf_exempt here and csrf_protect on the inner view (the pattern
    # Django's documentation gives for changing upload handlers in a view).
    handler = InMemoryLimitedUploadHandler(request, limit=conf.upload_limit())
    request.upload_handlers = [handler]
    return _check_pdf(request, handler)


@csrf_protect
def _check_pdf(request: HttpRequest, handler: InMemoryLimitedUploadHandler) -> HttpResponse:
    context: dict = {"limit_mb": conf.upload_limit() // (1024 * 1024)}
    if request.method != "POST":
        context["form"] = PdfCheckForm()
        return render(request, "credentials/check_pdf.html", context)
    form = PdfCheckForm(request.POST, request.FILES)
    context["form"] = form
    status = 200
    if handler.too_big:
        context["refusal"] = _refusals()["too_big"]
        status = 413
    elif not form.is_valid():
        status = 400
    elif not lookup_allowed(request):
        context["refusal"] = _refusals()["rate_limited"]
        status = 429
    else:
        upload = form.cleaned_data["document"]
        data = upload.read()
        upload.close()
        result = selectors.pdf_check(data=data)
        del data  # nothing of the upload outlives the request
        if result.genuine:
            certificate = result.certificate
            context["certificate"] = certificate
            context["status"] = certificate.public_status()
        else:
            context["refusal"] = _refusals()[result.outcome]
            context["outcome"] = result.outcome
            status = 422
    response = render(request, "credentials/check_pdf.html", context, status=status)
    patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
@require_GET
def my_credentials(request: HttpRequest) -> HttpResponse:
    certificates = list(selectors.credentials_of_holder(user=request.user))
    for certificate in certificates:
        # The salt of the email hash is not published with the credential; the holder gives it,
        # with their email, to whoever must match the credential to them.
        record = services.credential_record_ensure(certificate=certificate)
        certificate.identity_salt = record.salt
    return render(request, "credentials/my_credentials.html", {"certificates": certificates})


@unprefixed
@require_GET
def did_json(request: HttpRequest) -> HttpResponse:
    response = JsonResponse(openbadges.did_document(), content_type="application/did+json")
    patch_cache_control(response, public=True, max_age=3600)
    return response


@unprefixed
@require_GET
def status_list(request: HttpRequest, number: int) -> HttpResponse:
    """The BitstringStatusListCredential as a VC-JWT (or its JSON with Accept: application/json),
    computed from the certificates' statuses at request time."""
    if not selectors.status_list_exists(status_list=number):
        raise Http404

    def document() -> dict:
        return openbadges.status_list_document(
            status_list=number,
            revoked_indexes=selectors.status_list_revoked_indexes(status_list=number),
        )

    wanted = request.get_preferred_type([openbadges.JWT_MEDIA_TYPE, "application/json"])
    if wanted == "application/json":
        body = selectors.status_list_cached(
            status_list=number,
            form="json",
            build=lambda: json.dumps(document(), ensure_ascii=False).encode(),
        )
        response = HttpResponse(body, content_type="application/json")
    else:
        body = selectors.status_list_cached(
            status_list=number, form="jwt", build=lambda: openbadges.jwt_sign(document())
        )
        response = HttpResponse(body, content_type=openbadges.JWT_MEDIA_TYPE)
    patch_vary_headers(response, ["Accept"])
    return _no_store(response)


def _rate_limited() -> HttpResponse:
    response = JsonResponse({"status": "rate_limited"}, status=429)
    response["Retry-After"] = "3600"
    return _no_store(response)


def _credential_or_404(code: str):
    certificate = selectors.credential_certificate(code=code)
    if certificate is None:
        raise Http404
    record = services.credential_record_ensure(certificate=certificate)
    return certificate, record


@unprefixed
@require_GET
def credential_json(request: HttpRequest, code: str) -> HttpResponse:
    """The credential's JSON, readable; its proof is the VC-JWT next to it (ob3.jwt).

    Counted by the verification limit, as /verify/ is (a code that finds nothing too): otherwise
    these URLs would be a way round it to try codes."""
    if not lookup_allowed(request):
        return _rate_limited()
    certificate, record = _credential_or_404(code)
    document = openbadges.credential_document(certificate=certificate, record=record)
    body = json.dumps(document, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    if request.GET.get("download"):
        response["Content-Disposition"] = f'attachment; filename="{certificate.serial}-ob3.json"'
    return _no_store(response)


@unprefixed
@require_GET
def credential_jwt(request: HttpRequest, code: str) -> HttpResponse:
    """The signed credential (VC-JWT) a wallet imports; counted by the verification limit."""
    if not lookup_allowed(request):
        return _rate_limited()
    certificate, record = _credential_or_404(code)
    response = HttpResponse(
        openbadges.credential_jwt(certificate=certificate, record=record),
        content_type=openbadges.JWT_MEDIA_TYPE,
    )
    response["Content-Disposition"] = f'attachment; filename="{certificate.serial}-ob3.jwt"'
    return _no_store(response)
