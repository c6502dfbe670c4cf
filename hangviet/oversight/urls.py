from django.urls import path

from hangviet.oversight import views

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
]
