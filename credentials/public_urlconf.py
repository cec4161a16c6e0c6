"""A URL configuration holding only this app's unprefixed URLs: its views set request.urlconf to
it so that LocaleMiddleware does not turn their 404s into redirects to /kk/... (the same device as
certificates.public_urlconf)."""

from __future__ import annotations

from django.urls import include, path

urlpatterns = [path("", include("credentials.public_urls"))]
