from django.contrib.sitemaps.views import index, sitemap
from django.urls import path

from hangviet.portal import views
from hangviet.portal.sitemaps import SITEMAPS

app_name = "portal"
urlpatterns = [
    path("trang-chu/", views.home, name="home"),
    path("san-pham/", views.products, name="products"),
    path("san-pham/tai-ve.csv", views.products_csv, name="products_csv"),
    path("san-pham/<slug:slug>-<int:pk>/", views.product_detail, name="product"),
    path("diem-ban/", views.salepoints, name="salepoints"),
    path("diem-ban/tai-ve.csv", views.salepoints_csv, name="salepoints_csv"),
    path("diem-ban/<slug:slug>-<int:pk>/", views.salepoint_detail, name="salepoint"),
    path("su-kien/", views.events, name="events"),
    path("su-kien/tai-ve.csv", views.events_csv, name="events_csv"),
    path("su-kien/<slug:slug>-<int:pk>/", views.event_detail, name="event"),
    path("khu-dan-cu-kieu-mau/", views.areas, name="areas"),
    path("robots.txt", views.robots_txt, name="robots"),
    path("sitemap.xml", index, {"sitemaps": SITEMAPS, "sitemap_url_name": "portal:sitemap_section"}, name="sitemap"),
    path("sitemap-<slug:section>.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap_section"),
]
