"""Media quotas count by the one definition of a quarter (``lib.periods.QuarterKey``)."""

from __future__ import annotations

import datetime

from hangviet.campaign.models import quarter_bounds
from hangviet.lib.periods import QuarterKey


def test_the_quota_board_uses_the_calendar_quarters_of_lib_periods() -> None:
    for quarter in (1, 2, 3, 4):
        key = QuarterKey(2024, quarter)
        assert quarter_bounds(2024, quarter) == (key.start, key.end)
    assert quarter_bounds(2024, 1) == (datetime.date(2024, 1, 1), datetime.date(2024, 3, 31))
