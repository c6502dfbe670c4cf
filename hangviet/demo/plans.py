"""Demo plans, imported through the same reader a clerk uses: Cần Thơ's real 2024 plan and a 2026 plan for
Vĩnh Long written in another common layout, with some progress recorded."""

from __future__ import annotations

from pathlib import Path

from hangviet.orgs.models import Organisation
from hangviet.plans import actions
from hangviet.plans.models import Task

FIXTURES = Path(__file__).resolve().parent.parent / "plans" / "fixtures"
PLANS = {"92": "plan_cantho_2024.txt", "86": "plan_vinhlong_2026.txt"}


def build_plans(committees: list[Organisation]) -> None:
    for committee in committees:
        name = PLANS.get(committee.unit.code)
        if not name:
            continue
        parsed, tasks = actions.read_plan((FIXTURES / name).read_bytes(), name, committee)
        plan = actions.save_plan(committee, parsed, tasks, acting_user=None)
        if committee.unit.code == "86":
            first = plan.tasks.order_by("order").first()
            if first is not None:
                actions.record_progress(
                    first,
                    status=Task.Status.IN_PROGRESS,
                    acting_user=None,
                    note="Đã mở chuyên mục trên báo in và trang điện tử.",
                )
