from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "hangviet.web"
    verbose_name = _("Giao diện chung")

    def ready(self) -> None:
        from hangviet.web import checks  # noqa: F401  (registers the deploy checks)
