"""Reading numbers written the Vietnamese way: 3.904; 36,9 triệu đồng; 1,2 tỷ; 05.

In Vietnamese "." groups thousands and "," is the decimal mark, the reverse of English. Data-entry
forms accept what people type and reject, with a message in Vietnamese, anything that could be read
two ways ("3.9", "1,234.5") rather than guess.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, localcontext

from django.utils.translation import gettext, gettext_noop

MAX_LENGTH = 100

# Marked for translation here, translated where a message uses it (``gettext(HOW_TO_WRITE)``).
HOW_TO_WRITE = gettext_noop(
    "Viết số theo kiểu Việt Nam: dấu chấm phân cách hàng nghìn (3.904), dấu phẩy trước phần thập phân (36,9)."
)

_POWERS: dict[str, int] = {"nghìn": 3, "ngàn": 3, "triệu": 6, "tỷ": 9, "tỉ": 9}

# After white space is folded to single spaces: sign, number, then an optional multiplier and unit.
_PATTERN = re.compile(
    r"(?P<sign>[+-]?)"
    r"(?P<number>[0-9.,][0-9., ]*?)"
    r" ?(?P<multiplier>nghìn|ngàn|triệu|tỷ|tỉ)?"
    r" ?(?:đồng|vnđ|vnd|đ|₫|%)?"
)


class NumberFormatError(ValueError):
    """Raised with a clear message in the reader's language (``str(error)``) saying what is wrong and how to
    write it."""


def parse_vn_number(text: str) -> Decimal:
    """Return the exact value of a number written the Vietnamese way.

    Accepts an optional sign, digits with "." (or spaces) grouping thousands in groups of exactly
    three, at most one "," before the decimals, then optionally a multiplier ("nghìn"/"ngàn",
    "triệu", "tỷ"/"tỉ") and a unit that is ignored ("đồng", "đ", "VND", "%"). Input is read in NFC,
    trimmed, and words are case-insensitive. Leading zeros are fine: "05" is 5.

    The result is exact and normalised: integral values have exponent 0 (``Decimal("3904")``), others
    carry no trailing zeros (``Decimal("36.9")``). Anything else, including empty input and input
    longer than ``MAX_LENGTH`` characters, raises ``NumberFormatError`` with a Vietnamese message.
    """
    original = unicodedata.normalize("NFC", text).strip()
    if not original:
        raise NumberFormatError(gettext("Chưa nhập số."))
    if len(original) > MAX_LENGTH:
        raise NumberFormatError(
            gettext("Số nhập vào quá dài (%(length)s ký tự); chỉ nhập tối đa %(limit)s ký tự.")
            % {"length": len(original), "limit": MAX_LENGTH}
        )

    match = _PATTERN.fullmatch(" ".join(original.lower().split()))
    if match is None:
        raise NumberFormatError(
            gettext(
                "Không đọc được «%(text)s» thành số. Chỉ nhập chữ số, có thể kèm dấu chấm hàng nghìn, "
                "dấu phẩy thập phân, chữ “nghìn”, “triệu”, “tỷ” và đơn vị “đồng” hoặc “%%”."
            )
            % {"text": original}
        )

    whole, fraction = _split_digits(match["number"], original)
    power = _POWERS[match["multiplier"]] if match["multiplier"] else 0
    value = Decimal(f"{match['sign']}{whole}.{fraction or '0'}E{power}")
    if not value:
        return Decimal(0)
    # Enough precision that neither quantize nor normalize ever rounds a value of MAX_LENGTH digits.
    with localcontext(prec=2 * MAX_LENGTH):
        if value == value.to_integral_value():
            return value.quantize(Decimal(1))
        return value.normalize()


def _split_digits(number: str, original: str) -> tuple[str, str]:
    """Return the digits before and after the decimal comma, checking the thousands groups."""
    whole, comma, fraction = number.partition(",")
    if "," in fraction:
        raise NumberFormatError(
            gettext("«%(text)s» có nhiều hơn một dấu phẩy.") % {"text": original} + " " + gettext(HOW_TO_WRITE)
        )
    first, *rest = re.split(r"[. ]", whole)
    grouped_well = first.isdigit() and all(len(group) == 3 and group.isdigit() for group in rest)
    if not grouped_well or (rest and len(first) > 3) or (comma and not fraction.isdigit()):
        raise NumberFormatError(
            gettext("«%(text)s» không đúng cách viết số.") % {"text": original} + " " + gettext(HOW_TO_WRITE)
        )
    return first + "".join(rest), fraction
