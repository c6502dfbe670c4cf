from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    name = "hangviet.oversight"
    verbose_name = _("Kiểm tra, giám sát")

    def ready(self) -> None:
        from hangviet.oversight.figures import oversight_figures
        from hangviet.registry.figures import register_source

        register_source("oversight", oversight_figures)
