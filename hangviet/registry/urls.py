"""Registry pages, under /so-theo-doi/. Every list takes ``?organisation=<id>&period=<code>`` filters, which
the report form's "theo sổ theo dõi" links use."""

from __future__ import annotations

from django.urls import path

from hangviet.registry import views, views_import

app_name = "registry"

urlpatterns = [
    path("", views.home, name="home"),
    # events
    path("su-kien/", views.events, name="events"),
    path("su-kien/them/", views.event_create, name="event_create"),
    path("su-kien/<int:event_id>/", views.event_detail, name="event_detail"),
    path("su-kien/<int:event_id>/sua/", views.event_edit, name="event_edit"),
    path("su-kien/<int:event_id>/xoa/", views.event_delete, name="event_delete"),
    path("su-kien/so-lieu-gop/them/", views.event_group_create, name="event_group_create"),
    path("su-kien/so-lieu-gop/<int:group_id>/sua/", views.event_group_edit, name="event_group_edit"),
    path("su-kien/so-lieu-gop/<int:group_id>/xoa/", views.event_group_delete, name="event_group_delete"),
    path("don-vi/tim/", views.organisation_options, name="organisation_options"),
    # OCOP
    path("ocop/", views.products, name="products"),
    path("ocop/them/", views.product_create, name="product_create"),
    path("ocop/sap-het-han/", views.ocop_expiring, name="ocop_expiring"),
    path("ocop/<int:product_id>/", views.product_detail, name="product_detail"),
    path("ocop/<int:product_id>/sua/", views.product_edit, name="product_edit"),
    path("ocop/<int:product_id>/cong-nhan/", views.product_recognise, name="product_recognise"),
    path("ocop/<int:product_id>/dang-ky/", views.product_register, name="product_register"),
    path("ocop/cong-nhan/<int:recognition_id>/thu-hoi/", views.recognition_revoke, name="recognition_revoke"),
    # sale points, model areas, clubs
    path("diem-ban/", views.salepoints, name="salepoints"),
    path("diem-ban/them/", views.salepoint_create, name="salepoint_create"),
    path("diem-ban/<int:point_id>/", views.salepoint_detail, name="salepoint_detail"),
    path("diem-ban/<int:point_id>/sua/", views.salepoint_edit, name="salepoint_edit"),
    path("diem-ban/<int:point_id>/xac-minh/", views.salepoint_verify, name="salepoint_verify"),
    path("khu-dan-cu/", views.areas, name="areas"),
    path("khu-dan-cu/them/", views.area_create, name="area_create"),
    path("khu-dan-cu/<int:area_id>/sua/", views.area_edit, name="area_edit"),
    path("cau-lac-bo/", views.clubs, name="clubs"),
    path("cau-lac-bo/them/", views.club_create, name="club_create"),
    path("cau-lac-bo/<int:club_id>/sua/", views.club_edit, name="club_edit"),
    # producers
    path("chu-the/", views.producers, name="producers"),
    path("chu-the/them/", views.producer_create, name="producer_create"),
    path("chu-the/<int:producer_id>/", views.producer_detail, name="producer_detail"),
    path("chu-the/<int:producer_id>/sua/", views.producer_edit, name="producer_edit"),
    path("chu-the/<int:producer_id>/gop/", views.producer_merge, name="producer_merge"),
    # places not yet resolved
    path("dia-diem/", views.places, name="places"),
    path("dia-diem/<int:place_id>/", views.place_resolve, name="place_resolve"),
    # importing the lists offices keep, and exporting a registry (views_import.py)
    path("nhap/", views_import.start, name="import"),
    path("nhap/<int:job_id>/", views_import.job, name="import_job"),
    path("nhap/<int:job_id>/dong-khong-nhap.xlsx", views_import.refused, name="import_refused"),
    path("xuat/", views_import.export, name="export"),
]
