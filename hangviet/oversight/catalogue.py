"""Named data of the oversight app: programme kinds, violation types, case outcomes (codes stay, labels are
what the documents write; shared/second-wave.md §3.4, §3.5)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hangviet.lib.text import fold_diacritics


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


# Meetings (shared/second-wave.md §3.10): the kinds the documents name.
MEETING_KINDS: tuple[Named, ...] = (
    Named("quarterly", _("Giao ban quý")),
    Named("half_year_review", _("Sơ kết 6 tháng")),
    Named("year_review", _("Tổng kết năm")),
    Named("phase_review", _("Sơ kết, tổng kết giai đoạn")),
    Named("dissemination", _("Hội nghị quán triệt")),
    Named("committee", _("Họp Ban Chỉ đạo")),
    Named("propaganda", _("Hội nghị tuyên truyền")),
    Named("seminar", _("Tọa đàm, hội thảo")),
    Named("other", _("Khác")),
)

#: Words of a plan task that announce a meeting, and the kind they suggest: the first entry whose words all occur
#: wins (compared without diacritics). "Tổ chức hội nghị tổng kết Cuộc vận động năm 2024: Tháng 12/2024"
#: [cantho:187] → year_review; "Hội nghị tổng kết 05 năm giai đoạn 2019-2024" [cantho:151] → phase_review.
MEETING_WORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("giao ban",), "quarterly"),
    (("quan triet",), "dissemination"),
    (("so ket", "6 thang"), "half_year_review"),
    (("tong ket", "giai doan"), "phase_review"),
    (("so ket", "giai doan"), "phase_review"),
    (("so ket",), "half_year_review"),
    (("tong ket",), "year_review"),
    (("hoi nghi tuyen truyen",), "propaganda"),
    (("toa dam",), "seminar"),
    (("hoi thao",), "seminar"),
    (("hop ban chi dao",), "committee"),
    (("hoi nghi",), "other"),
)


def meeting_kind_of(text: str) -> str | None:
    """The meeting kind a plan task's text announces ("hội nghị tổng kết …" → ``year_review``), or None when
    the task is not a meeting."""
    folded = fold_diacritics(text)
    return next((kind for words, kind in MEETING_WORDS if all(word in folded for word in words)), None)
