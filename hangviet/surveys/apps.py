from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "hangviet.surveys"
    verbose_name = _("Điều tra, khảo sát")

    def ready(self) -> None:
        from hangviet.registry.figures import register_source
        from hangviet.surveys.figures import survey_figures

        register_source("surveys", survey_figures)
