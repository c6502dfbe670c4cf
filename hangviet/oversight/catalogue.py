"""Named data of the oversight app: programme kinds, violation types, case outcomes (codes stay, labels are
what the documents write; shared/second-wave.md §3.4, §3.5)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Named:
    code: str
    label: str | Promise


PROGRAMME_KINDS: tuple[Named, ...] = (
    Named("inspection", _("Kiểm tra")),
    Named("supervision", _("Giám sát")),
    Named("thematic", _("Giám sát chuyên đề")),
    Named("survey", _("Khảo sát")),
)

VIOLATION_TYPES: tuple[Named, ...] = (
    Named("counterfeit", _("Hàng giả")),
    Named("imitation", _("Hàng nhái")),
    Named("poor_quality", _("Hàng kém chất lượng")),
    Named("smuggled", _("Hàng nhập lậu, buôn lậu")),
    Named("intellectual_property", _("Vi phạm sở hữu trí tuệ")),
    Named("unknown_origin", _("Hàng hóa không rõ nguồn gốc, xuất xứ")),
    Named("labelling", _("Vi phạm nhãn hàng hóa")),
    Named("food_safety", _("Không bảo đảm an toàn thực phẩm")),
    Named("harmful", _("Hàng hóa độc hại")),
    Named("trade_fraud", _("Gian lận thương mại")),
    Named("measurement", _("Gian lận đo lường")),
    Named("price_listing", _("Vi phạm niêm yết giá")),
    Named("promotion", _("Khuyến mại sai quy định")),
    Named("tax_evasion", _("Trốn thuế")),
    Named("none", _("Không phát hiện vi phạm")),
    Named("other", _("Vi phạm khác")),
)

OUTCOMES: tuple[Named, ...] = (
    Named("no_violation", _("Không vi phạm")),
    Named("pending", _("Đang xử lý")),
    Named("reminded", _("Nhắc nhở")),
    Named("fined", _("Xử phạt vi phạm hành chính")),
    Named("confiscated", _("Tịch thu")),
    Named("destroyed", _("Tiêu hủy")),
    Named("transferred", _("Chuyển cơ quan điều tra")),
)
#: Outcomes that count in ``violations_handled`` ("vụ vi phạm đã xử lý").
HANDLED_OUTCOMES = frozenset({"reminded", "fined", "confiscated", "destroyed", "transferred"})

ORIGINS: tuple[Named, ...] = (
    Named("planned", _("Theo kế hoạch")),
    Named("unannounced", _("Đột xuất")),
    Named("report", _("Theo phản ánh")),
    Named("joint_389", _("Phối hợp Ban Chỉ đạo 389")),
)

FINDING_KINDS: tuple[Named, ...] = (
    Named("strength", _("Ưu điểm")),
    Named("limitation", _("Hạn chế")),
)


def choices(items: tuple[Named, ...]) -> list[tuple[str, str | Promise]]:
    return [(item.code, item.label) for item in items]


def label_of(items: tuple[Named, ...], code: str) -> str:
    return next((str(item.label) for item in items if item.code == code), code)
