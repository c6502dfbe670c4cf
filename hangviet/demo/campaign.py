"""Demo data of the campaign app (docs/decisions.md says which figures are the documents' and which are samples).

- Media: Vĩnh Long's merged Báo và Phát thanh, Truyền hình keeps two outlets (the newspaper and the channel); the
  trade department keeps its web page. The committee's office set quotas for quarter 1 of 2026 (the documents say
  a plan sets minimum news items and articles per quarter for the newspaper and minimum reportages for radio-TV,
  without numbers: the numbers here are samples), and the items recorded leave the newspaper short of 1 tin and
  1 bài, so the board shows it with a remind button. Old Trà Vinh's 60 banners at the markets [travinh:35], no
  date given (so they feed no period's figure).
- Commendations: a sample 2026 scheme of Vĩnh Long ("tuyên dương doanh nghiệp tiêu biểu, địa chỉ tin cậy"), three
  nominations of sample producers of the registry, two awarded and published to the directory (the documents name
  no honoured business; the decision number is marked as a sample).
- Budgets: old Trà Vinh's district committees in 2023, every one allocated, lowest 3 and highest 36,9 triệu
  đồng/năm (fn 9 [travinh:71]); the amounts between are samples. Vĩnh Long 2026: a sample allocation under
  Thông tư 89/2018/TT-BTC, one spend line and one xã hội hóa contribution kept apart.
Idempotent: nothing is recorded twice.
"""

from __future__ import annotations

import datetime

from django.db import transaction

from hangviet.campaign import actions
from hangviet.campaign.models import AwardScheme, MediaOutlet
from hangviet.campaign.queries import producer_named
from hangviet.orgs.models import Organisation
from hangviet.units.models import Unit

SAMPLE = "(dữ liệu minh họa)"
# Old Trà Vinh's district committees, 2023: "mức thấp nhất là 03 triệu đồng/năm, cao nhất là 36,9 triệu đồng/năm".
DISTRICT_BUDGETS_2023 = (3_000_000, 36_900_000, 10_000_000, 12_000_000, 15_000_000, 8_000_000, 20_000_000, 6_000_000)


def _vinh_long() -> Organisation | None:
    return Organisation.objects.filter(
        kind=Organisation.Kind.COMMITTEE, unit__edition=Unit.Edition.CURRENT, unit__code="86", unit__level="province"
    ).first()


@transaction.atomic
def build_campaign() -> None:
    committee = _vinh_long()
    if committee is None or MediaOutlet.objects.filter(owner__parent=committee).exists():
        return
    press = committee.children.get(short_name="BPTTH", valid_to__isnull=True)
    trade = committee.children.get(short_name="SCT", valid_to__isnull=True)
    paper = actions.create_outlet(press, name="Báo Vĩnh Long", kind="print", acting_user=None)
    channel = actions.create_outlet(
        press, name="Đài Phát thanh và Truyền hình Vĩnh Long", kind="broadcast", acting_user=None
    )
    page = actions.create_outlet(trade, name="Trang thông tin điện tử Sở Công Thương", kind="web", acting_user=None)
    for outlet, item_type, minimum in (
        (paper, "tin", 3),
        (paper, "bai", 2),
        (channel, "phong_su", 2),
        (page, "tin", 2),
    ):
        actions.set_quota(
            committee, outlet, item_type=item_type, year=2026, quarter=1, minimum=minimum, acting_user=None
        )
    for outlet, item_type, titles in (
        (paper, "tin", ["Khai mạc Phiên chợ hàng Việt về nông thôn", "Hội nghị triển khai Cuộc vận động năm 2026"]),
        (paper, "bai", ["Người tiêu dùng Vĩnh Long tin dùng hàng Việt"]),
        (channel, "phong_su", ["Hàng Việt về xã Phú Cần", "Sản phẩm OCOP trên kệ siêu thị"]),
        (page, "tin", ["Kết nối cung cầu hàng hóa quý I", "Chương trình khuyến mại hàng Việt dịp Tết"]),
    ):
        for index, title in enumerate(titles):
            actions.record_item(
                outlet,
                item_type=item_type,
                title=f"{title} {SAMPLE}",
                published_on=datetime.date(2026, 2, 5 + 10 * index),
                acting_user=None,
            )
    tra_vinh = committee.successions_in.select_related("predecessor").first()
    if tra_vinh is not None:
        old = tra_vinh.predecessor
        actions.record_outdoor(
            old, kind="bang_ron", pieces=60, sites="Tại các chợ trên địa bàn tỉnh", status="installed", acting_user=None
        )
        _district_budgets(old)
    _commendations(committee, trade)
    actions.allocate_budget(
        committee,
        year=2026,
        amount=120_000_000,
        source="front_estimate",
        legal_basis="Thông tư số 89/2018/TT-BTC sửa đổi, bổ sung Thông tư số 91/2012/TT-BTC",
        decision=f"Dự toán năm 2026 {SAMPLE}",
        acting_user=None,
    )
    actions.record_spend(
        committee,
        spent_on=datetime.date(2026, 3, 20),
        amount=18_500_000,
        category="conference",
        activity=f"Hội nghị triển khai Cuộc vận động năm 2026 {SAMPLE}",
        acting_user=None,
    )
    actions.record_contribution(
        committee,
        donor=f"Doanh nghiệp đồng hành {SAMPLE}",
        amount=50_000_000,
        purpose="Hỗ trợ phiên chợ hàng Việt",
        received_on=datetime.date(2026, 4, 2),
        acting_user=None,
    )


def _district_budgets(old_province: Organisation) -> None:
    districts = old_province.children.filter(kind=Organisation.Kind.COMMITTEE).order_by("unit__code")
    for index, district in enumerate(districts):
        amount = DISTRICT_BUDGETS_2023[index % len(DISTRICT_BUDGETS_2023)]
        actions.allocate_budget(
            district,
            year=2023,
            amount=amount,
            source="local_budget",
            legal_basis="Theo hướng dẫn của Bộ Tài chính",
            acting_user=None,
        )


def _commendations(committee: Organisation, trade: Organisation) -> None:
    if AwardScheme.objects.filter(owner=committee).exists():
        return
    scheme = actions.create_scheme(
        committee,
        name="Tuyên dương doanh nghiệp tiêu biểu, địa chỉ tin cậy năm 2026",
        kind="tuyen_duong",
        year=2026,
        criteria="Theo hướng dẫn tiêu chuẩn của Sở Nội vụ",
        acting_user=None,
    )
    ward = committee.children.filter(kind=Organisation.Kind.COMMITTEE, unit__name="Phường Trà Vinh").first() or trade
    nominations = [
        actions.nominate(
            scheme, proposer, nominee=name, category=category, producer=producer_named(name), acting_user=None
        )
        for proposer, name, category in (
            (trade, "Chủ thể mẫu 001", "model_business"),
            (ward, "Chủ thể mẫu 002", "model_business"),
            (trade, "Chủ thể mẫu 003", "favourite_product"),
        )
    ]
    actions.compile_proposal(
        scheme, nominations, number=f"15/TTr-BCĐ {SAMPLE}", dated=datetime.date(2026, 4, 10), acting_user=None
    )
    awards = actions.decide_awards(
        scheme,
        nominations[:2],
        decision=f"Quyết định số 20/QĐ-BCĐ {SAMPLE}",
        decided_on=datetime.date(2026, 4, 20),
        acting_user=None,
    )
    for award in awards:
        actions.publish_award(award, published=True, on=datetime.date(2026, 4, 25), acting_user=None)
