from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsolidationConfig(AppConfig):
    name = "hangviet.consolidation"
    verbose_name = _("Tổng hợp và theo dõi tiến độ báo cáo")
