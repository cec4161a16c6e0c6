from __future__ import annotations

from django.urls import path

from . import library_views, release_views, views

app_name = "assessment"

urlpatterns = [
    path("my/", views.my_results, name="my_results"),
    path("enrolments/<int:enrolment_id>/score/", views.score, name="score"),
    path("enrolments/<int:enrolment_id>/retake/", views.retake, name="retake"),
    path("enrolments/<int:enrolment_id>/later-cohort/", views.later_cohort, name="later_cohort"),
    path("results/<int:pk>/markers/", views.markers, name="markers"),
    path("results/<int:pk>/release/", views.release, name="release"),
    path("results/<int:pk>/audit/", views.audit, name="audit"),
]
urlpatterns += [
    path("cohorts/<slug:code>/results/", views.cohort_results, name="cohort_results"),
    path("cohorts/<slug:code>/deadlines/", views.cohort_deadlines, name="cohort_deadlines"),
    path(
        "cohorts/<slug:code>/results/export/<str:fmt>/",
        views.cohort_results_export,
        name="cohort_results_export",
    ),
    path(
        "cohorts/<slug:code>/results/release/",
        release_views.cohort_release,
        name="cohort_release",
    ),
]
urlpatterns += [
    path("practice/", views.practice_list, name="practice_list"),
    path("practice/<int:assignment_id>/", views.practice_detail, name="practice_detail"),
    path(
        "practice/<int:assignment_id>/autosave/",
        views.practice_autosave,
        name="practice_autosave",
    ),
    path("files/<int:pk>/", views.submission_file, name="submission_file"),
    path("grading/", views.grading_queue, name="grading_queue"),
    path("submissions/<int:pk>/", views.submission_review, name="submission_review"),
    path("submissions/<int:pk>/undo/", views.submission_undo, name="submission_undo"),
]
urlpatterns += [
    path("theory/<int:pk>/", views.theory_test, name="theory_test"),
    path("theory/attempts/<int:pk>/", views.test_attempt, name="test_attempt"),
]
urlpatterns += [
    path("plan/", views.plan_edit, name="plan_edit"),
    path("plans/<int:pk>/", views.plan_view, name="plan_view"),
    path("plans/<int:pk>/pdf/", views.plan_pdf, name="plan_pdf"),
    path("plans/<int:pk>/return/", views.plan_return, name="plan_return"),
    path("plans/<int:pk>/defence-held/", views.defence_held, name="defence_held"),
    path("plans/files/<int:pk>/", views.plan_attachment, name="plan_attachment"),
]
urlpatterns += [
    path("plan/sample/<str:kind>/", views.plan_sample, name="plan_sample"),
]
urlpatterns += [
    path("library/", library_views.library, name="library"),
    path("library/modules/<int:number>/", library_views.library_module, name="library_module"),
    path(
        "library/<slug:slug>/<str:language>.<str:fmt>",
        library_views.library_document,
        name="library_document",
    ),
    path("controls/<int:pk>/", views.control_detail, name="control_detail"),
    path("controls/attempts/<int:pk>/", views.control_attempt, name="control_attempt"),
    path("cohorts/<slug:code>/controls/", views.cohort_controls, name="cohort_controls"),
    path("theory/<int:pk>/items/", views.theory_items, name="theory_items"),
]
