from django.contrib import admin
from django.urls import include, path

from hangviet.api.main import api
from hangviet.web.forms import AdminLoginForm

admin.site.site_header = "hangviet – Quản trị"
admin.site.site_title = "hangviet"
admin.site.login_form = AdminLoginForm

urlpatterns = [
    path("", include("hangviet.web.urls")),
    path("", include("hangviet.portal.urls")),  # the public portal: /san-pham/, /diem-ban/, /su-kien/, …
    path("to-chuc/", include("hangviet.orgs.urls")),
    path("bao-cao/", include("hangviet.reporting.urls")),
    path("ban-chi-dao/", include("hangviet.consolidation.urls")),
    path("van-ban/", include("hangviet.documents.urls")),
    path("ke-hoach/", include("hangviet.plans.urls")),
    path("doc-bao-cao/", include("hangviet.ingest.urls")),
    path("so-theo-doi/", include("hangviet.registry.urls")),
    path("cuoc-van-dong/", include("hangviet.campaign.urls")),
    path("", include("hangviet.complaints.urls")),
    path("", include("hangviet.surveys.urls")),
    path("giam-sat/", include("hangviet.oversight.urls")),
    path("thong-bao/", include("hangviet.notifications.urls")),
    path("tong-quan/", include("hangviet.dashboard.urls")),
    path("api/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("quan-tri/", admin.site.urls),
]
