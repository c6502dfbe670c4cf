"""Demo consumer reports: Vĩnh Long routes its reports to its market-control office (login ``vinhlong.qltt``), which
has three illustrative reports — one answered, one forwarded to the health department, one entered by a ward from a
resident's phone call. Idempotent: nothing is added when the demo already has reports."""

from __future__ import annotations

import datetime

from django.db import transaction

from hangviet.complaints import actions
from hangviet.complaints.models import ConsumerReport, Route
from hangviet.orgs import actions as org_actions
from hangviet.orgs.models import Organisation, UserRole
from hangviet.units.models import Unit

# A code a demo visitor can follow at /phan-anh/tra-cuu/ (the answered report).
ANSWERED_CODE = "PA-DEMXVK26AN"
QLTT_LOGIN = "vinhlong.qltt"


def _province() -> Unit | None:
    return Unit.objects.filter(
        edition=Unit.Edition.CURRENT, level=Unit.Level.PROVINCE, code="86", valid_to__isnull=True
    ).first()


@transaction.atomic
def build_complaints() -> list[tuple[str, str, Organisation]]:
    """Route Vĩnh Long, give its market-control office a login, add the sample reports; return the new login as
    (username, full name, organisation) for the demo's list."""
    from hangviet.demo.builder import _user

    province = _province()
    if province is None:
        return []
    committee = Organisation.objects.filter(unit=province, kind=Organisation.Kind.COMMITTEE).first()
    if committee is None:
        return []
    agencies = committee.children.filter(kind=Organisation.Kind.AGENCY, valid_to__isnull=True)
    market = agencies.filter(short_name="QLTT").first() or agencies.filter(short_name="SCT").first()
    if market is None:
        return []
    user = _user(QLTT_LOGIN, "Chi cục Quản lý thị trường Vĩnh Long")
    org_actions.grant_role(user, market, UserRole.Role.CLERK, acting_user=None, valid_from=datetime.date(2025, 7, 1))
    if not Route.objects.filter(province=province).exists():
        actions.set_route(province, market, acting_user=None)
    if not ConsumerReport.objects.exists():
        _samples(committee, market)
    return [(QLTT_LOGIN, str(UserRole.Role.CLERK.label), market)]


def _samples(committee: Organisation, market: Organisation) -> None:
    note = " (dữ liệu minh họa)"
    answered = actions.submit_report(
        category=ConsumerReport.Category.FAKE,
        description="Nước mắm đóng chai nhãn giống một thương hiệu quen thuộc nhưng bao bì in mờ, không có mã vạch."
        + note,
        place_text="chợ Trà Vinh, Phường Trà Vinh, tỉnh Vĩnh Long",
        product="Nước mắm (nhãn in mờ)",
    )
    ConsumerReport.objects.filter(pk=answered.pk).update(code=ANSWERED_CODE)
    answered.refresh_from_db()
    actions.close_report(
        answered,
        outcome=ConsumerReport.Outcome.RESOLVED,
        public_answer="Chi cục Quản lý thị trường đã kiểm tra quầy hàng, tạm giữ hàng hóa không rõ nguồn gốc và xử lý "
        "theo quy định. Cảm ơn bạn đã phản ánh." + note,
        acting_user=None,
    )
    forwarded = actions.submit_report(
        category=ConsumerReport.Category.FOOD_SAFETY,
        description="Bánh kẹo bán trước cổng trường không có nhãn, không rõ hạn sử dụng." + note,
        place_text="Xã Càng Long, tỉnh Vĩnh Long",
    )
    health = committee.children.filter(kind=Organisation.Kind.AGENCY, short_name="SYT", valid_to__isnull=True).first()
    if health is not None:
        actions.forward_report(forwarded, to=health, note="Thuộc lĩnh vực an toàn thực phẩm.", acting_user=None)
    ward = committee.children.filter(kind=Organisation.Kind.COMMITTEE, unit__name="Phường Long Châu").first()
    actions.submit_report(
        category=ConsumerReport.Category.POOR_QUALITY,
        description="Người dân gọi điện báo gạo bán tại tiệm tạp hóa bị mốc, có mùi lạ." + note,
        place_text="khóm 2, Phường Long Châu",
        contact_name="Người dân (minh họa)",
        intake_organisation=ward,
    )
