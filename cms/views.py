from __future__ import annotations

import hmac
import logging

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from cms.errors import apply_service_error
from cms.forms import AccountDeleteForm, TraineeProfileForm
from cms.selectors import (
    consent_latest,
    personal_data_export,
    privacy_notice_current,
    profile_for,
)
from cms.services import (
    AccountDeletionRefused,
    DeletionRequestError,
    account_delete,
    account_deletion_request,
    trainee_profile_update,
)

logger = logging.getLogger(__name__)


def _database_status() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any driver error means we cannot serve
        # A warning, not an error: the probe repeats every few seconds, and an ERROR would mail
        # ADMINS each time. Monitoring alerts on the 503 itself.
        logger.warning("healthz: database check failed: %r", exc)
        return "error"
    return "ok"


def _broker_status() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    from cms.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception as exc:
        logger.warning("healthz: broker check failed: %r", exc)
        return "error"
    return "ok"


@never_cache
@require_GET
def healthz(request):
    status = {"database": _database_status(), "broker": _broker_status()}
    healthy = status["database"] == "ok" and status["broker"] in {"ok", "eager"}
    response = JsonResponse(status, status=200 if healthy else 503)
    if not healthy:
        logger.warning("healthz: 503 %s", status)
        # Django's request logger would log the 503 at ERROR, which mails ADMINS: four mails a
        # minute from a container's health check. Marked as logged, it is the warning above.
        response._has_been_logged = True
    return response


def _status_allowed(request) -> bool:
    user = request.user
    if user.is_authenticated and (user.is_staff or user.is_superuser):
        return True
    token = settings.MONITOR_STATUS_TOKEN
    header = request.headers.get("Authorization", "")
    return bool(token) and hmac.compare_digest(header.encode(), f"Bearer {token}".encode())


@never_cache
@require_GET
def status_json(request):
    """Each monitoring check with its state and reason (cms.monitoring), for staff or a monitoring
    system with the token. Always 200 when it answers: alert on "status" (ok, warning, critical);
    the reasons are in English, for the operator's alerts."""
    if not _status_allowed(request):
        return JsonResponse({"detail": "forbidden"}, status=403)
    from cms.monitoring import status_report

    with translation.override("en"):
        return JsonResponse(status_report())


# --- Privacy notice, profile and personal data -----------------------------------------------


def privacy_notice(request, version: int | None = None):
    """The privacy notice the sign-up form links to (the newest), or one earlier version — the
    text a person consented to — in the reader's language, saying so when another is shown."""
    from django.http import Http404

    from cms.models import PrivacyNotice

    if version is None:
        notice = privacy_notice_current()
    else:
        notice = PrivacyNotice.objects.filter(version=version).first()
        if notice is None:
            raise Http404
    language = translation.get_language() or "kk"
    text, shown_in = notice.text_for(language) if notice is not None else ("", language)
    return render(
        request,
        "cms/privacy_notice.html",
        {
            "notice": notice,
            "text": text,
            "fallback_language": shown_in if text and shown_in != language else None,
            "is_current": version is None or notice == privacy_notice_current(),
        },
    )


@login_required
def profile_detail(request):
    # Only one's own profile is reachable: the URL carries no id to tamper with.
    return render(request, "cms/profile_detail.html", {"profile": profile_for(request.user)})


@login_required
def profile_edit(request):
    profile = profile_for(request.user)
    form = TraineeProfileForm(request.POST if request.method == "POST" else None, instance=profile)
    if request.method == "POST" and form.is_valid():
        trainee_profile_update(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your profile has been saved."))
        return redirect("profile_detail")
    return render(request, "cms/profile_edit.html", {"form": form, "profile": profile})


@login_required
def my_data(request):
    return render(
        request,
        "cms/my_data.html",
        {"profile": profile_for(request.user), "consent": consent_latest(user=request.user)},
    )


@login_required
@require_GET
def my_data_export(request):
    data = personal_data_export(user=request.user)
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="my-data.json"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
def my_data_delete(request):
    from cms import personal_data

    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    records = personal_data.academic_records(request.user)
    if records:
        return _my_data_deletion_request(request, form, records)
    if request.method == "POST" and form.is_valid():
        user = request.user
        try:
            account_delete(user=user)
        except AccountDeletionRefused:
            logger.exception("account deletion refused for user %s", user.pk)
            messages.error(
                request,
                _(
                    "Your account could not be deleted because some of its records are still "
                    "needed. Nothing was deleted. Please contact the course registrar."
                ),
            )
            return redirect("my_data")
        logout(request)
        messages.success(request, _("Your account and your personal data have been deleted."))
        return redirect(f"/{translation.get_language()}/")
    return render(request, "cms/my_data_delete.html", {"form": form})


def _my_data_deletion_request(request, form, records):
    """Someone with academic records asks; a registrar reviews (the records outlive the account)."""
    from cms.models import AccountDeletionRequest

    if request.method == "POST" and form.is_valid():
        try:
            account_deletion_request(user=request.user)
        except DeletionRequestError as error:
            apply_service_error(error, request=request)
        else:
            messages.success(
                request,
                _(
                    "Your request has been sent to the registrar. You will receive an e-mail "
                    "when your account has been deleted."
                ),
            )
        return redirect("my_data")
    pending = AccountDeletionRequest.objects.filter(
        user=request.user, status=AccountDeletionRequest.Status.PENDING
    ).first()
    return render(
        request,
        "cms/my_data_delete_request.html",
        {
            "form": form,
            "records": records,
            "pending": pending,
            "retention_years": settings.ACADEMIC_RECORDS_RETENTION_YEARS,
        },
    )


@never_cache
def admin_login_redirect(request):
    """Wagtail's own sign-in page checks a password alone: no second factor, no rate limit, no
    lockout, no verified address. Every sign-in goes through allauth's instead; `next` is passed
    on (allauth accepts only a local address there)."""
    from django.contrib.auth.views import redirect_to_login

    return redirect_to_login(request.GET.get("next") or "/admin/", login_url="account_login")
