"""Unprefixed public URLs (QR verification, holder's PDF); language from Accept-Language."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "certificates_public"

urlpatterns = [
    path("verify/", views.verify_form, name="verify_form"),
    # The .json variant first: "<code>.json" would otherwise never reach it.
    path("verify/<str:code>.json", views.verify_detail, {"fmt": "json"}, name="verify_json"),
    path("verify/<str:code>/", views.verify_detail, name="verify"),
    path("certificates/<str:code>/pdf/", views.certificate_pdf, name="pdf"),
]
