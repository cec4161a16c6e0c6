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

from cms.forms import AccountDeleteForm, TraineeProfileForm
from cms.selectors import (
    consent_latest,
    organisation_settings_for,
    personal_data_export,
    profile_for,
)
from cms.services import AccountDeletionRefused, account_delete, trainee_profile_update

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


def privacy_notice(request):
    """The privacy notice the sign-up form links to, with its version."""
    organisation = organisation_settings_for(request)
    return render(request, "cms/privacy_notice.html", {"organisation": organisation})


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
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
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
