"""Reading plan documents: the real Cần Thơ plan, another common layout, and a Word table."""

from __future__ import annotations

import io
import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from docx import Document as new_docx

from hangviet.orgs.catalogue import place_words
from hangviet.orgs.tests.factories import current_province, make_agency, make_committee
from hangviet.plans.actions import cascade_plan, read_plan, save_plan
from hangviet.plans.reading import DocumentReadError, read_lines

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def can_tho(db: None):
    committee = make_committee(current_province("92"), None)
    words = place_words(committee.unit.name)
    for name in (
        "Ban Tuyên giáo Thành ủy",
        "Sở Công Thương",
        "Sở Nông nghiệp và Phát triển nông thôn",
        "Sở Thông tin và Truyền thông",
        "Sở Khoa học và Công nghệ",
        "Sở Văn hóa, Thể thao và Du lịch",
        "Sở Kế hoạch và Đầu tư",
        "Sở Y tế",
        f"Liên đoàn Thương mại và Công nghiệp Việt Nam chi nhánh {words['place']}",
        "Hội Bảo vệ quyền lợi người tiêu dùng thành phố",
        "Hội Liên hiệp Phụ nữ thành phố",
    ):
        make_agency(committee, name)
    return committee


def tasks_of(committee, content: bytes, name: str) -> dict:
    _parsed, tasks = read_plan(content, name, committee)
    return {task.ref: task for task in tasks}


def test_the_can_tho_plan_gives_a_task_per_assignee_and_the_committee_activities(can_tho) -> None:
    tasks = tasks_of(can_tho, (FIXTURES / "plan_cantho_2024.txt").read_bytes(), "plan.txt")
    assert [ref for ref in tasks if ref.startswith("III.")] == [f"III.{n}" for n in range(1, 16)]
    assert tasks["III.3"].lead.name == "Sở Công Thương" and tasks["III.3"].lead_name == "Sở Công Thương thành phố"
    assert tasks["III.4"].lead.name == "Sở Nông nghiệp và Phát triển nông thôn"
    assert tasks["III.1"].lead == can_tho  # the standing office's own tasks
    assert tasks["III.5"].lead is None and tasks["III.5"].lead_name == "Sở Ngoại vụ"  # unknown: left for review
    assert [window.iso for window in tasks["III.3"].windows] == ["2024"]
    meetings = {ref: [w.iso for w in task.windows] for ref, task in tasks.items() if ref.startswith("IV.")}
    # the "+" activities under "Nội dung và thời gian" are IV.1's content; their times are its windows
    assert meetings == {"IV.1": ["2024-Q2", "2024-Q3", "2024-12"], "IV.2": ["2024-Q4"]}
    assert "Hội nghị quán triệt" in tasks["IV.1"].content
    assert all(tasks[ref].lead == can_tho for ref in meetings)
    assert [o.name for o in tasks["III.2"].coordinating] == ["Sở Thông tin và Truyền thông"]


def test_a_plan_with_labelled_fields_and_abbreviations(db: None) -> None:
    committee = make_committee(current_province("86"), None)
    for name in (
        "Sở Công Thương",
        "Sở Nông nghiệp và Môi trường",
        "Hội Liên hiệp Phụ nữ tỉnh",
        "Sở Y tế",
        "Chi cục Quản lý thị trường tỉnh Vĩnh Long",
    ):
        make_agency(committee, name)
    tasks = tasks_of(committee, (FIXTURES / "plan_vinhlong_2026.txt").read_bytes(), "plan.txt")
    assert tasks["II.2"].lead.name == "Sở Công Thương"  # written "Sở Công thương"
    assert [w.iso for w in tasks["II.2"].windows] == ["2026-06", "2026-11"]
    assert [o.name for o in tasks["II.2"].coordinating] == ["Hội Liên hiệp Phụ nữ tỉnh"]
    assert tasks["II.3"].lead.name == "Sở Nông nghiệp và Môi trường"  # written "Sở NN và MT"
    assert [w.iso for w in tasks["II.4"].windows] == ["2025-12-01..2026-02-28"]
    assert {o.name for o in tasks["II.4"].coordinating} == {"Sở Công Thương", "Sở Y tế"}
    assert tasks["II.5"].lead == committee


def test_a_word_plan_with_a_task_table(db: None) -> None:
    committee = make_committee(current_province("80"), None)
    make_agency(committee, "Sở Công Thương")
    make_agency(committee, "Sở Nông nghiệp và Phát triển nông thôn")
    document = new_docx()
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Triển khai Cuộc vận động năm 2025")
    document.add_paragraph("II. NHIỆM VỤ CỤ THỂ")
    table = document.add_table(rows=3, cols=5)
    for row, cells in enumerate(
        [
            ["STT", "Nội dung công việc", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian"],
            ["1", "Hội chợ hàng Việt", "Sở Công thương", "Sở NN và PTNT", "Quý III/2025"],
            ["2", "Tập huấn OCOP", "Sở NN và PTNT", "", "Tháng 4/2025"],
        ]
    ):
        for column, text in enumerate(cells):
            table.rows[row].cells[column].text = text
    buffer = io.BytesIO()
    document.save(buffer)
    tasks = tasks_of(committee, buffer.getvalue(), "ke-hoach.docx")
    assert tasks["II.1"].lead.name == "Sở Công Thương" and [w.iso for w in tasks["II.1"].windows] == ["2025-Q3"]
    assert [o.name for o in tasks["II.1"].coordinating] == ["Sở Nông nghiệp và Phát triển nông thôn"]
    assert tasks["II.2"].lead.name == "Sở Nông nghiệp và Phát triển nông thôn"


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"PK\x03\x04 broken", "x.docx", "bị hỏng"),
        (b"%PDF-1.4", "x.pdf", "Chỉ nhập được"),
        (b"a\x00b", "x.txt", "không phải là văn bản"),
        (b"x" * (10 * 1024 * 1024 + 1), "x.txt", "quá lớn"),
    ],
)
def test_bad_files_are_refused_in_vietnamese(content: bytes, name: str, message: str) -> None:
    with pytest.raises(DocumentReadError, match=message):
        read_lines(content, name)


def test_the_command_line_prints_the_parsed_tasks_as_json(can_tho) -> None:
    out = StringIO()
    call_command(
        "plan",
        "import",
        str(FIXTURES / "plan_cantho_2024.txt"),
        "--unit",
        "Thành phố Cần Thơ",
        "--dry-run",
        "--format",
        "json",
        stdout=out,
    )
    data = json.loads(out.getvalue())
    by_ref = {task["ref"]: task for task in data["tasks"]}
    assert by_ref["IV.1"]["when"] == ["2024-Q2", "2024-Q3", "2024-12"] and by_ref["III.3"]["lead"] == "Sở Công Thương"
    assert set(by_ref["III.2"]) >= {"ref", "content", "lead", "coordinating", "when"}
    assert data["report_deadline"] == "2024-12-10"
    assert not can_tho.plans.exists()


def test_the_command_line_refuses_a_unit_without_committee(db: None) -> None:
    with pytest.raises(CommandError, match="chưa có Ban Chỉ đạo"):
        call_command("plan", "import", str(FIXTURES / "plan_cantho_2024.txt"), "--unit", "Tỉnh Lào Cai", "--dry-run")


def test_importing_from_the_command_line_saves_the_plan_with_its_original_file(can_tho) -> None:
    call_command(
        "plan",
        "import",
        str(FIXTURES / "plan_cantho_2024.txt"),
        "--unit",
        "Thành phố Cần Thơ",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    plan = can_tho.plans.get()
    assert plan.tasks.count() == 21  # the 17 assignments and activities, and the 4 of "Tổ chức thực hiện"
    assert plan.source_file.read() == (FIXTURES / "plan_cantho_2024.txt").read_bytes()


LAM_DONG_LIKE = """KẾ HOẠCH
Hoạt động của Ban Chỉ đạo Cuộc vận động năm 2026
III. NHIỆM VỤ CỤ THỂ CỦA CÁC CƠ QUAN THÀNH VIÊN
1. Sở Công Thương
1.1. Tham mưu triển khai Đề án phát triển thị trường trong nước. Thời gian: Quý II/2026.
1.2. Tổ chức đoàn doanh nghiệp tham gia Hội chợ hàng Việt Nam. Thời gian: Quý III/2026.
2. Hội Liên hiệp Phụ nữ tỉnh: Vận động hội viên ưu tiên dùng hàng Việt.
IV. CÁC HOẠT ĐỘNG
1. Giám sát chính sách hỗ trợ doanh nghiệp
- Chủ trì: Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh, Sở Công Thương, Sở Y tế.
- Thời gian: Quý II/2026.
"""


@pytest.fixture
def lam_dong(db: None):
    committee = make_committee(current_province("68"), None)
    for name in ("Sở Công Thương", "Hội Liên hiệp Phụ nữ tỉnh", "Sở Y tế"):
        make_agency(committee, name)
    return committee


def test_sub_tasks_are_saved_under_the_task_that_holds_them(lam_dong) -> None:
    parsed, tasks = read_plan(LAM_DONG_LIKE.encode(), "plan.txt", lam_dong)
    assert [(task.ref, task.parent_ref) for task in tasks] == [
        ("III.1", ""),
        ("III.1.1", "III.1"),
        ("III.1.2", "III.1"),
        ("III.2", ""),
        ("IV.1", ""),
    ]
    plan = save_plan(lam_dong, parsed, tasks, acting_user=None)
    saved = {task.ref: task for task in plan.tasks.select_related("parent")}
    assert saved["III.1.1"].parent == saved["III.1"] and saved["III.1.2"].parent == saved["III.1"]
    assert saved["III.1"].parent is None and [t.ref for t in saved["III.1"].children.order_by("order")] == [
        "III.1.1",
        "III.1.2",
    ]
    assert saved["III.1.1"].lead.name == "Sở Công Thương"  # a sub-item takes its organisation's lead


def test_several_units_in_one_lead_field_give_one_lead_and_coordinating_units(lam_dong) -> None:
    _parsed, tasks = read_plan(LAM_DONG_LIKE.encode(), "plan.txt", lam_dong)
    watch = next(task for task in tasks if task.ref == "IV.1")
    assert watch.lead == lam_dong and watch.lead_name == "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh"
    assert [unit.name for unit in watch.coordinating] == ["Sở Công Thương", "Sở Y tế"]
    assert watch.coordinating_text == "Sở Công Thương; Sở Y tế"


def test_a_plan_made_from_the_plan_above_keeps_its_sub_tasks_under_their_tasks(lam_dong) -> None:
    parsed, tasks = read_plan(LAM_DONG_LIKE.encode(), "plan.txt", lam_dong)
    upper = save_plan(lam_dong, parsed, tasks, acting_user=None)
    commune = make_committee(current_province("68"), lam_dong)
    own = cascade_plan(upper, commune, {}, acting_user=None)
    saved = {task.ref: task for task in own.tasks.select_related("parent")}
    assert saved["III.1.2"].parent == saved["III.1"] and saved["III.1"].parent is None


def test_a_parent_that_is_not_saved_leaves_the_task_at_the_top(lam_dong) -> None:
    parsed, tasks = read_plan(LAM_DONG_LIKE.encode(), "plan.txt", lam_dong)
    kept = [task for task in tasks if task.ref != "III.1"]  # the clerk dropped the organisation's own line
    plan = save_plan(lam_dong, parsed, kept, acting_user=None)
    assert plan.tasks.get(ref="III.1.1").parent is None
