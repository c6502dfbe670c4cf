"""The drafted Báo cáo gives the registries' de-duplicated figures with their qualifier, and says where they
come from; figures no registry computes stay the sum of the accepted reports."""

from __future__ import annotations

import datetime

import pytest

from hangviet.consolidation.tests.test_registry_totals import record_2023_h1
from hangviet.documents.compose import compose_report
from hangviet.orgs.tests.factories import World
from hangviet.registry import actions as registry_actions

pytestmark = pytest.mark.django_db


def test_the_report_counts_the_co_organised_conference_once_and_says_the_figure_is_from_the_registry(
    world: World,
) -> None:
    period = record_2023_h1(world)
    text = " ".join(block.text for block in compose_report(world.vinh_long, period).blocks)
    assert "Tổ chức 01 hội nghị, chuyến kết nối cung cầu, giao thương^[Số liệu theo sổ theo dõi" in text
    assert (
        "mỗi sự kiện tính một lần dù nhiều đơn vị cùng tổ chức: 01 cuộc; các báo cáo đơn vị cộng lại 2 cuộc.]" in text
    )
    assert "Doanh thu tại các hội chợ, phiên chợ đạt khoảng 1,7 tỷ đồng^[" in text
    assert "khoảng khoảng" not in text
    assert ": khoảng 1,7 tỷ đồng; các báo cáo đơn vị cộng lại 2,55 tỷ đồng.]" in text
    assert "Treo 45 băng rôn" in text  # no registry: the reports' sum, with their details
    assert "^[Gồm: Sở Công Thương 40 cái; Sở Y tế 5 cái.]" in text


def test_the_annex_marks_the_registry_totals(world: World) -> None:
    period = record_2023_h1(world)
    annex = compose_report(world.vinh_long, period).annexes[0]
    by_name = {line[1]: line[3] for line in annex.rows}
    assert by_name["Số hội nghị, chuyến kết nối cung cầu, giao thương"] == "1 (*)"
    assert by_name["Doanh thu tại hội chợ, phiên chợ"] == "khoảng 1.700.000.000 (*)"
    assert "(*) Tổng cộng theo sổ theo dõi, mỗi sự kiện tính một lần" in annex.note


def test_an_ocop_stock_from_the_registry_is_dated(world: World) -> None:
    product = registry_actions.record_product(world.tv_agency, name="Mật hoa dừa", producer=None, acting_user=None)
    registry_actions.recognise_product(product, stars=4, decided_on=datetime.date(2022, 5, 1), acting_user=None)
    period = record_2023_h1(world)
    text = " ".join(block.text for block in compose_report(world.vinh_long, period).blocks)
    assert "Đến nay, có 01 sản phẩm được công nhận OCOP đạt hạng 3 sao trở lên" in text
    assert "^[Số liệu theo sổ theo dõi, tính đến ngày 14/6/2023: 01 sản phẩm.]" in text
