from __future__ import annotations

from django.urls import path

from . import views

app_name = "quality"

urlpatterns = [
    path("competence/", views.competence, name="competence"),
    path("enrolments/<int:pk>/competence/", views.growth, name="growth"),
    path("needs/", views.needs, name="needs"),
    path("survey/", views.survey, name="survey"),
    path("follow-up/<int:months>/", views.follow_up, name="follow_up"),
    path("cohorts/", views.cohorts, name="cohorts"),
    path("cohorts/<int:pk>/", views.cohort, name="cohort"),
    path("trainers/<int:pk>/cv/", views.trainer_cv, name="trainer_cv"),
    path("report/", views.report, name="report"),
]
