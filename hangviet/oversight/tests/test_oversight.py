"""Oversight: programmes, visits with the pre-filled checklist, recommendations followed as the inspected body's
tasks, the conclusion notice; market cases feeding the indicators; who may see what; bad input."""

from __future__ import annotations

import datetime
import io
import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hangviet.lib.periods import PeriodKey
from hangviet.lib.timewindows import Window
from hangviet.orgs import actions as org_actions
from hangviet.orgs.models import Membership, Organisation, UserRole
from hangviet.orgs.tests.factories import make_agency, make_user
from hangviet.oversight import actions
from hangviet.oversight.checklist import WITHHELD, build_checklist
from hangviet.periods.models import Period
from hangviet.plans import actions as plan_actions
from hangviet.plans.models import Plan, Task
from hangviet.registry.figures import figures_for_organisation, figures_for_unit, scope_for_organisation
from hangviet.reporting import actions as report_actions
from hangviet.reporting.models import Report

H1 = PeriodKey(2026, "H1")
JUNE = datetime.date(2026, 6, 10)


def _programme(world, **extra):
    return actions.create_programme(
        world.vinh_long,
        kind="supervision",
        title="Giám sát việc thực hiện Cuộc vận động tại phường năm 2026",
        year=2026,
        windows_text="tháng 6, tháng 11",
        subjects=[world.vl_commune, world.vl_sibling_commune],
        acting_user=world.vl_office,
        **extra,
    )


def _ward_facts(world):
    """Two seats (one with its decision), a member following an area, a report sent on time, two tasks."""
    for name in ("Nguyễn Văn A", "Lê Thị B"):
        org_actions.appoint_new_member(
            world.vl_commune,
            full_name=name,
            position="Ủy viên",
            role=Membership.Role.MEMBER,
            start=datetime.date(2025, 7, 15),
            decision="Quyết định số 05/QĐ-BCĐ ngày 15/7/2025",
            acting_user=None,
        )
    seat = Membership.objects.filter(committee=world.vl_commune).first()
    org_actions.assign_area(seat, unit=world.vl_commune.unit, start=datetime.date(2025, 8, 1), acting_user=None)
    report = report_actions.open_report(world.vl_commune, Period.objects.for_key(H1), acting_user=None)
    report_actions.submit_report(report, acting_user=None)
    Report.objects.filter(pk=report.pk).update(submitted_at=timezone.make_aware(datetime.datetime(2026, 6, 15, 9)))
    plan = Plan.objects.create(committee=world.vinh_long, year=2026, title="Kế hoạch năm 2026")
    Task.objects.create(
        plan=plan, ref="1", content="Tuyên truyền", lead=world.vl_commune, windows=["2026-Q1"], status=Task.Status.DONE
    )
    Task.objects.create(plan=plan, ref="2", content="Phiên chợ", lead=world.vl_commune, windows=["2026-04"])
    return report, plan


# Programmes, visits, recommendations ---------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_june_programme_over_two_wards_reads_its_windows(world):
    programme = _programme(world)
    assert programme.windows == ["2026-06", "2026-11"]
    assert set(programme.subjects.all()) == {world.vl_commune, world.vl_sibling_commune}


@pytest.mark.django_db
def test_a_recommendation_becomes_the_wards_task_and_closes_with_evidence(world):
    programme = _programme(world)
    visit = actions.open_visit(programme, subject=world.vl_commune, visited_on=JUNE, period=H1, acting_user=None)
    actions.record_finding(visit, kind="limitation", text="Chưa kiện toàn Tổ giúp việc.", acting_user=None)
    recommendation = actions.make_recommendation(
        visit, text="Kiện toàn Tổ giúp việc Ban Chỉ đạo phường.", due_on=datetime.date(2026, 9, 30), acting_user=None
    )
    task = recommendation.task
    assert task.lead == world.vl_commune and task.plan.source == Plan.Source.FOLLOW_UP
    assert task.plan.committee == world.vinh_long and task.due_on == datetime.date(2026, 9, 30)

    client = Client()
    client.force_login(world.commune_clerk)
    mine = client.get(reverse("plans:mine"))
    assert "Kiện toàn Tổ giúp việc Ban Chỉ đạo phường." in mine.content.decode()
    scope = scope_for_organisation(world.vinh_long)
    day = datetime.date(2026, 12, 14)
    from hangviet.registry.figures import compute

    assert compute(scope, H1.start, day)["oversight_recommendations_open"].value == 1
    response = client.post(
        reverse("plans:task", args=[task.pk]),
        {"status": Task.Status.DONE, "note": "Đã kiện toàn", "evidence": SimpleUploadedFile("qd.txt", b"Quyet dinh")},
    )
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == Task.Status.DONE and task.progress.get().evidence
    assert compute(scope, H1.start, day)["oversight_recommendations_open"].value == 0
    assert compute(scope, H1.start, day)["supervisions"].value == 1


@pytest.mark.django_db
def test_the_conclusion_notice_downloads_as_word(world):
    from docx import Document as WordDocument

    programme = _programme(world)
    visit = actions.open_visit(programme, subject=world.vl_commune, visited_on=JUNE, period=H1, acting_user=None)
    actions.record_finding(visit, kind="strength", text="Tổ chức tốt phiên chợ hàng Việt.", acting_user=None)
    actions.make_recommendation(
        visit, text="Bổ sung quy chế làm việc.", due_on=datetime.date(2026, 8, 31), acting_user=None
    )
    client = Client()
    client.force_login(world.vl_office)
    response = client.get(reverse("oversight:conclusion", args=[visit.pk]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(response.content)).paragraphs)
    assert "THÔNG BÁO" in text.upper()
    assert "Bổ sung quy chế làm việc." in text and "Phường Trà Vinh" in text


# The checklist -------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_checklist_is_prefilled_from_what_hangviet_knows(world):
    report, plan = _ward_facts(world)
    checklist = build_checklist(world.vl_commune, H1).as_dict()
    items = {item["criterion"]: item for item in checklist["items"]}
    assert checklist["subject"] == world.vl_commune.name
    assert items["Thành viên Ban Chỉ đạo đang đảm nhiệm"]["value"] == 2
    assert items["Thành viên Ban Chỉ đạo đang đảm nhiệm"]["link"] == reverse("orgs:detail", args=[world.vl_commune.pk])
    assert items["Kiện toàn Ban Chỉ đạo"]["value"] == "2025-07-15"
    assert items["Phân công thành viên theo dõi địa bàn"]["value"] == 1
    assert items["Báo cáo gửi đúng hạn"]["value"] == 1
    assert items["Báo cáo gửi đúng hạn"]["link"] == reverse("reporting:detail", args=[report.pk])
    assert items["Nhiệm vụ kế hoạch đã hoàn thành"]["value"] == 1
    assert "1/2" in items["Nhiệm vụ kế hoạch đã hoàn thành"]["text"]
    assert items["Nhiệm vụ kế hoạch đã hoàn thành"]["link"] == reverse("plans:detail", args=[plan.pk])
    assert all(item["evidence"] for item in checklist["items"])


@pytest.mark.django_db
def test_a_late_report_is_not_on_time(world):
    report, _plan = _ward_facts(world)
    Report.objects.filter(pk=report.pk).update(submitted_at=timezone.make_aware(datetime.datetime(2026, 7, 2, 9)))
    items = {item.criterion: item for item in build_checklist(world.vl_commune, H1).items}
    assert items["Báo cáo gửi đúng hạn"].value == 0
    assert "muộn" in items["Báo cáo gửi đúng hạn"].text


@pytest.mark.django_db
def test_the_checklist_shows_only_what_the_reader_may_read(world):
    _ward_facts(world)
    office = {item.criterion: item for item in build_checklist(world.vl_commune, H1, user=world.vl_office).items}
    viewer = {item.criterion: item for item in build_checklist(world.vl_commune, H1, user=world.vl_viewer).items}
    assert office["Thành viên Ban Chỉ đạo đang đảm nhiệm"].value == 2
    assert viewer["Thành viên Ban Chỉ đạo đang đảm nhiệm"].value is None
    assert viewer["Thành viên Ban Chỉ đạo đang đảm nhiệm"].text == WITHHELD
    assert viewer["Báo cáo gửi đúng hạn"].link == ""


@pytest.mark.django_db
def test_the_checklist_command_prints_json(world):
    _ward_facts(world)
    out = io.StringIO()
    call_command(
        "oversight",
        "checklist",
        "--unit",
        "Phường Trà Vinh, Tỉnh Vĩnh Long",
        "--period",
        "2026-H1",
        "--format",
        "json",
        stdout=out,
    )
    payload = json.loads(out.getvalue())
    assert payload["subject"] == world.vl_commune.name
    assert payload["items"] and {"criterion", "value", "evidence"} <= set(payload["items"][0])
    seats = next(item for item in payload["items"] if item["criterion"].startswith("Thành viên"))
    assert seats["value"] == 2 and seats["link"].startswith("/")


@pytest.mark.django_db
def test_the_checklist_command_refuses_an_unknown_unit_in_vietnamese(world):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="Không tìm thấy"):
        call_command("oversight", "checklist", "--unit", "Xã Không Có", "--period", "2026-H1")
    with pytest.raises(CommandError, match="không hợp lệ"):
        call_command("oversight", "checklist", "--unit", "Phường Trà Vinh, Tỉnh Vĩnh Long", "--period", "2026-Q3")


# Market cases -------------------------------------------------------------------------------------------------


def _two_cases(world):
    first = actions.record_case(
        world.vl_trade,
        occurred_on=datetime.date(2026, 3, 12),
        violation_type="counterfeit",
        outcome="fined",
        place_text="chợ Trà Vinh, Phường Trà Vinh",
        subject_text="Hộ kinh doanh Sáu Dư",
        fine_vnd=Decimal(15_000_000),
        acting_user=None,
    )
    second = actions.record_case(
        world.vl_trade,
        occurred_on=datetime.date(2026, 5, 20),
        violation_type="unknown_origin",
        outcome="fined",
        fine_vnd=Decimal(7_500_000),
        acting_user=None,
    )
    return first, second


@pytest.mark.django_db
def test_market_cases_feed_the_registry_figures(world):
    first, _second = _two_cases(world)
    assert first.place is not None and first.place.unit is not None
    province = figures_for_organisation(world.vinh_long, H1.start, H1.end)
    assert province["inspections"].value == 2
    assert province["violations_handled"].value == 2
    assert province["fines_vnd"].value == Decimal(22_500_000)
    assert province["fines_vnd"].registry == "market_cases"
    assert figures_for_unit(world.vinh_long.unit, H1.start, H1.end)["inspections"].value == 2
    own = figures_for_organisation(world.vl_trade, H1.start, H1.end)
    assert own["inspections"].value == 2
    assert "inspections" not in figures_for_organisation(world.an_giang, H1.start, H1.end)


@pytest.mark.django_db
def test_no_case_and_no_total_says_nothing_not_zero(world):
    found = figures_for_organisation(world.vinh_long, H1.start, H1.end)
    assert not {"inspections", "violations_handled", "fines_vnd", "supervisions"} & found.keys()


@pytest.mark.django_db
def test_a_period_total_replaces_the_agencys_cases_of_that_period(world):
    _two_cases(world)
    actions.record_case_total(
        world.vl_trade,
        period=H1,
        inspections=30,
        violations_handled=12,
        fines_vnd=Decimal(90_000_000),
        acting_user=None,
    )
    found = figures_for_organisation(world.vinh_long, H1.start, H1.end)
    assert found["inspections"].value == 30 and found["fines_vnd"].value == Decimal(90_000_000)


@pytest.mark.django_db
def test_the_registry_command_includes_the_cases(world):
    _two_cases(world)
    out = io.StringIO()
    call_command(
        "registry", "figures", "--unit", "Tỉnh Vĩnh Long", "--period", "2026-H1", "--format", "json", stdout=out
    )
    payload = json.loads(out.getvalue())
    assert payload["figures"]["inspections"] == 2 and payload["figures"]["fines_vnd"] == 22_500_000


# Permissions --------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_cases_are_seen_by_the_agency_and_the_offices_above_only(world):
    first, _second = _two_cases(world)
    url = reverse("oversight:case", args=[first.pk])
    for user, status in (
        (world.vl_trade_clerk, 200),
        (world.vl_office, 200),
        (world.central_office, 200),
        (world.commune_clerk, 404),
        (world.ag_office, 404),
        (world.vl_viewer, 404),
    ):
        client = Client()
        client.force_login(user)
        assert client.get(url).status_code == status, user
    assert Client().get(url).status_code == 302  # anonymous: the sign-in page
    listing = Client()
    listing.force_login(world.commune_clerk)
    assert "Sáu Dư" not in listing.get(reverse("oversight:cases")).content.decode()


@pytest.mark.django_db
def test_an_agency_that_does_not_enforce_cannot_record_cases(world):
    union = make_agency(world.vinh_long, "Hội Liên hiệp Phụ nữ tỉnh", sector=Organisation.Sector.UNIONS)
    clerk = make_user("hlhpn", union, UserRole.Role.CLERK)
    client = Client()
    client.force_login(clerk)
    assert client.get(reverse("oversight:case_create", args=[union.pk])).status_code == 403
    assert client.get(reverse("oversight:case_create", args=[world.vl_trade.pk])).status_code == 404
    with pytest.raises(ValidationError, match="không phải cơ quan có chức năng"):
        actions.record_case(union, occurred_on=JUNE, violation_type="counterfeit", outcome="fined", acting_user=None)


@pytest.mark.django_db
def test_a_sibling_ward_does_not_see_the_wards_visit(world):
    programme = _programme(world)
    visit = actions.open_visit(programme, subject=world.vl_commune, visited_on=JUNE, period=H1, acting_user=None)
    url = reverse("oversight:visit", args=[visit.pk])
    for user, status in ((world.commune_clerk, 200), (world.sibling_commune_clerk, 404), (world.ag_office, 404)):
        client = Client()
        client.force_login(user)
        assert client.get(url).status_code == status
    ward = Client()
    ward.force_login(world.commune_clerk)
    assert (
        ward.post(reverse("oversight:finding_add", args=[visit.pk]), {"kind": "strength", "text": "x"}).status_code
        == 403
    )
    assert ward.get(reverse("oversight:programme", args=[programme.pk])).status_code == 404


# Bad input ----------------------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_case_form_refuses_bad_dates_and_negative_fines(world):
    client = Client()
    client.force_login(world.vl_trade_clerk)
    url = reverse("oversight:case_create", args=[world.vl_trade.pk])
    base = {"occurred_on": "2026-03-12", "violation_type": "counterfeit", "outcome": "fined", "origin": "planned"}
    negative = client.post(url, base | {"fine": "-5.000.000"})
    assert negative.status_code == 422 and "Số tiền phạt không được âm." in negative.content.decode()
    bad_date = client.post(url, base | {"occurred_on": "2026-02-31"})
    assert bad_date.status_code == 422 and "Ngày không có thật" in bad_date.content.decode()
    assert client.post(url, base | {"fine": "mười triệu"}).status_code == 422
    assert client.post(url, base | {"fine": "5\x00"}).status_code in (400, 422)  # NUL bytes: refused, never 500
    from hangviet.oversight.models import MarketCase

    assert not MarketCase.objects.exists()
    ok = client.post(url, base | {"fine": "15 triệu", "place_text": "<b>chợ</b> Trà Vinh"})
    assert ok.status_code == 302
    case = MarketCase.objects.get()
    assert case.fine_vnd == Decimal(15_000_000) and case.place.text == "<b>chợ</b> Trà Vinh"
    page = client.get(reverse("oversight:case", args=[case.pk])).content.decode()
    assert "<b>chợ</b>" not in page


@pytest.mark.django_db
def test_the_programme_form_refuses_unknown_subjects_and_unreadable_windows(world):
    client = Client()
    client.force_login(world.vl_office)
    url = reverse("oversight:programme_create", args=[world.vinh_long.pk])
    data = {"kind": "supervision", "title": "Giám sát tháng 6", "year": "2026", "windows_text": "tháng 6"}
    stranger = client.post(url, data | {"subjects": [str(world.ag_trade.pk)]})
    assert stranger.status_code == 422 and "không có trong danh sách" in stranger.content.decode()
    vague = client.post(url, data | {"windows_text": "sớm", "subjects": [str(world.vl_commune.pk)]})
    assert vague.status_code == 422 and "Không đọc được thời gian" in vague.content.decode()
    ok = client.post(url, data | {"subjects": [str(world.vl_commune.pk)]})
    assert ok.status_code == 302
    with pytest.raises(ValidationError, match="không thuộc phạm vi"):
        actions.create_programme(
            world.vinh_long,
            kind="supervision",
            title="x",
            year=2026,
            windows_text="quý IV",
            subjects=[world.ag_trade],
            acting_user=None,
        )


@pytest.mark.django_db
def test_visits_and_recommendations_refuse_bad_input(world):
    programme = _programme(world)
    with pytest.raises(ValidationError, match="không phải đối tượng"):
        actions.open_visit(programme, subject=world.vl_trade, visited_on=JUNE, period=H1, acting_user=None)
    visit = actions.open_visit(programme, subject=world.vl_commune, visited_on=JUNE, period=H1, acting_user=None)
    with pytest.raises(ValidationError, match="không được trước ngày làm việc"):
        actions.make_recommendation(visit, text="x", due_on=datetime.date(2026, 1, 1), acting_user=None)
    client = Client()
    client.force_login(world.vl_office)
    response = client.post(
        reverse("oversight:recommendation_add", args=[visit.pk]), {"text": "Kiện toàn", "due_on": "0001-01-01"}
    )
    assert response.status_code == 422
    total = client.post(
        reverse("oversight:total_create", args=[world.vl_trade.pk]), {"period": "2026-H1", "inspections": "-1"}
    )
    assert total.status_code == 403  # the office above reads the agency's cases, does not record them
    trade = Client()
    trade.force_login(world.vl_trade_clerk)
    negative = trade.post(
        reverse("oversight:total_create", args=[world.vl_trade.pk]), {"period": "2026-H1", "inspections": "-1"}
    )
    assert negative.status_code == 422 and "Số vụ không được âm." in negative.content.decode()


@pytest.mark.django_db
def test_follow_up_tasks_stay_below_the_committee(world):
    with pytest.raises(ValidationError):
        plan_actions.add_follow_up_task(
            world.vinh_long, year=2026, content="x", lead=world.ag_trade, window=Window(JUNE, JUNE), acting_user=None
        )


@pytest.mark.django_db
def test_the_conclusion_notice_renders_in_libreoffice(world, tmp_path):
    import os
    import re

    import pdfplumber

    from hangviet.lib.rendering import docx_to_pdf, soffice_path
    from hangviet.oversight.export import conclusion_docx

    if soffice_path() is None and not os.environ.get("HANGVIET_REQUIRE_RENDERING"):
        pytest.skip("LibreOffice is not installed here; CI renders the file")
    programme = _programme(world)
    visit = actions.open_visit(programme, subject=world.vl_commune, visited_on=JUNE, period=H1, acting_user=None)
    actions.make_recommendation(
        visit, text="Bổ sung quy chế làm việc.", due_on=datetime.date(2026, 8, 31), acting_user=None
    )
    with pdfplumber.open(docx_to_pdf(conclusion_docx(visit), tmp_path)) as rendered:
        text = re.sub(r"\s+", " ", rendered.pages[0].extract_text())
    assert "THÔNG BÁO" in text and "Vĩnh Long, ngày 10 tháng 6 năm 2026" in text
    assert "Bổ sung quy chế làm việc. Thời hạn: 31/8/2026." in text


@pytest.mark.django_db
def test_a_case_links_the_consumer_reports_it_names_and_refuses_one_it_does_not_handle(world, client):
    from hangviet.complaints import actions as complaint_actions

    complaint_actions.set_route(world.vinh_long.unit, world.vl_trade, acting_user=None)
    milk = complaint_actions.submit_report(description="Sữa bột giả", place_text="Phường Long Châu, Vĩnh Long")
    rice = complaint_actions.submit_report(description="Gạo kém", place_text="Phường Long Xuyên, tỉnh An Giang")
    case = actions.record_case(
        world.vl_trade,
        occurred_on=datetime.date(2026, 3, 12),
        violation_type="counterfeit",
        outcome="fined",
        fine_vnd=Decimal(5_000_000),
        consumer_report_ref=f"{milk.code}; công văn 12/UBND",
        acting_user=None,
    )
    assert list(case.consumer_reports.all()) == [milk]
    assert list(milk.market_cases.all()) == [case]
    with pytest.raises(ValidationError, match=rice.code):
        actions.record_case(
            world.vl_trade,
            occurred_on=datetime.date(2026, 3, 12),
            violation_type="counterfeit",
            outcome="fined",
            consumer_report_ref=rice.code,  # An Giang's, not handled by Sở Công Thương Vĩnh Long
            acting_user=None,
        )
    client.force_login(world.vl_trade_clerk)
    page = client.get(reverse("oversight:case", args=[case.pk])).content.decode()
    assert reverse("complaints:detail", args=[milk.pk]) in page and "công văn 12/UBND" in page
    other = actions.record_case(
        world.vl_trade,
        occurred_on=datetime.date(2026, 3, 13),
        violation_type="counterfeit",
        outcome="reminded",
        consumer_report_ref=f"pa-{milk.code[3:].lower()}",
        acting_user=None,
    )
    assert list(other.consumer_reports.all()) == [milk]
