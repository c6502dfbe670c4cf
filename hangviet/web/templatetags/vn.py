"""Template filters that write numbers and dates the Vietnamese way."""

from __future__ import annotations

import datetime

from django import template

from hangviet.lib.vnformat import format_date_long, format_date_short, format_number

register = template.Library()


@register.filter
def vn_number(value: object) -> str:
    if value is None or value == "":
        return ""
    return format_number(value)  # type: ignore[arg-type]


@register.filter
def vn_date(value: datetime.date | None) -> str:
    return format_date_short(value) if value else ""


@register.filter
def vn_date_long(value: datetime.date | None) -> str:
    return format_date_long(value) if value else ""
