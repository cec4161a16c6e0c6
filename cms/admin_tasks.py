"""The admin's "Failed background tasks": what failed, why, and two actions — retry with the same
arguments once the cause is mended, or mark resolved. Listed for staff and registrars
(cms.view_failedtask); acting needs cms.change_failedtask."""

from __future__ import annotations

import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from cms import services
from cms.errors import apply_service_error
from cms.models import FailedTask
from cms.permission_policies import LimitedActionsPolicy

CHANGE = "cms.change_failedtask"


register_permission_policy(FailedTask, LimitedActionsPolicy(FailedTask), exact_class=True)


class FailedTaskIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("retried_by", "resolved_by")


class FailedTaskInspectView(InspectView):
    def get_field_display_value(self, field_name, field):
        value = getattr(self.object, field_name)
        if value in (None, ""):
            return "—"
        if isinstance(value, datetime.datetime):  # in the admin user's time zone, as the list
            return date_format(timezone.localtime(value), "DATETIME_FORMAT")
        return super().get_field_display_value(field_name, field)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "can_act": self.request.user.has_perm(CHANGE)}


def _act(request, pk: int, action, done: str):
    if not request.user.has_perm(CHANGE):
        raise PermissionDenied
    failed = get_object_or_404(FailedTask, pk=pk)
    try:
        action(failed=failed, user=request.user)
    except services.FailedTaskError as error:
        apply_service_error(error, request=request)
    else:
        messages.success(request, done)
    return redirect("failed_tasks:inspect", pk)


@require_POST
def retry(request, pk: int):
    return _act(request, pk, services.failed_task_retry, _("The task was sent again."))


@require_POST
def resolve(request, pk: int):
    return _act(request, pk, services.failed_task_resolve, _("The failure is marked resolved."))


class FailedTaskViewSet(ModelViewSet):
    model = FailedTask
    index_view_class = FailedTaskIndexView
    inspect_view_class = FailedTaskInspectView
    inspect_template_name = "cms/admin/failed_task_inspect.html"
    name = "failed_tasks"
    url_prefix = "failed-tasks"
    icon = "warning"
    menu_label = gettext_lazy("Failed background tasks")
    menu_order = 900
    add_to_admin_menu = True
    list_display = ["task_name", "exception", "failed_at", "retried_at", "resolved_at"]
    list_filter = ["task_name", "failed_at"]
    search_fields = ["task_name", "task_id", "exception"]
    form_fields = ["task_name"]
    inspect_view_enabled = True
    inspect_view_fields = [
        "task_name",
        "task_id",
        "failed_at",
        "exception",
        "args",
        "kwargs",
        "retried_at",
        "retried_by",
        "retry_task_id",
        "resolved_at",
        "resolved_by",
    ]

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("retry/<int:pk>/", retry, name="retry"),
            path("resolve/<int:pk>/", resolve, name="resolve"),
        ]
