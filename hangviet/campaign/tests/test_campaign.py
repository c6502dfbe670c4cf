"""Media quotas and the quarter board, reminders, commendations and the directory, budgets by level, figures."""

from __future__ import annotations

import datetime
import io
import json

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from hangviet.audit.models import AuditEvent
from hangviet.campaign import actions, queries
from hangviet.campaign.models import MediaReminder, Nomination
from hangviet.notifications.models import Notification
from hangviet.orgs.tests.factories import make_agency, make_committee
from hangviet.registry import figures
from hangviet.units.models import Unit

Q1_END = datetime.date(2026, 3, 31)


def _outlets(world):
    press = make_agency(world.vinh_long, "Báo và Phát thanh, Truyền hình Vĩnh Long")
    paper = actions.create_outlet(press, name="Báo Vĩnh Long", kind="print", acting_user=None)
    tv = actions.create_outlet(press, name="Đài Phát thanh - Truyền hình Vĩnh Long", kind="broadcast", acting_user=None)
    return press, paper, tv


def _quotas(world, paper, tv):
    for outlet, item_type, minimum in ((paper, "tin", 3), (paper, "bai", 2), (tv, "phong_su", 1)):
        actions.set_quota(
            world.vinh_long, outlet, item_type=item_type, year=2026, quarter=1, minimum=minimum, acting_user=None
        )


def _items(outlet, item_type, count, day=datetime.date(2026, 2, 10)):
    for index in range(count):
        actions.record_item(outlet, item_type=item_type, title=f"Tin {index}", published_on=day, acting_user=None)


@pytest.fixture
def media(world):
    press, paper, tv = _outlets(world)
    _quotas(world, paper, tv)
    _items(paper, "tin", 2)
    _items(paper, "bai", 1)
    _items(tv, "phong_su", 1)
    _items(paper, "tin", 4, day=datetime.date(2026, 4, 2))  # next quarter: does not count for Q1
    return press, paper, tv


def test_board_shows_the_outlet_short_of_its_quota_at_the_quarters_end(world, media):
    _press, paper, tv = media
    board = queries.quarter_board(world.vinh_long, 2026, 1, today=Q1_END)
    assert board.ended
    by_name = {row.outlet.name: row for row in board.rows}
    assert by_name["Báo Vĩnh Long"].shortfall == "1 tin, 1 bài"
    assert by_name["Đài Phát thanh - Truyền hình Vĩnh Long"].shortfall == ""
    assert [row.outlet for row in board.short] == [paper]


def test_board_page_says_thieu_and_offers_the_office_a_remind_button(world, media):
    client = Client()
    client.force_login(world.vl_office)
    page = client.get(reverse("campaign:media_board", args=[world.vinh_long.pk]), {"year": 2026, "quarter": 1})
    text = page.content.decode()
    assert "thiếu 1 tin, 1 bài" in text
    assert text.count('data-testid="remind"') == 1
    client.force_login(world.vl_viewer)
    page = client.get(reverse("campaign:media_board", args=[world.vinh_long.pk]), {"year": 2026, "quarter": 1})
    assert "thiếu 1 tin, 1 bài" in page.content.decode() and 'data-testid="remind"' not in page.content.decode()


def test_reminder_is_mailed_to_the_outlet_owners_users_and_recorded(world, media):
    press, paper, _tv = media
    from hangviet.orgs.tests.factories import make_user

    clerk = make_user("bao-vl", press)
    clerk.email = "bao@vinhlong.example"
    clerk.save()
    client = Client()
    client.force_login(world.vl_office)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(
            reverse("campaign:remind", args=[world.vinh_long.pk, paper.pk]), {"year": 2026, "quarter": 1}
        )
    assert response.status_code == 302
    reminder = MediaReminder.objects.get()
    assert reminder.shortfall == "1 tin, 1 bài" and reminder.recipients == "bao@vinhlong.example"
    assert len(mail.outbox) == 1 and "1 tin, 1 bài" in mail.outbox[0].body
    assert AuditEvent.objects.filter(action="campaign.outlet_reminded").exists()
    notice = Notification.objects.get(recipient=clerk)  # the bell too, through the one notifications app
    assert "1 tin, 1 bài" in notice.title and notice.link == reverse("campaign:outlet", args=[paper.pk])


def test_reminder_with_nobody_to_reach_is_recorded_and_says_so(world, media):
    _press, paper, _tv = media
    client = Client()
    client.force_login(world.vl_office)
    response = client.post(
        reverse("campaign:remind", args=[world.vinh_long.pk, paper.pk]), {"year": 2026, "quarter": 1}, follow=True
    )
    assert "chưa có tài khoản hay địa chỉ thư điện tử nào" in response.content.decode()
    assert MediaReminder.objects.get().recipients == ""
    assert not mail.outbox


def test_an_outlet_that_met_its_quota_is_not_reminded(world, media):
    _press, _paper, tv = media
    with pytest.raises(ValidationError, match="đã đủ chỉ tiêu"):
        actions.remind_outlet(world.vinh_long, tv, year=2026, quarter=1, acting_user=None)


def test_quota_refuses_an_outlet_outside_the_committee_and_negative_minimums(world):
    other = make_agency(world.an_giang, "Báo An Giang")
    outlet = actions.create_outlet(other, name="Báo An Giang", kind="print", acting_user=None)
    with pytest.raises(ValidationError, match="không thuộc"):
        actions.set_quota(world.vinh_long, outlet, item_type="tin", year=2026, quarter=1, minimum=1, acting_user=None)
    _press, paper, _tv = _outlets(world)
    with pytest.raises(ValidationError, match="không được âm"):
        actions.set_quota(world.vinh_long, paper, item_type="tin", year=2026, quarter=1, minimum=-1, acting_user=None)


def test_quota_page_refuses_unknown_outlet_and_non_office(world, media):
    client = Client()
    client.force_login(world.vl_office)
    response = client.post(
        reverse("campaign:set_quota", args=[world.vinh_long.pk]),
        {"outlet": "999999", "item_type": "tin", "year": "2026", "quarter": "1", "minimum": "2"},
        follow=True,
    )
    assert "Kênh không có trong danh sách" in response.content.decode()
    client.force_login(world.vl_trade_clerk)
    assert client.post(reverse("campaign:set_quota", args=[world.vinh_long.pk]), {}).status_code == 404
    client.force_login(world.vl_viewer)
    assert client.post(reverse("campaign:set_quota", args=[world.vinh_long.pk]), {}).status_code == 403


def test_an_outlet_records_its_own_items_only(world, media):
    press, paper, _tv = media
    from hangviet.orgs.tests.factories import make_user

    client = Client()
    client.force_login(make_user("bao", press))
    url = reverse("campaign:outlet", args=[paper.pk])
    data = {"item_type": "bai", "title": "Người Việt ưu tiên dùng hàng Việt", "published_on": "2026-03-20"}
    assert client.post(url, data).status_code == 302
    bad = client.post(url, data | {"published_on": "9999-12-31"})
    assert bad.status_code == 200 and "Ngày phải từ" in bad.content.decode()
    client.force_login(world.vl_office)  # reads everything below, records nothing for the outlet
    assert client.get(url).status_code == 200
    assert client.post(url, data).status_code == 403
    client.force_login(world.ag_office)
    assert client.get(url).status_code == 404


def test_figures_include_media_items_banners_commendations_and_budget(world, media):
    actions.record_outdoor(
        world.vl_commune,
        kind="pano",
        pieces=5,
        sites="Xã Phú Cần",
        status="installed",
        installed_on=datetime.date(2026, 3, 1),
        acting_user=None,
    )
    scheme = actions.create_scheme(
        world.vinh_long, name="Tuyên dương doanh nghiệp tiêu biểu", kind="tuyen_duong", year=2026, acting_user=None
    )
    nomination = actions.nominate(
        scheme, world.vl_commune, nominee="Hợp tác xã Cầu Kè", category="model_business", acting_user=None
    )
    actions.compile_proposal(
        scheme, [nomination], number="12/TTr-BCĐ", dated=datetime.date(2026, 3, 2), acting_user=None
    )
    actions.decide_awards(
        scheme, [nomination], decision="25/QĐ-BCĐ", decided_on=datetime.date(2026, 3, 10), acting_user=None
    )
    actions.allocate_budget(world.vinh_long, year=2026, amount=36_900_000, source="front_estimate", acting_user=None)
    found = figures.figures_for_organisation(world.vinh_long, datetime.date(2025, 12, 15), datetime.date(2026, 6, 14))
    assert found["media_items"].value == 8  # the four of April are in the window too
    assert found["banners"].value == 5
    assert found["commendations"].value == 1
    assert found["committee_budget_vnd"].value == 36_900_000
    empty = figures.figures_for_organisation(world.an_giang, datetime.date(2025, 12, 15), datetime.date(2026, 6, 14))
    assert not {"media_items", "banners", "commendations", "committee_budget_vnd"} & set(empty)  # never 0


def test_nominations_flow_up_and_published_awardees_reach_the_directory(world):
    scheme = actions.create_scheme(
        world.vinh_long, name="Doanh nghiệp tiêu biểu, địa chỉ tin cậy", kind="ton_vinh", year=2026, acting_user=None
    )
    with pytest.raises(ValidationError, match="không thuộc"):
        actions.nominate(scheme, world.ag_trade, nominee="Công ty X", category="model_business", acting_user=None)
    client = Client()
    client.force_login(world.commune_clerk)
    url = reverse("campaign:scheme", args=[scheme.pk])
    assert client.get(url).status_code == 200  # schemes flow down: the ward reads and nominates
    response = client.post(
        url, {"proposer": world.vl_commune.pk, "nominee": "Hợp tác xã Cầu Kè", "category": "model_business"}
    )
    assert response.status_code == 302
    nomination = Nomination.objects.get()
    assert client.post(reverse("campaign:compile", args=[scheme.pk]), {}).status_code == 403
    client.force_login(world.vl_office)
    client.post(
        reverse("campaign:compile", args=[scheme.pk]),
        {"number": "12/TTr-BCĐ", "dated": "2026-03-02", "nomination": [nomination.pk]},
    )
    client.post(
        reverse("campaign:decide", args=[scheme.pk]),
        {"decision": "25/QĐ-BCĐ", "decided_on": "2026-03-10", "nomination": [nomination.pk]},
    )
    nomination.refresh_from_db()
    assert nomination.status == Nomination.Status.AWARDED
    assert queries.public_directory() == []  # decided, not yet published
    client.post(reverse("campaign:publish", args=[nomination.award.pk]), {"published": "on"})
    assert queries.public_directory() == [
        {
            "name": "Hợp tác xã Cầu Kè",
            "producer_id": None,
            "province": "Tỉnh Vĩnh Long",
            "award": "Doanh nghiệp tiêu biểu, địa chỉ tin cậy",
            "category": "Doanh nghiệp tiêu biểu",
            "year": 2026,
        }
    ]


def test_budget_view_gives_coverage_min_and_max_never_a_sum(world):
    old = Unit.objects.get(edition=Unit.Edition.PRE_2025, level=Unit.Level.PROVINCE, code="84")
    districts = [world.tv_district] + [
        make_committee(unit, world.tra_vinh, valid_to=datetime.date(2025, 6, 30))
        for unit in old.children.exclude(pk=world.tv_district.unit_id).order_by("code")[:2]
    ]
    for committee, amount in zip(districts, (3_000_000, 36_900_000, 10_000_000), strict=True):
        actions.allocate_budget(committee, year=2023, amount=amount, source="local_budget", acting_user=None)
    view = queries.budget_view(world.tra_vinh, 2023, {world.tra_vinh.pk, *(d.pk for d in districts)})
    (level,) = view.levels
    assert (level.covered, level.coverage, level.minimum, level.maximum) == (3, 1, 3_000_000, 36_900_000)
    client = Client()
    client.force_login(world.vl_office)
    text = client.get(reverse("campaign:budget", args=[world.tra_vinh.pk]), {"year": 2023}).content.decode()
    assert "thấp nhất 3 triệu đồng/năm" in text and "cao nhất 36,9 triệu đồng/năm" in text
    assert "49,9 triệu" not in text  # 3 + 36,9 + 10 is not a figure anyone should read
    xlsx = client.get(reverse("campaign:budget_xlsx", args=[world.tra_vinh.pk]), {"year": 2023})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_budget_refuses_negative_and_malformed_amounts_and_is_read_only_above(world):
    client = Client()
    client.force_login(world.vl_office)
    url = reverse("campaign:budget", args=[world.vinh_long.pk])
    for amount, message in (("-5.000.000", "lớn hơn 0"), ("3.9", "không đúng cách viết số"), ("abc", "Không đọc được")):
        response = client.post(url, {"what": "allocation", "year": "2026", "amount": amount, "source": "other"})
        assert response.status_code == 200 and message in response.content.decode()
    response = client.post(url, {"what": "allocation", "year": "2026", "amount": "36,9 triệu", "source": "other"})
    assert response.status_code == 302
    assert "36,9 triệu đồng" in client.get(url, {"year": 2026}).content.decode()
    client.force_login(world.central_office)  # those above read, do not write
    assert client.get(url).status_code == 200
    assert client.post(url, {"what": "allocation", "year": "2026", "amount": "1", "source": "other"}).status_code == 403
    client.force_login(world.commune_clerk)  # nobody below reads the committee's budget
    assert client.get(url).status_code == 404


def test_media_board_excel_has_vietnamese_headers_and_the_shortfall(world, media):
    import io

    from openpyxl import load_workbook

    client = Client()
    client.force_login(world.vl_viewer)
    response = client.get(reverse("campaign:media_board_xlsx", args=[world.vinh_long.pk]), {"year": 2026, "quarter": 1})
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert rows[2] == ["Kênh", "Cơ quan chủ quản", "Thể loại", "Chỉ tiêu", "Đã thực hiện", "Còn thiếu"]
    assert ["Báo Vĩnh Long", None, None, None, None, "thiếu 1 tin, 1 bài"] in [list(r) for r in rows]
    assert not any("phong_su" in str(cell) for row in rows for cell in row)  # labels, never codes


def test_registry_command_prints_the_campaign_figures(world, media):
    from django.core.management import call_command

    out = io.StringIO()
    call_command(
        "registry", "figures", "--unit", "Tỉnh Vĩnh Long", "--period", "2026-H1", "--format", "json", stdout=out
    )
    assert json.loads(out.getvalue())["figures"]["media_items"] == 8


def test_the_outlet_sees_what_it_owes_this_quarter(world):
    press, paper, tv = _outlets(world)
    today = timezone.localdate()
    quarter = (today.month - 1) // 3 + 1
    actions.set_quota(
        world.vinh_long, paper, item_type="bai", year=today.year, quarter=quarter, minimum=2, acting_user=None
    )
    _items(paper, "bai", 1, day=today)
    from hangviet.orgs.tests.factories import make_user

    client = Client()
    client.force_login(make_user("bao", press))
    text = client.get(reverse("campaign:outlet", args=[paper.pk])).content.decode()
    assert "còn thiếu 1 bài" in text
    home = client.get(reverse("campaign:home")).content.decode()
    assert reverse("campaign:outlet", args=[paper.pk]) in home
    assert reverse("campaign:media_board", args=[world.vinh_long.pk]) not in home  # the agency does not read it


def test_campaign_grant_nominations_reach_the_schemes_office_only(world):
    from hangviet.orgs.policy import campaign_grant

    central_grant = campaign_grant(world.central_office, world.vl_commune, world.central)
    assert central_grant is not None and central_grant.can_review and not central_grant.can_edit
    province = campaign_grant(world.vl_office, world.vl_commune, world.central)
    assert province is not None and province.can_read and not province.can_review  # reads below, decides nothing
    own = campaign_grant(world.commune_clerk, world.vl_commune, world.central)
    assert own is not None and own.can_edit and not own.can_review
    assert campaign_grant(world.sibling_commune_clerk, world.vl_commune, world.central) is None
    assert campaign_grant(world.ag_office, world.vl_commune, world.vinh_long) is None


def test_contributions_and_spending_stay_apart_from_the_allocation(world):
    actions.allocate_budget(world.vinh_long, year=2026, amount=120_000_000, source="front_estimate", acting_user=None)
    actions.record_spend(
        world.vinh_long,
        spent_on=datetime.date(2026, 3, 20),
        amount=18_500_000,
        category="conference",
        activity="Hội nghị triển khai",
        acting_user=None,
    )
    actions.record_contribution(
        world.vinh_long,
        donor="Doanh nghiệp A",
        amount=50_000_000,
        received_on=datetime.date(2026, 4, 2),
        acting_user=None,
    )
    view = queries.budget_view(world.vinh_long, 2026, {world.vinh_long.pk})
    assert (view.own_allocated, view.spent, view.contributed) == (120_000_000, 18_500_000, 50_000_000)
    found = figures.figures_for_organisation(world.vinh_long, datetime.date(2025, 12, 15), datetime.date(2026, 12, 14))
    assert found["committee_budget_vnd"].value == 120_000_000  # xã hội hóa is not the committee's budget
    with pytest.raises(ValidationError, match="lớn hơn 0"):
        actions.record_spend(
            world.vinh_long,
            spent_on=datetime.date(2026, 3, 20),
            amount=-1,
            category="other",
            activity="x",
            acting_user=None,
        )


def test_the_quarter_end_command_reminds_each_short_outlet_once(world, media):
    from django.core.management import call_command

    out = io.StringIO()
    call_command("campaign", "remind", "--on", "2026-03-30", stdout=out)
    assert "Đã nhắc 0 kênh" in out.getvalue()  # not the quarter's last day
    call_command("campaign", "remind", "--on", "2026-03-31", stdout=out)
    call_command("campaign", "remind", "--on", "2026-03-31", stdout=out)
    assert "Báo Vĩnh Long: thiếu 1 tin, 1 bài — không có địa chỉ thư điện tử" in out.getvalue()
    assert MediaReminder.objects.count() == 1


def test_budget_page_refuses_an_unknown_kind_of_figure_and_a_malformed_quota_year_without_a_500(world):
    client = Client()
    client.force_login(world.vl_office)
    response = client.post(reverse("campaign:budget", args=[world.vinh_long.pk]), {"what": "<b>khac</b>"}, follow=True)
    assert response.status_code == 200 and "Không rõ loại số liệu kinh phí" in response.content.decode()
    response = client.post(reverse("campaign:set_quota", args=[world.vinh_long.pk]), {"year": "20x6"}, follow=True)
    assert response.status_code == 200
