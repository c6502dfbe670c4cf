"""Demo plans, imported through the same reader a clerk uses: Cần Thơ's real 2024 plan and a 2026 plan for
Vĩnh Long written in another common layout, with some progress recorded; and a short plan Vĩnh Long's office
wrote on the page ("Soạn kế hoạch mới")."""

from __future__ import annotations

from pathlib import Path

from hangviet.lib.timewindows import Window
from hangviet.orgs.models import Organisation
from hangviet.plans import actions, queries
from hangviet.plans.importer import ParsedPlan
from hangviet.plans.models import Plan, Task

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
        if committee.unit.code == "86":
            _written_plan(committee)


def _written_plan(committee: Organisation) -> None:
    """A plan as the office writes it on the page: a task and its sub-task, saved through the same action."""
    units = queries.own_units(committee)
    lead = units[1] if len(units) > 1 else committee
    parsed = ParsedPlan(
        title="Kế hoạch tổ chức Tháng hàng Việt cuối năm 2026",
        year=2026,
        number_symbol="45/KH-BCĐ",
        purpose="Tăng sức mua hàng Việt dịp cuối năm và Tết.",
        legal_basis_lines=["Căn cứ Kế hoạch số 12/KH-BCĐ của Ban Chỉ đạo tỉnh"],
    )
    tasks = [
        actions.ReviewedTask(
            ref="1",
            content="Tổ chức Tháng hàng Việt tại các chợ, siêu thị trên địa bàn tỉnh",
            lead=lead,
            lead_name=lead.name,
            coordinating=[committee] if lead != committee else [],
            windows=[Window.from_iso("2026-12")],
            output="Báo cáo kết quả Tháng hàng Việt",
        ),
        actions.ReviewedTask(
            ref="1.1",
            parent_ref="1",
            content="Tuyên truyền Tháng hàng Việt trên báo, đài tỉnh",
            lead=committee,
            lead_name=committee.name,
            windows=[Window.from_iso("2026-12")],
        ),
    ]
    actions.save_plan(committee, parsed, tasks, acting_user=None, source=Plan.Source.MANUAL)
