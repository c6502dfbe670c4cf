"""Saving a report writes its figures in a few statements whatever their number (issue 14: one submission was
91 queries, 64 of them single-row inserts), and keeps one history row per changed figure."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hangviet.periods.models import Period
from hangviet.reporting import actions
from hangviet.reporting.models import ValueChange
from hangviet.reporting.queries import form_indicators, values_of

pytestmark = pytest.mark.django_db


def _inserts(context: CaptureQueriesContext) -> int:
    return sum(query["sql"].lstrip().upper().startswith("INSERT") for query in context.captured_queries)


def test_saving_every_figure_of_a_form_takes_a_handful_of_inserts_and_records_each_change(world) -> None:
    report = actions.open_report(world.vl_trade, Period.objects.for_code("2026-H1"), acting_user=None)
    codes = [indicator.code for indicator in form_indicators(report) if indicator.is_whole_number]
    assert len(codes) >= 10
    values = {code: Decimal(number + 1) for number, code in enumerate(codes)}
    with CaptureQueriesContext(connection) as saving:
        actions.save_report(report, values=values, expected_version=report.version, acting_user=None)
    assert values_of(report) == values
    assert ValueChange.objects.filter(report=report).count() == len(codes)
    assert _inserts(saving) <= 4  # values, their history, the audit event (and nothing per figure)

    changed = {codes[0]: Decimal(100), codes[1]: None, codes[2]: values[codes[2]]}
    with CaptureQueriesContext(connection) as editing:
        actions.save_report(report, values=changed, expected_version=report.version, acting_user=None)
    after = values_of(report)
    assert after[codes[0]] == 100 and codes[1] not in after and after[codes[2]] == values[codes[2]]
    assert ValueChange.objects.filter(report=report).count() == len(codes) + 2  # the unchanged one is not history
    assert _inserts(editing) <= 3


def test_narrative_sections_are_stored_and_changed_in_place(world) -> None:
    report = actions.open_report(world.vl_trade, Period.objects.for_code("2026-H1"), acting_user=None)
    actions.save_report(
        report, values={}, texts={"propaganda": "Tuyên truyền"}, expected_version=report.version, acting_user=None
    )
    actions.save_report(
        report,
        values={},
        texts={"propaganda": "Tuyên  truyền, vận động", "limitations": ""},
        expected_version=report.version,
        acting_user=None,
    )
    assert dict(report.texts.values_list("section", "text")) == {
        "propaganda": "Tuyên truyền, vận động",
        "limitations": "",
    }
