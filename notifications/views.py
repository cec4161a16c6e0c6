"""The person's notifications: the list, opening one, marking all read, the e-mail switches.
Each person sees only their own: another's notification is a 404."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import EmailPreferencesForm
from .models import Notification


@login_required
def notification_list(request):
    page = Paginator(
        selectors.notifications_for(user=request.user), settings.NOTIFICATIONS_PER_PAGE
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/list.html",
        {"page": page, "unread": selectors.unread_count(user=request.user)},
    )


@login_required
def notification_open(request, pk: int):
    # Filtered by recipient: nobody learns that another person's notification exists.
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    services.notification_open(notification=notification)
    if notification.link and url_has_allowed_host_and_scheme(
        notification.link, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(notification.link)
    return redirect("notifications:list")


@require_POST
@login_required
def mark_all_read(request):
    services.notifications_mark_all_read(user=request.user)
    messages.success(request, _("All notifications are marked as read."))
    return redirect("notifications:list")


@login_required
def email_settings(request):
    form = EmailPreferencesForm(
        request.POST or None, choices=selectors.email_choices(user=request.user)
    )
    if request.method == "POST" and form.is_valid():
        services.email_preferences_save(user=request.user, choices=form.choices())
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:settings")
    return render(request, "notifications/settings.html", {"form": form})
