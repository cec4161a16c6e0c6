"""Pages under /<lang>/credentials/: checking a PDF, the holder's digital credentials."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "credentials"

urlpatterns = [
    path("", views.my_credentials, name="mine"),
    path("check-pdf/", views.check_pdf, name="check_pdf"),
]
