from django.urls import path

from hangviet.surveys import views

app_name = "surveys"

urlpatterns = [
    path("khao-sat/<slug:slug>/", views.answer, name="answer"),
    path("quan-ly-khao-sat/", views.survey_list, name="list"),
    path("quan-ly-khao-sat/tao/", views.create, name="create"),
    path("quan-ly-khao-sat/<int:survey_id>/", views.detail, name="detail"),
    path("quan-ly-khao-sat/<int:survey_id>/nhap-phieu/", views.paper, name="paper"),
    path("quan-ly-khao-sat/<int:survey_id>/xuat/", views.export, name="export"),
]
