"""The media quota board: for a committee and year, each quota's items per quarter against its minimum, with
the current quarter's days left (the board is read at quarter end)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count
from django.db.models.functions import ExtractMonth

from hangviet.orgs.models import Organisation
from hangviet.oversight.catalogue import MEDIA_ITEM_TYPES, label_of
from hangviet.oversight.models import MediaItem, MediaQuota


@dataclass
class QuarterCell:
    quarter: int
    done: int
    minimum: int
    state: str  # "met", "short" (quarter over, below the minimum), "open" (quarter running), "future"
    days_left: int | None = None


@dataclass
class QuotaRow:
    quota: MediaQuota
    item_label: str
    quarters: list[QuarterCell]


def quarter_of(day: datetime.date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_end(year: int, quarter: int) -> datetime.date:
    return (
        datetime.date(year, 12, 31)
        if quarter == 4
        else datetime.date(year, 3 * quarter + 1, 1) - datetime.timedelta(days=1)
    )


def media_board(committee: Organisation, year: int, today: datetime.date) -> list[QuotaRow]:
    quotas = list(
        MediaQuota.objects.filter(committee=committee, year=year).select_related("outlet").order_by("outlet__name")
    )
    rows: list[QuotaRow] = []
    for quota in quotas:
        counts = {quarter: 0 for quarter in (1, 2, 3, 4)}
        found = (
            MediaItem.objects.filter(outlet=quota.outlet, item_type=quota.item_type, published_on__year=year)
            .annotate(month=ExtractMonth("published_on"))
            .values("month")
            .annotate(n=Count("pk"))
        )
        for row in found:
            counts[(row["month"] - 1) // 3 + 1] += row["n"]
        cells = []
        for quarter, done in counts.items():
            end = quarter_end(year, quarter)
            start = datetime.date(year, 3 * quarter - 2, 1)
            if done >= quota.minimum:
                state, left = "met", None
            elif end < today:
                state, left = "short", None
            elif start <= today:
                state, left = "open", (end - today).days
            else:
                state, left = "future", None
            cells.append(QuarterCell(quarter, done, quota.minimum, state, left))
        rows.append(QuotaRow(quota, label_of(MEDIA_ITEM_TYPES, quota.item_type), cells))
    return rows
