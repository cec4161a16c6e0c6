"""A URL configuration holding only the unprefixed public URLs.

Public views set `request.urlconf` to this module before answering 404: Django's LocaleMiddleware
would otherwise turn a 404 of an unprefixed URL into a redirect to `/kk/...` (Wagtail's catch-all
makes every prefixed path look valid), and an unknown code must answer 404 `not_found`."""

from __future__ import annotations

from django.urls import include, path

urlpatterns = [path("", include("certificates.public_urls"))]
