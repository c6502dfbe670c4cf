from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _install_figure_triggers(sender: AppConfig, using: str = "default", **kwargs: Any) -> None:
    from django.db import connections

    from hangviet.registry.figure_cache import install_triggers

    if using == "default" and connections[using].vendor in ("postgresql", "sqlite"):
        install_triggers()


class RegistryConfig(AppConfig):
    name = "hangviet.registry"
    verbose_name = _("Sổ theo dõi: chủ thể, sự kiện, OCOP, điểm bán, khu dân cư, câu lạc bộ")

    def ready(self) -> None:
        # After every migrate (all apps' tables exist then): the change triggers the figure cache relies on.
        post_migrate.connect(_install_figure_triggers, sender=self, dispatch_uid="hangviet.registry.figure_triggers")
