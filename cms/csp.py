"""Content-Security-Policy middleware (django-csp 4) that knows about the Wagtail admin.

The public site runs no inline script, so its policy allows scripts from our own origin only. The
Wagtail admin still writes a few inline <script> blocks (inline panels, date pickers): under
/admin/ alone, 'unsafe-inline' is added to script-src so editors can work. The admin is behind
login and MFA; the pages trainees and employers see keep the strict policy.

Live preview: the editor shows the page being edited in a same-origin <iframe>. Under /admin/ the
policy's frame-src also allows 'self'. Wagtail renders the preview by running a copy of the request
for the page's own URL through the middleware, so the preview arrives with the public page's policy
(frame-ancestors 'none'); Wagtail's preview views then mark it framable by its own origin
(X-Frame-Options: SAMEORIGIN, wagtail.utils.decorators.xframe_options_sameorigin_override). Such a
response under /admin/ gets frame-ancestors 'self' in place of 'none', the rest of its policy
unchanged. Every other response, in the admin or not, still refuses to be framed."""

from __future__ import annotations

from csp.middleware import CSPMiddleware, PolicyParts

ADMIN_PREFIX = "/admin/"
POLICY_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")


def _framable_by_own_origin(request, response) -> bool:
    return (
        request.path.startswith(ADMIN_PREFIX)
        and response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
    )


def policy_with_frame_ancestors_self(policy: str) -> str:
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    kept = [d for d in directives if d.split()[0].lower() != "frame-ancestors"]
    return "; ".join([*kept, "frame-ancestors 'self'"])


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if request.path.startswith(ADMIN_PREFIX):
            update = dict(parts.update or {})
            update["script-src"] = [*update.get("script-src", []), "'unsafe-inline'"]
            update["frame-src"] = [*update.get("frame-src", []), "'self'"]
            parts.update = update
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if _framable_by_own_origin(request, response):
            for header in POLICY_HEADERS:
                if header in response:
                    response[header] = policy_with_frame_ancestors_self(response[header])
        return response
