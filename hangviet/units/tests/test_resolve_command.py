"""``hangviet units resolve``: what an old unit became, as text and as JSON."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def resolve(*args: str) -> str:
    out = StringIO()
    call_command("units", "resolve", *args, stdout=out)
    return out.getvalue()


def test_a_ward_of_old_tra_vinh_city_prints_its_2025_ward_and_province(no_network: None) -> None:
    text = resolve("Phường 1, Thành phố Trà Vinh, Tỉnh Trà Vinh")
    assert "Phường 1, Thành phố Trà Vinh, Tỉnh Trà Vinh (đơn vị cũ" in text
    assert "→ nay là: Phường Trà Vinh, Tỉnh Vĩnh Long" in text


def test_the_json_format_gives_the_same_answer_with_codes(no_network: None) -> None:
    data = json.loads(resolve("Phường 1, Thành phố Trà Vinh, Tỉnh Trà Vinh", "--format", "json"))
    assert data["unit"]["key"] == "pre2025/commune/29239"
    [current] = data["current"]
    assert (current["name"], current["code"], current["edition"]) == ("Phường Trà Vinh", "29242", "2025")
    assert current["ancestors"] == [
        {"key": "2025/province/86", "code": "86", "level": "province", "name": "Tỉnh Vĩnh Long"}
    ]


def test_kien_giang_is_now_an_giang(no_network: None) -> None:
    assert "→ nay là: Tỉnh An Giang" in resolve("Tỉnh Kiên Giang")


def test_informal_writing_and_a_street_are_read_offline(no_network: None) -> None:
    text = resolve("Số 40 Nguyễn Thái Học, P.1, TP Trà Vinh, Trà Vinh")
    assert "→ nay là: Phường Trà Vinh, Tỉnh Vĩnh Long" in text


def test_a_current_unit_says_it_is_current() -> None:
    assert "Tỉnh Vĩnh Long (đơn vị hiện hành)" in resolve("tinh vinh long")


def test_an_unknown_name_is_a_clear_vietnamese_error() -> None:
    with pytest.raises(CommandError, match="Không tìm thấy đơn vị hành chính"):
        resolve("Hành tinh Sao Hỏa")


@pytest.mark.parametrize(
    "text", ["Phường Trà Vinh", "Phường Trà Vinh, Vĩnh Long", "Phường Trà Vinh, tỉnh Vĩnh Long", "phuong tra vinh"]
)
def test_a_ward_named_by_its_full_name_is_that_ward_not_the_old_province_of_the_same_name(
    text: str, no_network: None
) -> None:
    from hangviet.units.resolve import resolve_unit

    unit = resolve_unit(text).unit
    assert (unit.name, unit.level, unit.parent.name) == ("Phường Trà Vinh", "commune", "Tỉnh Vĩnh Long")


def test_an_ambiguous_name_still_needs_its_province(no_network: None) -> None:
    from hangviet.units.resolve import resolve_unit

    unit = resolve_unit("Huyện Châu Thành, Tỉnh Trà Vinh").unit
    assert unit.parent is not None and unit.parent.name.startswith("Tỉnh Trà Vinh")
