"""The person's own pages: profile and personal data (under /<lang>/accounts/)."""

from __future__ import annotations

from django.urls import path

from cms import views

urlpatterns = [
    path("profile/", views.profile_detail, name="profile_detail"),
    path("profile/edit/", views.profile_edit, name="profile_edit"),
    path("my-data/", views.my_data, name="my_data"),
    path("my-data/export.json", views.my_data_export, name="my_data_export"),
    path("my-data/delete/", views.my_data_delete, name="my_data_delete"),
]
