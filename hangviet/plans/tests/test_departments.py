"""A department that has no seat on the committee ("Sở Tư pháp") can still lead a task of its plans: it is recorded as
an organisation of the "department" kind attached to the committee, matched in imported plans, offered on the
writing form, sees the task in its list and records progress; it does not report to the committee."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hangviet.orgs.actions import create_organisation
from hangviet.orgs.models import Organisation
from hangviet.orgs.queries import list_agencies
from hangviet.orgs.tests.factories import World, make_user
from hangviet.plans import actions, queries
from hangviet.plans.models import Plan
from hangviet.plans.tests.test_tasks import review_post

pytestmark = pytest.mark.django_db

PLAN = """KẾ HOẠCH
Thực hiện Cuộc vận động năm 2026
III. NHIỆM VỤ CỤ THỂ
1. Sở Công Thương: Tổ chức phiên chợ hàng Việt về nông thôn. Thời gian: Quý II/2026.
2. Sở Tư pháp: Tuyên truyền pháp luật về bảo vệ quyền lợi người tiêu dùng. Thời gian: tháng 9/2026.
"""


def department(world: World) -> Organisation:
    return create_organisation(
        kind=Organisation.Kind.DEPARTMENT,
        name="Sở Tư pháp",
        unit=world.vinh_long.unit,
        parent=world.vinh_long,
        acting_user=None,
    )


def test_a_department_outside_the_committee_is_matched_only_once_recorded(world: World) -> None:
    _parsed, before = actions.read_plan(PLAN.encode(), "p.txt", world.vinh_long)
    justice = next(task for task in before if "pháp luật" in task.content)
    assert justice.lead is None and justice.lead_name == "Sở Tư pháp"  # unknown: kept as written, not invented
    recorded = department(world)
    _parsed, after = actions.read_plan(PLAN.encode(), "p.txt", world.vinh_long)
    justice = next(task for task in after if "pháp luật" in task.content)
    assert justice.lead == recorded
    # It is no member: not among the agencies (documents' tests show it does not report to the committee).
    assert recorded not in list_agencies(world.vinh_long)
    assert recorded in queries.own_units(world.vinh_long)


def test_the_committee_page_lists_its_departments_apart_from_its_members(client: Client, world: World) -> None:
    department(world)
    client.force_login(world.vl_office)
    page = client.get(reverse("orgs:detail", args=[world.vinh_long.pk])).content.decode()
    members, outside = page.index('data-testid="agencies"'), page.index('data-testid="departments"')
    assert "Sở Tư pháp" not in page[members:outside] and "Sở Tư pháp" in page[outside:]


def test_a_department_needs_the_committee_that_addresses_it(world: World) -> None:
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        create_organisation(
            kind=Organisation.Kind.DEPARTMENT,
            name="Sở Tư pháp",
            unit=world.vinh_long.unit,
            parent=None,
            acting_user=None,
        )


def test_an_imported_task_reaches_the_department_which_records_progress(client: Client, world: World) -> None:
    justice = department(world)
    clerk = make_user("stp", justice)
    client.force_login(world.vl_office)
    review = client.post(
        reverse("plans:import", args=[world.vinh_long.pk]), {"file": SimpleUploadedFile("kh.txt", PLAN.encode())}
    )
    assert "Sở Tư pháp (ngoài Ban Chỉ đạo)" in review.content.decode()
    data = review_post(review.context["proposals"], title="Kế hoạch năm 2026", year="2026")
    client.post(reverse("plans:save_import", args=[world.vinh_long.pk]), data)
    task = Plan.objects.get(committee=world.vinh_long).tasks.get(lead=justice)
    client.force_login(clerk)
    mine = client.get(reverse("plans:mine")).content.decode()
    assert "Tuyên truyền pháp luật" in mine and "phiên chợ" not in mine
    assert client.get(reverse("plans:detail", args=[task.plan_id])).status_code == 200  # plans flow down to it
    response = client.post(reverse("plans:task", args=[task.pk]), {"status": "in_progress", "note": "Đã in tờ rơi"})
    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.status, task.progress_note) == ("in_progress", "Đã in tờ rơi")
    # Another organisation's task stays closed to it.
    other = Plan.objects.get(committee=world.vinh_long).tasks.get(lead=world.vl_trade)
    assert client.post(reverse("plans:task", args=[other.pk]), {"status": "done"}).status_code == 403


def test_the_plan_writing_form_offers_the_department_as_lead(client: Client, world: World) -> None:
    justice = department(world)
    client.force_login(world.vl_office)
    form = client.get(reverse("plans:write", args=[world.vinh_long.pk])).content.decode()
    assert f'value="{justice.pk}"' in form
    response = client.post(
        reverse("plans:write", args=[world.vinh_long.pk]),
        {
            "title": "Kế hoạch phổ biến pháp luật năm 2026",
            "year": "2026",
            "task-TOTAL_FORMS": "1",
            "task-INITIAL_FORMS": "0",
            "task-0-ref": "1",
            "task-0-content": "Phổ biến pháp luật về bảo vệ quyền lợi người tiêu dùng",
            "task-0-lead": str(justice.pk),
            "task-0-when": "Quý III/2026",
            "task-0-output": "",
        },
    )
    assert response.status_code == 302
    assert Plan.objects.get(committee=world.vinh_long).tasks.get().lead == justice
