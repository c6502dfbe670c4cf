"""The report beside the registries: "theo sổ theo dõi" with a link, prefilled empty fields, and a warning that
needs an explanation when the typed figure differs from the registry's (web form, live check, API, Excel)."""

from __future__ import annotations

import datetime
import io
import json
from decimal import Decimal as D

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.registry import actions as registry_actions
from hangviet.registry.catalogue import Qualifier
from hangviet.registry.figures import Figure
from hangviet.reporting import actions
from hangviet.reporting.models import Report, WarningNote
from hangviet.reporting.queries import form_indicators, registry_figures

pytestmark = pytest.mark.django_db

MARKET_DAY = datetime.date(2026, 3, 10)  # inside 2026-H1 (15/12/2025–14/6/2026)


def _markets(world: World, count: int = 2) -> None:
    """Per-market figures as the Trà Vinh report writes them: about 850 million đồng and more than 5.000
    visitors each."""
    for number in range(1, count + 1):
        registry_actions.record_event(
            world.vl_trade,
            fields={
                "name": f"Phiên chợ hàng Việt về nông thôn số {number}",
                "kind": "rural_market",
                "starts_on": MARKET_DAY,
                "ends_on": MARKET_DAY,
                "businesses": 24,
                "revenue_vnd": 850_000_000,
                "revenue_vnd_q": Qualifier.ABOUT,
                "visitors": 5000,
                "visitors_q": Qualifier.MORE_THAN,
            },
            acting_user=None,
        )


@pytest.fixture
def trade_report(world: World) -> Report:
    return actions.open_report(world.vl_trade, Period.objects.for_code("2026-H1"), acting_user=None)


@pytest.fixture
def clerk(client: Client, world: World) -> Client:
    client.force_login(world.vl_trade_clerk)
    return client


def page_of(client: Client, report: Report) -> str:
    response = client.get(reverse("reporting:detail", args=[report.pk]))
    assert response.status_code == 200
    return response.content.decode()


def post(client: Client, report: Report, action: str = "save", notes: dict | None = None, **values: str):
    data = {"version": report.version, "action": action, **{f"value__{k}": v for k, v in values.items()}}
    data |= {f"note__{key}": text for key, text in (notes or {}).items()}
    return client.post(reverse("reporting:detail", args=[report.pk]), data)


def test_the_entry_page_shows_the_registry_figure_with_a_link_to_its_list(
    clerk: Client, world: World, trade_report: Report
) -> None:
    _markets(world)
    page = page_of(clerk, trade_report)
    link = f"{reverse('registry:events')}?organisation={world.vl_trade.pk}&amp;period=2026-H1"
    assert f'href="{link}"' in page
    assert "theo sổ theo dõi: 2" in page
    assert "theo sổ theo dõi: khoảng 1.700.000.000" in page
    assert "theo sổ theo dõi: hơn 10.000" in page
    assert 'data-testid="registry-banners"' not in page  # no registry computes banners


def test_empty_fields_are_prefilled_from_the_registry_but_nothing_is_saved_until_the_user_saves(
    clerk: Client, world: World, trade_report: Report
) -> None:
    _markets(world)
    actions.save_report(
        trade_report, values={"rural_markets": D(3)}, expected_version=trade_report.version, acting_user=None
    )
    page = page_of(clerk, trade_report)
    assert 'name="value__event_revenue_vnd" id="id_value__event_revenue_vnd" value="1.700.000.000"' in page
    assert 'data-testid="prefilled-event_revenue_vnd"' in page
    assert 'name="value__rural_markets" id="id_value__rural_markets" value="3"' in page  # typed: kept
    assert 'data-testid="prefilled-rural_markets"' not in page
    assert not trade_report.values.filter(indicator__code="event_revenue_vnd").exists()


def test_a_report_that_cannot_be_edited_is_not_prefilled(client: Client, world: World, trade_report: Report) -> None:
    _markets(world)
    client.force_login(world.vl_office)  # reads the agency's report, does not edit it
    page = page_of(client, trade_report)
    assert "theo sổ theo dõi: 2" in page
    assert "prefilled-" not in page


def test_a_figure_that_differs_from_the_registry_needs_an_explanation_before_submission(
    clerk: Client, world: World, trade_report: Report
) -> None:
    _markets(world)
    response = post(clerk, trade_report, action="submit", rural_markets="3", event_revenue_vnd="1.700.000.000")
    assert response.status_code == 422
    assert "Số liệu khác với sổ theo dõi (2); cần giải trình." in response.content.decode()
    trade_report.refresh_from_db()
    assert trade_report.status == Report.Status.DRAFT

    explanation = "Phiên chợ thứ ba do huyện tổ chức, chưa ghi vào sổ."
    response = post(
        clerk,
        trade_report,
        action="submit",
        notes={"registry_mismatch:rural_markets": explanation},
        rural_markets="3",
        event_revenue_vnd="1.700.000.000",
    )
    assert response.status_code == 302
    trade_report.refresh_from_db()
    assert trade_report.status == Report.Status.SUBMITTED
    note = WarningNote.objects.get(report=trade_report, rule__code="registry_mismatch")
    assert (note.indicator_code, note.comment) == ("rural_markets", explanation)


def test_the_live_check_reconciles_what_is_typed_with_the_registry(
    clerk: Client, world: World, trade_report: Report
) -> None:
    _markets(world)
    response = clerk.post(
        reverse("reporting:check", args=[trade_report.pk]),
        {"value__rural_markets": "02", "value__event_visitors": "9.000"},
        headers={"HX-Request": "true"},
    )
    page = response.content.decode()
    assert "Số liệu khác với sổ theo dõi (hơn 10.000)" in page
    assert 'name="note__registry_mismatch:event_visitors"' in page
    assert "registry_mismatch:rural_markets" not in page


@pytest.mark.parametrize(
    ("qualifier", "typed", "differs"),
    [
        (Qualifier.EXACT, "100", False),
        (Qualifier.EXACT, "101", True),
        (Qualifier.MORE_THAN, "100", False),  # "hơn 100": 100 or more
        (Qualifier.MORE_THAN, "250", False),
        (Qualifier.MORE_THAN, "99", True),
        (Qualifier.ABOUT, "110", False),  # "khoảng 100": within 10 %
        (Qualifier.ABOUT, "90", False),
        (Qualifier.ABOUT, "111", True),
        (Qualifier.ABOUT, "89", True),
        (Qualifier.NEARLY, "95", False),  # "gần 100" as "khoảng"
    ],
)
def test_how_a_qualified_registry_figure_is_compared(
    trade_report: Report, qualifier: Qualifier, typed: str, differs: bool
) -> None:
    registry = {"booths": Figure("booths", D(100), qualifier, 3, "events")}
    violations = actions.check_report(trade_report, {"booths": D(typed)}, registry=registry)
    assert any(v.rule_code == "registry_mismatch" for v in violations) is differs


def test_the_api_refuses_to_submit_a_figure_that_differs_without_an_explanation(
    client: Client, world: World, trade_report: Report
) -> None:
    _markets(world)
    client.force_login(world.vl_trade_clerk)
    body = {"version": trade_report.version, "submit": True, "values": {"rural_markets": 3}}
    response = client.put(f"/api/reports/{trade_report.pk}/values", json.dumps(body), content_type="application/json")
    assert response.status_code == 422
    assert response.json()["problems"] == ["Số liệu khác với sổ theo dõi (2); cần giải trình."]
    body["values"] = {"rural_markets": 2}
    assert (
        client.put(
            f"/api/reports/{trade_report.pk}/values", json.dumps(body), content_type="application/json"
        ).status_code
        == 200
    )


def test_figures_uploaded_from_excel_are_reconciled_too(clerk: Client, world: World, trade_report: Report) -> None:
    _markets(world)
    workbook_bytes = clerk.get(reverse("reporting:excel", args=[trade_report.pk])).content
    workbook = load_workbook(io.BytesIO(workbook_bytes))
    sheet = workbook.active
    assert sheet is not None
    typed = [row for row in sheet.iter_rows() if len(row) > 6 and row[6].value == "rural_markets"]
    assert len(typed) == 1, "the workbook lists the indicator codes in hidden column G"
    typed[0][3].value = 5  # column D: this period
    buffer = io.BytesIO()
    workbook.save(buffer)
    upload = SimpleUploadedFile("bao-cao.xlsx", buffer.getvalue())
    response = clerk.post(reverse("reporting:excel_upload", args=[trade_report.pk]), {"file": upload}, follow=True)
    assert response.status_code == 200
    trade_report.refresh_from_db()
    assert trade_report.source == Report.Source.EXCEL
    assert "Số liệu khác với sổ theo dõi (2); cần giải trình." in response.content.decode()
    violations = actions.check_report(trade_report)
    assert [v.indicator_code for v in violations if v.rule_code == "registry_mismatch"] == ["rural_markets"]


def test_indicators_outside_the_form_get_no_registry_figure(world: World) -> None:
    _markets(world)
    report = actions.open_report(world.vl_health, Period.objects.for_code("2026-H1"), acting_user=None)
    codes = {indicator.code for indicator in form_indicators(report)}
    assert "rural_markets" not in codes
    assert not [v for v in actions.check_report(report) if v.rule_code == "registry_mismatch"]


def test_figures_imported_from_a_document_are_reconciled_like_typed_ones(
    clerk: Client, world: World, trade_report: Report
) -> None:
    """Ingest saves a document's figures through save_report as a draft marked "from a document"."""
    _markets(world)
    actions.save_report(
        trade_report,
        values={"rural_markets": D(2), "event_revenue_vnd": D(2_550_000_000)},
        expected_version=trade_report.version,
        acting_user=None,
        source=Report.Source.DOCUMENT,
    )
    page = page_of(clerk, trade_report)
    assert "Số liệu khác với sổ theo dõi (khoảng 1.700.000.000); cần giải trình." in page
    with pytest.raises(actions.SubmissionBlocked) as blocked:
        actions.submit_report(trade_report, acting_user=None)
    assert [v.indicator_code for v in blocked.value.unexplained] == ["event_revenue_vnd"]


def test_a_committee_own_report_is_compared_with_its_own_rows_and_an_old_document_with_its_area(
    world: World,
) -> None:
    """A committee's own report holds its standing office's work (its reporters' figures are consolidated, not
    typed twice); a report entered from an old province-wide document stands for the whole area."""
    _markets(world)  # recorded by Vĩnh Long's trade agency
    period = Period.objects.for_code("2026-H1")
    own = actions.open_report(world.vinh_long, period, acting_user=None)
    assert "rural_markets" not in registry_figures(own)
    registry_actions.record_event(
        world.vinh_long,
        fields={
            "name": "Phiên chợ do Thường trực tổ chức",
            "kind": "rural_market",
            "starts_on": MARKET_DAY,
            "ends_on": MARKET_DAY,
        },
        acting_user=None,
    )
    assert registry_figures(own)["rural_markets"].value == 1
    own.source = Report.Source.DOCUMENT
    assert registry_figures(own)["rural_markets"].value == 3
