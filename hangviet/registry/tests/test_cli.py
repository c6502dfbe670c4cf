"""``hangviet registry import | figures | export`` as scripts call them."""

from __future__ import annotations

import datetime
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from hangviet.registry import actions
from hangviet.registry.actions import OrganiserInput
from hangviet.registry.models import EventOrganiser, OcopProduct, Producer
from hangviet.registry.tests.listfiles import csv_bytes, xlsx

pytestmark = pytest.mark.django_db
LIST = [
    ["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Tỉnh", "Hạng sao", "Năm công nhận"],
    [1, "Mật hoa dừa", "HTX Mật hoa dừa", "xã Phú Cần, huyện Tiểu Cần", "Trà Vinh", "4 sao", 2021],
    [2, "Gạo thơm", "HTX Long Hòa", "xã Long Hòa, huyện Châu Thành", "Trà Vinh", "3", 2021],
    [3, "Bánh pía", "Cơ sở Tấn Phát", "Khu chợ cũ", "", "3", 2021],
    [4, "Kẹo dừa", "HTX Mật hoa dừa", "xã Phú Cần, huyện Tiểu Cần", "Trà Vinh", "ba sao", 2021],
    [5, "Nước mắm", "Cơ sở Ba Lượng", "xã Cần Đăng, huyện Châu Thành", "An Giang", "4", 2022],
]


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("registry", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def _file(tmp_path: Path, rows, name="ocop.xlsx") -> str:
    path = tmp_path / name
    path.write_bytes(xlsx(rows) if name.endswith(".xlsx") else csv_bytes(rows))
    return str(path)


def test_import_prints_every_row_once_as_json(world, tmp_path):
    path = _file(tmp_path, LIST)
    printed = json.loads(_run("import", "ocop", path, "--unit", "Tỉnh Vĩnh Long", "--dry-run", "--format", "json"))
    assert set(printed) == {"created", "matched", "refused", "unresolved_places"}
    assert printed["refused"] == [{"row": 5, "reason": printed["refused"][0]["reason"]}]
    assert printed["refused"][0]["reason"].startswith("Hạng sao “ba sao” không hợp lệ")
    assert printed["created"] + printed["matched"] + len(printed["refused"]) == len(LIST) - 1
    assert OcopProduct.objects.count() == 0  # --dry-run
    printed = json.loads(_run("import", "ocop", path, "--unit", "Tỉnh Vĩnh Long", "--format", "json"))
    assert (printed["created"], printed["unresolved_places"]) == (4, 1)
    assert set(OcopProduct.objects.values_list("recorded_by", flat=True)) == {world.vinh_long.pk}
    again = json.loads(_run("import", "ocop", path, "--unit", "Tỉnh Vĩnh Long", "--format", "json"))
    assert (again["created"], again["matched"]) == (0, 4)


def test_without_a_unit_the_central_committee_imports_a_national_list(world, tmp_path):
    printed = json.loads(_run("import", "ocop", _file(tmp_path, LIST, "ocop.csv"), "--format", "json"))
    assert printed["created"] == 4
    assert set(OcopProduct.objects.values_list("recorded_by", flat=True)) == {world.central.pk}
    fish = OcopProduct.objects.get(name="Nước mắm").place
    assert (fish.unit.name, fish.unit.parent.parent.name) == ("Xã Cần Đăng", "Tỉnh An Giang")  # by its own address


def test_a_file_refused_whole_exits_with_status_1_and_says_why(world, tmp_path):
    path = _file(tmp_path, [["Họ tên", "Chức vụ"], ["A", "B"]])
    out = io.StringIO()
    with pytest.raises(CommandError) as refused:
        call_command("registry", "import", "ocop", path, "--format", "json", stdout=out)
    assert refused.value.returncode == 1
    assert "Không nhận ra dòng tiêu đề" in json.loads(out.getvalue())["error"]
    with pytest.raises(CommandError, match="Không tìm thấy đơn vị hành chính"):
        _run("import", "ocop", path, "--unit", "Tỉnh Không Có")
    with pytest.raises(CommandError, match="Không đọc được tệp"):
        _run("import", "ocop", str(tmp_path / "missing.xlsx"))


def test_figures_for_a_unit_and_period_including_a_historic_province(world, tmp_path):
    _run("import", "ocop", _file(tmp_path, LIST), "--unit", "Tỉnh Trà Vinh")  # the old list, by the old committee
    kien_giang_conference = actions.record_event(
        world.tra_vinh,
        fields={
            "name": "Hội nghị kết nối cung cầu tại Phú Quốc",
            "kind": "trade_connection",
            "starts_on": datetime.date(2023, 3, 10),
            "ends_on": datetime.date(2023, 3, 10),
        },
        organisers=[OrganiserInput(EventOrganiser.Role.CO_ORGANISER, world.vinh_long)],
        acting_user=None,
    )
    assert kien_giang_conference.pk
    printed = json.loads(_run("figures", "--unit", "Tỉnh Trà Vinh", "--period", "2023-H1", "--format", "json"))
    assert printed["unit"] == "Tỉnh Trà Vinh" and printed["period"] == "2023-H1"
    assert printed["figures"] == {  # the unresolved "Khu chợ cũ" counts in the recorder's area, the An Giang one not
        "ocop_3_star": 2,
        "ocop_4_star": 1,
        "ocop_5_star": 0,
        "ocop_producers": 3,
        "ocop_products": 3,
        "trade_connection_events": 1,
    }
    assert printed["details"]["ocop_products"] == {"value": 3, "qualifier": "exact", "records": 3, "registry": "ocop"}
    current = json.loads(_run("figures", "--unit", "Tỉnh Vĩnh Long", "--period", "2023-H1", "--format", "json"))
    assert current["figures"]["ocop_products"] == 3 and current["figures"]["trade_connection_events"] == 1
    an_giang = json.loads(_run("figures", "--unit", "Tỉnh An Giang", "--period", "2023-H1", "--format", "json"))
    assert an_giang["figures"]["ocop_products"] == 1
    assert "ocop_products: 3" in _run("figures", "--unit", "Tỉnh Vĩnh Long", "--period", "2023-H1")
    with pytest.raises(CommandError, match="Kỳ báo cáo “2023-H3” không hợp lệ"):
        _run("figures", "--unit", "Tỉnh Vĩnh Long", "--period", "2023-H3")


def test_export_then_import_again_matches_every_row(world, tmp_path):
    _run("import", "ocop", _file(tmp_path, LIST), "--unit", "Tỉnh Vĩnh Long")
    exported = tmp_path / "so-ocop.xlsx"
    _run("export", "ocop", str(exported), "--unit", "Tỉnh Vĩnh Long")
    printed = json.loads(_run("import", "ocop", str(exported), "--unit", "Tỉnh Vĩnh Long", "--format", "json"))
    assert printed == {"created": 0, "matched": 4, "refused": [], "unresolved_places": 0}
    assert Producer.objects.count() == 4
