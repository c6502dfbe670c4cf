"""The reference rules, each kind of scope, and the catalogue's codes."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError

from hangviet.indicators.models import Indicator, ValidationRule
from hangviet.indicators.rules import RuleBook

pytestmark = pytest.mark.django_db

REFERENCE_CODES = [
    "propaganda_sessions",
    "propaganda_participants",
    "media_items",
    "banners",
    "training_courses",
    "training_participants",
    "fairs",
    "rural_markets",
    "booths",
    "participating_businesses",
    "event_revenue_vnd",
    "event_visitors",
    "trade_connection_events",
    "promotion_programs",
    "goods_delivered_tonnes",
    "ocop_products",
    "ocop_3_star",
    "ocop_4_star",
    "ocop_5_star",
    "ocop_producers",
    "ocop_stores",
    "viet_sale_points",
    "viet_goods_share_pct",
    "inspections",
    "violations_handled",
    "fines_vnd",
    "model_residential_areas",
    "clubs",
    "club_members",
    "commendations",
    "supervisions",
    "committee_budget_vnd",
]


def rules_broken(values: dict, previous: dict | None = None) -> set[tuple[str, str]]:
    return {(v.rule_code, v.indicator_code) for v in RuleBook.load().check(values, previous)}


def test_the_catalogue_holds_every_reference_code_with_its_kind() -> None:
    assert set(REFERENCE_CODES) <= set(Indicator.objects.values_list("code", flat=True))
    assert Indicator.objects.get(code="ocop_products").kind == Indicator.Kind.STOCK
    assert Indicator.objects.get(code="viet_goods_share_pct").kind == Indicator.Kind.RATIO
    assert Indicator.objects.get(code="fines_vnd").value_type == Indicator.ValueType.MONEY


def test_tra_vinh_ocop_figures_raise_the_warning() -> None:
    found = RuleBook.load().check(
        {"ocop_products": D(184), "ocop_3_star": D(137), "ocop_4_star": D(38), "ocop_5_star": D(3)}
    )
    [violation] = found
    assert (violation.rule_code, violation.severity) == ("ocop_stars_add_up", "warning")
    assert dict(violation.figures)["ocop_products"] == D(184)


def test_a_report_rule_is_skipped_while_a_figure_it_needs_is_missing() -> None:
    assert rules_broken({"ocop_products": D(184), "ocop_3_star": D(137)}) == set()


def test_each_number_rule_flags_negative_and_fractional_counts_but_not_tonnes() -> None:
    broken = rules_broken({"banners": D(-1), "booths": D("2.5"), "goods_delivered_tonnes": D("12.5")})
    assert broken == {("whole_non_negative", "banners"), ("whole_non_negative", "booths")}


def test_a_share_above_100_percent_is_an_error() -> None:
    assert ("share_within_0_100", "") in rules_broken({"viet_goods_share_pct": D(120)})
    assert rules_broken({"viet_goods_share_pct": D("90.5")}) == set()


def test_participants_fewer_than_sessions_is_a_warning() -> None:
    assert rules_broken({"propaganda_sessions": D(10), "propaganda_participants": D(5)}) == {
        ("propaganda_participants_cover_sessions", "")
    }


def test_a_falling_stock_is_a_warning_only_against_a_previous_figure() -> None:
    assert rules_broken({"ocop_stores": D(5)}, {"ocop_stores": D(6)}) == {("stock_does_not_fall", "ocop_stores")}
    assert rules_broken({"ocop_stores": D(5)}) == set()
    assert rules_broken({"banners": D(5)}, {"banners": D(9)}) == set()  # flows may fall


def test_an_inactive_rule_does_not_run() -> None:
    ValidationRule.objects.filter(code="share_within_0_100").update(is_active=False)
    assert rules_broken({"viet_goods_share_pct": D(120)}) == set()


def test_a_rule_with_an_unsafe_expression_cannot_be_saved() -> None:
    rule = ValidationRule(code="bad", expression="__import__('os').system('x')", severity="error", message="x")
    with pytest.raises(ValidationError):
        rule.full_clean()
