from __future__ import annotations

from django.urls import path

from . import views

app_name = "mentoring"

urlpatterns = [
    path("", views.index, name="index"),
    path("new/<str:code>/", views.ticket_new, name="ticket_new"),
    path("tickets/<int:pk>/", views.ticket_detail, name="ticket"),
    path("tickets/<int:pk>/assign/", views.ticket_assign, name="ticket_assign"),
    path("tickets/<int:pk>/close/", views.ticket_close, name="ticket_close"),
    path("tickets/<int:pk>/reopen/", views.ticket_reopen, name="ticket_reopen"),
    path("tickets/<int:pk>/rate/", views.ticket_rate, name="ticket_rate"),
    path("tickets/<int:pk>/consent/", views.ticket_consent, name="ticket_consent"),
    path("tickets/<int:pk>/consultation/", views.consultation_new, name="consultation_new"),
    path("tickets/<int:pk>/case/", views.case_new, name="case_new"),
    path("attachments/<int:pk>/", views.attachment_download, name="attachment"),
    path("queue/", views.queue, name="queue"),
    path("report/", views.report, name="report"),
    path("cases/", views.case_list, name="cases"),
    path("cases/<int:pk>/", views.case_detail, name="case"),
]
