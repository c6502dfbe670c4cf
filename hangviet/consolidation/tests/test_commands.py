"""``hangviet aggregate`` and ``hangviet validate``."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from hangviet.consolidation.tests.conftest import accepted
from hangviet.orgs.tests.factories import World

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_aggregate_prints_the_subtree_totals_with_historic_units(world: World) -> None:
    accepted(world.tra_vinh, "2023-H1", propaganda_sessions=3904, propaganda_participants=267083)
    accepted(world.vl_trade, "2023-H1", propaganda_sessions=96)
    accepted(world.an_giang, "2023-H1", propaganda_sessions=1)
    data = json.loads(run("aggregate", "--unit", "Tỉnh Vĩnh Long", "--period", "2023-H1", "--format", "json"))
    assert data == {"propaganda_sessions": 4000, "propaganda_participants": 267083}


def test_aggregate_refuses_an_unknown_period(world: World) -> None:
    with pytest.raises(CommandError, match="không hợp lệ"):
        run("aggregate", "--unit", "Tỉnh Vĩnh Long", "--period", "2023-H2")


def test_validate_prints_each_violation_and_exits_1_on_an_error(tmp_path: Path, db: None) -> None:
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"ocop_products": 184, "ocop_3_star": 137, "ocop_4_star": "38", "ocop_5_star": 3}))
    assert "CẢNH BÁO ocop_stars_add_up" in run("validate", str(good))
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"viet_goods_share_pct": 120, "banners": "3.9", "unknown_code": 1}))
    out = StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("validate", str(bad), stdout=out)
    assert exit_info.value.code == 1
    text = out.getvalue()
    assert "LỖI share_within_0_100" in text and "unknown_code" in text and "[banners]" in text


def test_validate_refuses_a_file_that_is_not_json(tmp_path: Path, db: None) -> None:
    broken = tmp_path / "x.json"
    broken.write_bytes(b"\xff\xfe not json")
    with pytest.raises(CommandError, match="không phải JSON"):
        run("validate", str(broken))
