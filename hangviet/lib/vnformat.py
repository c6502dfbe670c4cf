"""Writing numbers and dates the Vietnamese way: 3.904; 36,9 triệu đồng; ngày 23 tháng 6 năm 2023."""

from __future__ import annotations

import datetime
from decimal import Decimal


def format_number(value: int | float | Decimal, decimals: int | None = None) -> str:
    """Group thousands with "." and use "," as the decimal mark: 267083 → "267.083", 36.9 → "36,9".

    ``decimals=None`` keeps the significant decimals of the value (at most 2); an integer value
    prints without decimals.
    """
    number = Decimal(str(value))
    if decimals is None:
        exponent = number.normalize().as_tuple().exponent
        decimals = 0 if number == number.to_integral_value() or not isinstance(exponent, int) else min(2, -exponent)
    text = f"{number:,.{decimals}f}"
    return text.translate(_SWAP_MARKS)


_SWAP_MARKS = str.maketrans({",": ".", ".": ","})


def _day_and_month(value: datetime.date) -> tuple[str, str]:
    # Decree 30/2020/NĐ-CP: days below 10 and the months 1 and 2 take a leading zero.
    day = f"{value.day:02d}"
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return day, month


def format_date_long(value: datetime.date) -> str:
    """Return the date as official documents write it: "ngày 23 tháng 6 năm 2023", "ngày 05 tháng 01 năm 2024"."""
    day, month = _day_and_month(value)
    return f"ngày {day} tháng {month} năm {value.year}"


def format_date_short(value: datetime.date) -> str:
    """Return the date as report text writes it: "23/6/2023", "28/01/2022"."""
    day, month = _day_and_month(value)
    return f"{day}/{month}/{value.year}"


def format_count(value: int | Decimal) -> str:
    """A count as reports write it: leading zero below ten ("02 phiên chợ"), dots above ("3.904")."""
    number = int(value)
    return f"{number:02d}" if 0 <= number < 10 else format_number(number)


def format_money(value: int | Decimal) -> str:
    """An amount in đồng in words of scale: 1.700.000.000 → "1,7 tỷ đồng"; 36.900.000 → "36,9 triệu đồng"."""
    amount = Decimal(value)
    for scale, word in ((Decimal(10) ** 9, "tỷ"), (Decimal(10) ** 6, "triệu")):
        if abs(amount) >= scale:
            return f"{format_number((amount / scale).quantize(Decimal('0.01')))} {word} đồng"
    return f"{format_number(amount)} đồng"


def format_change(ratio: Decimal | None) -> str:
    """ " , tăng 12% so với cùng kỳ" / ", giảm 3,5% so với cùng kỳ" / "" when there is nothing to compare."""
    if ratio is None:
        return ""
    percent = (abs(ratio) * 100).quantize(Decimal("0.1"))
    if percent == 0:
        return ", bằng cùng kỳ"
    return f", {'tăng' if ratio > 0 else 'giảm'} {format_number(percent)}% so với cùng kỳ"
