"""Saving a reviewed plan, my tasks, progress, overdue, cascade, export, and who may do what."""

from __future__ import annotations

import datetime
import io
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from docx import Document as read_docx

from hangviet.orgs.tests.factories import World, make_agency
from hangviet.plans import actions, queries
from hangviet.plans.importer import ParsedPlan
from hangviet.plans.models import Plan, Task

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


@pytest.fixture
def plan(world: World) -> Plan:
    make_agency(world.vinh_long, "Sở Nông nghiệp và Môi trường")
    make_agency(world.vinh_long, "Chi cục Quản lý thị trường tỉnh Vĩnh Long")
    parsed, tasks = actions.read_plan((FIXTURES / "plan_vinhlong_2026.txt").read_bytes(), "p.txt", world.vinh_long)
    return actions.save_plan(world.vinh_long, parsed, tasks, acting_user=world.vl_office)


def test_the_saved_plan_keeps_its_bases_and_tasks(plan: Plan) -> None:
    assert (plan.year, plan.number_symbol) == (2026, "12/KH-BCĐ")
    assert {basis.number_symbol for basis in plan.legal_bases.all()} == {"03-CT/TW", "28/CT-TTg"}
    assert plan.tasks.count() == 6  # five of part II, and "Các cơ quan thành viên xây dựng kế hoạch … trước 28/02"


def test_an_agency_sees_its_tasks_across_plans(world: World, plan: Plan) -> None:
    led = queries.tasks_led_by([world.vl_trade])
    assert [task.ref for task in led] == ["II.2"]


def test_overdue_on_a_given_day(world: World, plan: Plan) -> None:
    day = datetime.date(2026, 7, 1)
    assert [t.ref for t in queries.overdue_tasks(world.vinh_long, day)] == ["II.4", "III.1", "II.3"]
    actions.record_progress(plan.tasks.get(ref="II.3"), status=Task.Status.DONE, note="Xong", acting_user=None)
    assert [t.ref for t in queries.overdue_tasks(world.vinh_long, day)] == ["II.4", "III.1"]
    assert [t.ref for t in queries.overdue_tasks(world.vinh_long, datetime.date(2027, 1, 1))] == [
        "II.4",
        "III.1",
        "II.2",
        "II.1",
        "II.5",
    ]  # by due date: February, 30 November, then 31 December


def test_the_lead_unit_records_progress_with_evidence(client: Client, world: World, plan: Plan) -> None:
    task = plan.tasks.get(ref="II.2")
    client.force_login(world.vl_trade_clerk)
    assert "II.2" in client.get(reverse("plans:mine")).content.decode()
    client.post(
        reverse("plans:task", args=[task.pk]),
        {
            "status": "done",
            "note": "Đã tổ chức 04 phiên chợ",
            "evidence": SimpleUploadedFile("anh-phien-cho.jpg", b"\xff\xd8\xff fake jpeg", content_type="image/jpeg"),
        },
    )
    task.refresh_from_db()
    assert (task.status, task.progress_note) == ("done", "Đã tổ chức 04 phiên chợ")
    assert task.progress.get().evidence_name == "anh-phien-cho.jpg"


@pytest.mark.parametrize(
    ("persona", "read", "update"),
    [
        ("vl_trade_clerk", 200, 302),
        ("vl_office", 200, 403),
        ("vl_health", 200, 403),
        ("commune_clerk", 200, 403),
        ("ag_office", 404, 404),
        ("vl_viewer", 200, 403),
    ],
)
def test_who_may_read_and_update_a_task(
    client: Client, world: World, plan: Plan, persona: str, read: int, update: int
) -> None:
    user = world.vl_trade_clerk if persona == "vl_trade_clerk" else None
    if persona == "vl_health":
        from hangviet.orgs.tests.factories import make_user

        user = make_user("yte", world.vl_health)
    client.force_login(user or getattr(world, persona))
    task = plan.tasks.get(ref="II.2")
    assert client.get(reverse("plans:task", args=[task.pk])).status_code == read
    assert client.post(reverse("plans:task", args=[task.pk]), {"status": "done"}).status_code == update
    task.refresh_from_db()
    assert task.status == ("done" if update == 302 else "not_started")


def review_post(proposals: list, **header: object) -> dict[str, object]:
    """What the review page posts: the plan's header and one formset row per proposed task, all kept."""
    data: dict[str, object] = {"task-TOTAL_FORMS": len(proposals), "task-INITIAL_FORMS": 0, **header}
    for index, task in enumerate(proposals):
        data.update(
            {
                f"task-{index}-keep": "on",
                f"task-{index}-ref": task.ref,
                f"task-{index}-parent": task.parent_ref,
                f"task-{index}-content": task.content,
                f"task-{index}-lead": task.lead.pk if task.lead else "none",  # left open on purpose
                f"task-{index}-lead_name": task.lead_name,
                f"task-{index}-when": ", ".join(w.iso for w in task.windows),
            }
        )
    return data


def test_import_review_and_save_over_http(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    upload = SimpleUploadedFile("ke-hoach.txt", (FIXTURES / "plan_vinhlong_2026.txt").read_bytes())
    review = client.post(reverse("plans:import", args=[world.vinh_long.pk]), {"file": upload})
    proposals = review.context["proposals"]
    data = review_post(proposals, title="Kế hoạch năm 2026", year="2026")
    data["task-0-keep"] = ""  # the clerk drops one task
    data["task-2-lead"] = world.vl_health.pk  # and corrects a lead unit
    data["task-3-when"] = "Quý II/2026"  # and writes a time in words
    response = client.post(reverse("plans:save_import", args=[world.vinh_long.pk]), data)
    plan = Plan.objects.get(committee=world.vinh_long)
    assert response.url == reverse("plans:detail", args=[plan.pk])
    assert plan.tasks.count() == len(proposals) - 1
    assert plan.tasks.get(ref="II.3").lead == world.vl_health
    assert plan.tasks.get(ref="II.4").windows == ["2026-Q2"]


SUB_TASKS = """KẾ HOẠCH
Thực hiện Cuộc vận động năm 2026
III. NHIỆM VỤ CỤ THỂ CỦA CÁC CƠ QUAN THÀNH VIÊN
1. Sở Công Thương
1.1. Tổ chức phiên chợ hàng Việt về nông thôn. Thời gian: Quý II/2026.
1.2. Tổ chức Tuần hàng Việt Nam. Thời gian: tháng 9/2026.
2. Sở Y tế: Tuyên truyền Đề án “Người Việt Nam ưu tiên dùng thuốc Việt Nam”.
- Phối hợp: Hội Liên hiệp Phụ nữ tỉnh, Hội Nông dân tỉnh.
"""


def test_the_review_page_shows_which_task_holds_a_sub_task_and_saves_the_link(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    upload = SimpleUploadedFile("ke-hoach.txt", SUB_TASKS.encode())
    review = client.post(reverse("plans:import", args=[world.vinh_long.pk]), {"file": upload})
    page = review.content.decode()
    assert 'data-testid="parent-of-III.1.2"' in page and "thuộc mục III.1" in page
    assert "Văn bản ghi: Hội Liên hiệp Phụ nữ tỉnh; Hội Nông dân tỉnh" in page  # the units as the plan names them
    proposals = review.context["proposals"]
    assert [(task.ref, task.parent_ref) for task in proposals] == [
        ("III.1", ""),
        ("III.1.1", "III.1"),
        ("III.1.2", "III.1"),
        ("III.2", ""),
    ]
    data = review_post(proposals, title="Kế hoạch năm 2026", year="2026")
    client.post(reverse("plans:save_import", args=[world.vinh_long.pk]), data)
    plan = Plan.objects.get(committee=world.vinh_long)
    holder = plan.tasks.get(ref="III.1")
    assert [task.ref for task in holder.children.order_by("order")] == ["III.1.1", "III.1.2"]
    assert holder.lead == world.vl_trade and plan.tasks.get(ref="III.1.2").lead == world.vl_trade
    detail = client.get(reverse("plans:detail", args=[plan.pk])).content.decode()
    assert '<td class="ps-4">III.1.1</td>' in detail  # shown under the task that holds it


def test_a_parent_ref_typed_wrong_on_the_review_page_saves_the_task_at_the_top(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    upload = SimpleUploadedFile("ke-hoach.txt", SUB_TASKS.encode())
    proposals = client.post(reverse("plans:import", args=[world.vinh_long.pk]), {"file": upload}).context["proposals"]
    data = review_post(proposals, title="Kế hoạch năm 2026", year="2026")
    data["task-1-parent"] = "IX.9"  # no such task
    data["task-2-parent"] = "x" * 50  # longer than a ref
    response = client.post(reverse("plans:save_import", args=[world.vinh_long.pk]), data)
    assert response.status_code == 422 and "Nhiệm vụ III.1.2" in response.content.decode()
    data["task-2-parent"] = "III.1"
    client.post(reverse("plans:save_import", args=[world.vinh_long.pk]), data)
    plan = Plan.objects.get(committee=world.vinh_long)
    assert plan.tasks.get(ref="III.1.1").parent is None and plan.tasks.get(ref="III.1.2").parent.ref == "III.1"


def test_a_lead_from_another_committee_is_never_saved(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    response = client.post(
        reverse("plans:save_import", args=[world.vinh_long.pk]),
        {
            "title": "X",
            "year": "2026",
            "task-TOTAL_FORMS": 1,
            "task-INITIAL_FORMS": 0,
            "task-0-keep": "on",
            "task-0-ref": "1",
            "task-0-content": "Việc",
            "task-0-lead": world.ag_trade.pk,
            "task-0-when": "2026",
        },
    )
    # Only the committee's own units are offered or kept: another committee's unit is an unresolved lead, and
    # nothing is saved until the clerk picks one of its own or leaves the lead open (issue 13).
    assert response.status_code == 422 and "chưa xác định đơn vị chủ trì" in response.content.decode()
    assert not Task.objects.filter(content="Việc").exists()


@pytest.mark.parametrize(("persona", "status"), [("vl_viewer", 403), ("vl_trade_clerk", 404), ("ag_office", 404)])
def test_only_the_committee_imports(client: Client, world: World, persona: str, status: int) -> None:
    client.force_login(getattr(world, persona))
    upload = SimpleUploadedFile("k.txt", (FIXTURES / "plan_vinhlong_2026.txt").read_bytes())
    assert client.post(reverse("plans:import", args=[world.vinh_long.pk]), {"file": upload}).status_code == status


def test_a_province_cascades_the_central_plan_to_its_agencies(client: Client, world: World) -> None:
    central = actions.save_plan(
        world.central,
        ParsedPlan(title="Kế hoạch Trung ương năm 2026", year=2026),
        [
            actions.ReviewedTask(ref="II.1", content="Phiên chợ hàng Việt", lead_name="Bộ Công Thương"),
        ],
        acting_user=None,
    )
    client.force_login(world.vl_office)
    page = client.get(reverse("plans:cascade", args=[world.vinh_long.pk, central.pk]))
    assert page.status_code == 200
    upper_task = central.tasks.get()
    client.post(
        reverse("plans:cascade", args=[world.vinh_long.pk, central.pk]), {f"lead_{upper_task.pk}": world.vl_trade.pk}
    )
    own = Plan.objects.get(committee=world.vinh_long, parent_plan=central)
    task = own.tasks.get()
    assert (task.lead, task.source_task, own.source) == (world.vl_trade, upper_task, "cascaded")
    client.force_login(world.ag_office)
    assert client.get(reverse("plans:cascade", args=[world.vinh_long.pk, central.pk])).status_code == 404


def test_a_cascade_cannot_name_a_lead_unit_of_another_committee(client: Client, world: World) -> None:
    central = actions.save_plan(
        world.central,
        ParsedPlan(title="Kế hoạch Trung ương năm 2026", year=2026),
        [actions.ReviewedTask(ref="II.1", content="Phiên chợ hàng Việt", lead_name="Bộ Công Thương")],
        acting_user=None,
    )
    client.force_login(world.vl_office)
    url = reverse("plans:cascade", args=[world.vinh_long.pk, central.pk])
    response = client.post(url, {f"lead_{central.tasks.get().pk}": world.ag_trade.pk}, follow=True)
    assert "Mục II.1: đơn vị chủ trì không thuộc Ban Chỉ đạo này." in response.content.decode()
    assert not Plan.objects.filter(committee=world.vinh_long).exists()


def test_the_plan_exports_to_word(client: Client, world: World, plan: Plan) -> None:
    client.force_login(world.vl_office)
    document = read_docx(io.BytesIO(client.get(reverse("plans:export", args=[plan.pk])).content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert "KẾ HOẠCH" in text and "Tổ chức phiên chợ hàng Việt về nông thôn" in text
    assert "Thời gian: Tháng 6/2026; Tháng 11/2026" in text


def test_the_overdue_board_reads_a_date(client: Client, world: World, plan: Plan) -> None:
    client.force_login(world.vl_office)
    page = client.get(reverse("plans:overdue", args=[world.vinh_long.pk]), {"ngay": "2026-07-01"}).content.decode()
    assert "II.4" in page and "II.2" not in page


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"year": "99999"}, "Năm phải từ 2000 đến 2100"),
        ({"year": "1"}, "Năm phải từ 2000 đến 2100"),
        ({"cited": "Quyết định|" + "1" * 120}, "quá dài (tối đa 80 ký tự)"),
        ({"task-TOTAL_FORMS": "abc"}, "thiếu số dòng hoặc đã bị sửa"),
        ({"task-TOTAL_FORMS": "100000"}, "tối đa 500 dòng"),
        ({"number_symbol": "1" * 200}, "80"),
        ({"task-0-ref": "x" * 100}, "Nhiệm vụ"),
    ],
)
def test_a_malformed_review_is_refused_in_vietnamese_and_keeps_what_was_typed(
    client: Client, world: World, change: dict[str, str], message: str
) -> None:
    client.force_login(world.vl_office)
    upload = SimpleUploadedFile("ke-hoach.txt", (FIXTURES / "plan_vinhlong_2026.txt").read_bytes())
    proposals = client.post(reverse("plans:import", args=[world.vinh_long.pk]), {"file": upload}).context["proposals"]
    data = review_post(proposals, title="Kế hoạch đã sửa tên", year="2026")
    data.update(change)
    response = client.post(reverse("plans:save_import", args=[world.vinh_long.pk]), data)
    assert response.status_code == 422
    page = response.content.decode()
    assert message in page
    assert "Kế hoạch đã sửa tên" in page  # nothing typed is lost
    assert not Plan.objects.filter(committee=world.vinh_long).exists()


@pytest.mark.parametrize(("data", "message"), [({"status": "xong"}, "Trạng thái"), ({"note": "x" * 6000}, "5000")])
def test_a_refused_progress_update_shows_the_page_again_with_what_was_typed(
    client: Client, world: World, plan: Plan, data: dict[str, str], message: str
) -> None:
    task = plan.tasks.get(ref="II.2")
    client.force_login(world.vl_trade_clerk)
    response = client.post(reverse("plans:task", args=[task.pk]), {"status": "done", "note": "Đã làm", **data})
    assert response.status_code == 422
    page = response.content.decode()
    assert message in page and data.get("note", "Đã làm") in page
    task.refresh_from_db()
    assert task.status == "not_started" and not task.progress.exists()


def test_evidence_is_served_only_through_the_task_gate(client: Client, world: World, plan: Plan) -> None:
    task = plan.tasks.get(ref="II.2")
    client.force_login(world.vl_trade_clerk)
    client.post(
        reverse("plans:task", args=[task.pk]),
        {
            "status": "done",
            "note": "Xong",
            "evidence": SimpleUploadedFile('Ảnh phiên chợ "số 1".jpg', b"\xff\xd8\xff jpeg", content_type="image/jpeg"),
        },
    )
    progress = task.progress.get()
    page = client.get(reverse("plans:task", args=[task.pk])).content.decode()
    assert "/media/" not in page and reverse("plans:evidence", args=[progress.pk]) in page
    response = client.get(reverse("plans:evidence", args=[progress.pk]))
    assert response.status_code == 200 and b"".join(response.streaming_content) == b"\xff\xd8\xff jpeg"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;") and "\n" not in disposition and "/" not in disposition.split(";")[1]
    client.logout()
    anonymous = client.get(reverse("plans:evidence", args=[progress.pk]))
    assert anonymous.status_code == 302 and "/media/" not in anonymous["Location"]
    client.force_login(world.ag_office)  # another province's office: not a reader of this plan
    assert client.get(reverse("plans:evidence", args=[progress.pk])).status_code == 404
