"""Demo data: the central committee, four province committees with the historic ones merged into them,
their member agencies, a handful of commune committees, people on the committees, a user per role, and the
registry rows of old Trà Vinh's 2023-H1 report (``demo/registry.py``).

People's names are invented. Everything is written through the organisations' actions, so the demo
also exercises them. ``build_demo`` is idempotent: a second run changes nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction

from hangviet.demo.campaign import build_campaign
from hangviet.demo.complaints import build_complaints
from hangviet.demo.notifications import build_notifications
from hangviet.demo.oversight import build_meetings, build_oversight
from hangviet.demo.plans import build_plans
from hangviet.demo.registry import build_registry
from hangviet.demo.reports import build_reports
from hangviet.demo.surveys import build_surveys
from hangviet.orgs import actions
from hangviet.orgs.catalogue import (
    HISTORIC_PROVINCE_AGENCIES,
    PROVINCE_AGENCIES,
    REFORM_OF_AGENCIES,
    UNIONS_UNDER_FRONT,
    AgencySpec,
    in_words,
    place_words,
)
from hangviet.orgs.models import Membership, Organisation, Person, UserRole
from hangviet.units import reform
from hangviet.units.models import Unit

DEMO_PASSWORD = "hangviet-demo-2026"
CAMPAIGN = "Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”"
CENTRAL_NAME = f"Ban Chỉ đạo Trung ương {CAMPAIGN}"
MERGED_ON = reform.COMMUNES_MERGED_ON  # committees of the merged provinces handed over on 1/7/2025

# Current province code → historic provinces merged into it (old codes), and demo communes.
PROVINCES = {
    "86": {
        "login": "vinhlong",
        "historic": ["84"],
        "communes": ["Phường Trà Vinh", "Phường Long Châu", "Xã Càng Long"],
    },
    "91": {"login": "angiang", "historic": ["91"], "communes": ["Phường Rạch Giá", "Phường Long Xuyên"]},
    "80": {"login": "tayninh", "historic": ["80"], "communes": ["Phường Tân An", "Phường Tân Ninh"]},
    "92": {"login": "cantho", "historic": ["94", "93"], "communes": ["Phường Ninh Kiều", "Phường Sóc Trăng"]},
}


@dataclass
class DemoLogin:
    username: str
    role: str
    organisation: str


def committee_name(unit: Unit) -> str:
    return f"Ban Chỉ đạo {CAMPAIGN} {in_words(unit.name)}"


def standing_office_name(unit: Unit) -> str:
    return f"Ban Thường trực Ủy ban Mặt trận Tổ quốc Việt Nam {in_words(unit.name)}"


def _unit(edition: str, level: str, code: str) -> Unit:
    return Unit.objects.get(edition=edition, level=level, code=code)


def _committee(
    unit: Unit,
    parent: Organisation | None,
    *,
    valid_from: datetime.date | None = None,
    valid_to: datetime.date | None = None,
) -> Organisation:
    return actions.create_organisation(
        kind=Organisation.Kind.COMMITTEE,
        name=committee_name(unit) if parent else CENTRAL_NAME,
        unit=unit,
        parent=parent,
        standing_office=standing_office_name(unit)
        if parent
        else "Ban Thường trực Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam",
        short_name=f"BCĐ {in_words(unit.name)}" if parent else "BCĐ Trung ương",
        acting_user=None,
        valid_from=valid_from,
        valid_to=valid_to,
    )


def _agencies(
    committee: Organisation, specs: tuple[AgencySpec, ...], *, ended: datetime.date | None
) -> dict[str, Organisation]:
    words = place_words(committee.unit.name)
    made: dict[str, Organisation] = {}
    for spec in specs:
        if spec.only_in and committee.unit.codename not in spec.only_in:
            continue
        agency = actions.create_organisation(
            kind=Organisation.Kind.AGENCY,
            name=(spec.former_name or spec.name).format(**words),
            unit=committee.unit,
            parent=committee,
            sector=spec.sector,
            short_name=spec.short_name,
            valid_to=ended,
            acting_user=None,
        )
        if spec.former_name:
            actions.rename_organisation(
                agency,
                new_name=spec.name.format(**words),
                on=REFORM_OF_AGENCIES,
                acting_user=None,
                note="Sắp xếp cơ quan chuyên môn năm 2025",
            )
        if spec.moved_under_front and ended is None:
            actions.rename_organisation(
                agency,
                new_name=agency.name,
                on=UNIONS_UNDER_FRONT,
                acting_user=None,
                new_affiliation=f"Ủy ban MTTQ Việt Nam {in_words(committee.unit.name)}",
                note="Các tổ chức chính trị - xã hội trực thuộc MTTQ Việt Nam",
            )
        for absorbed_name in spec.absorbed:
            absorbed = actions.create_organisation(
                kind=Organisation.Kind.AGENCY,
                name=absorbed_name.format(**words),
                unit=committee.unit,
                parent=committee,
                sector=spec.sector,
                acting_user=None,
            )
            actions.merge_organisations(
                [absorbed], agency, on=REFORM_OF_AGENCIES, acting_user=None, note="Hợp nhất cơ quan năm 2025"
            )
        made[spec.short_name] = agency
    return made


def _person(full_name: str, position: str) -> Person:
    person, _created = Person.objects.get_or_create(full_name=full_name, defaults={"position": position})
    return person


def _seat_committee(
    committee: Organisation, agencies: dict[str, Organisation], names: list[str], start: datetime.date, decision: str
) -> list[Membership]:
    place = in_words(committee.unit.name)
    line_up = [
        (Membership.Role.CHAIR, f"Chủ tịch Ủy ban MTTQ Việt Nam {place}", None),
        (Membership.Role.STANDING_VICE_CHAIR, f"Phó Chủ tịch Ủy ban MTTQ Việt Nam {place}", None),
        (Membership.Role.VICE_CHAIR, "Giám đốc Sở Công Thương", "SCT"),
        (Membership.Role.MEMBER, "Phó Giám đốc Sở Nông nghiệp và Môi trường", "SNNMT"),
        (Membership.Role.MEMBER, "Phó Chủ tịch Hội Liên hiệp Phụ nữ", "HLHPN"),
        (Membership.Role.SECRETARIAT, f"Trưởng Ban Phong trào Ủy ban MTTQ Việt Nam {place}", None),
    ]
    seats = [
        actions.Seat(person=_person(name, position), role=role, agency=agencies.get(short) if short else None)
        for name, (role, position, short) in zip(names, line_up, strict=False)
    ]
    return actions.reconstitute_committee(committee, on=start, seats=seats, decision=decision, acting_user=None)


PEOPLE = {
    "86": [
        "Nguyễn Thị Thu Hà",
        "Trần Văn Phúc",
        "Lê Minh Tâm",
        "Phạm Thị Ngọc Lan",
        "Võ Thị Hồng Nhung",
        "Huỳnh Quốc Bảo",
    ],
    "91": ["Đặng Văn Lợi", "Lâm Thị Mỹ Duyên", "Ngô Thanh Sơn", "Trịnh Thị Kim Oanh"],
    "80": ["Bùi Văn Hậu", "Châu Thị Bích Trâm", "Dương Minh Khoa", "Tạ Thị Thanh Xuân"],
    "92": ["Lý Thành Đạt", "Mai Thị Cẩm Tú", "Hồ Văn Nghĩa", "Quách Thị Diễm My"],
}


def _user(username: str, full_name: str, *, staff: bool = False) -> User:
    user_model = get_user_model()
    user, created = user_model.objects.get_or_create(username=username)
    if created:
        user.first_name = full_name
        user.email = f"{username}@demo.hangviet.invalid"  # e-mails show in the console backend of `make run`
        user.is_staff = user.is_superuser = staff
        user.set_password(DEMO_PASSWORD)
        user.save()
    return user


@transaction.atomic
def build_demo() -> list[DemoLogin]:
    """Create the demo organisations, people and users; return the demo logins."""
    if not Organisation.objects.filter(name=CENTRAL_NAME).exists():
        _build_organisations()
    build_registry()
    build_campaign()
    build_oversight()
    build_meetings()  # a quarterly giao ban of Vĩnh Long (issue 12, part 6)
    logins = _build_users()
    build_surveys()  # surveys (issue 11)
    for username, role, organisation in build_complaints():  # consumer reports (issue 11)
        where = f" ({in_words(organisation.unit.name)})"
        logins.append(DemoLogin(username, role, organisation.name + where))
    build_notifications()
    return logins


def _build_organisations() -> None:
    country = Unit.objects.get(level=Unit.Level.COUNTRY)
    central = _committee(country, None)
    committees, historic = [], []
    for code, plan in PROVINCES.items():
        unit = _unit(Unit.Edition.CURRENT, Unit.Level.PROVINCE, code)
        committee = _committee(unit, central)
        committees.append(committee)
        agencies = _agencies(committee, PROVINCE_AGENCIES, ended=None)
        for historic_code in plan["historic"]:
            historic.append(_historic_province(historic_code, central, committee))
        people = PEOPLE[code]
        if code == "86":
            # Seated in 2023, reconstituted after the merger ("kiện toàn"): the history keeps both.
            _seat_committee(
                committee, agencies, people[:4], datetime.date(2023, 3, 1), "Quyết định số 12/QĐ-BCĐ ngày 01/3/2023"
            )
            _seat_committee(
                committee,
                agencies,
                [people[4], *people[1:3], "Thạch Thị Sa Rươne", "Kim Thị Phương", people[5]],
                datetime.date(2025, 7, 15),
                "Quyết định số 05/QĐ-BCĐ ngày 15/7/2025 kiện toàn Ban Chỉ đạo",
            )
        else:
            _seat_committee(
                committee,
                agencies,
                people,
                datetime.date(2025, 7, 15),
                "Quyết định kiện toàn Ban Chỉ đạo sau hợp nhất tỉnh",
            )
        for index, commune_name in enumerate(plan["communes"]):
            commune = Unit.objects.get(
                edition=Unit.Edition.CURRENT, level=Unit.Level.COMMUNE, parent=unit, name=commune_name
            )
            _committee(commune, committee, valid_from=MERGED_ON)
            members = committee.memberships.filter(end__isnull=True).order_by("id")
            follower = members[index % members.count()]
            actions.assign_area(follower, unit=commune, start=datetime.date(2025, 7, 15), acting_user=None)
    build_reports(central, committees, historic)
    build_plans(committees)


def _historic_province(code: str, central: Organisation, successor: Organisation) -> Organisation:
    old_unit = _unit(Unit.Edition.PRE_2025, Unit.Level.PROVINCE, code)
    ended = reform.OLD_COMMUNES_END
    committee = _committee(old_unit, central, valid_to=ended)
    _agencies(committee, HISTORIC_PROVINCE_AGENCIES, ended=ended)
    for district in old_unit.children.order_by("code"):
        _committee(district, committee, valid_to=ended)
    actions.merge_organisations(
        [committee], successor, on=MERGED_ON, acting_user=None, note="Hợp nhất đơn vị hành chính cấp tỉnh năm 2025"
    )
    for agency in committee.children.filter(kind=Organisation.Kind.AGENCY, valid_to=ended):
        heir = successor.children.filter(
            kind=Organisation.Kind.AGENCY, short_name=agency.short_name, valid_to__isnull=True
        ).first()
        if heir:
            actions.merge_organisations([agency], heir, on=MERGED_ON, acting_user=None)
    return committee


def _build_users() -> list[DemoLogin]:
    logins: list[DemoLogin] = []

    def give(username: str, full_name: str, organisation: Organisation, role: str) -> None:
        user = _user(username, full_name)
        actions.grant_role(user, organisation, role, acting_user=None, valid_from=datetime.date(2023, 1, 1))
        where = f" ({in_words(organisation.unit.name)})" if organisation.kind == Organisation.Kind.AGENCY else ""
        logins.append(DemoLogin(username, str(UserRole.Role(role).label), organisation.name + where))

    _user("quantri", "Quản trị hệ thống", staff=True)
    logins.append(DemoLogin("quantri", "Quản trị hệ thống (trang /quan-tri/)", "—"))
    central = Organisation.objects.get(name=CENTRAL_NAME)
    give("tw.thuongtruc", "Cơ quan thường trực Trung ương", central, UserRole.Role.STANDING_OFFICE)
    for code, plan in PROVINCES.items():
        unit = _unit(Unit.Edition.CURRENT, Unit.Level.PROVINCE, code)
        committee = Organisation.objects.get(unit=unit, kind=Organisation.Kind.COMMITTEE)
        login = plan["login"]
        give(f"{login}.thuongtruc", f"Thường trực {unit.name}", committee, UserRole.Role.STANDING_OFFICE)
        if code != "86":
            continue
        give(f"{login}.togiupviec", "Tổ giúp việc Vĩnh Long", committee, UserRole.Role.SECRETARIAT)
        give(f"{login}.xem", "Lãnh đạo (chỉ xem)", committee, UserRole.Role.VIEWER)
        trade = committee.children.get(short_name="SCT", valid_to__isnull=True)
        give(f"{login}.congthuong", "Sở Công Thương Vĩnh Long", trade, UserRole.Role.CLERK)
        press = committee.children.get(short_name="BPTTH", valid_to__isnull=True)
        give(f"{login}.baodai", "Báo và Phát thanh, Truyền hình Vĩnh Long", press, UserRole.Role.CLERK)
        # Keeps the OCOP registry: as the heir of old Trà Vinh's Sở Nông nghiệp, it corrects the rows recorded there.
        agriculture = committee.children.get(short_name="SNNMT", valid_to__isnull=True)
        give(f"{login}.nongnghiep", "Sở Nông nghiệp và Môi trường Vĩnh Long", agriculture, UserRole.Role.CLERK)
        for username, commune_name in (("phuongtravinh", "Phường Trà Vinh"), ("longchau", "Phường Long Châu")):
            commune = committee.children.get(kind=Organisation.Kind.COMMITTEE, unit__name=commune_name)
            give(f"{login}.{username}", f"Cán bộ {commune_name}", commune, UserRole.Role.CLERK)
    return logins
