from __future__ import annotations

from django.urls import path

from . import views

app_name = "assessment"

urlpatterns = [
    path("my/", views.my_results, name="my_results"),
    path("enrolments/<int:enrolment_id>/score/", views.score, name="score"),
    path("enrolments/<int:enrolment_id>/retake/", views.retake, name="retake"),
    path("results/<int:pk>/markers/", views.markers, name="markers"),
    path("results/<int:pk>/release/", views.release, name="release"),
    path("results/<int:pk>/audit/", views.audit, name="audit"),
]
urlpatterns += [
    path("cohorts/<slug:code>/results/", views.cohort_results, name="cohort_results"),
    path(
        "cohorts/<slug:code>/results/export/<str:fmt>/",
        views.cohort_results_export,
        name="cohort_results_export",
    ),
]
