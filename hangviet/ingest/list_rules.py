"""The named rules ingest reads a report's lists with (``ingest/proposals.py``), each with an example from the
documents: what a list counts, the kind an item names, which number is which figure of an event, which bodies an
item names as organisers, and the times documents write ("Tết", "quý I/2023") with the days they cover.

Adding a way of writing is adding an entry here; ``proposals.py`` holds no vocabulary of its own beyond the
shape of lists (markers, enumerators, "gồm:").
"""

from __future__ import annotations

import calendar
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

EVENT, SALE_POINT, GROUP = "event", "sale_point", "group"
IC = re.IGNORECASE


@dataclass(frozen=True)
class ListRule:
    """What a list counts, from the words before its marker; the last rule matching nearest the marker wins."""

    name: str
    registry: str  # EVENT or SALE_POINT
    kind: str  # a code of registry/catalogue.py
    pattern: re.Pattern[str]
    example: str


LIST_RULES: tuple[ListRule, ...] = (
    ListRule("night markets", EVENT, "night_market", re.compile(r"phiên chợ đêm|chợ đêm", IC), "14 phiên chợ đêm"),
    ListRule(
        "workers' markets", EVENT, "workers_market", re.compile(r"phiên chợ công nhân", IC), "Phiên chợ công nhân"
    ),
    ListRule(
        "charity markets", EVENT, "charity_market", re.compile(r"phiên chợ nghĩa tình", IC), "phiên chợ nghĩa tình"
    ),
    ListRule("farm markets", EVENT, "farm_market", re.compile(r"phiên chợ nông sản", IC), "Phiên chợ nông sản"),
    ListRule(
        "markets of Vietnamese goods",
        EVENT,
        "rural_market",
        re.compile(r"phiên chợ(?:\s+(?:đưa\s+)?hàng việt(?: nam)?)?(?:\s+về\s+(?:nông thôn|vùng sâu, vùng xa))?", IC),
        "02 phiên chợ hàng Việt về nông thôn trong khuôn khổ “Tết Quân – Dân” năm 2023 [travinh:45]",
    ),
    ListRule(
        "fairs",
        EVENT,
        "fair",
        re.compile(r"(?:hội chợ|triển lãm|tuần hàng)(?:\s*(?:,|và)\s*(?:hội chợ|triển lãm|tuần hàng))*", IC),
        "tham gia 04 cuộc hội chợ ngoài tỉnh⁴ [travinh:45]; 05 hội chợ, triển lãm",
    ),
    ListRule(
        "connection events",
        EVENT,
        "trade_connection",
        re.compile(r"kết nối(?: cung cầu| giao thương| tiêu thụ)?|giao thương", IC),
        "tổ chức 02 chuyến kết nối⁵ [travinh:45]",
    ),
    ListRule(
        "displays",
        EVENT,
        "display",
        re.compile(r"trưng bày,? giới thiệu sản phẩm", IC),
        "tổ chức trưng bày giới thiệu sản phẩm OCOP",
    ),
    ListRule(
        "OCOP stores",
        SALE_POINT,
        "ocop_store",
        re.compile(r"(?:cửa hàng|điểm)[^;:()]{0,50}?\bOCOP", IC),
        "có 06 cửa hàng giới thiệu và kinh doanh sản phẩm OCOP⁶ [travinh:55]",
    ),
    ListRule(
        "“Tự hào hàng Việt Nam” points",
        SALE_POINT,
        "proud_viet",
        re.compile(r"tự hào hàng việt(?: nam)?", IC),
        "03 điểm bán hàng “Tự hào hàng Việt Nam”",
    ),
    ListRule(
        "“Tinh hoa hàng Việt Nam” points",
        SALE_POINT,
        "essence_viet",
        re.compile(r"tinh hoa hàng việt(?: nam)?", IC),
        "điểm bán “Tinh hoa hàng Việt Nam”",
    ),
    ListRule(
        "Vietnamese-goods points",
        SALE_POINT,
        "quality_viet",
        re.compile(r"điểm (?:bán|giới thiệu)[^;:()]{0,20}?hàng việt", IC),
        "điểm bán hàng Việt chất lượng cao",
    ),
)


@dataclass(frozen=True)
class ItemKindRule:
    """An item's own first words name its kind within the list's registry ("(5) điểm dừng chân Sáu Dư")."""

    registry: str
    kind: str
    pattern: re.Pattern[str]
    example: str


ITEM_KIND_RULES: tuple[ItemKindRule, ...] = (
    ItemKindRule(EVENT, "night_market", re.compile(r"^(?:phiên )?chợ đêm", IC), "Phiên chợ đêm tại …"),
    ItemKindRule(EVENT, "exhibition", re.compile(r"^triển lãm", IC), "Triển lãm sản phẩm nông nghiệp tiêu biểu"),
    ItemKindRule(EVENT, "goods_week", re.compile(r"^tuần hàng", IC), "Tuần hàng Việt Nam tại …"),
    ItemKindRule(EVENT, "fair", re.compile(r"^hội chợ", IC), "(1) Hội chợ Công Thương vùng Đông Bắc [travinh:51]"),
    ItemKindRule(
        EVENT,
        "trade_connection",
        re.compile(r"^(?:hội nghị|chuyến|hoạt động|chương trình)[^;]{0,30}?(?:kết nối|giao thương)", IC),
        "Hội nghị kết nối thông tin thị trường xuất khẩu [travinh:53]",
    ),
    ItemKindRule(EVENT, "display", re.compile(r"^trưng bày", IC), "Trưng bày giới thiệu sản phẩm OCOP"),
    ItemKindRule(SALE_POINT, "ocop_stop", re.compile(r"^điểm dừng chân", IC), "(5) điểm dừng chân Sáu Dư [travinh:65]"),
)

#: Words that open an item of a list (a split at ";" is kept only when every part has one).
ITEM_HEADS = {
    EVENT: re.compile(r"hội chợ|triển lãm|tuần hàng|phiên chợ|chợ|hội nghị|kết nối|trưng bày|lễ hội", IC),
    SALE_POINT: re.compile(r"cửa hàng|điểm|siêu thị|quầy|gian hàng|trung tâm", IC),
}


@dataclass(frozen=True)
class MeasureRule:
    """A number is this figure of an event when these words follow it (money: when revenue is named)."""

    field: str  # a figure column of registry Event / EventGroup
    pattern: re.Pattern[str]
    example: str


MEASURE_RULES: tuple[MeasureRule, ...] = (
    MeasureRule(
        "businesses",
        re.compile(r"^(?:cơ sở\s*/\s*doanh nghiệp|doanh nghiệp|cơ sở|đơn vị|hợp tác xã|htx|chủ thể)\b", IC),
        "có 24 doanh nghiệp tham gia [travinh:49]; 12 cơ sở/doanh nghiệp [travinh:53]",
    ),
    MeasureRule("booths", re.compile(r"^gian hàng", IC), "với 60 gian hàng [travinh:49]"),
    MeasureRule("products", re.compile(r"^(?:sản phẩm|mặt hàng)", IC), "hơn 30 sản phẩm được trưng bày [travinh:53]"),
    MeasureRule(
        "visitors", re.compile(r"^(?:lượt\s+(?:khách|người)|khách)", IC), "hơn 5.000 lượt khách tham quan [travinh:49]"
    ),
    MeasureRule("tonnes", re.compile(r"^tấn\b", IC), "40 tấn hàng bình ổn"),
    MeasureRule(
        "revenue_vnd",
        re.compile(r"^(?:đồng|đ\b|vnđ)", IC),
        "doanh thu đạt khoảng 850 triệu đồng/phiên chợ [travinh:49]",
    ),
)
REVENUE_BEFORE = re.compile(r"doanh thu|doanh số|bán được|tiêu thụ được", IC)


@dataclass(frozen=True)
class OrganiserRule:
    """Bodies the text names as organisers of an event, with their role (registry EventOrganiser roles)."""

    role: str
    pattern: re.Pattern[str]  # the group "names" holds one name or several, separated by "," or "và"
    example: str


_NAME = r"(?:(?:tỉnh|thành phố|TP\.?)\s+)?[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]"
ORGANISER_RULES: tuple[OrganiserRule, ...] = (
    OrganiserRule(
        "co_organiser",
        re.compile(
            rf"giữa\s+(?:các\s+tỉnh(?:,\s*thành phố)?\s*,?\s*)?(?P<names>{_NAME}[^;()]*?)"
            r"(?=\s+(?:(?:tại|tổ chức|do)\b|năm \d)|[;.]|$)"
        ),
        "giữa các tỉnh, Kiên Giang, Bến Tre, Hậu Giang, Trà Vinh tại Thành phố Phú Quốc [travinh:53]",
    ),
    OrganiserRule(
        "lead",
        re.compile(rf"\bdo\s+(?P<names>{_NAME}[^,;()]*?)\s+(?:chủ trì|tổ chức)"),
        "do Sở Công Thương tỉnh Bạc Liêu chủ trì",
    ),
    OrganiserRule(
        "co_organiser",
        re.compile(rf"phối hợp (?:với\s+)?(?P<names>{_NAME}[^,;()]*?)(?=\s+(?:tổ chức|tại)\b|[,;.]|$)"),
        "phối hợp với Sở Công Thương tỉnh Bến Tre tổ chức",
    ),
)


@dataclass(frozen=True)
class TimeRule:
    """A time as documents write it, and the days it covers (clipped to the report's period window)."""

    name: str
    pattern: re.Pattern[str]
    days: Callable[[re.Match[str], int], tuple[datetime.date, datetime.date]]
    example: str


ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}


def _day(match: re.Match[str], _year: int) -> tuple[datetime.date, datetime.date]:
    day = datetime.date(int(match["year"]), int(match["month"]), int(match["day"]))
    return day, day


def _month(match: re.Match[str], _year: int) -> tuple[datetime.date, datetime.date]:
    year, month = int(match["year"]), int(match["month"])
    return datetime.date(year, month, 1), datetime.date(year, month, calendar.monthrange(year, month)[1])


def _quarter(match: re.Match[str], _year: int) -> tuple[datetime.date, datetime.date]:
    raw = match["quarter"].lower()
    quarter, year = ROMAN.get(raw) or int(raw), int(match["year"])
    last = 3 * quarter
    return datetime.date(year, last - 2, 1), datetime.date(year, last, calendar.monthrange(year, last)[1])


def _tet(match: re.Match[str], year: int) -> tuple[datetime.date, datetime.date]:
    """Tết Nguyên đán falls between 21 January and 20 February: its fairs and markets are held in January
    and February."""
    year = int(match["year"]) if match["year"] else year
    return datetime.date(year, 1, 1), datetime.date(year, 2, calendar.monthrange(year, 2)[1])


def _year(match: re.Match[str], _year: int) -> tuple[datetime.date, datetime.date]:
    year = int(match["year"])
    return datetime.date(year, 1, 1), datetime.date(year, 12, 31)


TIME_RULES: tuple[TimeRule, ...] = (
    TimeRule(
        "day",
        re.compile(r"ngày\s+(?P<day>\d{1,2})/(?P<month>\d{1,2})/(?P<year>\d{4})", IC),
        _day,
        "(ngày 12/01/2024)",
    ),
    TimeRule("month", re.compile(r"tháng\s+(?P<month>\d{1,2})/(?P<year>\d{4})", IC), _month, "(tháng 4/2024)"),
    TimeRule(
        "quarter",
        re.compile(r"quý\s+(?P<quarter>IV|I{1,3}|[1-4])\s*/\s*(?P<year>\d{4})", IC),
        _quarter,
        "Hội nghị giao ban quý I/2023 [travinh:73]",
    ),
    TimeRule(
        "Tết",
        re.compile(r"Tết(?:\s+Nguyên đán|\s+Quân\s*[–-]\s*Dân)?[”\"]?(?:\s+(?:năm\s+)?(?P<year>\d{4}))?"),
        _tet,
        "trong khuôn khổ “Tết Quân – Dân” năm 2023 [travinh:45]",
    ),
    TimeRule(
        "year", re.compile(r"năm\s+(?P<year>\d{4})", IC), _year, "Lễ hội bánh dân gian Nam bộ lần thứ X, năm 2023"
    ),
)


def time_in(text: str) -> str:
    """The time the text gives, as written (quotes dropped), by the most precise rule that finds one."""
    for rule in TIME_RULES:
        if match := rule.pattern.search(text):
            return re.sub(r"[“”\"]", "", match.group(0)).strip()
    return ""


def window_for(when_text: str, start: datetime.date, end: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The days an event written "Tết", "quý I/2023", "tháng 4/2024"… took place within the period window
    ``start``–``end``; the whole window when the text gives no time or one outside the window."""
    for rule in TIME_RULES:
        if match := rule.pattern.search(when_text):
            try:
                first, last = rule.days(match, end.year)
            except ValueError:  # "ngày 31/02/2024": not a day
                return start, end
            first, last = max(first, start), min(last, end)
            return (first, last) if first <= last else (start, end)
    return start, end
