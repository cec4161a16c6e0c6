"""Content-Security-Policy middleware (django-csp 4) that knows about the Wagtail admin.

The public site runs no inline script, so its policy allows scripts from our own origin only. The
Wagtail admin still writes a few inline <script> blocks (inline panels, date pickers): under
/admin/ alone, 'unsafe-inline' is added to script-src so editors can work. The admin is behind
login and MFA; the pages trainees and employers see keep the strict policy."""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_PREFIX = "/admin/"


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(ADMIN_PREFIX):
            update = dict(parts.update or {})
            update["script-src"] = [*update.get("script-src", []), "'unsafe-inline'"]
            parts.update = update
        return parts
