"""Demo oversight data (clearly sample data: the documents report no inspection, finding, case or fine — see
shared/second-wave.md §8): Vĩnh Long's June 2026 supervision programme over two ward committees, one visit to
Phường Trà Vinh with a finding and a recommendation (a task in the ward's list), and two market cases of Sở Công
Thương Vĩnh Long with fines. Made through the same actions a user calls; idempotent."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db import transaction

from hangviet.lib.periods import PeriodKey
from hangviet.orgs import actions as org_actions
from hangviet.orgs.models import Membership, Organisation
from hangviet.oversight import actions
from hangviet.oversight.models import Meeting, Programme
from hangviet.units.models import Unit

TITLE = "Giám sát việc thực hiện Cuộc vận động tại Phường Trà Vinh và Phường Long Châu năm 2026 (dữ liệu minh họa)"
SAMPLE = "Dữ liệu minh họa."


@transaction.atomic
def build_oversight() -> None:
    province = Unit.objects.filter(edition=Unit.Edition.CURRENT, level=Unit.Level.PROVINCE, code="86").first()
    committee = Organisation.objects.filter(unit=province, kind=Organisation.Kind.COMMITTEE).first()
    if committee is None or Programme.objects.filter(committee=committee, title=TITLE).exists():
        return
    wards = [
        committee.children.get(kind=Organisation.Kind.COMMITTEE, unit__name=name)
        for name in ("Phường Trà Vinh", "Phường Long Châu")
    ]
    for ward in wards:
        _seat_ward(ward)
    programme = actions.create_programme(
        committee,
        kind="supervision",
        title=TITLE,
        year=2026,
        windows_text="tháng 6, tháng 11",
        subjects=wards,
        topics="Kiện toàn Ban Chỉ đạo, phân công thành viên theo dõi địa bàn, báo cáo định kỳ, thực hiện kế hoạch năm.",
        acting_user=None,
    )
    visit = actions.open_visit(
        programme,
        subject=wards[0],
        visited_on=datetime.date(2026, 6, 10),
        period=PeriodKey(2026, "H1"),
        members="Cơ quan thường trực, Sở Công Thương",
        notes=SAMPLE,
        acting_user=None,
    )
    actions.record_finding(
        visit,
        kind="limitation",
        criterion="Báo cáo định kỳ",
        text="Chưa gửi báo cáo 6 tháng đầu năm 2026 đúng hạn (dữ liệu minh họa).",
        acting_user=None,
    )
    actions.make_recommendation(
        visit,
        text="Gửi báo cáo kết quả 6 tháng đầu năm 2026 và phân công thành viên theo dõi các khu phố.",
        due_on=datetime.date(2026, 9, 30),
        acting_user=None,
    )
    trade = committee.children.get(short_name="SCT", valid_to__isnull=True)
    for day, violation, place, goods, fine in (
        (datetime.date(2026, 3, 12), "counterfeit", "chợ Trà Vinh, Phường Trà Vinh", "Mỹ phẩm", 15_000_000),
        (datetime.date(2026, 5, 20), "unknown_origin", "Phường Long Châu", "Bánh kẹo", 7_500_000),
    ):
        actions.record_case(
            trade,
            occurred_on=day,
            violation_type=violation,
            outcome="fined",
            place_text=place,
            subject_text="Hộ kinh doanh mẫu (dữ liệu minh họa)",
            goods=goods,
            fine_vnd=Decimal(fine),
            notes=SAMPLE,
            acting_user=None,
        )


WARD_SEATS = (
    (Membership.Role.CHAIR, "Chủ tịch Ủy ban MTTQ Việt Nam phường"),
    (Membership.Role.VICE_CHAIR, "Phó Chủ tịch Ủy ban nhân dân phường"),
    (Membership.Role.MEMBER, "Chủ tịch Hội Liên hiệp Phụ nữ phường"),
)


def _seat_ward(ward: Organisation) -> None:
    """A ward committee seated after the 2025 merger, with one member following the ward (sample people), so a
    visit's checklist has seats, a reconstitution and an area assignment to show."""
    if ward.memberships.exists():
        return
    start = datetime.date(2025, 7, 15)
    for number, (role, position) in enumerate(WARD_SEATS, start=1):
        seat = org_actions.appoint_new_member(
            ward,
            full_name=f"Thành viên mẫu {number:02d} ({ward.unit.name})",
            position=position,
            role=role,
            start=start,
            decision="Quyết định số 01/QĐ-BCĐ ngày 15/7/2025 kiện toàn Ban Chỉ đạo (dữ liệu minh họa)",
            acting_user=None,
        )
        if number == 1:
            org_actions.assign_area(seat, unit=ward.unit, start=start, acting_user=None)


MEETING_TITLE = "Hội nghị giao ban quý I/2026 Ban Chỉ đạo Cuộc vận động tỉnh Vĩnh Long (dữ liệu minh họa)"


@transaction.atomic
def build_meetings() -> None:
    """Vĩnh Long's quarterly giao ban of the first quarter of 2026, chaired by the committee's standing vice-chair,
    with the trade department and two wards invited, its conclusions and one task given to the trade department
    (sample data: the documents give no date, place or conclusion of such a meeting). Idempotent."""
    province = Unit.objects.filter(edition=Unit.Edition.CURRENT, level=Unit.Level.PROVINCE, code="86").first()
    committee = Organisation.objects.filter(unit=province, kind=Organisation.Kind.COMMITTEE).first()
    if committee is None or Meeting.objects.filter(committee=committee, title=MEETING_TITLE).exists():
        return
    chair = (
        Membership.objects.filter(committee=committee, role=Membership.Role.STANDING_VICE_CHAIR, end__isnull=True)
        .order_by("pk")
        .first()
    )
    trade = committee.children.filter(short_name="SCT", valid_to__isnull=True).first()
    wards = list(
        committee.children.filter(
            kind=Organisation.Kind.COMMITTEE, unit__name__in=("Phường Trà Vinh", "Phường Long Châu")
        ).order_by("name")
    )
    meeting = actions.schedule_meeting(
        committee,
        kind="quarterly",
        title=MEETING_TITLE,
        held_on=datetime.date(2026, 3, 27),
        place="Hội trường Ủy ban MTTQ Việt Nam tỉnh Vĩnh Long",
        chair=chair,
        participants=([trade] if trade else []) + wards,
        guests="Báo và Phát thanh, Truyền hình Vĩnh Long",
        agenda="Đánh giá kết quả thực hiện Cuộc vận động quý I/2026; triển khai nhiệm vụ quý II/2026.",
        acting_user=None,
    )
    actions.record_conclusions(
        meeting,
        conclusions=(
            "Các cơ quan, tổ chức thành viên tiếp tục đẩy mạnh tuyên truyền về Cuộc vận động (dữ liệu minh họa).\n"
            "Ban Chỉ đạo các phường gửi báo cáo 6 tháng đầu năm 2026 đúng hạn (dữ liệu minh họa)."
        ),
        follow_ups=[
            actions.FollowUp(
                "Phối hợp tổ chức 02 phiên chợ hàng Việt về nông thôn trong quý II/2026 (dữ liệu minh họa).",
                trade,
                datetime.date(2026, 6, 30),
            )
        ]
        if trade
        else [],
        acting_user=None,
    )
