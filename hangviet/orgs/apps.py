from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "hangviet.orgs"
    verbose_name = _("Ban Chỉ đạo và cơ quan thành viên")
