"""Pages under /<lang>/certificates/: the holder's list and the staff register."""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("", views.my_certificates, name="mine"),
    path("register/", views.register, name="register"),
    path("register/<str:code>/", views.register_detail, name="register_detail"),
    path("register/<str:code>/blank.pdf", views.blank_print, name="blank_print"),
    path("print/calibration.pdf", views.blank_calibration, name="blank_calibration"),
    path("cohorts/<slug:cohort_code>/pdfs.zip", views.cohort_pdfs_zip, name="cohort_zip"),
    path("cohorts/<slug:cohort_code>/issue/", views.cohort_bulk_issue, name="cohort_issue"),
    path("jobs/<str:job_id>/", views.bulk_progress, name="bulk_progress"),
    path("pending/", views.pending, name="pending"),
    path("statements/<int:enrolment_id>/", views.statement_for_enrolment, name="statement_issue"),
]
