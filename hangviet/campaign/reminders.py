"""The quarter-end reminder: on a quarter's last day, every outlet still short of a committee's quota is reminded
once (``hangviet campaign remind``, run daily by cron or a timer, like ``hangviet reminders``)."""

from __future__ import annotations

import datetime

from django.utils import timezone

from hangviet.campaign.actions import remind_outlet
from hangviet.campaign.models import MediaQuota, MediaReminder, quarter_bounds
from hangviet.campaign.queries import quarter_board
from hangviet.orgs.models import Organisation


def remind_quarter_end(today: datetime.date | None = None) -> list[MediaReminder]:
    """Remind the short outlets of every committee's quotas when ``today`` is the quarter's last day; nothing on
    other days, nothing twice on the same day."""
    day = today or timezone.localdate()
    quarter = (day.month - 1) // 3 + 1
    if quarter_bounds(day.year, quarter)[1] != day:
        return []
    sent: list[MediaReminder] = []
    committee_ids = set(
        MediaQuota.objects.filter(year=day.year, quarter=quarter).values_list("committee_id", flat=True)
    )
    for committee in Organisation.objects.filter(pk__in=committee_ids).order_by("pk"):
        board = quarter_board(committee, day.year, quarter, today=day)
        for row in board.short:
            if MediaReminder.objects.filter(committee=committee, outlet=row.outlet, sent_on=day).exists():
                continue
            sent.append(
                remind_outlet(committee, row.outlet, year=day.year, quarter=quarter, acting_user=None, today=day)
            )
    return sent
