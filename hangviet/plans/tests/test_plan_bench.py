"""The plan-importer bench (bench/plan_eval.py) on its labelled plans: the floors CI holds the importer to."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCH = Path(__file__).resolve().parents[3] / "bench"
FLOOR = 0.9  # issue 15: every task with its lead unit and time window right, correcting at most one in ten
# The first unseen pair (measured once: found 0.875, lead 0.85, when 0.725) is now development data
# (plan_round1_*); the second (unseen_plan_03/04, written by someone who never saw the code) was measured once,
# untouched, on 6/12/2026: 1.0 / 1.0 / 1.0 (docs/decisions.md). CI holds both groups to the target.
FLOORS = {"found": FLOOR, "lead": FLOOR, "when": FLOOR}


def load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(path.stem, module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def bench() -> ModuleType:
    return load(BENCH / "plan_eval.py")


def test_the_labels_match_their_documents() -> None:
    checker = load(BENCH / "data" / "plans" / "check_labels.py")
    stems = sorted({path.with_suffix("") for path in (BENCH / "data" / "plans").glob("*.json")})
    assert len(stems) >= 7
    assert [problem for stem in stems for problem in checker.problems_of(stem)] == []


@pytest.mark.parametrize("group", ["plan_", "unseen_plan_"])
def test_each_group_of_plans_is_read_above_the_floor(bench: ModuleType, group: str) -> None:
    is_organisation = bench.known_organisation()
    total = bench.Score()
    for path in sorted([*bench.DATA.glob(f"{group}*.txt"), *bench.DATA.glob(f"{group}*.docx")]):
        total.add(bench.score_plan(path, is_organisation))
    if not total.gold:
        pytest.skip("no plan of this group in bench/data/plans")
    assert {name: total.share(name) >= floor for name, floor in FLOORS.items()} == dict.fromkeys(FLOORS, True)
