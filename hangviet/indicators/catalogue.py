"""The reference indicator catalogue (``shared/indicators.md``) and the reference validation rules.

Codes are spelled exactly as the shared list; other tools and test sets refer to them. Never rename one.
``load_catalogue`` creates or updates them and is safe to run any number of times.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext_noop

from hangviet.indicators.models import Indicator, ValidationRule

K, T, G = Indicator.Kind, Indicator.ValueType, Indicator.Group


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name: str
    unit: str
    kind: str
    group: str
    value_type: str = T.COUNT


@dataclass(frozen=True)
class OwnershipRule:
    """A level that keeps a stock for its whole area: inside the subtree of an organisation of that level, the
    figures reported at that level (the committee and its member agencies) are the total, and those reported
    below it are parts of it — counted in their own nodes, not added again above. Where nobody at that level
    reported the figure, the sum of those below stands (and the consolidated table says which was used)."""

    name: str
    level: str  # a ``units.models.Unit.Level`` value
    indicators: tuple[str, ...]
    example: str


OWNERSHIP_RULES: tuple[OwnershipRule, ...] = (
    OwnershipRule(
        "province_keeps_ocop_and_sale_points",
        "province",
        (
            "ocop_products",
            "ocop_3_star",
            "ocop_4_star",
            "ocop_5_star",
            "ocop_producers",
            "ocop_stores",
            "viet_sale_points",
        ),
        "Sở Nông nghiệp và Môi trường Vĩnh Long báo cáo toàn tỉnh có 184 sản phẩm OCOP; phường Trà Vinh báo cáo 12 "
        "và phường Long Châu 9 sản phẩm của mình: tổng của tỉnh và cả nước tính 184 (không phải 205), cột của hai "
        "phường vẫn là 12 và 9. Nếu chưa sở, ngành nào của tỉnh báo cáo, tổng của tỉnh là 12 + 9 = 21.",
    ),
)


def owner_levels() -> dict[str, str]:
    """``{indicator code: level}`` of the stocks a level keeps (``OWNERSHIP_RULES``)."""
    return {code: rule.level for rule in OWNERSHIP_RULES for code in rule.indicators}


INDICATORS: tuple[IndicatorSpec, ...] = (
    IndicatorSpec(
        "propaganda_sessions",
        gettext_noop("Số cuộc tuyên truyền, vận động"),
        gettext_noop("cuộc"),
        K.FLOW,
        G.PROPAGANDA,
    ),
    IndicatorSpec(
        "propaganda_participants",
        gettext_noop("Số lượt người dự tuyên truyền, vận động"),
        gettext_noop("lượt người"),
        K.FLOW,
        G.PROPAGANDA,
    ),
    IndicatorSpec(
        "media_items",
        gettext_noop("Số tin, bài, phóng sự, chuyên mục trên báo chí, phát thanh, truyền hình, trang tin"),
        gettext_noop("tin, bài"),
        K.FLOW,
        G.PROPAGANDA,
    ),
    IndicatorSpec(
        "banners", gettext_noop("Số băng rôn, pano, áp phích tuyên truyền"), gettext_noop("cái"), K.FLOW, G.PROPAGANDA
    ),
    IndicatorSpec(
        "training_courses",
        gettext_noop("Số lớp tập huấn, hội nghị, hội thảo"),
        gettext_noop("lớp"),
        K.FLOW,
        G.PROPAGANDA,
    ),
    IndicatorSpec(
        "training_participants",
        gettext_noop("Số lượt người dự tập huấn, hội nghị, hội thảo"),
        gettext_noop("lượt người"),
        K.FLOW,
        G.PROPAGANDA,
    ),
    IndicatorSpec(
        "fairs",
        gettext_noop("Số hội chợ, triển lãm, tuần hàng tổ chức hoặc tham gia"),
        gettext_noop("cuộc"),
        K.FLOW,
        G.TRADE,
    ),
    IndicatorSpec(
        "rural_markets",
        gettext_noop("Số phiên chợ hàng Việt (về nông thôn, khu công nghiệp, phiên chợ đêm)"),
        gettext_noop("phiên"),
        K.FLOW,
        G.TRADE,
    ),
    IndicatorSpec("booths", gettext_noop("Số gian hàng"), gettext_noop("gian hàng"), K.FLOW, G.TRADE),
    IndicatorSpec(
        "participating_businesses",
        gettext_noop("Số doanh nghiệp, cơ sở tham gia"),
        gettext_noop("doanh nghiệp"),
        K.FLOW,
        G.TRADE,
    ),
    IndicatorSpec(
        "event_revenue_vnd",
        gettext_noop("Doanh thu tại hội chợ, phiên chợ"),
        gettext_noop("đồng"),
        K.FLOW,
        G.TRADE,
        T.MONEY,
    ),
    IndicatorSpec(
        "event_visitors", gettext_noop("Số lượt khách tham quan, mua sắm"), gettext_noop("lượt"), K.FLOW, G.TRADE
    ),
    IndicatorSpec(
        "trade_connection_events",
        gettext_noop("Số hội nghị, chuyến kết nối cung cầu, giao thương"),
        gettext_noop("cuộc"),
        K.FLOW,
        G.TRADE,
    ),
    IndicatorSpec(
        "promotion_programs", gettext_noop("Số chương trình khuyến mại"), gettext_noop("chương trình"), K.FLOW, G.TRADE
    ),
    IndicatorSpec(
        "goods_delivered_tonnes",
        gettext_noop("Khối lượng hàng hóa đưa về nông thôn, hải đảo"),
        gettext_noop("tấn"),
        K.FLOW,
        G.TRADE,
        T.DECIMAL,
    ),
    IndicatorSpec(
        "ocop_products", gettext_noop("Số sản phẩm OCOP đạt 3 sao trở lên"), gettext_noop("sản phẩm"), K.STOCK, G.OCOP
    ),
    IndicatorSpec("ocop_3_star", gettext_noop("Số sản phẩm OCOP 3 sao"), gettext_noop("sản phẩm"), K.STOCK, G.OCOP),
    IndicatorSpec("ocop_4_star", gettext_noop("Số sản phẩm OCOP 4 sao"), gettext_noop("sản phẩm"), K.STOCK, G.OCOP),
    IndicatorSpec("ocop_5_star", gettext_noop("Số sản phẩm OCOP 5 sao"), gettext_noop("sản phẩm"), K.STOCK, G.OCOP),
    IndicatorSpec(
        "ocop_producers", gettext_noop("Số chủ thể có sản phẩm OCOP"), gettext_noop("chủ thể"), K.STOCK, G.OCOP
    ),
    IndicatorSpec(
        "ocop_stores",
        gettext_noop("Số cửa hàng, điểm giới thiệu và bán sản phẩm OCOP"),
        gettext_noop("cửa hàng"),
        K.STOCK,
        G.OCOP,
    ),
    IndicatorSpec(
        "viet_sale_points",
        gettext_noop("Số điểm bán hàng Việt (“Tự hào hàng Việt Nam”, “Tinh hoa hàng Việt Nam”)"),
        gettext_noop("điểm"),
        K.STOCK,
        G.OCOP,
    ),
    IndicatorSpec(
        "viet_goods_share_pct",
        gettext_noop("Tỷ lệ hàng Việt tại siêu thị, trung tâm thương mại"),
        gettext_noop("%"),
        K.RATIO,
        G.OCOP,
        T.PERCENT,
    ),
    IndicatorSpec(
        "inspections", gettext_noop("Số vụ kiểm tra, kiểm soát thị trường"), gettext_noop("vụ"), K.FLOW, G.MARKET
    ),
    IndicatorSpec("violations_handled", gettext_noop("Số vụ vi phạm đã xử lý"), gettext_noop("vụ"), K.FLOW, G.MARKET),
    IndicatorSpec(
        "fines_vnd", gettext_noop("Số tiền xử phạt vi phạm hành chính"), gettext_noop("đồng"), K.FLOW, G.MARKET, T.MONEY
    ),
    # Second wave (shared/second-wave.md §6): counted from the consumer reports (hangviet/complaints).
    IndicatorSpec(
        "consumer_reports_received",
        gettext_noop("Số phản ánh của người tiêu dùng đã tiếp nhận"),
        gettext_noop("phản ánh"),
        K.FLOW,
        G.MARKET,
    ),
    IndicatorSpec(
        "consumer_reports_handled",
        gettext_noop("Số phản ánh đã xử lý, trả lời"),
        gettext_noop("phản ánh"),
        K.FLOW,
        G.MARKET,
    ),
    IndicatorSpec(
        "model_residential_areas",
        gettext_noop("Số khu dân cư “tự hào dùng hàng Việt”"),
        gettext_noop("khu dân cư"),
        K.STOCK,
        G.MOVEMENT,
    ),
    IndicatorSpec(
        "clubs",
        gettext_noop("Số câu lạc bộ, tổ, nhóm (người tiêu dùng, ...)"),
        gettext_noop("câu lạc bộ"),
        K.STOCK,
        G.MOVEMENT,
    ),
    IndicatorSpec(
        "club_members",
        gettext_noop("Số thành viên câu lạc bộ, tổ, nhóm"),
        gettext_noop("thành viên"),
        K.STOCK,
        G.MOVEMENT,
    ),
    IndicatorSpec(
        "commendations",
        gettext_noop("Số tập thể, cá nhân, doanh nghiệp được khen thưởng, tôn vinh"),
        gettext_noop("tập thể, cá nhân"),
        K.FLOW,
        G.MOVEMENT,
    ),
    IndicatorSpec(
        "supervisions",
        gettext_noop("Số cuộc kiểm tra, giám sát việc thực hiện Cuộc vận động"),
        gettext_noop("cuộc"),
        K.FLOW,
        G.MOVEMENT,
    ),
    # Second wave (shared/second-wave.md §6), computed from the oversight app's recommendations.
    IndicatorSpec(
        "oversight_recommendations_open",
        gettext_noop("Số kiến nghị sau kiểm tra, giám sát chưa thực hiện"),
        gettext_noop("kiến nghị"),
        K.STOCK,
        G.MOVEMENT,
    ),
    IndicatorSpec(
        "committee_budget_vnd",
        gettext_noop("Kinh phí hoạt động của Ban Chỉ đạo"),
        gettext_noop("đồng"),
        K.FLOW,
        G.BUDGET,
        T.MONEY,
    ),
)

# A ratio's numerator and denominator, both flows of the catalogue, where it has them: over a phase the ratio is
# then computed from their sums (``aggregation.combine_years``). None has them yet — the share of Vietnamese
# goods comes from the surveys' shelf counts, not from reported flows — so a phase reads it year by year.
RATIO_PARTS: dict[str, tuple[str, str]] = {}

S, SC = ValidationRule.Severity, ValidationRule.Scope
RULES: tuple[tuple[str, str, str, str, str], ...] = (
    # (code, scope, expression, severity, message)
    (
        "whole_non_negative",
        SC.EACH_NUMBER,
        "value >= 0 and is_whole(value)",
        S.ERROR,
        gettext_noop("Số liệu phải là số nguyên không âm."),
    ),
    (
        "share_within_0_100",
        SC.REPORT,
        "0 <= viet_goods_share_pct <= 100",
        S.ERROR,
        gettext_noop("Tỷ lệ hàng Việt phải nằm trong khoảng 0–100%."),
    ),
    (
        "ocop_stars_add_up",
        SC.REPORT,
        "ocop_products == ocop_3_star + ocop_4_star + ocop_5_star",
        S.WARNING,
        gettext_noop("Tổng số sản phẩm OCOP khác tổng số sản phẩm 3, 4 và 5 sao."),
    ),
    (
        "propaganda_participants_cover_sessions",
        SC.REPORT,
        "propaganda_participants >= propaganda_sessions",
        S.WARNING,
        gettext_noop("Số lượt người dự tuyên truyền ít hơn số cuộc tuyên truyền."),
    ),
    (
        "training_participants_cover_courses",
        SC.REPORT,
        "training_participants >= training_courses",
        S.WARNING,
        gettext_noop("Số lượt người dự tập huấn ít hơn số lớp tập huấn."),
    ),
    (
        "stock_does_not_fall",
        SC.EACH_STOCK,
        "value >= previous",
        S.WARNING,
        gettext_noop("Số hiện có giảm so với kỳ báo cáo trước."),
    ),
    # The typed figure against the registries' (docs/decisions.md, "Reconciling a report with the registries"):
    # an exact figure must match; "hơn N" accepts N or more; "gần N" and "khoảng N" accept within 10 % of N.
    (
        "registry_mismatch",
        SC.REGISTRY,
        "value == registry or (qualifier == 1 and value >= registry)"
        " or (qualifier >= 2 and abs(value - registry) * 10 <= registry)",
        S.WARNING,
        gettext_noop("Số liệu khác với sổ theo dõi (%(registry)s); cần giải trình."),
    ),
)


@transaction.atomic
def load_catalogue() -> tuple[int, int]:
    """Create or update the reference indicators and rules; return how many rows were created."""
    created = 0
    owners = owner_levels()
    for order, spec in enumerate(INDICATORS, start=1):
        _indicator, was_created = Indicator.objects.update_or_create(
            code=spec.code,
            defaults={
                "name": spec.name,
                "unit": spec.unit,
                "kind": spec.kind,
                "group": spec.group,
                "value_type": spec.value_type,
                "order": order * 10,
                "owner_level": owners.get(spec.code, ""),
            },
        )
        created += was_created
    rules_created = 0
    for code, scope, expression, severity, message in RULES:
        _rule, was_created = ValidationRule.objects.update_or_create(
            code=code, defaults={"scope": scope, "expression": expression, "severity": severity, "message": message}
        )
        rules_created += was_created
    return created, rules_created
