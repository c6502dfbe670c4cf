"""The report forms: which indicators and narrative sections each kind of reporter fills in."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext_noop

from hangviet.indicators.models import Indicator
from hangviet.orgs.models import Organisation
from hangviet.reporting.models import ReportForm, Section

G = Indicator.Group
ALL_SECTIONS = [section.value for section in Section]
PROPAGANDA_CODES = [
    "propaganda_sessions",
    "propaganda_participants",
    "media_items",
    "banners",
    "training_courses",
    "training_participants",
]

# code → (name, indicator groups, extra indicator codes, sections)
FORMS: dict[str, tuple[str, list[str], list[str], list[str]]] = {
    "committee": (
        gettext_noop("Báo cáo của Ban Chỉ đạo cấp dưới, Cơ quan thường trực"),
        list(G.values),
        [],
        ALL_SECTIONS,
    ),
    "trade": (
        gettext_noop("Báo cáo ngành Công Thương, Quản lý thị trường"),
        [G.PROPAGANDA, G.TRADE, G.MARKET],
        ["ocop_stores", "viet_sale_points", "viet_goods_share_pct", "commendations"],
        ALL_SECTIONS,
    ),
    "agriculture": (
        gettext_noop("Báo cáo ngành Nông nghiệp và Môi trường"),
        [G.PROPAGANDA, G.OCOP],
        ["fairs", "trade_connection_events", "participating_businesses"],
        ALL_SECTIONS,
    ),
    "information": (
        gettext_noop("Báo cáo ngành thông tin, tuyên truyền, báo chí"),
        [G.PROPAGANDA],
        [],
        [Section.PROPAGANDA, Section.STRENGTHS, Section.LIMITATIONS, Section.DIRECTIONS, Section.PROPOSALS],
    ),
    "front_unions": (
        gettext_noop("Báo cáo của Mặt trận và các tổ chức chính trị - xã hội"),
        [G.PROPAGANDA, G.MOVEMENT],
        ["rural_markets", "booths", "participating_businesses", "event_revenue_vnd", "event_visitors"],
        ALL_SECTIONS,
    ),
    "general": (
        gettext_noop("Báo cáo của cơ quan thành viên"),
        [G.PROPAGANDA],
        ["commendations", "supervisions"],
        ALL_SECTIONS,
    ),
}

SECTOR_FORMS: dict[str, str] = {
    Organisation.Sector.TRADE: "trade",
    Organisation.Sector.MARKET_SURVEILLANCE: "trade",
    Organisation.Sector.AGRICULTURE: "agriculture",
    Organisation.Sector.INFORMATION: "information",
    Organisation.Sector.PARTY: "information",
    Organisation.Sector.FRONT: "front_unions",
    Organisation.Sector.UNIONS: "front_unions",
}


@transaction.atomic
def load_forms() -> int:
    """Create or update the report forms (idempotent); return how many were created."""
    created = 0
    for code, (name, groups, extra, sections) in FORMS.items():
        form, was_created = ReportForm.objects.update_or_create(
            code=code, defaults={"name": name, "sections": sections}
        )
        form.indicators.set(Indicator.objects.filter(group__in=groups) | Indicator.objects.filter(code__in=extra))
        created += was_created
    return created


def form_code_for(organisation: Organisation) -> str:
    """Committees fill the full form; agencies the form of their sector."""
    if organisation.is_committee:
        return "committee"
    return SECTOR_FORMS.get(organisation.sector, "general")
