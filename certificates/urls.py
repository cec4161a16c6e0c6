"""Pages under /<lang>/certificates/: the holder's list and the staff register."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("", views.my_certificates, name="mine"),
]
