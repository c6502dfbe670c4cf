"""Registry pages, under /so-theo-doi/. Every list takes ``?organisation=<id>&period=<code>`` filters, which
the report form's "theo sổ theo dõi" links use."""

from __future__ import annotations

from django.urls import path

from hangviet.registry import views

app_name = "registry"

urlpatterns = [
    path("", views.home, name="home"),
    path("su-kien/", views.events, name="events"),
    path("ocop/", views.products, name="products"),
    path("diem-ban/", views.salepoints, name="salepoints"),
    path("khu-dan-cu/", views.areas, name="areas"),
    path("cau-lac-bo/", views.clubs, name="clubs"),
    path("chu-the/", views.producers, name="producers"),
]
