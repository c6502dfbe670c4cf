"""Registry rows proposed from the lists of an old report: what the Trà Vinh report's footnotes 3–6 yield, what
a report in another layout yields, and the windows coarse times become."""

from __future__ import annotations

import datetime
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hangviet.ingest.list_rules import EVENT, GROUP, SALE_POINT, window_for
from hangviet.ingest.proposals import Proposal, propose
from hangviet.ingest.reading import Passage, read_document
from hangviet.lib.docx_layout import Block, OfficialDocument, build_docx

DATA = Path(__file__).resolve().parent / "data"
H1_2023 = (datetime.date(2022, 12, 15), datetime.date(2023, 6, 14))
YEAR_2024 = (datetime.date(2023, 12, 15), datetime.date(2024, 12, 14))
EXACT, MORE_THAN, ABOUT = 0, 1, 3


def sample_report_docx() -> bytes:
    """The second report (invented for the tests, written before the rules) as a Word file with real
    footnotes: "^[…]" in the text file marks a footnote, "I." and short "1." lines are headings."""
    blocks = []
    for line in (DATA / "report_sample_2024.txt").read_text(encoding="utf-8").splitlines():
        if re.match(r"^[IVX]+\.\s", line):
            blocks.append(Block(line, 1))
        elif re.match(r"^\d+\.\s", line) and len(line) < 100:
            blocks.append(Block(line, 2))
        elif line.strip():
            blocks.append(Block(line))
    return build_docx(
        OfficialDocument(
            parent_body="ỦY BAN MTTQ VIỆT NAM TỈNH (MẪU)",
            issuing_body="BAN CHỈ ĐẠO CUỘC VẬN ĐỘNG",
            number="   /BC-BCĐ",
            place_and_date="ngày 10 tháng 12 năm 2024",
            kind_title="Báo cáo",
            summary="Kết quả thực hiện Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam” năm 2024",
            blocks=blocks,
            recipients=["Lưu VT"],
            signing_authority="TM. Ban Chỉ đạo",
            signer_position="Phó Trưởng ban",
            signer_name="(văn bản mẫu)",
        )
    )


@pytest.fixture(scope="module")
def tra_vinh() -> list[Proposal]:
    content = (DATA / "report_travinh_2023_h1.txt").read_bytes()
    return propose(read_document(content, "report_travinh_2023_h1.txt").passages)


@pytest.fixture(scope="module")
def sample() -> list[Proposal]:
    return propose(read_document(sample_report_docx(), "bao-cao-mau-2024.docx").passages)


def of(proposals: list[Proposal], registry: str, kind: str | None = None) -> list[Proposal]:
    return [p for p in proposals if p.registry == registry and (kind is None or p.kind == kind)]


def test_the_two_tet_markets_are_proposed_per_market_with_the_per_market_figures(tra_vinh) -> None:
    markets = of(tra_vinh, EVENT, "rural_market")
    assert [(m.name, m.place) for m in markets] == [
        ("Phiên chợ hàng Việt về nông thôn tại huyện Châu Thành", "huyện Châu Thành"),
        ("Phiên chợ hàng Việt về nông thôn tại thành phố Trà Vinh", "thành phố Trà Vinh"),
    ]
    for market in markets:
        assert market.figures == {
            "businesses": [24, EXACT],
            "booths": [60, EXACT],
            "revenue_vnd": [850_000_000, ABOUT],
            "visitors": [5000, MORE_THAN],
        }
        assert market.programme == "Tết Quân – Dân năm 2023" and market.when_text == "Tết Quân – Dân năm 2023"


def test_the_four_fairs_come_with_their_places_and_one_group_row_of_ten_booths(tra_vinh) -> None:
    fairs = of(tra_vinh, EVENT, "fair")
    assert [(f.name, f.place) for f in fairs] == [
        ("Hội chợ Công Thương vùng Đông Bắc-Phủ Thọ", "TP. Việt Trì, tỉnh Phú Thọ"),
        ("Hội chợ tại Lễ hội bánh dân gian Nam bộ lần thứ X, năm 2023", "Cần Thơ"),
        ("Hội chợ hàng Việt Nam Xuất khẩu", "thành phố Hồ Chí Minh"),
        ("Hội chợ Thương mại - Du lịch quốc tế Nha Trang năm 2023", "TP. Nha Trang, tỉnh Khánh Hòa"),
    ]
    assert fairs[1].edition == "lần thứ X" and fairs[1].when_text == "năm 2023"
    (group,) = of(tra_vinh, GROUP)
    assert (group.kind, group.declared_count, group.figures) == ("fair", 4, {"booths": [10, EXACT]})
    assert group.name.startswith("Tham gia 04 cuộc hội chợ ngoài tỉnh và vận động doanh nghiệp trưng bày 10 gian")
    assert {fair.list_id for fair in fairs} == {group.list_id}


def test_the_three_connection_events_name_their_figures_theme_and_co_organisers(tra_vinh) -> None:
    ben_tre, phu_quoc, hcmc = of(tra_vinh, EVENT, "trade_connection")
    assert ben_tre.place == "tỉnh Bến Tre" and ben_tre.name.startswith("Hội nghị Kết nối giao thương giữa")
    assert ben_tre.figures == {"businesses": [12, EXACT], "products": [30, MORE_THAN]}
    assert ben_tre.organisers == []  # "giữa các hệ thống Phân phối …" names no organiser
    assert phu_quoc.place == "Thành phố Phú Quốc"
    assert [o["name"] for o in phu_quoc.organisers] == ["Kiên Giang", "Bến Tre", "Hậu Giang", "Trà Vinh"]
    assert (hcmc.place, hcmc.theme, hcmc.figures) == (
        "Thành phố Hồ Chí Minh",
        "Nông sản Việt vươn xa",
        {"businesses": [15, EXACT]},
    )


def test_the_six_ocop_stores_keep_their_addresses_as_written(tra_vinh) -> None:
    stores = of(tra_vinh, SALE_POINT)
    assert [(s.kind, s.name, s.place) for s in stores] == [
        ("ocop_store", "Cửa hàng đặc sản quê Hai Ứng", "ấp Cồn Chim, xã Hòa Minh, huyện Châu Thành"),
        ("ocop_store", "Cửa hàng tại Khu Du lịch biển Ba Động", "Khu Du lịch biển Ba Động"),
        ("ocop_store", "Cửa hàng tại Khu Di tích Ao Bà Om", "Khu Di tích Ao Bà Om"),
        ("ocop_store", "Cửa hàng ngang nhà thi đấu (đường 19/5)", "ngang nhà thi đấu (đường 19/5)"),
        ("ocop_stop", "Điểm dừng chân Sáu Dư", "ấp Rạch Dừa, xã Đại Phước, huyện Càng Long"),
        (
            "ocop_store",
            "Cửa hàng của Liên Minh HTX tỉnh Trà Vinh",
            "số 40, đường Nguyễn Thái Học, phường 1, thành phố Trà Vinh",
        ),
    ]
    assert stores[-1].operator == "Liên Minh HTX tỉnh Trà Vinh"


def test_footnotes_that_list_no_registry_rows_propose_nothing(tra_vinh) -> None:
    # fn 1 (legal basis), 2 (pano sites), 7–9 (notices, budgets): 2 + 4 + 1 + 3 + 6 rows in all
    assert len(tra_vinh) == 16
    assert not [p for p in tra_vinh if "pano" in p.evidence.lower() or "Chỉ thị" in p.evidence]


def test_a_report_in_another_layout_yields_its_markets_fairs_and_stores(sample) -> None:
    markets = of(sample, EVENT, "rural_market")
    assert [(m.place, m.when_text, m.figures) for m in markets] == [
        (
            "xã Phú Tâm, huyện Châu Thành",
            "ngày 12/01/2024",
            {"booths": [30, 0], "businesses": [22, 0], "revenue_vnd": [420_000_000, ABOUT]},
        ),
        ("xã Vĩnh Hải, thị xã Vĩnh Châu", "tháng 4/2024", {"booths": [28, 0], "visitors": [3000, MORE_THAN]}),
        ("thị trấn Cù Lao Dung, huyện Cù Lao Dung", "quý III/2024", {"booths": [25, 0]}),
    ]
    fairs = [p for p in of(sample, EVENT) if p.kind in ("fair", "goods_week", "exhibition")]
    assert [f.kind for f in fairs] == ["fair", "fair", "fair", "goods_week", "exhibition"]
    assert [f.place for f in fairs] == [
        "Hà Nội",
        "thành phố Cần Thơ",
        "tỉnh Bạc Liêu",
        "Thành phố Hồ Chí Minh",
        "tỉnh An Giang",
    ]
    (group,) = of(sample, GROUP)
    assert (group.declared_count, group.figures) == (5, {"booths": [32, 0], "revenue_vnd": [1_200_000_000, ABOUT]})
    first, second = of(sample, EVENT, "trade_connection")
    assert first.figures == {"businesses": [86, 0]} and first.place == "thành phố Sóc Trăng"
    assert [o["name"] for o in first.organisers] == ["Thành phố Hồ Chí Minh", "tỉnh Sóc Trăng"]
    assert second.name == "Hội nghị kết nối tiêu thụ nông sản giữa các tỉnh Sóc Trăng, Bạc Liêu, Cà Mau"
    assert {(o["name"], o["role"]) for o in second.organisers} >= {("Sở Công Thương tỉnh Bạc Liêu", "lead")}
    stores = of(sample, SALE_POINT, "ocop_store")
    assert [s.place for s in stores] == [
        "Trung tâm Xúc tiến thương mại tỉnh, số 12, đường Trần Hưng Đạo, phường 2, thành phố Sóc Trăng",
        "ấp Phước Hòa, thị trấn Cù Lao Dung, huyện Cù Lao Dung",
        "Khu du lịch sinh thái Hồ Nước Ngọt",
        "xã Mỹ Hương, huyện Mỹ Tú",
    ]
    assert len(of(sample, SALE_POINT, "proud_viet")) == 3
    # Nothing from the pano sites, the legal basis, or the markets planned for 2025.
    assert len(sample) == 3 + 5 + 1 + 2 + 4 + 3


@pytest.mark.parametrize(
    ("when", "window", "expected"),
    [
        ("Tết Quân – Dân năm 2023", H1_2023, (datetime.date(2023, 1, 1), datetime.date(2023, 2, 28))),
        ("dịp Tết Nguyên đán", YEAR_2024, (datetime.date(2024, 1, 1), datetime.date(2024, 2, 29))),
        ("quý I/2023", H1_2023, (datetime.date(2023, 1, 1), datetime.date(2023, 3, 31))),
        ("quý II/2023", H1_2023, (datetime.date(2023, 4, 1), datetime.date(2023, 6, 14))),
        ("tháng 4/2024", YEAR_2024, (datetime.date(2024, 4, 1), datetime.date(2024, 4, 30))),
        ("ngày 12/01/2024", YEAR_2024, (datetime.date(2024, 1, 12), datetime.date(2024, 1, 12))),
        ("năm 2023", H1_2023, (datetime.date(2023, 1, 1), datetime.date(2023, 6, 14))),
        ("ngày 31/02/2024", YEAR_2024, YEAR_2024),  # not a day: the whole window
        ("năm 2021", H1_2023, H1_2023),  # outside the period: the whole window
        ("", H1_2023, H1_2023),
    ],
)
def test_a_coarse_time_becomes_its_days_inside_the_period_window(when, window, expected) -> None:
    assert window_for(when, *window) == expected


FRAGMENTS = st.sampled_from(
    [
        "⁴",
        "³",
        "¹²",
        "gồm:",
        "(1)",
        "a)",
        ";",
        ".",
        ", ",
        " tại ",
        "mỗi phiên chợ",
        "04 cuộc hội chợ",
        "06 cửa hàng OCOP",
        "có 24 doanh nghiệp",
        "khoảng 850 triệu đồng",
        "giữa các tỉnh, ",
        "Kiên Giang",
        "\n",
        "+ ",
        "ngày 31/02/2024",
        "quý V/2023",
        "Tết",
        "x",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(FRAGMENTS, st.text(max_size=20)), max_size=60))
def test_any_text_is_read_without_crashing(parts: list[str]) -> None:
    text = "".join(parts)
    passages = [Passage(line, f"đoạn {n}") for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    for proposal in propose(passages):
        assert proposal.name and proposal.registry in (EVENT, GROUP, SALE_POINT)


def test_a_long_hostile_text_is_read_in_linear_time() -> None:
    line = "Tham gia 04 cuộc hội chợ ngoài tỉnh⁴ gồm: (1) Hội chợ An tại xã X; (2) Hội chợ Bình. " * 3000
    notes = [Passage(f"⁴ (1) Hội chợ {n} tại xã {n}", f"đoạn {n + 2}") for n in range(3000)]
    started = time.perf_counter()
    assert len(propose([Passage(line, "đoạn 1")])) == 2  # every list read, each row proposed once
    assert len(propose([Passage(line, "đoạn 1"), *notes])) == 200  # at most 200 proposals
    assert time.perf_counter() - started < 5
