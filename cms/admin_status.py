"""The admin's "Site status": every monitoring check (cms.monitoring) with its state and reason,
for staff. The same data as /healthz/status.json, in the admin user's language."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from cms.monitoring import STATE_LABELS, status_report


def is_operator(user) -> bool:
    # Staff: operators and registrars (a registrar should see that issuing stalled).
    return bool(user.is_authenticated and (user.is_staff or user.is_superuser))


@never_cache
def site_status(request):
    if not is_operator(request.user):
        raise PermissionDenied
    report = status_report()
    rows = [{**check, "label": STATE_LABELS[check["state"]]} for check in report["checks"]]
    return render(
        request,
        "cms/admin/site_status.html",
        {
            "page_title": _("Site status"),
            "header_icon": "pick",
            "report": report,
            "overall": STATE_LABELS[report["status"]],
            "rows": rows,
        },
    )
