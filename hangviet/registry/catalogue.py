"""The registries' vocabulary as named data: kinds of events, sale points and clubs, the figures an event
carries, qualifiers, and which indicator each of them feeds. Each entry has an example from the documents.

Adding a kind is adding an entry here (and a label); nothing else in the code names a kind.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, pgettext_lazy


class Qualifier(models.IntegerChoices):
    """How exact a number is, as the document wrote it. Ordered from exact to vague."""

    EXACT = 0, pgettext_lazy("qualifier", "chính xác")
    MORE_THAN = 1, pgettext_lazy("qualifier", "hơn, trên")
    NEARLY = 2, pgettext_lazy("qualifier", "gần")
    ABOUT = 3, pgettext_lazy("qualifier", "khoảng")


# Vietnamese as documents and exports write them; pages translate them (``gettext(word)``) for the reader.
QUALIFIER_WORDS: dict[int, str] = {
    Qualifier.EXACT: "",
    Qualifier.MORE_THAN: gettext_noop("hơn"),
    Qualifier.NEARLY: gettext_noop("gần"),
    Qualifier.ABOUT: gettext_noop("khoảng"),
}


def weakest(qualifiers: set[int]) -> int:
    """The qualifier of a total: exact if every part is; the parts' one qualifier if they share it; else
    "khoảng". Example: 850 triệu "khoảng" + 850 triệu "khoảng" → "khoảng 1,7 tỷ"; "hơn 5.000" twice → "hơn
    10.000"; "hơn 30" + "khoảng 20" → "khoảng 50"."""
    vague = {q for q in qualifiers if q != Qualifier.EXACT}
    if not vague:
        return Qualifier.EXACT
    if len(vague) == 1:
        return vague.pop()
    return Qualifier.ABOUT


@dataclass(frozen=True)
class EventKind:
    code: str
    label: str | Promise
    indicator: str  # the indicator one event of this kind counts in
    example: str


EVENT_KINDS: tuple[EventKind, ...] = (
    EventKind(
        "rural_market",
        _("Phiên chợ hàng Việt về nông thôn"),
        "rural_markets",
        "phối hợp tổ chức 02 phiên chợ hàng Việt về nông thôn trong khuôn khổ “Tết Quân – Dân” năm 2023 [travinh:45]",
    ),
    EventKind(
        "night_market", _("Phiên chợ đêm"), "rural_markets", "14 phiên chợ đêm, hội chợ bán hàng Việt [travinh:73]"
    ),
    EventKind("workers_market", _("Phiên chợ công nhân"), "rural_markets", "Phiên chợ công nhân [cantho:171]"),
    EventKind("charity_market", _("Phiên chợ nghĩa tình"), "rural_markets", "phiên chợ nghĩa tình [cantho:171]"),
    EventKind("farm_market", _("Phiên chợ nông sản"), "rural_markets", "Phiên chợ nông sản [cantho:105]"),
    EventKind("fair", _("Hội chợ"), "fairs", "tham gia 04 cuộc hội chợ ngoài tỉnh [travinh:45]"),
    EventKind("exhibition", _("Triển lãm"), "fairs", "Hội chợ, Triển lãm, Tuần hàng [cantho:105]"),
    EventKind("goods_week", _("Tuần hàng"), "fairs", "Tuần hàng [cantho:105]"),
    EventKind(
        "display",
        _("Trưng bày, giới thiệu sản phẩm"),
        "fairs",
        "trưng bày tại Hội nghị giao ban quý I/2023, 07 đơn vị, trên 35 sản phẩm [travinh:73]",
    ),
    EventKind(
        "trade_connection",
        _("Hội nghị, chuyến kết nối cung cầu, giao thương"),
        "trade_connection_events",
        "tổ chức 02 chuyến kết nối; hội nghị tại Phú Quốc giữa 4 tỉnh [travinh:45, 53]",
    ),
    EventKind(
        "mobile_sale",
        _("Bán hàng lưu động"),
        "rural_markets",
        "bán hàng Việt lưu động tại các khu công nghiệp [cantho:95]",
    ),
    EventKind(
        "delivery",
        _("Chuyến đưa hàng về nông thôn, hải đảo (bình ổn)"),
        "",
        "các doanh nghiệp tham gia bình ổn trong dịp Tết Nguyên đán năm 2023 [travinh:43]",
    ),
)
EVENT_KIND_BY_CODE = {kind.code: kind for kind in EVENT_KINDS}
EVENT_KIND_CHOICES = [(kind.code, kind.label) for kind in EVENT_KINDS]


@dataclass(frozen=True)
class Measure:
    field: str  # the column on an event or a group entry
    label: str | Promise
    indicator: str
    example: str


MEASURES: tuple[Measure, ...] = (
    Measure(
        "businesses",
        _("Số doanh nghiệp, cơ sở tham gia"),
        "participating_businesses",
        "mỗi phiên chợ có 24 doanh nghiệp tham gia",
    ),
    Measure("booths", _("Số gian hàng"), "booths", "với 60 gian hàng"),
    Measure("products", _("Số sản phẩm trưng bày"), "products_displayed", "hơn 30 sản phẩm được trưng bày"),
    Measure("revenue_vnd", _("Doanh thu (đồng)"), "event_revenue_vnd", "doanh thu đạt khoảng 850 triệu đồng/phiên chợ"),
    Measure("visitors", _("Lượt khách"), "event_visitors", "hơn 5.000 lượt khách tham quan/phiên chợ"),
    Measure("tonnes", _("Khối lượng hàng (tấn)"), "goods_delivered_tonnes", "tấn hàng bình ổn đưa về hải đảo"),
)
MEASURE_BY_FIELD = {measure.field: measure for measure in MEASURES}


@dataclass(frozen=True)
class SalePointKind:
    code: str
    label: str | Promise
    indicator: str
    example: str


SALE_POINT_KINDS: tuple[SalePointKind, ...] = (
    SalePointKind(
        "ocop_store",
        _("Cửa hàng giới thiệu và kinh doanh sản phẩm OCOP"),
        "ocop_stores",
        "cửa hàng đặc sản quê Hai Ứng, tại ấp Cồn Chim, xã Hòa Minh, huyện Châu Thành [travinh:65]",
    ),
    SalePointKind(
        "ocop_stop",
        _("Điểm dừng chân giới thiệu sản phẩm OCOP"),
        "ocop_stores",
        "điểm dừng chân Sáu Dư, ấp Rạch Dừa, xã Đại Phước, huyện Càng Long [travinh:65]",
    ),
    SalePointKind(
        "proud_viet",
        _("Điểm bán “Tự hào hàng Việt Nam”"),
        "viet_sale_points",
        "điểm bán hàng Việt “Tự hào hàng Việt Nam” (một bộ kế hoạch của tỉnh)",
    ),
    SalePointKind(
        "essence_viet",
        _("Điểm bán “Tinh hoa hàng Việt Nam”"),
        "viet_sale_points",
        "“Tinh hoa hàng Việt Nam” năm 2024 [cantho:95]",
    ),
    SalePointKind(
        "quality_viet",
        _("Điểm bán hàng Việt chất lượng cao"),
        "viet_sale_points",
        "thêm điểm bán hàng Việt chất lượng cao (báo cáo 6 tháng của một tỉnh)",
    ),
    SalePointKind("union_supermarket", _("Siêu thị Công đoàn"), "", "Siêu thị Công đoàn [cantho:171]"),
    SalePointKind("discount_booth", _("Gian hàng giảm giá"), "", "Gian hàng giảm giá [cantho:171]"),
    SalePointKind(
        "safe_produce",
        _("Địa chỉ bán nông sản an toàn"),
        "",
        "địa chỉ bán nông sản an toàn, nhất là theo phương thức online [cantho:107]",
    ),
    SalePointKind(
        "permanent_display",
        _("Điểm trưng bày thường xuyên tại trung tâm xúc tiến"),
        "",
        "trưng bày thường xuyên sản phẩm OCOP tại Trung tâm Xúc tiến [cantho:97]",
    ),
)
SALE_POINT_KIND_BY_CODE = {kind.code: kind for kind in SALE_POINT_KINDS}
SALE_POINT_KIND_CHOICES = [(kind.code, kind.label) for kind in SALE_POINT_KINDS]


@dataclass(frozen=True)
class ClubKind:
    code: str
    label: str | Promise
    counts_for_campaign: bool  # only these kinds are summed into ``clubs`` and ``club_members``
    example: str


CLUB_KINDS: tuple[ClubKind, ...] = (
    ClubKind(
        "consumer",
        _("Câu lạc bộ, tổ, nhóm “Người tiêu dùng”"),
        True,
        "CLB/nhóm “Người tiêu dùng” (báo cáo của một tỉnh)",
    ),
    ClubKind(
        "household_shopping",
        _("Câu lạc bộ mua sắm gia đình"),
        False,
        "câu lạc bộ mua sắm của hộ gia đình (báo cáo của một tỉnh; không phải CLB người tiêu dùng)",
    ),
    ClubKind(
        "family_movement",
        _("Câu lạc bộ phong trào gia đình (Hội Phụ nữ)"),
        False,
        "CLB của phong trào gia đình do Hội LHPN phát động (báo cáo của một tỉnh)",
    ),
    ClubKind("other", _("Loại khác"), False, "tổ, nhóm khác"),
)
CLUB_KIND_BY_CODE = {kind.code: kind for kind in CLUB_KINDS}
CLUB_KIND_CHOICES = [(kind.code, kind.label) for kind in CLUB_KINDS]


#: Indicator codes a registry computes, and which registry (for "theo sổ theo dõi" links).
REGISTRY_OF_INDICATOR: dict[str, str] = {
    **{kind.indicator: "events" for kind in EVENT_KINDS if kind.indicator},
    **{measure.indicator: "events" for measure in MEASURES},
    "ocop_products": "ocop",
    "ocop_3_star": "ocop",
    "ocop_4_star": "ocop",
    "ocop_5_star": "ocop",
    "ocop_producers": "ocop",
    **{kind.indicator: "salepoints" for kind in SALE_POINT_KINDS if kind.indicator},
    "model_residential_areas": "areas",
    "clubs": "clubs",
    "club_members": "clubs",
}
