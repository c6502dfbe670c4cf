"""Registry benchmark (issue 10): importing a 20,000-row OCOP list, and national registry figures over 100,000 events.

Builds its own PostgreSQL database (the one named by DATABASE_URL, default hangviet_bench_registry, is dropped and
rebuilt: never point it at real data), then times what a user waits for:

(a) the import of a generated 20,000-row OCOP workbook (.xlsx, as offices keep it: titles above the headings,
    products of ~7,000 producers at addresses of old Trà Vinh, Bến Tre and Vĩnh Long and of today's Vĩnh Long,
    written in several ways, a few that resolve to nothing) through the code path of
    ``hangviet registry import ocop PATH --unit "Tỉnh Vĩnh Long"`` (upload checks, reading, resolving through the
    lineage, matching, one transaction);
(b) ``figures_for_unit(country, …)`` for one six-month period with 100,000 events in it (fairs, markets,
    connection events across every province, each with its place, organisers and figures), median of 7 runs.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hangviet_bench_registry .venv/bin/python bench/registry.py

The last line printed is JSON: {"import_rows_per_s": ..., "figures_ms": ..., ...}. Targets: ≥ 2,000 rows/s;
< 100 ms.
"""

from __future__ import annotations

import datetime
import io
import json
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hangviet_bench_registry")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangviet.settings")
os.environ["HANGVIET_LOG_LEVEL"] = "ERROR"

IMPORT_ROWS = 20_000
PRODUCERS = 7_000
EVENTS = int(os.environ.get("BENCH_REGISTRY_EVENTS", "100000"))
RUNS = 7
PERIOD = "2025-H1"


def recreate_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build_organisations() -> dict[str, object]:
    from django.core.management import call_command

    from hangviet.demo.reference import load_reference_data
    from hangviet.orgs.models import Organisation
    from hangviet.units.models import Unit

    call_command("migrate", verbosity=0)
    load_reference_data()
    country = Unit.objects.get(level=Unit.Level.COUNTRY)
    central = Organisation.objects.create(kind="committee", name="Ban Chỉ đạo Trung ương", unit=country)
    provinces = list(Unit.objects.filter(edition=Unit.Edition.CURRENT, level=Unit.Level.PROVINCE).order_by("code"))
    committees = Organisation.objects.bulk_create(
        Organisation(kind="committee", name=f"Ban Chỉ đạo {p.name}", unit=p, parent=central) for p in provinces
    )
    agencies = Organisation.objects.bulk_create(
        Organisation(kind="agency", name=f"Sở Công Thương {c.unit.name}", unit=c.unit, parent=c, sector="trade")
        for c in committees
    )
    vinh_long = next(c for c in committees if c.unit.code == "86")
    return {"country": country, "central": central, "committees": committees, "agencies": agencies, "vl": vinh_long}


def _addresses(rng: random.Random) -> list[tuple[str, str, str]]:
    """(address, district column, province column) as offices write them, over Vĩnh Long's old and new units."""
    from hangviet.units.models import Unit

    olds = Unit.objects.filter(
        edition=Unit.Edition.PRE_2025,
        level=Unit.Level.COMMUNE,
        parent__parent__name__in=["Tỉnh Trà Vinh", "Tỉnh Bến Tre", "Tỉnh Vĩnh Long"],
    ).select_related("parent__parent")
    currents = Unit.objects.filter(edition=Unit.Edition.CURRENT, level=Unit.Level.COMMUNE, parent__code="86")
    found: list[tuple[str, str, str]] = []
    for commune in olds:
        district, province = commune.parent, commune.parent.parent
        hamlet = f"ấp {rng.choice(['Phú Hòa', 'Long Bình', 'Cồn Chim', 'Rạch Dừa', 'Tân Lập', 'Giồng Lức'])}"
        style = rng.random()
        if style < 0.5:
            found.append(
                (f"{hamlet}, {commune.name.lower()}, {district.name.lower()}, {province.name.lower()}", "", "")
            )
        elif style < 0.8:
            found.append((f"{hamlet}, {commune.name}, {district.name}", "", province.name.removeprefix("Tỉnh ")))
        else:
            bare = commune.name.split(" ", 1)[1] if " " in commune.name else commune.name
            found.append((f"{hamlet}, xã {bare}" if commune.name.startswith("Xã") else commune.name, district.name, ""))
    for commune in currents:
        found.append((f"khóm 3, {commune.name}, tỉnh Vĩnh Long", "", ""))
    found.extend([("Khu du lịch sinh thái Cồn Chim", "", ""), ("Chợ đầu mối nông sản", "", "")])
    return found


def ocop_workbook(rows: int, rng: random.Random) -> bytes:
    from openpyxl import Workbook

    addresses = _addresses(rng)
    producers = []
    for index in range(PRODUCERS):
        form = rng.choice(["Hợp tác xã", "HTX", "Công ty TNHH", "Hộ kinh doanh", "Cơ sở", "Tổ hợp tác"])
        producers.append((f"{form} {rng.choice(['Mỹ', 'Phú', 'Long', 'Tân', 'An'])} {index}", rng.choice(addresses)))
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["ỦY BAN NHÂN DÂN TỈNH VĨNH LONG"])
    sheet.append(["DANH SÁCH SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN (tổng hợp từ ba tỉnh cũ)"])
    sheet.append([])
    sheet.append(
        ["STT", "Tên sản phẩm", "Chủ thể", "Địa chỉ", "Huyện", "Tỉnh", "Hạng sao", "Số QĐ", "Ngày QĐ", "Nhóm SP"]
    )
    kinds = ["Mật ong", "Bánh pía", "Kẹo dừa", "Gạo thơm", "Bưởi da xanh", "Nước mắm", "Trà", "Rượu", "Chả lụa"]
    for index in range(rows):
        name, (address, district, province) = producers[index % PRODUCERS]
        stars = rng.choice(["3 sao", "4 sao", "3*", "4", "5 sao", "Hạng 3 sao"])
        day = datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randrange(0, 6 * 365))
        when = day if rng.random() < 0.7 else day.strftime("%d/%m/%Y")
        sheet.append(
            [
                index + 1,
                f"{rng.choice(kinds)} {index}",
                name,
                address,
                district,
                province,
                stars,
                f"{index}/QĐ-UBND",
                when,
                "Thực phẩm",
            ]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def build_events(organisations: dict[str, object], rng: random.Random) -> None:
    from django.db import connection

    from hangviet.lib.periods import PeriodKey
    from hangviet.registry.catalogue import EVENT_KINDS, Qualifier
    from hangviet.registry.models import Event, EventOrganiser, Place, PlaceArea
    from hangviet.registry.places import areas_of
    from hangviet.units.models import Unit

    key = PeriodKey.parse(PERIOD)
    days = (key.end - key.start).days
    communes = list(
        Unit.objects.filter(edition=Unit.Edition.CURRENT, level=Unit.Level.COMMUNE).values_list("pk", "name")
    )
    committees, agencies = organisations["committees"], organisations["agencies"]
    recorders = [*committees, *agencies]  # type: ignore[misc]
    batch = 10_000
    for start in range(0, EVENTS, batch):
        count = min(batch, EVENTS - start)
        chosen = [rng.choice(communes) for _ in range(count)]
        places = Place.objects.bulk_create(Place(text=name, unit_id=pk) for pk, name in chosen)
        PlaceArea.objects.bulk_create(
            (PlaceArea(place_id=place.pk, unit_id=area) for place in places for area in areas_of(place.unit_id)),
            batch_size=20_000,
        )
        events = []
        for place in places:
            kind = rng.choice(EVENT_KINDS)
            day = key.start + datetime.timedelta(days=rng.randrange(days + 1))
            events.append(
                Event(
                    recorded_by=rng.choice(recorders),
                    name=f"{kind.label} {start}",
                    kind=kind.code,
                    starts_on=day,
                    ends_on=day + datetime.timedelta(days=rng.randrange(3)),
                    place=place,
                    businesses=rng.randrange(5, 80),
                    booths=rng.randrange(10, 200),
                    revenue_vnd=rng.randrange(50, 2000) * 1_000_000,
                    revenue_vnd_q=rng.choice([Qualifier.EXACT, Qualifier.ABOUT]),
                    visitors=rng.randrange(100, 20_000) if rng.random() < 0.8 else None,
                    visitors_q=Qualifier.MORE_THAN,
                )
            )
        Event.objects.bulk_create(events)
        organisers = []
        for event in events:
            organisers.append(EventOrganiser(event=event, organisation_id=event.recorded_by_id, role="lead"))
            for other in rng.sample(committees, rng.randrange(0, 3)):  # type: ignore[arg-type]
                if other.pk != event.recorded_by_id:
                    organisers.append(EventOrganiser(event=event, organisation=other, role="co_organiser"))
        EventOrganiser.objects.bulk_create(organisers, batch_size=20_000)
        log(f"events: {start + count}")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def main() -> None:
    recreate_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from hangviet.lib.periods import PeriodKey
    from hangviet.registry.figures import figures_for_unit
    from hangviet.registry.importing.engine import import_file

    rng = random.Random(2026)
    organisations = build_organisations()
    log("organisations and units ready")
    content = ocop_workbook(IMPORT_ROWS, rng)
    log(f"OCOP workbook: {IMPORT_ROWS} rows, {len(content) // 1024} KiB")

    started = time.perf_counter()
    result = import_file(content, "ocop-vinh-long.xlsx", "ocop", organisations["vl"], dry_run=False, acting_user=None)  # type: ignore[arg-type]
    import_s = time.perf_counter() - started
    rows = len(result.outcomes)
    print(
        f"import: {rows} rows in {import_s:.2f} s = {rows / import_s:.0f} rows/s "
        f"(created {result.created}, matched {result.matched}, refused {len(result.refused)}, "
        f"unresolved places {result.unresolved_places})",
        flush=True,
    )

    build_events(organisations, rng)
    key = PeriodKey.parse(PERIOD)
    country = organisations["country"]
    figures_for_unit(country, key.start, key.end)  # type: ignore[arg-type]  # warm up
    times = []
    for _run in range(RUNS):
        begun = time.perf_counter()
        found = figures_for_unit(country, key.start, key.end)  # type: ignore[arg-type]
        times.append((time.perf_counter() - begun) * 1000)
    figures_ms = statistics.median(times)
    counted = sum(
        int(found[code].value) for code in ("fairs", "rural_markets", "trade_connection_events") if code in found
    )
    print(f"national figures {PERIOD}, median of {RUNS}: {figures_ms:.1f} ms ({counted} events counted)", flush=True)
    print(
        json.dumps(
            {
                "import_rows_per_s": round(rows / import_s),
                "figures_ms": round(figures_ms, 1),
                "import_rows": rows,
                "import_s": round(import_s, 2),
                "events": EVENTS,
            }
        )
    )


if __name__ == "__main__":
    main()
