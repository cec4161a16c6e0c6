"""The one place that includes every app's URLs.

Unprefixed URLs (the QR code's /verify/, /healthz) pick the language from Accept-Language; every
other page lives under /kk/, /ru/ or /en/."""

from __future__ import annotations

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms import search_views, views

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("healthz/status.json", views.status_json, name="status_json"),
    # Before Wagtail's URLs: its login view would sign staff in with a password alone.
    path("admin/login/", views.admin_login_redirect, name="admin_login_redirect"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", include("certificates.public_urls")),
    path("", include("credentials.public_urls")),
]

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("privacy/", views.privacy_notice, name="privacy_notice"),
    path("privacy/version-<int:version>/", views.privacy_notice, name="privacy_notice_version"),
    path("accounts/", include("cms.account_urls")),
    path("accounts/", include("allauth.urls")),
    path("study/", include("course.urls")),
    path("assessment/", include("assessment.urls")),
    path("certificates/", include("certificates.urls")),
    path("mentoring/", include("mentoring.urls")),
    path("credentials/", include("credentials.urls")),
    path("quality/", include("quality.urls")),
    path("notifications/", include("notifications.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
