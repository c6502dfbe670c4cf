"""Importing the lists offices keep: tolerant headings, old addresses through the lineage, matching, refusals with
their reasons, dry runs that write nothing, and all-or-nothing imports."""

from __future__ import annotations

import datetime
import unicodedata

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hangviet.audit.models import AuditEvent
from hangviet.lib.text import fold_diacritics
from hangviet.registry import actions
from hangviet.registry.figures import figures_for_unit
from hangviet.registry.importing import planners
from hangviet.registry.importing.engine import import_file
from hangviet.registry.importing.reading import FileRefused
from hangviet.registry.importing.text import fold
from hangviet.registry.models import (
    Club,
    Event,
    ModelArea,
    OcopProduct,
    OcopRecognition,
    Place,
    PlaceArea,
    Producer,
    SalePoint,
)
from hangviet.registry.places import resolve_text
from hangviet.registry.tests.listfiles import OCOP_HEADINGS, csv_bytes, xlsx
from hangviet.units.models import Unit

pytestmark = pytest.mark.django_db
TITLES = ["ỦY BAN NHÂN DÂN TỈNH TRÀ VINH", "DANH SÁCH SẢN PHẨM OCOP ĐÃ ĐƯỢC CÔNG NHẬN"]


def _ocop(world, rows, *, dry_run=False, recorded_by=None, name="ocop.xlsx", headings=OCOP_HEADINGS, **kwargs):
    content = (
        xlsx([headings, *rows], titles=TITLES, **kwargs) if name.endswith(".xlsx") else csv_bytes([headings, *rows])
    )
    return import_file(content, name, "ocop", recorded_by or world.vinh_long, dry_run=dry_run, acting_user=None)


def _registry_counts() -> dict[str, int]:
    models = (Producer, OcopProduct, OcopRecognition, Place, PlaceArea, SalePoint, Event, ModelArea, Club, AuditEvent)
    return {model.__name__: model.objects.count() for model in models}


def _current(name: str, province_code: str = "86") -> Unit:
    province = Unit.objects.get(edition=Unit.Edition.CURRENT, level=Unit.Level.PROVINCE, code=province_code)
    return Unit.objects.get(edition=Unit.Edition.CURRENT, level=Unit.Level.COMMUNE, parent=province, name=name)


def test_an_ocop_list_with_titles_above_its_headings_creates_products_producers_and_recognitions(world):
    result = _ocop(
        world,
        [
            [
                1,
                "Mật hoa dừa",
                "HTX Mật hoa dừa Trà Vinh",
                "xã Phú Cần, huyện Tiểu Cần",
                "4 sao",
                "12/QĐ-UBND",
                "15/03/2021",
            ],
            [
                2,
                "Kẹo dừa",
                "HTX Mật hoa dừa Trà Vinh",
                "xã Phú Cần, huyện Tiểu Cần",
                "3*",
                "12/QĐ-UBND",
                datetime.date(2021, 3, 15),
            ],
            [
                3,
                "Mật hoa dừa",
                "HTX Mật hoa dừa Trà Vinh",
                "xã Phú Cần, huyện Tiểu Cần",
                "Hạng 5 sao",
                "88/QĐ-UBND",
                "2023-02-01",
            ],
        ],
    )
    assert result.summary() == {"created": 2, "matched": 1, "refused": [], "unresolved_places": 0}
    producer = Producer.objects.get()
    assert (producer.name, producer.legal_form, producer.source) == (
        "HTX Mật hoa dừa Trà Vinh",
        "cooperative",
        "import",
    )
    honey = OcopProduct.objects.get(name="Mật hoa dừa")
    assert [(r.stars, r.decided_on) for r in honey.recognitions.order_by("decided_on")] == [
        (4, datetime.date(2021, 3, 15)),
        (5, datetime.date(2023, 2, 1)),
    ]
    assert honey.place_id == producer.place_id  # made at its producer's address
    assert honey.recognitions.first().valid_to == datetime.date(2024, 3, 14)  # the configured validity, 36 months
    assert AuditEvent.objects.filter(action="registry.imported").count() == 1  # one event for the whole list


def test_star_values_written_as_offices_write_them(world):
    written = ["3", "3 sao", "3*", "4★", "Hạng 4 sao", "★★★★★", 5, 4.0, "6 sao", "ba sao", "2", "3 hoặc 4"]
    rows = [[i, f"Sản phẩm {i}", "", "", value, "", "01/06/2022"] for i, value in enumerate(written, start=1)]
    result = _ocop(world, rows, dry_run=True)
    outcomes = {row.row: row for row in result.outcomes}
    first_data = 5  # two titles, a blank row, the headings
    accepted = [outcomes[first_data + i].outcome for i in range(8)]
    assert accepted == ["created"] * 8
    for i, value in enumerate(["6 sao", "ba sao", "2", "3 hoặc 4"], start=8):
        refused = outcomes[first_data + i]
        assert refused.outcome == "refused"
        assert refused.note.startswith(f"Hạng sao “{value}” không hợp lệ: chỉ nhận 3, 4 hoặc 5 sao")


def test_each_kind_of_bad_row_is_refused_with_its_reason_and_the_rest_imports(world):
    rows = [
        [1, "Sản phẩm tốt", "Cơ sở A", "xã Phú Cần, huyện Tiểu Cần", "4", "", "15/03/2021"],
        [2, "Ngày không có thật", "Cơ sở A", "", "4", "", "31/02/2021"],
        [3, "Công thức", "Cơ sở A", "", "=3+1", "", "15/03/2021"],
        [4, "", "Cơ sở A", "", "", "", "15/03/2021"],
        [5, "Không ngày", "Cơ sở A", "", "4", "", ""],
        [6, "Sản phẩm tốt", "Cơ sở A", "xã Phú Cần, huyện Tiểu Cần", "4", "", "15/03/2021"],
        [7, "Ngày sau này", "Cơ sở A", "", "4", "", "01/01/2029"],
        [8, "Lỗi Excel", "Cơ sở A", "", "4", "", "#REF!"],
    ]
    result = _ocop(world, rows, formulas=True)
    reasons = {row["row"]: row["reason"] for row in result.summary()["refused"]}
    assert result.created == 1 and len(reasons) == 7
    assert reasons[6] == "Cột “Ngày quyết định”: Ngày “31/02/2021” không có thật (ngày/tháng/năm sai)."
    assert reasons[7].startswith("Cột “Hạng sao”: Ô chứa công thức “=3+1”; hệ thống không tính công thức")
    assert reasons[8] == "Thiếu “Tên sản phẩm”, “Hạng sao”."
    assert reasons[9] == "Thiếu ngày quyết định hoặc năm công nhận."
    assert reasons[10] == "Trùng với dòng 5 trong tệp."
    assert "sau hôm nay" in reasons[11]
    assert "lỗi Excel “#REF!”" in reasons[12]
    assert OcopProduct.objects.count() == 1


def test_csv_cells_that_look_like_formulas_or_hold_nul_are_refused_and_never_run(world):
    headings = ["Tên sản phẩm", "Hạng sao", "Năm công nhận", "Chủ thể"]
    rows = [
        ["+SUM(A1:A3)", "4", "2022", ""],
        ["Bánh", "4", "2022", "-2+3"],
        ["Kẹo", "4", "2022", "@SUM(1,2)"],
        ["Mắm", "4", "2022", '=HYPERLINK("http://x")'],
        ["Tương", "4", "2022", "-cmd|' /C calc'!A0"],
        ["Mật\x00ong", "4", "2022", ""],
        ["Cá khô", "4", "2022", "+84 912 345 678"],  # a telephone number is not a formula
        ["Khô mực", "4", "2022", "- Cơ sở Ba Lượng"],
    ]
    result = import_file(
        csv_bytes([headings, *rows]), "ocop.csv", "ocop", world.vinh_long, dry_run=True, acting_user=None
    )
    reasons = {row["row"]: row["reason"] for row in result.summary()["refused"]}
    assert sorted(reasons) == [2, 3, 4, 5, 6, 7]
    assert all("công thức" in reasons[row] for row in (2, 3, 4, 5, 6))
    assert "NUL" in reasons[7]
    assert result.created == 2
    warned = [row for row in result.outcomes if row.outcome == "created"]
    assert all("chỉ có năm 2022: ghi là 31/12/2022" in row.warnings[0] for row in warned)


def test_a_year_alone_dates_the_recognition_on_31_december_and_counts_from_then(world):
    _ocop(world, [[1, "Bánh tét", "", "phường 1, thành phố Trà Vinh", "3", "", "2022"]])
    recognition = OcopRecognition.objects.get()
    assert recognition.decided_on == datetime.date(2022, 12, 31)
    vinh_long = world.vinh_long.unit
    assert "ocop_products" not in figures_for_unit(vinh_long, datetime.date(2022, 6, 15), datetime.date(2022, 12, 14))
    assert (
        figures_for_unit(vinh_long, datetime.date(2022, 12, 15), datetime.date(2023, 6, 14))["ocop_products"].value == 1
    )


def test_old_tra_vinh_and_ben_tre_addresses_land_in_todays_communes_of_vinh_long(world):
    headings = [
        "TT",
        "Tên SP",
        "Cơ sở sản xuất",
        "Ấp/Khóm",
        "Xã/Phường",
        "Huyện/TX/TP",
        "Tỉnh/TP",
        "Số sao",
        "Năm công nhận",
    ]
    rows = [
        [
            1,
            "Bánh tét Trà Cuôn",
            "Hộ kinh doanh Hai Ứng",
            "ấp Cồn Chim",
            "Hòa Minh",
            "Châu Thành",
            "Trà Vinh",
            "3",
            "2021",
        ],
        [2, "Kẹo dừa Mỏ Cày", "Cơ sở Thanh Long", "", "xã An Thạnh", "huyện Mỏ Cày Nam", "tỉnh Bến Tre", "4", "2021"],
        [3, "Bưởi da xanh", "HTX Phú Túc", "", "X. Phú Túc", "H. Châu Thành", "Bến Tre", "4", "2020"],
        [4, "Mắm tép", "Cơ sở Sáu Dư", "ấp Rạch Dừa", "Đại Phước", "Càng Long", "", "3", "2022"],
    ]
    result = import_file(xlsx([headings, *rows]), "ocop.xlsx", "ocop", world.vinh_long, dry_run=False, acting_user=None)
    assert result.summary()["refused"] == [] and result.unresolved_places == 0
    vinh_long = world.vinh_long.unit
    landed = {
        "Bánh tét Trà Cuôn": _current("Xã Hòa Minh"),
        "Kẹo dừa Mỏ Cày": _current("Xã Mỏ Cày"),
        "Bưởi da xanh": _current("Xã Phú Túc"),
        "Mắm tép": _current("Xã Nhị Long"),
    }
    for name, commune in landed.items():
        product = OcopProduct.objects.get(name=name)
        areas = set(product.place.areas.values_list("unit_id", flat=True))
        assert {commune.pk, vinh_long.pk} <= areas, name
        assert product.place.unit.valid_to is not None  # the old commune, as the list wrote it
    cuon = OcopProduct.objects.get(name="Bánh tét Trà Cuôn").place
    assert (cuon.text, cuon.locality) == ("ấp Cồn Chim, Hòa Minh, Châu Thành, Trà Vinh", "ấp Cồn Chim")
    shown = {row.summary.split(" – ")[0]: row.place for row in result.outcomes}
    assert shown["Bánh tét Trà Cuôn"].endswith("→ nay Xã Hòa Minh, Tỉnh Vĩnh Long")
    found = figures_for_unit(vinh_long, datetime.date(2023, 6, 15), datetime.date(2023, 12, 14))
    assert found["ocop_products"].value == 4
    assert (
        figures_for_unit(world.tra_vinh.unit, datetime.date(2023, 6, 15), datetime.date(2023, 12, 14))[
            "ocop_products"
        ].value
        == 2
    )


def test_a_place_that_resolves_to_nothing_is_kept_as_written_flagged_and_counted(world):
    result = _ocop(
        world,
        [
            [1, "Trà sen", "Cơ sở Ao Bà Om", "Khu Di tích Ao Bà Om", "3", "", "10/10/2022"],
            [2, "Mứt", "Cơ sở B", "", "3", "", "10/10/2022"],
        ],
        recorded_by=world.tra_vinh,
    )
    assert result.unresolved_places == 2 and result.created == 2
    place = OcopProduct.objects.get(name="Trà sen").place
    assert (place.text, place.unit_id, place.context_unit_id) == ("Khu Di tích Ao Bà Om", None, world.tra_vinh.unit_id)
    assert world.tra_vinh.unit_id in set(place.areas.values_list("unit_id", flat=True))
    assert "giữ nguyên như đã ghi" in result.outcomes[0].warnings[0]


def test_a_dry_run_writes_nothing_and_shows_what_the_real_run_does(world):
    rows = [
        [1, "Mật hoa dừa", "HTX Mật hoa dừa", "xã Phú Cần, huyện Tiểu Cần", "4", "", "15/03/2021"],
        [2, "Kẹo dừa", "", "", "7", "", "15/03/2021"],
    ]
    before = _registry_counts()
    preview = _ocop(world, rows, dry_run=True)
    assert _registry_counts() == before
    real = _ocop(world, rows)
    assert [(o.row, o.outcome, o.note) for o in preview.outcomes] == [(o.row, o.outcome, o.note) for o in real.outcomes]


def test_a_crash_mid_import_leaves_nothing_behind(world, monkeypatch):
    rows = [[i, f"Sản phẩm {i}", f"Cơ sở {i}", "xã Phú Cần, huyện Tiểu Cần", "4", "", "15/03/2021"] for i in range(30)]
    before = _registry_counts()
    calls = []

    def crash_on_the_15th(day):
        calls.append(day)
        if len(calls) == 15:  # places, producers and products are written by now
            raise RuntimeError("the worker was killed while writing the recognitions")
        return day

    monkeypatch.setattr(planners, "ocop_validity_end", crash_on_the_15th)
    with pytest.raises(RuntimeError):
        _ocop(world, rows)
    assert _registry_counts() == before  # products and producers written before the crash are gone too


def test_importing_the_same_list_again_matches_instead_of_doubling(world):
    actions_producer = actions.create_producer(world.vinh_long, name="Hợp tác xã Mỹ Hòa", acting_user=None)
    actions.add_alias(actions_producer, "HTX Mỹ Hòa", acting_user=None)
    rows = [
        [1, "Gạo Mỹ Hòa", "HTX Mỹ Hòa", "xã Phú Cần, huyện Tiểu Cần", "3", "", "01/02/2021"],
        [2, "Bánh canh", "Cơ sở Bé Năm", "xã Phú Cần, huyện Tiểu Cần", "3", "", "01/02/2021"],
    ]
    first = _ocop(world, rows)
    assert first.created == 2 and Producer.objects.count() == 2  # the alias matched the existing producer
    again = _ocop(world, [*rows, [3, "Gạo Mỹ Hòa", "hợp tác xã mỹ hòa", "", "4", "", "01/02/2024"]])
    assert (again.created, again.matched) == (0, 3)
    assert OcopProduct.objects.count() == 2
    assert list(OcopProduct.objects.get(name="Gạo Mỹ Hòa").recognitions.values_list("stars", flat=True)) == [3, 4]
    assert again.outcomes[2].note == "Đã có trong sổ: thêm công nhận"


def test_another_organisations_product_is_matched_and_left_to_it(world):
    rows = [[1, "Gạo Mỹ Hòa", "HTX Mỹ Hòa", "", "3", "", "01/02/2021"]]
    _ocop(world, rows, recorded_by=world.an_giang)
    result = _ocop(world, [[1, "Gạo Mỹ Hòa", "HTX Mỹ Hòa", "", "4", "", "01/02/2024"]])
    assert result.matched == 1 and OcopRecognition.objects.count() == 1
    assert "Đã có trong sổ của Ban Chỉ đạo Tỉnh An Giang" in result.outcomes[0].note


def test_a_mislabelled_file_is_refused_whole_naming_the_columns_expected(world):
    headings = ["Họ và tên", "Chức vụ", "Đơn vị công tác", "Số điện thoại"]
    content = xlsx([headings, ["Nguyễn Văn A", "Phó Chủ tịch", "UBND xã", "0912345678"]])
    with pytest.raises(FileRefused) as refusal:
        import_file(content, "can-bo.xlsx", "ocop", world.vinh_long, dry_run=True, acting_user=None)
    message = str(refusal.value)
    assert "Không nhận ra dòng tiêu đề của danh sách sản phẩm ocop" in message
    assert "Tên sản phẩm (ví dụ “Tên SP”), Hạng sao (ví dụ “Số sao đạt”)" in message
    assert "“Họ và tên”" in message


def test_a_list_of_50_000_rows_is_refused_whole(world):
    rows = [["Tên sản phẩm", "Hạng sao", "Năm công nhận"]] + [[f"Sản phẩm {i}", "3", "2022"] for i in range(50_000)]
    before = _registry_counts()
    with pytest.raises(FileRefused) as refusal:
        import_file(csv_bytes(rows), "ocop.csv", "ocop", world.vinh_long, dry_run=False, acting_user=None)
    assert str(refusal.value).startswith("Danh sách có hơn 30.000 dòng; mỗi lần nhập tối đa 30.000 dòng")
    assert _registry_counts() == before


@pytest.mark.parametrize(
    ("encoding", "delimiter"),
    [("utf-8-sig", ";"), ("utf-8", ","), ("utf-16", "\t"), ("cp1258", ";")],
)
def test_csv_in_the_encodings_and_delimiters_excel_writes(world, encoding, delimiter):
    rows = [
        ["Tên sản phẩm", "Hạng sao", "Ngày công nhận", "Địa chỉ"],
        ["Bánh pía", "4", "05/05/2022", "xã Phú Cần, huyện Tiểu Cần"],
    ]
    content = csv_bytes(rows, delimiter=delimiter, encoding=encoding)
    result = import_file(content, "ocop.csv", "ocop", world.vinh_long, dry_run=True, acting_user=None)
    assert result.created == 1 and result.unresolved_places == 0
    assert result.outcomes[0].summary.startswith("Bánh pía – 4 sao (05/5/2022)")


def test_group_titles_numbering_and_total_rows_are_skipped(world):
    rows = [
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        ["I. Huyện Tiểu Cần"],
        [1, "Mật hoa dừa", "HTX A", "xã Phú Cần, huyện Tiểu Cần", "4", "", "15/03/2021"],
        ["Tổng cộng: 01 sản phẩm"],
        ["Người lập biểu"],
    ]
    result = _ocop(world, rows, dry_run=True)
    assert (len(result.outcomes), result.created, result.skipped) == (1, 1, 3)


def test_sale_points_from_the_footnote_six_stores(world):
    headings = ["STT", "Tên cửa hàng, điểm bán", "Địa chỉ", "Loại hình"]
    stores = [
        [1, "Cửa hàng đặc sản quê Hai Ứng", "ấp Cồn Chim, xã Hòa Minh, huyện Châu Thành", "Cửa hàng OCOP"],
        [2, "Cửa hàng tại Khu Du lịch biển Ba Động", "Khu Du lịch biển Ba Động", "Cửa hàng OCOP"],
        [3, "Cửa hàng tại Khu Di tích Ao Bà Om", "Khu Di tích Ao Bà Om", "Cửa hàng OCOP"],
        [4, "Cửa hàng ngang nhà thi đấu", "đường 19/5", "Cửa hàng OCOP"],
        [5, "Điểm dừng chân Sáu Dư", "ấp Rạch Dừa, xã Đại Phước, huyện Càng Long", ""],
        [
            6,
            "Cửa hàng của Liên Minh HTX tỉnh Trà Vinh",
            "số 40, đường Nguyễn Thái Học, phường 1, thành phố Trà Vinh",
            "OCOP",
        ],
        [7, "Cửa hàng lạ", "phường 1, thành phố Trà Vinh", "Nhà sách"],
    ]
    result = import_file(
        xlsx([headings, *stores]), "cua-hang.xlsx", "salepoints", world.tra_vinh, dry_run=False, acting_user=None
    )
    assert (result.created, result.unresolved_places) == (6, 3)
    assert result.refused[0].note.startswith("Không rõ loại điểm bán “Nhà sách”")
    assert SalePoint.objects.get(name="Điểm dừng chân Sáu Dư").kind == "ocop_stop"
    store = SalePoint.objects.get(name__startswith="Cửa hàng của Liên Minh")
    assert store.place.street_address == "số 40, đường Nguyễn Thái Học"
    assert _current("Phường Trà Vinh").pk in set(store.place.areas.values_list("unit_id", flat=True))
    end = datetime.date(2023, 6, 14)
    assert figures_for_unit(world.tra_vinh.unit, datetime.date(2022, 12, 15), end)["ocop_stores"].value == 6


def test_events_with_per_market_figures_and_qualifiers(world):
    headings = [
        "Tên hoạt động",
        "Thời gian",
        "Địa điểm",
        "Số DN tham gia",
        "Gian hàng",
        "Doanh thu (triệu đồng)",
        "Lượt khách",
        "Đơn vị phối hợp",
    ]
    rows = [
        [
            "Phiên chợ hàng Việt về nông thôn – Tết Quân – Dân",
            "10-12/01/2023",
            "huyện Châu Thành",
            24,
            60,
            "khoảng 850",
            "hơn 5.000 lượt",
            "Bộ Chỉ huy Quân sự tỉnh; Sở Công Thương",
        ],
        [
            "Phiên chợ hàng Việt về nông thôn – Tết Quân – Dân",
            "15/01/2023 - 17/01/2023",
            "thành phố Trà Vinh",
            24,
            60,
            "khoảng 850",
            "hơn 5.000",
            "",
        ],
        ["Hội nghị kết nối cung cầu tại Phú Quốc", "03/2023", "", "", "", "", "", ""],
        ["Hội chợ năm 2023", "2023", "", "", "", "", "", ""],
    ]
    result = import_file(
        xlsx([headings, *rows]), "su-kien.xlsx", "events", world.tra_vinh, dry_run=False, acting_user=None
    )
    assert (result.created, [r["row"] for r in result.summary()["refused"]]) == (3, [5])
    markets = Event.objects.filter(kind="rural_market").order_by("starts_on")
    assert [(m.starts_on, m.ends_on) for m in markets] == [
        (datetime.date(2023, 1, 10), datetime.date(2023, 1, 12)),
        (datetime.date(2023, 1, 15), datetime.date(2023, 1, 17)),
    ]
    assert markets[0].organisers.count() == 3  # the recorder leads, two co-organisers by name
    found = figures_for_unit(world.vinh_long.unit, datetime.date(2022, 12, 15), datetime.date(2023, 6, 14))
    assert found["rural_markets"].value == 2 and found["booths"].value == 120
    assert found["event_revenue_vnd"].words == "khoảng 1.700.000.000"
    assert found["event_visitors"].words == "hơn 10.000"
    assert found["trade_connection_events"].value == 1
    assert Event.objects.get(kind="trade_connection").starts_on == datetime.date(2023, 3, 1)


def test_model_areas_and_clubs(world):
    areas = [
        ["Tên khu dân cư", "Xã", "Huyện", "Kết quả", "Năm công nhận"],
        ["Ấp Cồn Chim", "Hòa Minh", "Châu Thành", "Đạt", "2022"],
    ]
    result = import_file(xlsx(areas), "kdc.xlsx", "areas", world.tra_vinh, dry_run=False, acting_user=None)
    area = ModelArea.objects.get()
    assert (result.created, area.status, area.recognised_on) == (1, "recognised", datetime.date(2022, 12, 31))
    clubs = [
        ["Tên CLB", "Loại hình", "Số thành viên", "Địa bàn"],
        ["CLB Người tiêu dùng phường 1", "", "35", "phường 1, thành phố Trà Vinh"],
        ["Tổ tiết kiệm phụ nữ", "", "20", "phường 1, thành phố Trà Vinh"],
        ["Nhóm bạn", "", "mười", ""],
    ]
    result = import_file(xlsx(clubs), "clb.xlsx", "clubs", world.tra_vinh, dry_run=False, acting_user=None)
    assert sorted(Club.objects.values_list("kind", "members")) == [("consumer", 35), ("family_movement", 20)]
    assert result.refused[0].note.startswith("Cột “Số thành viên”: Không đọc được số “mười”")
    found = figures_for_unit(world.tra_vinh.unit, datetime.date(2022, 12, 15), datetime.date(2023, 6, 14))
    assert (found["clubs"].value, found["club_members"].value, found["model_residential_areas"].value) == (1, 35, 1)


def test_twenty_rows_of_one_commune_resolve_it_once(world):
    rows = [
        [i, f"Sản phẩm {i}", f"Cơ sở {i}", "ấp Cồn Chim, xã Hòa Minh, huyện Châu Thành", "3", "", "01/06/2022"]
        for i in range(20)
    ]
    content = xlsx([OCOP_HEADINGS, *rows])
    with CaptureQueriesContext(connection) as first:
        import_file(content, "a.xlsx", "ocop", world.vinh_long, dry_run=True, acting_user=None)
    rows = [
        [i, f"Sản phẩm {i}", f"Cơ sở {i}", "ấp Cồn Chim, xã Hòa Minh, huyện Châu Thành", "3", "", "01/06/2022"]
        for i in range(200)
    ]
    with CaptureQueriesContext(connection) as tenfold:
        import_file(xlsx([OCOP_HEADINGS, *rows]), "b.xlsx", "ocop", world.vinh_long, dry_run=True, acting_user=None)
    assert len(tenfold) <= len(first) + 5  # the number of queries does not grow with the rows


def test_a_commune_written_alone_is_todays_when_the_old_one_of_that_name_became_it(world):
    hoa_minh = _current("Xã Hòa Minh")
    assert resolve_text("xã Hòa Minh", context=world.vinh_long.unit) == hoa_minh  # not ambiguous: one place
    assert resolve_text("thị trấn Châu Thành, huyện Châu Thành", context=world.vinh_long.unit) is None  # two places
    result = _ocop(world, [[1, "Chả cá", "Cơ sở Cá Lóc", "xã Hòa Minh", "3", "", "01/06/2022"]], dry_run=True)
    assert result.outcomes[0].place == "Xã Hòa Minh, Tỉnh Vĩnh Long"


def test_fast_folding_gives_the_keys_stored_in_the_registries():
    samples = ["Hợp tác xã Mật hoa dừa", "ĐẮK LẮK", "Thị trấn  Châu\tThành", "Kết quả phân hạng ★", "Ấp Cồn Chim"]
    for text in samples:
        assert fold(text) == fold_diacritics(text)
    assert fold(unicodedata.normalize("NFD", "Hòa Minh")) == "hoa minh"
