from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "hangviet.plans"
    verbose_name = _("Kế hoạch và nhiệm vụ")
