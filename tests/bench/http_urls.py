"""The site's URLs plus a bare view, the floor every page is compared with, and the verification
page rendered by a Django template instead of Jinja2 (issue 22: keep Jinja2 only if a Django
template misses the target; measured side by side in bench_http.py)."""

from __future__ import annotations

from pathlib import Path

from django.http import HttpResponse
from django.template import engines
from django.urls import path
from django.utils import translation

from certificates import lookups, selectors
from certificates.views import _public, unprefixed
from cms.urls import urlpatterns as site_urlpatterns


def bare(request):
    return HttpResponse(b"ok", content_type="text/plain")


# verify_detail_django.html: certificates/jinja2/certificates/verify_detail.html (with its
# credentials slot) written in
# Django's template language on the site's own base.html, as the page was before Jinja2. Compiled
# once, as the cached template loader of production would.
VERIFY_DJANGO = engines["django"].from_string(
    (Path(__file__).parent / "verify_detail_django.html").read_text()
)


@unprefixed
def verify_django(request, code: str):
    """certificates.views.verify_detail for a found certificate, the render aside."""
    certificate = selectors.certificate_for_verification(code=code)
    status = certificate.public_status() if certificate else "not_found"
    lookups.record(request, certificate, status)
    language = translation.get_language()
    context = {
        "c": certificate,
        "status": status,
        "holder_name": certificate.holder_name_for(language),
        "course_title": certificate.course_title_for(language),
        "revocation_reason": certificate.revocation_reason_for(language),
    }
    return _public(HttpResponse(VERIFY_DJANGO.render(context, request)), request)


urlpatterns = [
    path("bench/bare", bare),
    path("bench/verify-django/<str:code>/", verify_django),
    *site_urlpatterns,
]
