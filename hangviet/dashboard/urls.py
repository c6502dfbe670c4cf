from django.urls import path

from hangviet.dashboard import views

app_name = "dashboard"
urlpatterns = [
    path("", views.home, name="home"),
    path("ca-nuoc/", views.national, name="national"),
    path("<int:committee_id>/", views.committee_dashboard, name="committee"),
    path("<int:committee_id>/excel/<slug:part>/", views.download, name="download"),
]
