"""National roll-up benchmark (issue: reporting cycle). Not what users wait for: ``bench/consolidation.py`` times
the consolidated table's page, ``consolidate()`` and an acceptance (issue 14); this script keeps the national data
set that ``bench/document.py`` shares, and the roll-up now reads the totals maintained at acceptance.

Builds a national data set in PostgreSQL — 34 province committees, every current commune's committee
(~3,300), ~1,000 agencies, every indicator, 10 years of six-month and yearly reports, all accepted — then
times the national roll-up by province for one period (one grouped query, live from accepted reports)
against a naive loop that sums each organisation's report in Python.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hangviet_bench .venv/bin/python bench/rollup.py

The database named by DATABASE_URL (default hangviet_bench) is dropped and rebuilt; never point it at
real data. The last line printed is JSON: {"rollup_ms": ..., "naive_ms": ..., "speedup": ..., ...}.
"""

from __future__ import annotations

import io
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hangviet_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangviet.settings")
os.environ["HANGVIET_LOG_LEVEL"] = "ERROR"

YEARS = range(2017, 2027)
AGENCIES_PER_PROVINCE = 30  # 34 × 30 = 1,020 agencies
RUNS = 7


def recreate_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build() -> dict[str, int]:
    from django.core.management import call_command
    from django.db import connection

    from hangviet.demo.reference import load_reference_data
    from hangviet.indicators.models import Indicator
    from hangviet.lib.periods import PeriodKey
    from hangviet.orgs.models import Organisation
    from hangviet.periods.models import Period
    from hangviet.reporting.models import Report, ReportForm
    from hangviet.units.models import Unit

    call_command("migrate", verbosity=0)
    load_reference_data()
    log("reference data loaded")
    country = Unit.objects.get(level=Unit.Level.COUNTRY)
    central = Organisation.objects.create(kind="committee", name="Ban Chỉ đạo Trung ương", unit=country)
    provinces = list(Unit.objects.filter(edition=Unit.Edition.CURRENT, level=Unit.Level.PROVINCE))
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
    reporters = [*committees, *commune_committees, *agencies]
    province_of = {c.pk: c.unit_id for c in committees}
    province_of.update({c.pk: c.parent.unit_id for c in commune_committees})
    province_of.update({a.pk: a.parent.unit_id for a in agencies})
    log(f"{len(reporters)} reporting organisations")
    form = ReportForm.objects.get(code="committee")
    indicators = list(Indicator.objects.values_list("id", "kind"))
    periods = [Period.objects.for_key(PeriodKey(year, kind)) for year in YEARS for kind in ("H1", "Y")]
    rng = random.Random(2026)
    reports = 0
    values = 0
    for period in periods:
        created = Report.objects.bulk_create(
            (
                Report(organisation=org, period=period, form=form, province_id=province_of[org.pk], status="accepted")
                for org in reporters
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
        reports += len(created)
        values += len(created) * len(indicators)
        log(f"period {period.code}: {reports} reports, {values} values")
    from hangviet.reporting import totals

    totals.rebuild()  # loaded in bulk, not accepted one by one: count everything once
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    return {"organisations": len(reporters), "reports": reports, "values": values, "periods": len(periods)}


def naive_rollup(period) -> dict:  # type: ignore[no-untyped-def]
    """What a first version would do: for each province, each organisation, fetch and add its report."""
    from decimal import Decimal

    from hangviet.orgs.models import Organisation
    from hangviet.reporting.models import Report
    from hangviet.units.models import Unit

    result: dict = {}
    for province in Unit.objects.filter(edition=Unit.Edition.CURRENT, level=Unit.Level.PROVINCE):
        totals: dict[str, Decimal] = {}
        organisations = Organisation.objects.filter(unit__in=[province, *province.children.all()])
        for organisation in organisations:
            report = Report.objects.filter(organisation=organisation, period=period, status="accepted").first()
            if report is None:
                continue
            for value in report.values.select_related("indicator"):
                if value.indicator.kind != "ratio":
                    totals[value.indicator.code] = totals.get(value.indicator.code, Decimal(0)) + value.value
        result[province.pk] = totals
    return result


def timed(function, *args) -> tuple[float, object]:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    outcome = function(*args)
    return (time.perf_counter() - start) * 1000, outcome


def main() -> None:
    recreate_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from hangviet.consolidation.queries import rollup_by_province
    from hangviet.periods.models import Period

    started = time.perf_counter()
    sizes = build()
    build_s = time.perf_counter() - started
    period = Period.objects.get(year=2026, kind="H1")
    rollup_by_province(period)  # warm the caches once
    rollup_times = []
    for _run in range(RUNS):
        elapsed, fast = timed(rollup_by_province, period)
        rollup_times.append(elapsed)
    naive_ms, slow = timed(naive_rollup, period)
    assert {k: {c: v for c, v in d.items()} for k, d in fast.items()} == slow, "the two roll-ups disagree"  # type: ignore[union-attr]
    rollup_ms = statistics.median(rollup_times)
    print(f"national data set: {sizes}; built in {build_s:.0f} s", flush=True)
    print(f"roll-up by province, median of {RUNS}: {rollup_ms:.1f} ms; naive loop: {naive_ms:.0f} ms", flush=True)
    print(
        json.dumps(
            {
                "rollup_ms": round(rollup_ms, 1),
                "naive_ms": round(naive_ms, 1),
                "speedup": round(naive_ms / rollup_ms, 1),
                **sizes,
            }
        )
    )


if __name__ == "__main__":
    main()
