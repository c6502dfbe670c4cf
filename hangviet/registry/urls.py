"""Registry pages, under /so-theo-doi/. Every list takes ``?organisation=<id>&period=<code>`` filters, which
the report form's "theo sổ theo dõi" links use."""

from __future__ import annotations

from django.urls import path

from hangviet.registry import views, views_import

app_name = "registry"

urlpatterns = [
    path("", views.home, name="home"),
    path("su-kien/", views.events, name="events"),
    path("ocop/", views.products, name="products"),
    path("diem-ban/", views.salepoints, name="salepoints"),
    path("khu-dan-cu/", views.areas, name="areas"),
    path("cau-lac-bo/", views.clubs, name="clubs"),
    path("chu-the/", views.producers, name="producers"),
    # importing the lists offices keep, and exporting a registry (views_import.py)
    path("nhap/", views_import.start, name="import"),
    path("nhap/<int:job_id>/", views_import.job, name="import_job"),
    path("nhap/<int:job_id>/dong-khong-nhap.xlsx", views_import.refused, name="import_refused"),
    path("xuat/", views_import.export, name="export"),
]
