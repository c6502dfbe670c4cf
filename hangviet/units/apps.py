from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class UnitsConfig(AppConfig):
    name = "hangviet.units"
    verbose_name = _("Đơn vị hành chính")

    def ready(self) -> None:
        from hangviet.lib.lookups import register

        register()
