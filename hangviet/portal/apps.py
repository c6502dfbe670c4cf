from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "hangviet.portal"
    verbose_name = "Cổng thông tin công khai"
