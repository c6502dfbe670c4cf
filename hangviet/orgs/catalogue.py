"""The member agencies of a province steering committee, as the real documents list them.

Taken from the Trà Vinh six-month report of 2023 and the Cần Thơ plan of 2024 (``shared/seeds``),
with the 2025 changes: on 1/3/2025 Sở Nông nghiệp và Phát triển nông thôn became Sở Nông nghiệp và
Môi trường, Sở Thông tin và Truyền thông joined Sở Khoa học và Công nghệ, Sở Kế hoạch và Đầu tư
joined Sở Tài chính, the Party's propaganda and mass-mobilisation boards merged, and Cục Quản lý thị
trường became a Chi cục under Sở Công Thương; on 1/7/2025 the unions moved under the Fatherland Front.

Names use ``{tier}`` ("tỉnh" or "thành phố"), ``{party}`` ("Tỉnh ủy" or "Thành ủy") and ``{place}``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from hangviet.orgs.models import Organisation

REFORM_OF_AGENCIES = datetime.date(2025, 3, 1)
UNIONS_UNDER_FRONT = datetime.date(2025, 7, 1)

S = Organisation.Sector


@dataclass(frozen=True)
class AgencySpec:
    name: str
    sector: str
    short_name: str = ""
    former_name: str = ""  # renamed on REFORM_OF_AGENCIES
    absorbed: tuple[str, ...] = ()  # agencies that joined it on REFORM_OF_AGENCIES
    moved_under_front: bool = False  # affiliation changed on UNIONS_UNDER_FRONT
    only_in: frozenset[str] = field(default_factory=frozenset)  # province codenames, empty = everywhere


PROVINCE_AGENCIES: tuple[AgencySpec, ...] = (
    AgencySpec(
        "Ban Tuyên giáo và Dân vận {party}",
        S.PARTY,
        "BTGDV",
        absorbed=("Ban Tuyên giáo {party}", "Ban Dân vận {party}"),
    ),
    AgencySpec("Sở Công Thương", S.TRADE, "SCT"),
    AgencySpec(
        "Chi cục Quản lý thị trường {tier} {place}",
        S.MARKET_SURVEILLANCE,
        "QLTT",
        former_name="Cục Quản lý thị trường {tier} {place}",
    ),
    AgencySpec(
        "Sở Nông nghiệp và Môi trường", S.AGRICULTURE, "SNNMT", former_name="Sở Nông nghiệp và Phát triển nông thôn"
    ),
    AgencySpec("Sở Khoa học và Công nghệ", S.SCIENCE, "SKHCN", absorbed=("Sở Thông tin và Truyền thông",)),
    AgencySpec("Sở Tài chính", S.FINANCE, "STC", absorbed=("Sở Kế hoạch và Đầu tư",)),
    AgencySpec("Sở Văn hóa, Thể thao và Du lịch", S.CULTURE, "SVHTTDL"),
    AgencySpec("Sở Y tế", S.HEALTH, "SYT"),
    AgencySpec("Hội Nông dân {tier}", S.UNIONS, "HND", moved_under_front=True),
    AgencySpec("Hội Liên hiệp Phụ nữ {tier}", S.UNIONS, "HLHPN", moved_under_front=True),
    AgencySpec("Đoàn Thanh niên Cộng sản Hồ Chí Minh {tier}", S.UNIONS, "ĐTN", moved_under_front=True),
    AgencySpec("Liên đoàn Lao động {tier}", S.UNIONS, "LĐLĐ", moved_under_front=True),
    AgencySpec("Hội Cựu chiến binh {tier}", S.UNIONS, "HCCB", moved_under_front=True),
    AgencySpec(
        "Báo và Phát thanh, Truyền hình {place}",
        S.INFORMATION,
        "BPTTH",
        absorbed=("Báo {place}", "Đài Phát thanh và Truyền hình {place}"),
    ),
    AgencySpec("Liên minh Hợp tác xã {tier}", S.BUSINESS, "LMHTX"),
    AgencySpec("Hội Bảo vệ quyền lợi người tiêu dùng {tier}", S.CONSUMERS, "BVNTD"),
    AgencySpec(
        "Liên đoàn Thương mại và Công nghiệp Việt Nam chi nhánh {place}",
        S.BUSINESS,
        "VCCI",
        only_in=frozenset({"can_tho"}),
    ),
)

# The agencies a historic (pre-2025) province committee had when it ended, for its old records.
HISTORIC_PROVINCE_AGENCIES: tuple[AgencySpec, ...] = (
    AgencySpec("Sở Công Thương", S.TRADE, "SCT"),
    AgencySpec(
        "Sở Nông nghiệp và Môi trường", S.AGRICULTURE, "SNNMT", former_name="Sở Nông nghiệp và Phát triển nông thôn"
    ),
    AgencySpec("Hội Liên hiệp Phụ nữ {tier}", S.UNIONS, "HLHPN"),
    AgencySpec("Hội Nông dân {tier}", S.UNIONS, "HND"),
)


def place_words(unit_name: str) -> dict[str, str]:
    """Template words for a province unit: "Thành phố Cần Thơ" → tier "thành phố", place "Cần Thơ"."""
    for prefix, tier, party in (("Thành phố ", "thành phố", "Thành ủy"), ("Tỉnh ", "tỉnh", "Tỉnh ủy")):
        if unit_name.startswith(prefix):
            return {"tier": tier, "party": party, "place": unit_name.removeprefix(prefix)}
    return {"tier": "", "party": "", "place": unit_name}


def in_words(unit_name: str) -> str:
    """ "Tỉnh Vĩnh Long" → "tỉnh Vĩnh Long", as it reads inside a sentence or a title."""
    return unit_name[:1].lower() + unit_name[1:]
