from __future__ import annotations

from django.urls import path

from . import views

app_name = "course"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("join/", views.join, name="join"),
    path("agreement/", views.agreement_accept, name="agreement"),
    path("topics/<int:page_id>/studied/", views.topic_studied, name="topic_studied"),
    path("cohorts/", views.cohort_list, name="cohort_list"),
    path("cohorts/<slug:code>/", views.cohort_detail, name="cohort_detail"),
    path(
        "cohorts/<slug:code>/export/<fmt>/",
        views.cohort_export,
        name="cohort_export",
    ),
    path("cohorts/<slug:code>/import/", views.cohort_import, name="cohort_import"),
    path("sessions/<int:pk>/attendance/", views.session_attendance, name="session_attendance"),
    path("enrolments/<int:pk>/", views.enrolment_detail, name="enrolment_detail"),
    path("enrolments/<int:pk>/<str:action>/", views.enrolment_action, name="enrolment_action"),
    path("events/<int:pk>/document/", views.event_document, name="event_document"),
    path("events/<int:pk>/letter.pdf", views.expulsion_letter, name="expulsion_letter"),
]
