"""Unprefixed public URLs: the issuer's DID document, the status list, each certificate's Open
Badges credential. Machines fetch these, so they never redirect to a language prefix."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "credentials_public"

urlpatterns = [
    path(".well-known/did.json", views.did_json, name="did"),
    path("credentials/status/<int:number>", views.status_list, name="status_list"),
    path("credentials/<str:code>/", views.credential_json, name="credential"),
    path("credentials/<str:code>/ob3.json", views.credential_json, name="credential_json"),
    path("credentials/<str:code>/ob3.jwt", views.credential_jwt, name="credential_jwt"),
]
