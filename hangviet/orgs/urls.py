from django.urls import path

from hangviet.orgs import views

app_name = "orgs"
urlpatterns = [
    path("<int:organisation_id>/", views.detail, name="detail"),
    path("<int:organisation_id>/thanh-vien/them/", views.appoint, name="appoint"),
    path("<int:organisation_id>/kien-toan/", views.reconstitute, name="reconstitute"),
    path("thanh-vien/<int:membership_id>/thoi-nhiem-vu/", views.end_membership, name="end_membership"),
]
