"""Labels and organisation names as plans write them (plans/labels.py): every rule is tested from its own example."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hangviet.plans.labels import (
    LABELS,
    ORGANISATION_HEADS,
    label_field,
    lead_and_coordinating,
    looks_like_organisation,
    organisation_head,
    split_fields,
    split_units,
)


@pytest.mark.parametrize("rule", LABELS, ids=lambda rule: rule.name)
def test_every_label_rule_reads_its_example_and_not_its_counter_example(rule) -> None:
    label = rule.example.split(":", 1)[0]
    assert label_field(label) == rule.field
    counter = rule.not_this.split(":", 1)[0]
    assert label_field(counter) != rule.field or rule.field == "other" and label_field(counter) is None


@pytest.mark.parametrize("head", ORGANISATION_HEADS, ids=lambda head: head.words)
def test_every_organisation_head_reads_its_example(head) -> None:
    assert organisation_head(head.example) is not None
    assert looks_like_organisation(head.example)


@pytest.mark.parametrize(
    ("label", "field"),
    [
        ("Đơn vị chủ trì", "lead"),
        ("Cơ quan chủ trì thực hiện", "lead"),
        ("Chủ trì", "lead"),
        ("Thực hiện", "lead"),
        ("Đơn vị tham mưu", "lead"),
        ("Trách nhiệm thực hiện", "lead"),
        ("Phân công", "lead"),
        ("Đơn vị", "lead"),
        ("ĐV chủ trì", "lead"),
        ("CQ chủ trì, phối hợp", "lead"),  # both named: the value says which is which
        ("Đơn vị phối hợp", "coordinating"),
        ("Phối hợp thực hiện", "coordinating"),
        ("ĐV PH", "coordinating"),
        ("Thời gian", "when"),
        ("Thời gian thực hiện dự kiến", "when"),
        ("Dự kiến thời gian", "when"),
        ("Thời gian tổ chức cuộc thi", "when"),
        ("Thời hạn hoàn thành", "when"),
        ("Tiến độ thực hiện", "when"),
        ("TG thực hiện", "when"),
        ("Dự kiến", "when"),
        ("Hạn hoàn thành", "when"),
        ("Đơn vị tham gia", "coordinating"),
        ("Thành phần tham gia", "other"),
        ("Nội dung", "content"),
        ("Nội dung và thời gian", "content"),  # its "+" lines carry the times
        ("Tên nhiệm vụ", "content"),
        ("Kinh phí thực hiện", "other"),  # not a lead unit although it says "thực hiện"
        ("Sản phẩm", "output"),
    ],
)
def test_a_label_is_known_by_its_head_words_whatever_surrounds_them(label: str, field: str) -> None:
    assert label_field(label) == field
    assert label_field(label.upper()) == field
    assert label_field(unicodedata.normalize("NFD", label)) == field


@pytest.mark.parametrize(
    "phrase",
    [
        "Sở Công Thương",
        "Chế độ thông tin báo cáo",
        "Phối hợp với Sở Công Thương và Trung tâm Xúc tiến Đầu tư tổ chức hội chợ",  # a sentence, not a label
        "Hội nghị quán triệt Văn bản của Trung ương",
        "",
    ],
)
def test_names_and_sentences_before_a_colon_are_no_labels(phrase: str) -> None:
    assert label_field(phrase) is None


@given(
    qualifier=st.sampled_from(["", "Đơn vị ", "Cơ quan ", "ĐV ", "Bộ phận ", "Cơ quan, đơn vị "]),
    head=st.sampled_from(["chủ trì", "thực hiện", "tham mưu", "phụ trách"]),
    extra=st.sampled_from(["", " thực hiện", " chính", " dự kiến"]),
    case=st.sampled_from([str, str.upper, str.lower, str.title]),
)
def test_a_lead_label_tolerates_qualifiers_extra_words_and_case(qualifier: str, head: str, extra: str, case) -> None:
    assert label_field(case(f"{qualifier}{head}{extra}")) == "lead"


@given(
    qualifier=st.sampled_from(["", "Dự kiến ", "Mốc "]),
    extra=st.sampled_from(["", " thực hiện", " hoàn thành", " tổ chức", " thực hiện dự kiến"]),
)
def test_a_time_label_is_a_time_even_when_it_says_who_or_what(qualifier: str, extra: str) -> None:
    assert label_field(f"{qualifier}Thời gian{extra}") == "when"


def test_several_fields_on_one_line_are_each_read() -> None:
    assert split_fields("Đơn vị thực hiện: Ban Kinh tế - Xã hội. Thời gian: Quý IV/2026.") == (
        "",
        [("lead", "Ban Kinh tế - Xã hội"), ("when", "Quý IV/2026")],
    )
    assert split_fields("Chủ trì: Ban Tuyên giáo, phối hợp: Hội LHPN tỉnh; thời gian: Quý II/2026") == (
        "",
        [("lead", "Ban Tuyên giáo"), ("coordinating", "Hội LHPN tỉnh"), ("when", "Quý II/2026")],
    )
    assert split_fields("Chủ trì tham mưu UBND tỉnh giai đoạn 2026 - 2030. Thời gian: Quý II/2026.") == (
        "Chủ trì tham mưu UBND tỉnh giai đoạn 2026 - 2030.",
        [("when", "Quý II/2026")],
    )
    assert split_fields("Hội nghị quán triệt Văn bản của Trung ương, thành phố: Quý III/2024.")[1] == []


@pytest.mark.parametrize(
    ("text", "lead", "coordinating"),
    [
        (
            "Ban Thường trực Ủy ban MTTQ tỉnh, các ngành thành viên",
            "Ban Thường trực Ủy ban MTTQ tỉnh",
            ["các ngành thành viên"],
        ),
        (
            "Sở Công Thương chủ trì, phối hợp với Liên minh Hợp tác xã tỉnh và Hiệp hội Doanh nghiệp tỉnh.",
            "Sở Công Thương",
            ["Liên minh Hợp tác xã tỉnh", "Hiệp hội Doanh nghiệp tỉnh"],
        ),
        (
            "Ban Thường trực Ủy ban MTTQ Việt Nam phường chủ trì; Hội Liên hiệp Phụ nữ phường, Đoàn Thanh niên phường"
            " phối hợp",
            "Ban Thường trực Ủy ban MTTQ Việt Nam phường",
            ["Hội Liên hiệp Phụ nữ phường", "Đoàn Thanh niên phường"],
        ),
        (
            "Tổ giúp việc Ban Chỉ đạo phối hợp cùng các đơn vị có liên quan.",
            "Tổ giúp việc Ban Chỉ đạo",
            ["các đơn vị có liên quan"],
        ),
        ("Văn phòng chủ trì, các ban phối hợp", "Văn phòng", ["các ban"]),
        (
            "Chủ trì: Hội Liên hiệp Phụ nữ tỉnh; Phối hợp: Sở Công Thương",
            "Hội Liên hiệp Phụ nữ tỉnh",
            ["Sở Công Thương"],
        ),
        ("Giao Sở Công Thương chủ trì, phối hợp với Sở Tài chính", "Sở Công Thương", ["Sở Tài chính"]),
        (
            "Công an phường; Phòng Kinh tế, Hạ tầng và Đô thị phường",
            "Công an phường",
            ["Phòng Kinh tế, Hạ tầng và Đô thị phường"],
        ),
        ("Sở Văn hóa, Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch", []),
        (
            "Ban Thường trực Ủy ban MTTQ tỉnh - cơ quan thường trực",
            "Ban Thường trực Ủy ban MTTQ tỉnh",
            ["cơ quan thường trực"],
        ),
        ("Đài Phát thanh - Truyền hình tỉnh", "Đài Phát thanh - Truyền hình tỉnh", []),
        ("Báo và Phát thanh, Truyền hình Vĩnh Long.", "Báo và Phát thanh, Truyền hình Vĩnh Long", []),
        ("Các sở, ban, ngành, đoàn thể tỉnh", "Các sở, ban, ngành, đoàn thể tỉnh", []),
        ("Ban Tuyên giáo và Dân vận Tỉnh ủy (chỉ đạo các cơ quan báo chí)", "Ban Tuyên giáo và Dân vận Tỉnh ủy", []),
        ("", "", []),
    ],
)
def test_one_lead_and_the_coordinating_units_as_the_text_says(text: str, lead: str, coordinating: list[str]) -> None:
    assert lead_and_coordinating(text) == (lead, coordinating)


@pytest.mark.parametrize(
    "topic",
    [
        "Hội nghị sơ kết 6 tháng",
        "Sơ kết, tổng kết",
        "Báo cáo kết quả thực hiện",
        "Phòng, chống hàng giả",
        "Ban hành kế hoạch kiểm tra",
        "Các cuộc họp, hội nghị của Ban Chỉ đạo",
        "Tổ chức phiên chợ hàng Việt",
        "Sở Công Thương chủ trì, phối hợp với các đơn vị tổ chức hội chợ",
    ],
)
def test_a_topic_is_not_an_organisation(topic: str) -> None:
    assert not looks_like_organisation(topic)


@given(st.text(max_size=300))
def test_splitting_units_never_loses_a_name_nor_raises(text: str) -> None:
    units = split_units(text)
    assert all(unit.strip() == unit and unit for unit in units)
    lead, coordinating = lead_and_coordinating(text)
    assert isinstance(lead, str) and isinstance(coordinating, list)


@given(
    names=st.lists(
        st.sampled_from(
            [
                "Sở Công Thương",
                "Sở Văn hóa, Thể thao và Du lịch",
                "Hội Liên hiệp Phụ nữ tỉnh",
                "Đài Phát thanh - Truyền hình tỉnh",
                "Liên minh Hợp tác xã tỉnh",
                "Ủy ban MTTQ Việt Nam các huyện, thị xã, thành phố",
                "Chi cục Quản lý thị trường tỉnh",
            ]
        ),
        min_size=1,
        max_size=4,
        unique=True,
    ),
    separator=st.sampled_from([", ", "; ", " và "]),
)
def test_a_list_of_units_splits_into_the_units_written(names: list[str], separator: str) -> None:
    assert split_units(separator.join(names)) == names
