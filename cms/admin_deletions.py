"""The admin's "Account deletion requests": for each request, what will be kept and why, and
what will be removed; a registrar approves, which pseudonymises the person and tells them.
Listed for registrars (cms.view_accountdeletionrequest); approving needs the registrar role."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.views.generic import InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from cms import personal_data, roles, services
from cms.errors import apply_service_error
from cms.models import AccountDeletionRequest
from cms.permission_policies import LimitedActionsPolicy

register_permission_policy(
    AccountDeletionRequest, LimitedActionsPolicy(AccountDeletionRequest), exact_class=True
)


class DeletionRequestInspectView(InspectView):
    def get_context_data(self, **kwargs):
        request = self.object
        return {
            **super().get_context_data(**kwargs),
            "records": personal_data.academic_records(request.user),
            "retention_years": settings.ACADEMIC_RECORDS_RETENTION_YEARS,
            "can_approve": roles.is_registrar(self.request.user)
            and request.status == AccountDeletionRequest.Status.PENDING,
        }


@require_POST
def approve(request, pk: int):
    if not roles.is_registrar(request.user):
        # A plain 403 (Wagtail would turn PermissionDenied into a redirect that hides the refusal).
        return HttpResponseForbidden(_("Only a registrar may approve a deletion request."))
    deletion = get_object_or_404(AccountDeletionRequest, pk=pk)
    try:
        services.account_deletion_approve(deletion=deletion, by=request.user)
    except services.DeletionRequestError as error:
        apply_service_error(error, request=request)
    else:
        messages.success(
            request,
            _("The account was pseudonymised and the person was told by e-mail."),
        )
    return redirect("deletion_requests:inspect", pk)


class DeletionRequestViewSet(ModelViewSet):
    model = AccountDeletionRequest
    inspect_view_class = DeletionRequestInspectView
    inspect_template_name = "cms/admin/deletion_request_inspect.html"
    name = "deletion_requests"
    url_prefix = "people/deletion-requests"
    icon = "bin"
    menu_label = gettext_lazy("Account deletion requests")
    add_to_admin_menu = False
    list_display = ["user", "status", "requested_at", "decided_at", "decided_by"]
    list_filter = ["status"]
    form_fields = ["status"]
    inspect_view_enabled = True
    inspect_view_fields = ["user", "status", "requested_at", "decided_at", "decided_by"]

    def get_queryset(self, request):
        return AccountDeletionRequest.objects.select_related("user", "decided_by")

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("approve/<int:pk>/", approve, name="approve")]
