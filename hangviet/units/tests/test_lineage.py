"""Units across the 2025 reform: lineage both ways, hierarchy at a date, codes reused."""

from __future__ import annotations

import datetime

import pytest

from hangviet.units.models import Unit
from hangviet.units.queries import (
    find_units_by_name,
    list_ancestors,
    list_current_units,
    list_descendants,
    list_predecessors,
    list_sources,
    list_successors,
)

pytestmark = pytest.mark.django_db

OLD, NEW = Unit.Edition.PRE_2025, Unit.Edition.CURRENT


def unit(edition: str, level: str, code: str) -> Unit:
    return Unit.objects.get(edition=edition, level=level, code=code)


def test_the_load_holds_34_provinces_today_and_63_before_the_reform() -> None:
    assert Unit.objects.filter(edition=NEW, level=Unit.Level.PROVINCE).count() == 34
    assert Unit.objects.filter(edition=OLD, level=Unit.Level.PROVINCE).count() == 63
    assert Unit.objects.filter(edition=OLD, level=Unit.Level.DISTRICT).count() == 696
    assert Unit.objects.filter(edition=NEW, level=Unit.Level.COMMUNE).count() == 3321
    assert Unit.objects.filter(edition=OLD, level=Unit.Level.COMMUNE).count() == 10051


def test_a_reused_code_names_two_different_units() -> None:
    assert unit(OLD, Unit.Level.PROVINCE, "80").name == "Tỉnh Long An"
    assert unit(NEW, Unit.Level.PROVINCE, "80").name == "Tỉnh Tây Ninh"
    assert unit(OLD, Unit.Level.PROVINCE, "91").name == "Tỉnh Kiên Giang"
    assert unit(NEW, Unit.Level.PROVINCE, "91").name == "Tỉnh An Giang"


def test_tra_vinh_became_vinh_long() -> None:
    tra_vinh = unit(OLD, Unit.Level.PROVINCE, "84")
    assert [u.name for u in list_current_units(tra_vinh)] == ["Tỉnh Vĩnh Long"]
    assert tra_vinh.valid_to == datetime.date(2025, 6, 11)


def test_a_ward_of_old_tra_vinh_city_became_phuong_tra_vinh() -> None:
    ward = unit(OLD, Unit.Level.COMMUNE, "29239")  # Phường 1, Thành phố Trà Vinh
    assert ward.name == "Phường 1" and ward.parent.name == "Thành phố Trà Vinh"
    [became] = list_current_units(ward)
    assert (became.name, became.parent.name) == ("Phường Trà Vinh", "Tỉnh Vĩnh Long")


def test_vinh_long_was_fed_by_vinh_long_tra_vinh_and_ben_tre() -> None:
    vinh_long = unit(NEW, Unit.Level.PROVINCE, "86")
    assert {u.name for u in list_predecessors(vinh_long)} == {"Tỉnh Vĩnh Long", "Tỉnh Trà Vinh", "Tỉnh Bến Tre"}
    assert all(u.edition == OLD for u in list_sources(vinh_long))


def test_phuong_tra_vinh_lists_the_old_wards_that_fed_it() -> None:
    phuong_tra_vinh = unit(NEW, Unit.Level.COMMUNE, "29242")
    sources = list_sources(phuong_tra_vinh)
    assert "Phường 1" in {u.name for u in sources}
    assert all(u.level in (Unit.Level.COMMUNE, Unit.Level.DISTRICT) for u in sources)
    # and each of them leads back to it
    assert all(phuong_tra_vinh in list_current_units(u) for u in sources if u.level == Unit.Level.COMMUNE)


def test_a_split_old_ward_has_several_partial_successors() -> None:
    split = Unit.objects.filter(successions_out__is_partial=True, level=Unit.Level.COMMUNE).first()
    assert split is not None
    assert len(list_successors(split)) > 1


def test_an_old_district_sits_in_its_old_province_before_the_merger_and_in_the_new_one_after() -> None:
    chau_thanh = Unit.objects.get(edition=OLD, level=Unit.Level.DISTRICT, name="Huyện Châu Thành", parent__code="84")
    before = list_ancestors(chau_thanh, on=datetime.date(2024, 1, 1))
    between = list_ancestors(chau_thanh, on=datetime.date(2025, 6, 20))
    assert [u.name for u in before] == ["Tỉnh Trà Vinh", "Việt Nam"]
    assert [u.name for u in between] == ["Tỉnh Vĩnh Long", "Việt Nam"]


def test_descendants_of_vinh_long_in_2023_are_the_old_units_and_today_the_new_ones() -> None:
    vinh_long = unit(NEW, Unit.Level.PROVINCE, "86")
    in_2023 = list_descendants(vinh_long, on=datetime.date(2023, 6, 1))
    today = list_descendants(vinh_long)
    names_2023 = {u.name for u in in_2023}
    assert {"Tỉnh Trà Vinh", "Thành phố Trà Vinh"} <= names_2023
    assert all(u.edition == OLD for u in in_2023)
    assert "Phường Trà Vinh" in {u.name for u in today}
    assert all(u.edition == NEW and u.level == Unit.Level.COMMUNE for u in today)
    assert len(today) == Unit.objects.filter(parent=vinh_long).count()


def test_names_are_found_without_diacritics_or_case() -> None:
    assert [u.key for u in find_units_by_name("tinh tra vinh")] == ["pre2025/province/84"]
    assert [u.key for u in find_units_by_name("TỈNH VĨNH LONG", current_only=True)] == ["2025/province/86"]
