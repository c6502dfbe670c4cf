from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "hangviet.registry"
    verbose_name = _("Sổ theo dõi: chủ thể, sự kiện, OCOP, điểm bán, khu dân cư, câu lạc bộ")
