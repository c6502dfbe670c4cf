"""What a standing office waits for when it reads its consolidated table (issue 14: live totals).

Builds a national data set in PostgreSQL — the central committee; 34 province committees, every current
commune's committee (~3,300) and 30 agencies a province, 4,375 reporters in all; the 63 old province
committees and their ~700 district committees, ended 30/6/2025, each old province merged into today's
(``OrganisationSuccession``) and reporting until then; every indicator; 20 six-month and yearly periods; a
few reports of the last period left as drafts or waiting for review, and narratives — then loads the totals
once (``hangviet totals rebuild``, as after any bulk load) and times, as medians:

- ``table_page_ms``: the central committee's consolidated table, end to end through Django's test client
  (form, gate, rows, totals, last year, six-period trend, template);
- ``province_page_ms``: the same page for a province committee (~130 reporter columns);
- ``consolidate_ms``: ``consolidate()`` of the central committee for one period;
- ``accept_ms``: accepting a submitted report, its totals update included;
- ``naive_ms``: the naive loop, one query per reporter, summing the central committee's table in Python.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hangviet_bench_totals .venv/bin/python bench/consolidation.py
    ... bench/consolidation.py --scale 0.5   # half the periods (10): the size curve in docs/decisions.md

The database named by DATABASE_URL (default hangviet_bench_totals) is dropped and rebuilt; never point it at
real data. At the end ``hangviet totals check`` compares the maintained totals with a recomputation. The last
line printed is JSON: {"values": ..., "table_page_ms": ..., "province_page_ms": ..., "consolidate_ms": ...,
"accept_ms": ..., "naive_ms": ...}.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hangviet_bench_totals")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangviet.settings")
os.environ["HANGVIET_LOG_LEVEL"] = "ERROR"
os.environ["HANGVIET_DEBUG"] = "false"  # no query log, as in production
os.environ["HANGVIET_STATIC_STORAGE"] = "django.contrib.staticfiles.storage.StaticFilesStorage"
os.environ["HANGVIET_ALLOWED_HOSTS"] = "testserver"

AGENCIES_PER_PROVINCE = 30  # 34 × 30 = 1,020 agencies
WAITING = 40  # reports of the last period submitted and waiting for review (timed when accepted)
DRAFTS = 40
RUNS = 9


def recreate_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def periods_for(count: int) -> list[Any]:
    from hangviet.lib.periods import PeriodKey
    from hangviet.periods.models import Period

    keys = []
    year = 2026
    while len(keys) < count:
        keys.extend([PeriodKey(year, "H1"), PeriodKey(year - 1, "Y")])
        year -= 1
    return [Period.objects.for_key(key) for key in sorted(keys[:count])]


def build(period_count: int) -> dict[str, Any]:  # noqa: PLR0915 - one linear script
    import datetime

    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection

    from hangviet.demo.reference import load_reference_data
    from hangviet.indicators.models import Indicator
    from hangviet.orgs.models import Organisation, OrganisationSuccession, UserRole
    from hangviet.reporting.models import Report, ReportForm, ReportText, Section
    from hangviet.units.models import Unit, UnitSuccession

    call_command("migrate", verbosity=0)
    load_reference_data()
    log("reference data loaded")
    ended = datetime.date(2025, 6, 30)
    country = Unit.objects.get(level=Unit.Level.COUNTRY)
    central = Organisation.objects.create(kind="committee", name="Ban Chỉ đạo Trung ương", unit=country)
    provinces = list(Unit.objects.filter(edition=Unit.Edition.CURRENT, level=Unit.Level.PROVINCE).order_by("code"))
    committees = Organisation.objects.bulk_create(
        Organisation(kind="committee", name=f"BCĐ {p.name}", unit=p, parent=central) for p in provinces
    )
    by_unit = {c.unit_id: c for c in committees}
    communes = list(Unit.objects.filter(edition=Unit.Edition.CURRENT, level=Unit.Level.COMMUNE))
    commune_committees = Organisation.objects.bulk_create(
        (Organisation(kind="committee", name=f"BCĐ {u.name}", unit=u, parent=by_unit[u.parent_id]) for u in communes),
        batch_size=2000,
    )
    agencies = Organisation.objects.bulk_create(
        (
            Organisation(kind="agency", name=f"Cơ quan {i}", unit=c.unit, parent=c, sector="trade")
            for c in committees
            for i in range(AGENCIES_PER_PROVINCE)
        ),
        batch_size=2000,
    )
    old_provinces = list(Unit.objects.filter(edition=Unit.Edition.PRE_2025, level=Unit.Level.PROVINCE))
    historic = Organisation.objects.bulk_create(
        Organisation(kind="committee", name=f"BCĐ {u.name}", unit=u, parent=central, valid_to=ended)
        for u in old_provinces
    )
    historic_by_unit = {h.unit_id: h for h in historic}
    successor_unit = dict(
        UnitSuccession.objects.filter(predecessor__in=old_provinces, successor__level=Unit.Level.PROVINCE).values_list(
            "predecessor_id", "successor_id"
        )
    )
    OrganisationSuccession.objects.bulk_create(
        OrganisationSuccession(predecessor=h, successor=by_unit[successor_unit[h.unit_id]], effective_on=ended)
        for h in historic
        if h.unit_id in successor_unit and successor_unit[h.unit_id] in by_unit
    )
    districts = Unit.objects.filter(edition=Unit.Edition.PRE_2025, level=Unit.Level.DISTRICT, parent__in=old_provinces)
    historic_districts = Organisation.objects.bulk_create(
        (
            Organisation(
                kind="committee", name=f"BCĐ {u.name}", unit=u, parent=historic_by_unit[u.parent_id], valid_to=ended
            )
            for u in districts
        ),
        batch_size=2000,
    )
    reporters = [*committees, *commune_committees, *agencies]
    old_reporters = [*historic, *historic_districts]
    province_of = {c.pk: c.unit_id for c in committees}
    province_of.update({c.pk: c.parent.unit_id for c in commune_committees})
    province_of.update({a.pk: a.parent.unit_id for a in agencies})
    for old in old_reporters:
        province_unit = old.unit_id if old.unit.level == Unit.Level.PROVINCE else old.unit.parent_id
        province_of[old.pk] = successor_unit.get(province_unit)
    log(f"{len(reporters)} reporters, {len(old_reporters)} historic committees")
    office = User.objects.create_user("tw.thuongtruc")
    UserRole.objects.create(user=office, organisation=central, role=UserRole.Role.STANDING_OFFICE)
    province_office = User.objects.create_user("tinh.thuongtruc")
    UserRole.objects.create(user=province_office, organisation=committees[0], role=UserRole.Role.STANDING_OFFICE)

    form = ReportForm.objects.get(code="committee")
    indicators = list(Indicator.objects.values_list("id", "kind"))
    periods = periods_for(period_count)
    last = periods[-1]
    rng = random.Random(2026)
    reports = values = 0
    for period in periods:
        who = [*reporters, *(old for old in old_reporters if period.end <= ended)]
        statuses = {}
        if period == last:
            chosen = rng.sample(commune_committees, WAITING + DRAFTS)
            statuses = {org.pk: "submitted" for org in chosen[:WAITING]}
            statuses.update({org.pk: "draft" for org in chosen[WAITING:]})
        created = Report.objects.bulk_create(
            (
                Report(
                    organisation=org,
                    period=period,
                    form=form,
                    province_id=province_of[org.pk],
                    status=statuses.get(org.pk, "accepted"),
                )
                for org in who
            ),
            batch_size=5000,
        )
        buffer = io.StringIO()
        for report in created:
            for indicator_id, kind in indicators:
                value = rng.randint(80, 95) if kind == "ratio" else rng.randint(0, 500)
                buffer.write(f"{report.pk}\t{indicator_id}\t{value}\n")
        with (
            connection.cursor() as cursor,
            cursor.copy("COPY reporting_reportvalue (report_id, indicator_id, value) FROM STDIN") as copy,
        ):
            copy.write(buffer.getvalue())
        if period in periods[-2:]:  # the narratives a drafted Báo cáo quotes
            ReportText.objects.bulk_create(
                (
                    ReportText(report=report, section=Section.PROPAGANDA, text=f"Tổ chức {rng.randint(1, 40)} buổi.")
                    for report in created[::10]
                ),
                batch_size=5000,
            )
        reports += len(created)
        values += len(created) * len(indicators)
        log(f"period {period.code}: {reports} reports, {values} values")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {
        "reporters": len(reporters),
        "historic_committees": len(old_reporters),
        "reports": reports,
        "values": values,
        "periods": len(periods),
        "central": central,
        "province": committees[0],
        "office": office,
        "province_office": province_office,
        "period": last,
    }


def timed(function: Callable[..., Any], *args: Any, runs: int = RUNS) -> float:
    """Median milliseconds of ``runs`` calls, after one call to warm the caches."""
    function(*args)
    times = []
    for _run in range(runs):
        start = time.perf_counter()
        function(*args)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def queries(function: Callable[..., Any], *args: Any) -> int:
    """How many SQL statements one call runs (a figure the machine's load does not change)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        function(*args)
    return len(captured)


def naive(committee: Any, period: Any) -> dict[str, Any]:
    """The central table the naive way: every reporter below the committee, one query each, summed in Python —
    a stock a province keeps (``OWNERSHIP_RULES``) taken from the province level where it reported one."""
    from collections import defaultdict
    from decimal import Decimal

    from hangviet.indicators.models import Indicator
    from hangviet.orgs.policy import list_subtree_ids
    from hangviet.reporting.models import ReportValue
    from hangviet.reporting.totals import owned_indicators, place_of, whole_tree

    codes = dict(Indicator.objects.values_list("id", "code"))
    owned, tree = owned_indicators(), whole_tree()
    totals: dict[str, Decimal] = {}
    below: dict[tuple[int, int], Decimal] = defaultdict(Decimal)
    kept_by_owner: set[tuple[int, int]] = set()
    for organisation_id in sorted(list_subtree_ids({committee.pk})):
        rows = ReportValue.objects.filter(
            report__organisation_id=organisation_id, report__period=period, report__status="accepted"
        ).values_list("indicator_id", "value")
        for indicator_id, value in rows:
            place = place_of(tree, organisation_id, owned[indicator_id]) if indicator_id in owned else None
            if place is not None and not place.owner:
                below[(place.scope, indicator_id)] += value
                continue
            if place is not None:
                kept_by_owner.add((place.scope, indicator_id))
            totals[codes[indicator_id]] = totals.get(codes[indicator_id], Decimal(0)) + value
    for (scope, indicator_id), value in below.items():
        if (scope, indicator_id) not in kept_by_owner:
            totals[codes[indicator_id]] = totals.get(codes[indicator_id], Decimal(0)) + value
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--scale", type=float, default=1.0, help="periods × scale (1: 20 periods, 2.8 M values)")
    parser.add_argument("--no-check", action="store_true", help="skip the final totals check (minutes at scale 2)")
    arguments = parser.parse_args()
    recreate_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.test import Client
    from django.urls import reverse

    from hangviet.consolidation.queries import consolidate
    from hangviet.reporting import totals
    from hangviet.reporting.actions import accept_report
    from hangviet.reporting.models import Report

    started = time.perf_counter()
    built = build(round(20 * arguments.scale))
    build_s = time.perf_counter() - started
    started = time.perf_counter()
    totals.rebuild()
    totals.vacuum()  # as `hangviet totals rebuild` does after its transaction
    rebuild_s = time.perf_counter() - started
    log(f"built in {build_s:.0f} s, totals rebuilt in {rebuild_s:.1f} s")
    central, province, period = built["central"], built["province"], built["period"]

    def page(user: Any, committee: Any) -> Callable[[], None]:
        client = Client()
        client.force_login(user)
        url = reverse("consolidation:table", args=[committee.pk, period.code])

        def get() -> None:
            response = client.get(url)
            assert response.status_code == 200, response.status_code

        return get

    table_page_ms = timed(page(built["office"], central))
    province_page_ms = timed(page(built["province_office"], province))
    consolidate_ms = timed(consolidate, central, period)
    log(
        f"pages: central {table_page_ms:.1f} ms, province {province_page_ms:.1f} ms; "
        f"consolidate {consolidate_ms:.1f} ms"
    )
    counted = {
        "table_page_queries": queries(page(built["office"], central)),
        "province_page_queries": queries(page(built["province_office"], province)),
        "consolidate_queries": queries(consolidate, central, period),
    }
    waiting = list(Report.objects.filter(period=period, status="submitted").order_by("pk"))
    last_waiting = waiting.pop()
    counted["accept_queries"] = queries(lambda: accept_report(last_waiting, acting_user=None))
    accept_times = []
    for report in waiting:
        start = time.perf_counter()
        accept_report(report, acting_user=None)
        accept_times.append((time.perf_counter() - start) * 1000)
    accept_ms = statistics.median(accept_times[1:])
    start = time.perf_counter()
    slow = naive(central, period)
    naive_ms = (time.perf_counter() - start) * 1000
    log(f"accept {accept_ms:.1f} ms; naive loop {naive_ms:.0f} ms")
    table = consolidate(central, period)
    assert {code: value for code, value in table.reported.items() if value is not None and code in slow} == {
        code: value for code, value in slow.items() if table.reported.get(code) is not None
    }, "the maintained totals and the naive sum disagree"
    started = time.perf_counter()
    differences = [] if arguments.no_check else totals.differences()
    check_s = time.perf_counter() - started
    sizes = {key: built[key] for key in ("reporters", "historic_committees", "reports", "values", "periods")}
    print(
        f"national data set: {sizes}; built in {build_s:.0f} s; totals rebuilt in {rebuild_s:.1f} s; check skipped"
        if arguments.no_check
        else f"check in {check_s:.0f} s: {len(differences)} differences",
        flush=True,
    )
    result = {
        "values": built["values"],
        "table_page_ms": round(table_page_ms, 1),
        "province_page_ms": round(province_page_ms, 1),
        "consolidate_ms": round(consolidate_ms, 1),
        "accept_ms": round(accept_ms, 1),
        "naive_ms": round(naive_ms, 1),
        **counted,
        "load_average": round(os.getloadavg()[0], 1),
    }
    if differences:
        result["differences"] = len(differences)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
