from django.urls import path

from hangviet.notifications import views

app_name = "notifications"
urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:notification_id>/mo/", views.open_notification, name="open"),
    path("da-doc-tat-ca/", views.mark_all_read, name="mark_all_read"),
    path("cach-nhan/", views.preferences, name="preferences"),
]
