"""Extraction on the real Trà Vinh report and on the traps reports are full of."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hangviet.ingest.extract import extract, guess_period, guess_unit
from hangviet.ingest.reading import Passage, read_document

SEED = Path(__file__).resolve().parent / "data" / "report_travinh_2023_h1.txt"


def facts_of(text: str) -> list[tuple[str, D, str, bool]]:
    result = extract([Passage(text, "đoạn 1")])
    return [(f.indicator, f.value, f.qualifier, f.per_item) for f in result.facts]


@pytest.fixture(scope="module")
def seed():
    return extract(read_document(SEED.read_bytes(), SEED.name).passages)


def test_the_seed_report_names_its_unit_and_period(seed) -> None:
    assert (seed.unit, seed.period) == ("Tỉnh Trà Vinh", "2023-H1")


def test_the_seed_report_headline_figures(seed) -> None:
    found = {(f.indicator, f.value, f.per_item) for f in seed.facts}
    assert {
        ("propaganda_sessions", D(3904), False),
        ("propaganda_participants", D(267083), False),
        ("ocop_products", D(184), False),
        ("ocop_3_star", D(137), False),
        ("ocop_4_star", D(38), False),
        ("ocop_5_star", D(3), False),
        ("rural_markets", D(2), False),
    } <= found


def test_the_per_market_revenue_is_marked_per_item(seed) -> None:
    [revenue] = [f for f in seed.facts if f.indicator == "event_revenue_vnd"]
    assert (revenue.value, revenue.qualifier, revenue.per_item) == (D(850_000_000), "about", True)
    assert revenue.evidence[revenue.start : revenue.end] == "khoảng 850 triệu"
    assert revenue.location.startswith("đoạn")


def test_leading_zeros_money_and_qualifiers() -> None:
    assert facts_of("Tổ chức 02 phiên chợ hàng Việt về nông thôn.") == [("rural_markets", D(2), "exact", False)]
    assert facts_of("Kinh phí hoạt động được cấp 36,9 triệu đồng.") == [
        ("committee_budget_vnd", D(36_900_000), "exact", False)
    ]
    assert facts_of("Thu hút hơn 5.000 lượt khách tham quan, mua sắm.") == [
        ("event_visitors", D(5000), "more_than", False)
    ]
    assert facts_of("Xử phạt vi phạm hành chính gần 1,2 tỷ đồng.") == [
        ("fines_vnd", D(1_200_000_000), "less_than", False)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Phấn đấu năm 2024 tổ chức 20 phiên chợ hàng Việt về nông thôn.",
        "Vận động doanh nghiệp đăng ký 42 sản phẩm tham gia Chương trình OCOP.",
        "Trang thông tin điện tử có 1.250.000 lượt truy cập.",
        "Căn cứ Kế hoạch số 45-KH/TU ngày 31/12/2021 của Ban Thường vụ Tỉnh ủy.",
        "Tổ chức Cuộc thi ảnh lần thứ 3 năm 2023 tại Phường 1.",
        "Dự kiến tổ chức 05 hội chợ trong 6 tháng cuối năm.",
        "Sở Công Thương xác nhận 13 hồ sơ đăng ký khuyến mại.",
    ],
)
def test_figures_that_are_not_results_are_not_reported(text: str) -> None:
    assert facts_of(text) == []


def test_tasks_for_the_next_period_are_not_results() -> None:
    passages = [
        Passage("I. KẾT QUẢ", "đoạn 1"),
        Passage("Treo 60 băng rôn tuyên truyền.", "đoạn 2"),
        Passage("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2023", "đoạn 3"),
        Passage("Tổ chức 04 phiên chợ; tỷ lệ hàng Việt tại siêu thị đạt từ 90% trở lên.", "đoạn 4"),
    ]
    assert [(f.indicator, f.value) for f in extract(passages).facts] == [("banners", D(60))]


def test_per_item_figures_after_each() -> None:
    assert facts_of("mỗi phiên chợ có 24 doanh nghiệp tham gia với 60 gian hàng.") == [
        ("participating_businesses", D(24), "exact", True),
        ("booths", D(60), "exact", True),
    ]


def test_the_header_gives_unit_and_period() -> None:
    header = "BAN CHỈ ĐẠO CUỘC VẬN ĐỘNG\nBan Chỉ đạo Cuộc vận động tỉnh Kiên Giang\nBÁO CÁO\nKết quả thực hiện năm 2022"
    assert (guess_unit(header), guess_period(header)) == ("Tỉnh Kiên Giang", "2022")


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_is_read_without_crashing(text: str) -> None:
    extract([Passage(text, "đoạn 1")])
