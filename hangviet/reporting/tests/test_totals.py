"""Totals maintained at acceptance: a value is in every total above its reporter the moment its report is
accepted, leaves them when the report is reopened, and the maintained table always equals a recomputation."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal as D

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hangviet.indicators.models import Indicator
from hangviet.orgs.models import Organisation
from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.reporting import actions, totals
from hangviet.reporting.actions import SubmissionBlocked
from hangviet.reporting.models import Report, ReportCount, Total
from hangviet.reporting.queries import form_indicators

pytestmark = pytest.mark.django_db


def total(organisation: Organisation, period: Period, code: str) -> tuple[D, int] | None:
    row = Total.objects.filter(organisation=organisation, period=period, indicator__code=code).first()
    return None if row is None or row.count == 0 else (row.value, row.count)


def submitted(organisation: Organisation, period: Period, **values: int) -> Report:
    report = actions.open_report(organisation, period, acting_user=None)
    actions.save_report(
        report,
        values={code: D(value) for code, value in values.items()},
        expected_version=report.version,
        acting_user=None,
        submit=True,
    )
    return report


def test_an_accepted_value_is_in_every_total_above_its_reporter_at_once(world: World) -> None:
    h1 = Period.objects.for_code("2026-H1")
    report = submitted(world.vl_commune, h1, banners=5)
    assert total(world.vinh_long, h1, "banners") is None  # submitted is not counted
    actions.accept_report(report, acting_user=world.vl_office)
    for node in (world.vl_commune, world.vinh_long, world.central):
        assert total(node, h1, "banners") == (D(5), 1)
    assert total(world.an_giang, h1, "banners") is None
    assert ReportCount.objects.get(organisation=world.central, period=h1).reports == 1


def test_a_historic_committees_report_counts_in_its_successor_and_the_country(world: World) -> None:
    h1 = Period.objects.for_code("2023-H1")
    actions.accept_report(submitted(world.tv_district, h1, banners=7), acting_user=None)
    for node in (world.tv_district, world.tra_vinh, world.vinh_long, world.central):
        assert total(node, h1, "banners") == (D(7), 1)


def test_reopening_takes_the_values_out_and_reaccepting_counts_the_corrected_ones(world: World) -> None:
    h1 = Period.objects.for_code("2026-H1")
    report = submitted(world.vl_trade, h1, banners=60)
    actions.accept_report(report, acting_user=world.vl_office)
    actions.reopen_report(report, reason="Sai số băng rôn", acting_user=world.vl_office)
    assert Report.objects.get(pk=report.pk).status == Report.Status.RETURNED
    assert total(world.vinh_long, h1, "banners") is None
    actions.save_report(report, values={"banners": D(6)}, expected_version=report.version, acting_user=None)
    actions.submit_report(report, acting_user=None)
    actions.accept_report(report, acting_user=world.vl_office)
    assert total(world.central, h1, "banners") == (D(6), 1)
    assert totals.differences() == []


def test_only_an_accepted_report_can_be_reopened_and_a_reason_is_needed(world: World) -> None:
    report = submitted(world.vl_trade, Period.objects.for_code("2026-H1"), banners=1)
    with pytest.raises(actions.ReportStateError):
        actions.reopen_report(report, reason="x", acting_user=None)
    actions.accept_report(report, acting_user=None)
    with pytest.raises(ValidationError):
        actions.reopen_report(report, reason="  ", acting_user=None)


def test_the_check_command_finds_a_tampered_total_and_rebuild_repairs_it(world: World) -> None:
    h1 = Period.objects.for_code("2026-H1")
    actions.accept_report(submitted(world.vl_trade, h1, banners=60), acting_user=None)
    call_command("totals", "check", stdout=io.StringIO())  # exits normally: nothing differs
    Total.objects.filter(organisation=world.central, period=h1).update(value=D(61))
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("totals", "check", stdout=out)
    assert exit_.value.code == 1 and "chênh lệch" in out.getvalue()
    call_command("totals", "rebuild", "--period", "2026-H1", stdout=io.StringIO())
    call_command("totals", "check", stdout=io.StringIO())
    assert total(world.central, h1, "banners") == (D(60), 1)


REPORTERS = ("vl_trade", "vl_commune", "ag_trade", "tra_vinh", "tv_district")
PERIODS = ("2025-H1", "2026-H1")
STEP = st.tuples(
    st.sampled_from(REPORTERS),
    st.sampled_from(PERIODS),
    st.sampled_from(("submit", "accept", "return", "reopen")),
    st.integers(min_value=0, max_value=1000),
)


def _submit(report: Report, number: int) -> None:
    if not report.is_editable:
        return
    values: dict[str, D | None] = {
        "banners": D(number),
        "ocop_stores": D(number % 7),
        "viet_goods_share_pct": D(number % 101),
    }
    if number % 5 == 0:
        values["banners"] = None  # a cleared value leaves the totals too
    allowed = {indicator.code for indicator in form_indicators(report)}
    values = {code: value for code, value in values.items() if code in allowed}
    actions.save_report(report, values=values, expected_version=report.version, acting_user=None, submit=True)


def _apply(world: World, name: str, code: str, operation: str, number: int) -> None:
    """One reviewer's or reporter's move; a move the report's state does not allow changes nothing."""
    organisation = getattr(world, name)
    report = actions.open_report(organisation, Period.objects.for_code(code), acting_user=None)
    try:
        if operation == "submit":
            _submit(report, number)
        elif operation == "accept":  # the reporter sends (if it has not) and the office accepts
            _submit(report, number)
            actions.accept_report(report, acting_user=None)
        elif operation == "return":
            _submit(report, number)
            actions.return_report(report, reason="Xem lại", acting_user=None)
        else:
            actions.reopen_report(report, reason="Sửa lại", acting_user=None)
    except (actions.ReportStateError, SubmissionBlocked):
        pass


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=st.lists(STEP, min_size=1, max_size=25))
def test_any_sequence_of_accepting_returning_and_reopening_keeps_the_totals_exact(
    world: World, steps: list[tuple[str, str, str, int]]
) -> None:
    with transaction.atomic():
        for step in steps:
            _apply(world, *step)
        assert totals.differences() == []
        # And the maintained national total is the plain sum of what the accepted reports hold.
        for code in PERIODS:
            period = Period.objects.for_code(code)
            accepted = Report.objects.filter(period=period, status=Report.Status.ACCEPTED)
            expected = sum(
                (value.value for report in accepted for value in report.values.filter(indicator__code="banners")),
                D(0),
            )
            found = total(world.central, period, "banners")
            assert (found[0] if found else D(0)) == expected
            # ocop_stores is kept by the province: in each province's scope the province-level figure stands
            # (Sở Công Thương, the old Trà Vinh committee), the ones below count only while it is missing.
            stores = dict(
                accepted.filter(values__indicator__code="ocop_stores").values_list("organisation_id", "values__value")
            )
            expected_stores, counted = D(0), False
            for owners, below in (
                ((world.vl_trade,), (world.vl_commune,)),
                ((world.ag_trade,), ()),
                ((world.tra_vinh,), (world.tv_district,)),
            ):
                kept = [stores[o.pk] for o in owners if o.pk in stores]
                parts = kept or [stores[o.pk] for o in below if o.pk in stores]
                expected_stores += sum(parts, D(0))
                counted = counted or bool(parts)
            found = total(world.central, period, "ocop_stores")
            assert (found[0] if found else None) == (expected_stores if counted else None)
        transaction.set_rollback(True)


def test_the_indicator_catalogue_kinds_are_the_ones_totals_read(world: World) -> None:
    assert set(Indicator.objects.values_list("kind", flat=True)) <= {"flow", "stock", "ratio"}


def test_a_succession_recorded_after_the_reports_moves_them_into_the_successors_total(world: World) -> None:
    from hangviet.orgs.models import OrganisationSuccession
    from hangviet.orgs.tests.factories import make_committee

    h1 = Period.objects.for_code("2023-H1")
    old_commune = make_committee(world.tv_district.unit, world.tv_district, valid_to=datetime.date(2025, 6, 30))
    actions.accept_report(submitted(old_commune, h1, banners=4), acting_user=None)
    assert total(world.vl_commune, h1, "banners") is None
    succession = OrganisationSuccession.objects.create(
        predecessor=old_commune, successor=world.vl_commune, effective_on=datetime.date(2025, 7, 1)
    )
    assert total(world.vl_commune, h1, "banners") == (D(4), 1)
    assert total(world.central, h1, "banners") == (D(4), 1)  # reached twice, counted once
    assert totals.differences() == []
    succession.delete()
    assert total(world.vl_commune, h1, "banners") is None
    assert totals.differences() == []


def test_an_agency_moved_to_another_committee_takes_its_accepted_reports_along(world: World) -> None:
    h1 = Period.objects.for_code("2026-H1")
    actions.accept_report(submitted(world.vl_trade, h1, banners=9), acting_user=None)
    world.vl_trade.parent = world.an_giang
    world.vl_trade.save()
    assert total(world.vinh_long, h1, "banners") is None
    assert total(world.an_giang, h1, "banners") == (D(9), 1)
    assert total(world.central, h1, "banners") == (D(9), 1)
    assert totals.differences() == []


def test_a_stock_the_province_keeps_is_counted_once_and_the_communes_keep_their_own(world: World) -> None:
    """``province_keeps_ocop_and_sale_points``: the communes' figures add up only until the province's arrives."""
    h1 = Period.objects.for_code("2026-H1")
    actions.accept_report(submitted(world.vl_commune, h1, ocop_stores=12), acting_user=None)
    actions.accept_report(submitted(world.vl_sibling_commune, h1, ocop_stores=9), acting_user=None)
    assert total(world.vinh_long, h1, "ocop_stores") == (D(21), 2)  # nobody at the province level yet
    trade = actions.accept_report(submitted(world.vl_trade, h1, ocop_stores=40), acting_user=None)
    for node in (world.vinh_long, world.central):
        assert total(node, h1, "ocop_stores") == (D(40), 1)
    assert total(world.vl_commune, h1, "ocop_stores") == (D(12), 1)  # the ward's own column is unchanged
    assert total(world.vl_trade, h1, "ocop_stores") == (D(40), 1)
    assert totals.differences() == []
    # A commune accepted after the province's figure stays out of the province's total, in its own node.
    actions.reopen_report(Report.objects.get(organisation=world.vl_commune, period=h1), reason="Sửa", acting_user=None)
    actions.accept_report(submitted(world.vl_commune, h1, ocop_stores=15), acting_user=None)
    assert total(world.vinh_long, h1, "ocop_stores") == (D(40), 1)
    assert total(world.vl_commune, h1, "ocop_stores") == (D(15), 1)
    # The province's figure taken back: the communes' sum stands again.
    actions.reopen_report(trade, reason="Sửa số liệu", acting_user=None)
    for node in (world.vinh_long, world.central):
        assert total(node, h1, "ocop_stores") == (D(24), 2)
    assert totals.differences() == []
    call_command("totals", "rebuild", stdout=io.StringIO())
    assert total(world.vinh_long, h1, "ocop_stores") == (D(24), 2)
    actions.accept_report(submitted(world.vl_trade, h1, ocop_stores=41), acting_user=None)
    call_command("totals", "rebuild", stdout=io.StringIO())
    assert total(world.central, h1, "ocop_stores") == (D(41), 1)
    assert totals.differences() == []


def test_a_flow_reported_at_two_levels_still_adds_up(world: World) -> None:
    h1 = Period.objects.for_code("2026-H1")
    actions.accept_report(submitted(world.vl_commune, h1, banners=3), acting_user=None)
    actions.accept_report(submitted(world.vl_trade, h1, banners=4), acting_user=None)
    assert total(world.vinh_long, h1, "banners") == (D(7), 2)
