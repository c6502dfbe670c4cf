"""Headings as offices write them. The lists in ``test_headings_never_seen_while_writing_the_rules`` were written
after the rules in ``importing/headings.py``, from how other provinces head their lists, and were not used to
tune them: they check that the rules generalise."""

from __future__ import annotations

import pytest

from hangviet.registry.importing.engine import import_file
from hangviet.registry.importing.headings import KINDS, heading_words, match_headings
from hangviet.registry.models import Event, OcopProduct, SalePoint
from hangviet.registry.tests.listfiles import xlsx

pytestmark = pytest.mark.django_db


def _fields(kind: str, headings: list[str]) -> dict[str, str]:
    mapping = match_headings(KINDS[kind], headings)
    return {name: headings[column] for name, column in mapping.columns.items()}


def test_heading_words_spell_out_abbreviations_and_keep_compounds_apart():
    assert heading_words("Tên SP") == ("ten", "san", "pham")
    assert heading_words("Huyện/TX/TP") == ("huyen", "thi_xa", "thanh_pho")
    assert heading_words("Số, ngày QĐ") == ("so", "ngay", "quyet", "dinh")
    assert heading_words("Tên\nsản   phẩm") == ("ten", "san", "pham")


def test_the_headings_named_in_the_issue_are_read():
    assert _fields("ocop", ["Tên sản phẩm", "Hạng sao", "Chủ thể", "Địa chỉ", "Năm công nhận", "Quyết định"]) == {
        "name": "Tên sản phẩm",
        "stars": "Hạng sao",
        "producer": "Chủ thể",
        "address": "Địa chỉ",
        "year": "Năm công nhận",
        "decision": "Quyết định",
    }
    assert _fields("ocop", ["Sản phẩm", "Số sao", "Cơ sở sản xuất", "Số QĐ", "Ngày quyết định"])["decided_on"] == (
        "Ngày quyết định"
    )
    assert _fields("ocop", ["Tên SP", "Xếp hạng", "Tên chủ thể", "Đơn vị sản xuất"])["producer"] in (
        "Tên chủ thể",
        "Đơn vị sản xuất",
    )


def test_the_longer_phrase_and_the_head_noun_decide_between_fields():
    fields = _fields(
        "ocop", ["Nhóm sản phẩm", "Tên sản phẩm", "Địa chỉ chủ thể", "Tên chủ thể", "Xã/Phường", "Huyện/TX", "Tỉnh/TP"]
    )
    assert fields == {
        "category": "Nhóm sản phẩm",
        "name": "Tên sản phẩm",
        "address": "Địa chỉ chủ thể",
        "producer": "Tên chủ thể",
        "commune": "Xã/Phường",
        "district": "Huyện/TX",
        "province": "Tỉnh/TP",
    }
    assert "stars" not in _fields("ocop", ["Tên sản phẩm", "Ngành hàng", "Nhóm hàng"])  # "hàng" (goods) is not "hạng"


def test_headings_never_seen_while_writing_the_rules(world):
    ocop = [
        [
            "Số TT",
            "Tên gọi sản phẩm",
            "Chủ thể (HTX/DN/Hộ KD)",
            "Địa chỉ trụ sở chính",
            "Kết quả phân hạng",
            "Năm được công nhận",
            "Ghi chú",
        ],
        [1, "Trà mãng cầu", "HTX Nông nghiệp Mỹ Hòa", "xã Phú Cần, huyện Tiểu Cần", "4 sao", 2022, ""],
        [2, "Bánh pía sầu riêng", "Cơ sở Tấn Phát", "phường 1, thành phố Trà Vinh", "3 sao", 2021, "tái công nhận"],
    ]
    result = import_file(xlsx(ocop), "ocop.xlsx", "ocop", world.tra_vinh, dry_run=False, acting_user=None)
    assert (result.created, result.summary()["refused"], result.unresolved_places) == (2, [], 0)
    assert sorted(OcopProduct.objects.values_list("name", "producer__name", "recognitions__stars")) == [
        ("Bánh pía sầu riêng", "Cơ sở Tấn Phát", 3),
        ("Trà mãng cầu", "HTX Nông nghiệp Mỹ Hòa", 4),
    ]
    points = [
        ["STT", "Tên điểm bán hàng Việt", "Địa chỉ điểm bán", "Loại điểm", "Ghi chú"],
        [
            1,
            "Điểm bán Tự hào hàng Việt Nam – Co.op Trà Vinh",
            "phường 1, thành phố Trà Vinh",
            "Tự hào hàng Việt Nam",
            "",
        ],
    ]
    result = import_file(xlsx(points), "diem-ban.xlsx", "salepoints", world.tra_vinh, dry_run=False, acting_user=None)
    assert result.created == 1 and SalePoint.objects.get().kind == "proud_viet"
    events = [
        [
            "STT",
            "Nội dung hoạt động",
            "Thời gian thực hiện",
            "Địa điểm tổ chức",
            "Số lượng doanh nghiệp tham gia",
            "Tổng doanh thu (đồng)",
            "Đơn vị chủ trì",
        ],
        [
            1,
            "Phiên chợ hàng Việt về xã Long Hòa",
            "20/5/2023",
            "xã Long Hòa, huyện Châu Thành",
            30,
            "1,2 tỷ",
            "Sở Công Thương",
        ],
    ]
    result = import_file(xlsx(events), "su-kien.xlsx", "events", world.tra_vinh, dry_run=False, acting_user=None)
    event = Event.objects.get()
    assert (result.created, event.kind, event.businesses, event.revenue_vnd) == (1, "rural_market", 30, 1_200_000_000)
