from django.urls import path

from hangviet.reporting import views

app_name = "reporting"
urlpatterns = [
    path("", views.my_reports, name="mine"),
    path("mo/<int:organisation_id>/", views.open_report, name="open"),
    path("<int:report_id>/", views.detail, name="detail"),
    path("<int:report_id>/kiem-tra/", views.check, name="check"),
    path("<int:report_id>/duyet/", views.review, name="review"),
    path("<int:report_id>/dinh-kem/", views.upload_attachment, name="attach"),
    path("dinh-kem/<int:attachment_id>/", views.download_attachment, name="attachment"),
    path("<int:report_id>/excel/", views.excel_download, name="excel"),
    path("<int:report_id>/excel/tai-len/", views.excel_upload, name="excel_upload"),
]
