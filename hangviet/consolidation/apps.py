import datetime

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ConsolidationConfig(AppConfig):
    name = "hangviet.consolidation"
    verbose_name = _("Tổng hợp và theo dõi tiến độ báo cáo")

    def ready(self) -> None:
        from hangviet.notifications.daily import register_daily

        register_daily("reports", _due_reminders)


def _due_reminders(day: datetime.date) -> int:
    # Imported when run, not at start-up: the module defines tasks, which must not bind a task backend early.
    from hangviet.consolidation.reminders import send_due_reminders

    return send_due_reminders(day)
