from __future__ import annotations

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
    except Exception:  # any driver error means we cannot serve
        logger.exception("healthz: database check failed")
        return "error"
    return "ok"


def _broker_status() -> str:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    from cms.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:
        logger.exception("healthz: broker check failed")
        return "error"
    return "ok"


@never_cache
@require_GET
def healthz(request):
    status = {"database": _database_status(), "broker": _broker_status()}
    healthy = status["database"] == "ok" and status["broker"] in {"ok", "eager"}
    return JsonResponse(status, status=200 if healthy else 503)


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


@never_cache
def admin_login_redirect(request):
    """Wagtail's own sign-in page checks a password alone: no second factor, no rate limit, no
    lockout, no verified address. Every sign-in goes through allauth's instead; `next` is passed
    on (allauth accepts only a local address there)."""
    from django.contrib.auth.views import redirect_to_login

    return redirect_to_login(request.GET.get("next") or "/admin/", login_url="account_login")
