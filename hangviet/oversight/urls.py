from django.urls import path

from hangviet.oversight import views, views_meetings

app_name = "oversight"
urlpatterns = [
    path("", views.home, name="home"),
    path("ban-chi-dao/<int:committee_id>/chuong-trinh/moi/", views.programme_create, name="programme_create"),
    path("chuong-trinh/<int:programme_id>/", views.programme, name="programme"),
    path("lam-viec/<int:visit_id>/", views.visit, name="visit"),
    path("lam-viec/<int:visit_id>/ket-qua/", views.finding_add, name="finding_add"),
    path("lam-viec/<int:visit_id>/kien-nghi/", views.recommendation_add, name="recommendation_add"),
    path("lam-viec/<int:visit_id>/thong-bao-ket-luan/", views.conclusion, name="conclusion"),
    path("vu-viec/", views.cases, name="cases"),
    path("vu-viec/<int:case_id>/", views.case, name="case"),
    path("don-vi/<int:organisation_id>/vu-viec/moi/", views.case_create, name="case_create"),
    path("don-vi/<int:organisation_id>/so-lieu-ky/", views.total_create, name="total_create"),
    # meetings (giao ban, sơ kết, tổng kết) of a committee
    path("ban-chi-dao/<int:committee_id>/hoi-nghi/", views_meetings.meetings, name="meetings"),
    path("ban-chi-dao/<int:committee_id>/hoi-nghi/moi/", views_meetings.meeting_create, name="meeting_create"),
    path("hoi-nghi/<int:meeting_id>/", views_meetings.meeting, name="meeting"),
    path("hoi-nghi/<int:meeting_id>/sua/", views_meetings.meeting_edit, name="meeting_edit"),
    path("hoi-nghi/<int:meeting_id>/ket-luan/", views_meetings.meeting_conclusions, name="meeting_conclusions"),
    path("hoi-nghi/<int:meeting_id>/huy/", views_meetings.meeting_cancel, name="meeting_cancel"),
    path("hoi-nghi/<int:meeting_id>/tai-lieu/", views_meetings.meeting_document_add, name="meeting_document_add"),
    path("tai-lieu-hoi-nghi/<int:document_id>/", views_meetings.meeting_document, name="meeting_document"),
    path("hoi-nghi/<int:meeting_id>/thong-bao-ket-luan/", views_meetings.meeting_notice, name="meeting_notice"),
]
