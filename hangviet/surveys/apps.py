from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "hangviet.surveys"
    verbose_name = _("Điều tra, khảo sát")
