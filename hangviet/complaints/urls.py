from django.urls import path

from hangviet.complaints import views

app_name = "complaints"

urlpatterns = [
    path("phan-anh/", views.new_report, name="new"),
    path("phan-anh/tra-cuu/", views.track, name="track"),
    path("xu-ly-phan-anh/", views.queue, name="queue"),
    path("xu-ly-phan-anh/nhap/", views.offline, name="offline"),
    path("xu-ly-phan-anh/<int:report_id>/", views.detail, name="detail"),
    path("xu-ly-phan-anh/<int:report_id>/anh/", views.photo, name="photo"),
    path("xu-ly-phan-anh/<int:report_id>/chuyen/", views.forward, name="forward"),
    path("xu-ly-phan-anh/<int:report_id>/bo-sung/", views.ask, name="ask"),
    path("xu-ly-phan-anh/<int:report_id>/tra-loi/", views.close, name="close"),
    path("xu-ly-phan-anh/phan-luong/<int:committee_id>/", views.routing, name="routing"),
]
