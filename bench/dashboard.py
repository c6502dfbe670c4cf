"""Dashboard benchmark (issue 13): how long the central office waits for the national dashboard.

Builds the national data set of ``bench/rollup.py`` in PostgreSQL (34 province committees, every current commune's
committee, ~1,000 agencies, every indicator, six-month and yearly reports of 2022–2026, all accepted; the database
named by DATABASE_URL, default hangviet_bench_dashboard, is dropped and rebuilt: never point it at real data), then
times, median of 3 runs each:

(a) the national dashboard page as the central standing office opens it (map of the 34 provinces coloured by the
    reporting rate, rates over six periods, key indicators against last year and over five years, plan progress);
(b) the map's figures alone (``dashboard.queries.province_figures``), rates only and with the registries' figures;
(c) one province's dashboard page.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hangviet_bench_dashboard .venv/bin/python bench/dashboard.py

Every figure is read through ``consolidation.queries``, so a faster consolidation shows here. The last line printed
is JSON: {"national_page_ms": ..., "province_rates_ms": ..., "province_figures_ms": ..., "province_page_ms": ...,
"queries": ..., ...}. Measured on the 2-core machine: before the live totals the national page took 14.0 s (380
queries), the map's rates 2.9 s (6.0 s with the registries' figures), a province's page 1.9 s. With them, the
registries' figures kept between reads and the map's reporting counted in three queries (2026-12-06, while a CI
run used the other core): national page 147 ms (156 queries), map rates 85 ms (103 ms with the registries), a
province's page 87 ms.
"""

from __future__ import annotations

import datetime
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hangviet_bench_dashboard")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangviet.settings")
os.environ["HANGVIET_LOG_LEVEL"] = "ERROR"

from bench import rollup  # noqa: E402 - after the environment is set

RUNS = 3
YEARS = range(int(os.environ.get("BENCH_DASHBOARD_FIRST_YEAR", "2022")), 2027)


def median_ms(function) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _run in range(RUNS):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    rollup.recreate_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import setup_test_environment

    from hangviet.dashboard.queries import province_figures
    from hangviet.orgs.models import Organisation, UserRole
    from hangviet.periods.models import Period
    from hangviet.units.models import Unit

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["*"]
    rollup.YEARS = YEARS
    started = time.perf_counter()
    sizes = rollup.build()
    build_s = time.perf_counter() - started
    central = Organisation.objects.get(unit__level=Unit.Level.COUNTRY, kind="committee")
    province = Organisation.objects.filter(parent=central).order_by("pk").first()
    user = get_user_model().objects.create_user(username="tw", password="bench-only")
    UserRole.objects.create(
        user=user, organisation=central, role=UserRole.Role.STANDING_OFFICE, valid_from=datetime.date(2020, 1, 1)
    )
    client = Client()
    client.force_login(user)
    query = {"period": "2026-H1", "measure": "reporting_rate"}
    national_url, province_url = f"/tong-quan/{central.pk}/", f"/tong-quan/{province.pk}/"  # type: ignore[union-attr]
    assert client.get(national_url, query).status_code == 200  # warm up, and the page works
    settings.DEBUG = True
    reset_queries()
    client.get(national_url, query)
    queries = len(connection.queries)
    settings.DEBUG = False
    national_ms = median_ms(lambda: client.get(national_url, query))
    period = Period.objects.get(year=2026, kind="H1")
    figures_ms = median_ms(lambda: province_figures(period, with_registry=False))
    registry_ms = median_ms(lambda: province_figures(period))
    province_ms = median_ms(lambda: client.get(province_url, query))
    print(f"national data set: {sizes}; built in {build_s:.0f} s", flush=True)
    print(
        f"national dashboard {national_ms:.0f} ms ({queries} queries); map rates {figures_ms:.0f} ms, with the "
        f"registries' figures {registry_ms:.0f} ms; "
        f"a province's dashboard {province_ms:.0f} ms (median of {RUNS})",
        flush=True,
    )
    print(
        json.dumps(
            {
                "national_page_ms": round(national_ms),
                "province_rates_ms": round(figures_ms),
                "province_figures_ms": round(registry_ms),
                "province_page_ms": round(province_ms),
                "queries": queries,
                **sizes,
            }
        )
    )


if __name__ == "__main__":
    main()
