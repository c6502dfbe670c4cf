from django.contrib.auth import views as auth_views
from django.urls import path

from hangviet.web import health, views
from hangviet.web.forms import LoginForm

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path(
        "dang-nhap/",
        auth_views.LoginView.as_view(redirect_authenticated_user=True, authentication_form=LoginForm),
        name="login",
    ),
    path("dang-xuat/", auth_views.LogoutView.as_view(), name="logout"),
    path("don-vi-hanh-chinh/", views.units, name="units"),
    path("healthz", health.healthz, name="healthz"),
]
