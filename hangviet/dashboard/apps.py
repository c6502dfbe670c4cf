from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DashboardConfig(AppConfig):
    name = "hangviet.dashboard"
    verbose_name = _("Tổng quan và bản đồ")
