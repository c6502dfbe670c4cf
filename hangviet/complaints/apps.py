from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplaintsConfig(AppConfig):
    name = "hangviet.complaints"
    verbose_name = _("Phản ánh của người tiêu dùng")

    def ready(self) -> None:
        from hangviet.complaints.figures import consumer_report_figures
        from hangviet.registry.figures import register_source

        register_source("complaints", consumer_report_figures)
