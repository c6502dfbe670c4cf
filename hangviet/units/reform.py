"""Dates of the 2025 reform of administrative units (pure constants, no ORM).

Resolution 202/2025/QH15 merged 63 provinces into 34 from 12/6/2025; districts were abolished and
communes merged from 1/7/2025. Units of the old edition end the day before; the new ones start on it.
"""

from __future__ import annotations

import datetime

PROVINCES_MERGED_ON = datetime.date(2025, 6, 12)
COMMUNES_MERGED_ON = datetime.date(2025, 7, 1)
OLD_PROVINCES_END = PROVINCES_MERGED_ON - datetime.timedelta(days=1)
OLD_COMMUNES_END = COMMUNES_MERGED_ON - datetime.timedelta(days=1)
