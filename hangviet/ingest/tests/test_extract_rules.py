"""Every named extraction rule does what its example says, and the figures of events and media are read as
reports write them: revenue, visitors, businesses and booths of fairs and markets, news items listed across a
sentence, events itemised in footnotes, and neither totals since an earlier year nor registrations taken for
the period's results."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hangviet.indicators.catalogue import INDICATORS
from hangviet.ingest.extract import NUMBER, extract
from hangviet.ingest.extract_rules import MONEY_RULES, PEOPLE_REACHED, TRAP_RULES, UNIT_RULES, UnitRule
from hangviet.ingest.reading import Passage
from hangviet.lib.vnformat import format_count, format_money, format_number

HEADER = "BÁO CÁO kết quả thực hiện Cuộc vận động năm 2024"  # the period the sentences are read in
PEOPLE_KINDS = {"propaganda_participants", "training_participants"}
CODES = {spec.code for spec in INDICATORS}


def facts_of(*texts: str, location: str = "đoạn") -> list[tuple[str, D, bool]]:
    passages = [Passage(HEADER, "đoạn 0"), *(Passage(text, f"{location} {n}") for n, text in enumerate(texts, 1))]
    return [(fact.indicator, fact.value, fact.per_item) for fact in extract(passages).facts]


def codes_of(text: str) -> set[str]:
    return {code for code, _value, _per_item in facts_of(text)}


def test_every_rule_names_an_indicator_of_the_catalogue() -> None:
    named = {rule.indicator for rule in UNIT_RULES} | {rule.indicator for rule in MONEY_RULES if rule.indicator}
    assert named - {PEOPLE_REACHED} <= CODES
    assert PEOPLE_KINDS <= CODES
    assert len({rule.name for rule in UNIT_RULES}) == len(UNIT_RULES), "rule names are unique"


def _rule_reads(rule: UnitRule, text: str) -> bool:
    lowered = text.lower()
    return any(rule.after.search(lowered[number.end() :].lstrip()) for number in NUMBER.finditer(lowered))


@pytest.mark.parametrize("rule", UNIT_RULES, ids=lambda rule: rule.name)
def test_each_unit_rule_reads_its_example(rule: UnitRule) -> None:
    assert _rule_reads(rule, rule.example)
    expected = PEOPLE_KINDS if rule.indicator == PEOPLE_REACHED else {rule.indicator}
    assert codes_of(rule.example) & expected


@pytest.mark.parametrize("rule", [r for r in UNIT_RULES if r.not_example], ids=lambda rule: rule.name)
def test_each_unit_rule_leaves_its_near_miss(rule: UnitRule) -> None:
    assert rule.indicator not in codes_of(rule.not_example)


@pytest.mark.parametrize("rule", MONEY_RULES, ids=lambda rule: rule.name)
def test_each_money_rule_names_the_sum_after_its_phrase(rule) -> None:
    found = facts_of(rule.example)
    last_sum = [n for n in NUMBER.finditer(rule.example.lower()) if n["mult"]][-1]
    value = D(last_sum["num"].replace(".", "").replace(",", ".")) * {"triệu": 10**6, "tỷ": 10**9}[last_sum["mult"]]
    if rule.indicator is None:
        assert value not in {value for _code, value, _per_item in found}
    else:
        assert (rule.indicator, value, False) in found
    if rule.not_example:
        assert rule.indicator not in {code for code, _value, _per_item in facts_of(rule.not_example)}


@pytest.mark.parametrize("rule", TRAP_RULES, ids=lambda rule: rule.name)
def test_each_trap_keeps_its_example_out_and_its_near_miss_in(rule) -> None:
    assert facts_of(rule.example) == []
    assert facts_of(rule.not_example) != []


# --- events: revenue, visitors, businesses, booths ---------------------------------------------------------

REVENUE_PHRASES = ["doanh thu đạt", "tổng doanh thu ước đạt", "doanh số bán hàng đạt", "giá trị hàng hóa bán ra đạt"]
VISITOR_PHRASES = ["lượt khách", "lượt người dân đến tham quan, mua sắm", "lượt khách tham quan, mua sắm"]
QUALIFIER_WORDS = ["", "khoảng ", "hơn ", "trên ", "gần "]
EVENTS = ["Hội chợ hàng Việt", "Phiên chợ hàng Việt về nông thôn", "Tuần hàng Việt", "Hội chợ OCOP tỉnh"]


@settings(max_examples=150, deadline=None)
@given(
    event=st.sampled_from(EVENTS),
    businesses=st.integers(2, 900),
    booths=st.integers(2, 2000),
    visitors=st.integers(100, 400_000),
    revenue_millions=st.integers(10, 90_000),
    revenue=st.sampled_from(REVENUE_PHRASES),
    visitor=st.sampled_from(VISITOR_PHRASES),
    qualifier=st.sampled_from(QUALIFIER_WORDS),
)
def test_an_events_figures_are_read_in_any_of_the_usual_wordings(
    event: str,
    businesses: int,
    booths: int,
    visitors: int,
    revenue_millions: int,
    revenue: str,
    visitor: str,
    qualifier: str,
) -> None:
    money = format_money(revenue_millions * 10**6)
    text = (
        f"{event} có {format_count(businesses)} doanh nghiệp, hợp tác xã tham gia với {format_count(booths)} gian "
        f"hàng, thu hút {qualifier}{format_number(visitors)} {visitor}; {revenue} {qualifier}{money}."
    )
    amount = D(money.split()[0].replace(".", "").replace(",", ".")) * (10**9 if "tỷ" in money else 10**6)
    assert facts_of(text) == [
        ("participating_businesses", D(businesses), False),
        ("booths", D(booths), False),
        ("event_visitors", D(visitors), False),
        ("event_revenue_vnd", amount, False),
    ]


def test_revenue_named_by_what_was_sold() -> None:
    assert facts_of("Phiên chợ có 68 gian hàng, bán được 380 triệu đồng hàng hóa.") == [
        ("booths", D(68), False),
        ("event_revenue_vnd", D(380_000_000), False),
    ]
    assert ("event_revenue_vnd", D(2_600_000_000), False) in facts_of(
        "Tuần hàng Việt có 43 nhà cung cấp tham gia, tổng giá trị hàng hóa tiêu thụ đạt 2,6 tỷ đồng."
    )


def test_money_near_revenue_that_is_not_revenue() -> None:
    assert facts_of("Phiên chợ bán nông sản với giá 35.000 đồng/kg.") == []
    assert facts_of("Doanh thu phiên chợ đạt 300 triệu đồng; trị giá hàng hóa tịch thu khoảng 1,8 tỷ đồng.") == [
        ("event_revenue_vnd", D(300_000_000), False)
    ]
    assert facts_of("Doanh thu của hợp tác xã đạt 2 tỷ đồng.") == []  # no fair or market: not an event's revenue


def test_visitors_per_day_are_per_item_and_the_total_after_them_is_not() -> None:
    assert facts_of(
        "Hội chợ thu hút hơn 10.000 lượt khách mỗi ngày trong 6 ngày hội chợ, tổng doanh thu đạt khoảng 8,5 tỷ đồng."
    ) == [("event_visitors", D(10_000), True), ("event_revenue_vnd", D(8_500_000_000), False)]


def test_businesses_taking_part_in_other_words() -> None:
    assert facts_of("Sở hỗ trợ 46 lượt doanh nghiệp tham gia 08 hội chợ, triển lãm ngoài tỉnh.") == [
        ("participating_businesses", D(46), False),
        ("fairs", D(8), False),
    ]
    assert facts_of(
        "Tổ chức 01 hội nghị xúc tiến tiêu thụ vải thiều với sự tham dự của 150 thương nhân, doanh nghiệp."
    ) == [
        ("trade_connection_events", D(1), False),
        ("participating_businesses", D(150), False),
    ]


def test_footnote_listing_events_with_their_figures() -> None:
    footnote = (
        "² Gồm: Hội chợ Nông sản, sản phẩm OCOP tỉnh (tháng 9/2024): 150 gian hàng, hơn 20.000 lượt khách, doanh thu "
        "khoảng 2,3 tỷ đồng; Tuần hàng Việt tại huyện Thanh Sơn (tháng 11/2024): 60 gian hàng của 38 cơ sở, doanh "
        "thu 1,1 tỷ đồng."
    )
    assert facts_of(footnote, location="chú thích") == [
        ("booths", D(150), False),
        ("event_visitors", D(20_000), False),
        ("event_revenue_vnd", D(2_300_000_000), False),
        ("booths", D(60), False),
        ("participating_businesses", D(38), False),
        ("event_revenue_vnd", D(1_100_000_000), False),
    ]


def test_a_label_says_more_of_the_same_thing_the_unit_names() -> None:
    assert facts_of("- Hội nghị kết nối cung cầu: 03 hội nghị.") == [("trade_connection_events", D(3), False)]
    assert facts_of("+ Hạng 4 sao: 44 sản phẩm.") == [("ocop_4_star", D(44), False)]


# --- media items across a sentence ---------------------------------------------------------------------------

MEDIA_KINDS = ["tin", "bài", "phóng sự", "tin, bài", "chuyên mục", "bài viết", "phóng sự truyền hình", "tin, ảnh"]
OUTLETS = ["Báo Phú Thọ đăng", "Đài Phát thanh và Truyền hình tỉnh phát sóng", "Trang thông tin điện tử huyện đăng tải"]


@settings(max_examples=150, deadline=None)
@given(
    outlet=st.sampled_from(OUTLETS),
    items=st.lists(st.tuples(st.integers(1, 3000), st.sampled_from(MEDIA_KINDS)), min_size=1, max_size=4),
    last_joiner=st.sampled_from([" và ", ", "]),
)
def test_every_count_of_news_items_in_a_list_is_read(
    outlet: str, items: list[tuple[int, str]], last_joiner: str
) -> None:
    parts = [f"{format_count(count)} {kind}" for count, kind in items]
    listed = parts[0] if len(parts) == 1 else "; ".join(parts[:-1]) + last_joiner + parts[-1]
    text = f"{outlet} {listed} về Cuộc vận động."
    assert facts_of(text) == [("media_items", D(count), False) for count, _kind in items]


def test_broadcast_programmes_are_media_items_not_conferences() -> None:
    assert facts_of("Đài Phát thanh và Truyền hình tỉnh phát sóng 38 tin, 09 phóng sự và 04 chương trình tọa đàm.") == [
        ("media_items", D(38), False),
        ("media_items", D(9), False),
        ("media_items", D(4), False),
    ]
    assert facts_of("Sở tổ chức 04 cuộc tọa đàm với doanh nghiệp.") == [("training_courses", D(4), False)]


def test_views_rebroadcasts_and_tip_offs_are_not_media_items() -> None:
    assert facts_of("Trang thông tin điện tử có trên 48.000 lượt xem các tin, bài.") == []
    assert facts_of("Hệ thống truyền thanh cơ sở phát lại 1.120 lượt tin, bài.") == []
    assert facts_of("Tiếp nhận 05 tin phản ánh của người dân về hàng giả.") == []


# --- cumulative totals and registrations ---------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(
    since=st.integers(2005, 2023),
    markets=st.integers(2, 900),
    booths=st.integers(2, 9000),
    opening=st.sampled_from(["Lũy kế từ năm {y} đến nay", "Từ năm {y} đến nay", "Tính từ năm {y} đến hết năm 2024"]),
)
def test_totals_since_an_earlier_year_are_not_the_periods_results(
    since: int, markets: int, booths: int, opening: str
) -> None:
    text = (
        f"{opening.format(y=since)}, toàn tỉnh đã tổ chức {format_count(markets)} phiên chợ hàng Việt với "
        f"{format_count(booths)} gian hàng."
    )
    assert facts_of(text) == []


def test_a_stock_reached_so_far_is_still_reported() -> None:
    assert facts_of("Lũy kế đến nay, toàn tỉnh có 286 sản phẩm OCOP đạt từ 3 sao trở lên của 171 chủ thể.") == [
        ("ocop_products", D(286), False),
        ("ocop_producers", D(171), False),
    ]


def test_the_periods_figure_after_a_cumulative_one_is_reported() -> None:
    text = "Từ năm 2011 đến nay đã tổ chức 118 phiên chợ hàng Việt, riêng năm 2024 tổ chức 12 phiên chợ hàng Việt."
    assert facts_of(text) == [("rural_markets", D(12), False)]
    assert facts_of("Từ đầu năm đến nay, tổ chức 12 phiên chợ hàng Việt.") == [("rural_markets", D(12), False)]
    assert facts_of("Từ năm 2024 đến nay, tổ chức 12 phiên chợ hàng Việt.") == [("rural_markets", D(12), False)]


@settings(max_examples=100, deadline=None)
@given(registered=st.integers(2, 900), took_part=st.integers(2, 900), who=st.sampled_from(["doanh nghiệp", "cơ sở"]))
def test_registrations_are_not_participation(registered: int, took_part: int, who: str) -> None:
    text = (
        f"Hội chợ có {format_count(registered)} {who} đăng ký tham gia; thực tế có {format_count(took_part)} {who} "
        "tham gia với 90 gian hàng."
    )
    assert facts_of(text) == [("participating_businesses", D(took_part), False), ("booths", D(90), False)]
    assert facts_of(f"Hội chợ có sự đăng ký tham gia của {format_count(registered)} {who}.") == []
    assert (
        facts_of(f"Có {format_count(registered)} {who}, hợp tác xã trong và ngoài tỉnh đăng ký tham gia hội chợ.") == []
    )


# --- the same thing counted again, and parts that give directions --------------------------------------------


def test_a_total_that_names_its_thing_briefly_counts_the_same_thing() -> None:
    assert facts_of("Thành lập mới 02 điểm bán hàng Việt “Tự hào hàng Việt Nam”, nâng tổng số lên 09 điểm.") == [
        ("viet_sale_points", D(2), False),
        ("viet_sale_points", D(9), False),
    ]
    text = "Có 12 khu dân cư “tự hào dùng hàng Việt”; toàn tỉnh có 153 khu dân cư nông thôn mới kiểu mẫu."
    assert facts_of(text) == [("model_residential_areas", D(12), False)]


def test_numbered_tasks_of_a_directions_part_stay_directions_whatever_their_words() -> None:
    passages = [
        Passage("I. KẾT QUẢ", "đoạn 1"),
        Passage("Treo 60 băng rôn tuyên truyền.", "đoạn 2"),
        Passage("III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2025", "đoạn 3"),
        Passage("1. Tiếp tục tuyên truyền trong tình hình mới.", "đoạn 4"),
        Passage("2. Phấn đấu công nhận 05 khu dân cư; thành lập mới 03 câu lạc bộ “Phụ nữ với hàng Việt”.", "đoạn 5"),
    ]
    assert [(f.indicator, f.value) for f in extract(passages).facts] == [("banners", D(60))]


def test_a_numbered_directions_heading_in_a_report_without_parts() -> None:
    passages = [
        Passage("2. Kết quả thực hiện", "đoạn 1"),
        Passage("Tổ chức 01 phiên chợ hàng Việt.", "đoạn 2"),
        Passage("4. Phương hướng, nhiệm vụ 6 tháng cuối năm 2024", "đoạn 3"),
        Passage("- Phối hợp tổ chức 01 phiên chợ hàng Việt dịp cuối năm.", "đoạn 4"),
    ]
    assert [(f.indicator, f.value) for f in extract(passages).facts] == [("rural_markets", D(1))]


def test_a_cumulative_phrase_opening_a_sentence_governs_all_its_clauses() -> None:
    text = (
        "Qua 14 năm thực hiện Cuộc vận động (2009 - 2023), tỉnh đã tổ chức 165 phiên chợ hàng Việt; các cơ quan báo "
        "chí đăng, phát hơn 3.500 tin, bài về Cuộc vận động."
    )
    assert facts_of(text) == []
    assert facts_of("Lũy kế đến nay có 286 sản phẩm OCOP; năm 2024 tổ chức 12 phiên chợ hàng Việt.") == [
        ("ocop_products", D(286), False),
        ("rural_markets", D(12), False),
    ]


def test_a_range_counts_what_its_upper_bound_counts() -> None:
    assert facts_of("Tại mỗi phiên chợ bố trí từ 30 đến 40 gian hàng.") == [
        ("booths", D(30), True),
        ("booths", D(40), True),
    ]


def test_a_share_of_a_total_counts_its_first_number() -> None:
    assert facts_of("Phường có 04/13 khu dân cư đạt khu dân cư “tự hào dùng hàng Việt”.") == [
        ("model_residential_areas", D(4), False)
    ]
    assert facts_of("Có 16/16 xã tổ chức tuyên truyền; ngày 15/6/2022 và Công văn số 2318/BC-SNN.") == []


def test_a_labelled_line_with_a_verb_before_the_figure() -> None:
    text = (
        'Khu dân cư tiêu biểu "tự hào dùng hàng Việt": xây dựng mới 06 khu, nâng tổng số toàn tỉnh lên 31 khu dân cư.'
    )
    assert facts_of(text) == [("model_residential_areas", D(6), False), ("model_residential_areas", D(31), False)]


def test_the_press_reflecting_the_campaign_is_not_a_tip_off() -> None:
    text = "Báo chí dành dung lượng phản ánh Cuộc vận động: Báo Bình Định đã đăng 56 tin, bài, ảnh."
    assert facts_of(text) == [("media_items", D(56), False)]
