import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PlansConfig(AppConfig):
    name = "hangviet.plans"
    verbose_name = _("Kế hoạch và nhiệm vụ")

    def ready(self) -> None:
        from hangviet.notifications.daily import register_daily

        register_daily("tasks", _overdue_tasks)


def _overdue_tasks(day: datetime.date) -> int:
    from hangviet.plans.notices import notify_overdue_tasks

    return notify_overdue_tasks(day)
