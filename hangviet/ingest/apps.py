from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IngestConfig(AppConfig):
    name = "hangviet.ingest"
    verbose_name = _("Đọc số liệu từ văn bản báo cáo")
