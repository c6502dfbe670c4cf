"""Public portal benchmark (issue 11): product search over 100,000 products, sale points of a province among 20,000.

Builds its own PostgreSQL database (the one named by DATABASE_URL, default hv_portal_bench, is dropped and rebuilt:
never point it at real data): the units, a committee and a trade agency per province, 30,000 producers, 100,000
public OCOP products named as products are named ("Nước mắm cá cơm Phú Quốc", "Mật ong hoa nhãn Hưng Yên") at
places in every commune of the country, each with a recognition (3 to 5 stars, some expired), and 20,000 sale
points with coordinates. Rows are written in bulk (COPY); the search text and standing are computed by the same
functions the registry's actions use (``registry/search.py``).

Then times what a visitor waits for, through Django's test client (URL routing, form, query, template or JSON):
- the search page ``/san-pham/?q=…`` and ``/api/public/products?q=…`` for a mix of queries (with and without
  diacritics, typos, province and stars filters), p95 over the mix;
- the sale points of a province, ``/api/public/sale-points?province=…`` and the page ``/diem-ban/?tinh=…``.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hv_portal_bench .venv/bin/python bench/portal.py

``BENCH_PORTAL_REUSE=1`` times again on the database a previous run built (no rebuild).

The last line printed is JSON: {"search_p95_ms": ..., "salepoints_p95_ms": ..., "products": 100000}; the figures
are the slower of page and API. Targets: < 30 ms each.
"""

from __future__ import annotations

import datetime
import json
import os
import random
import sys
import time
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/hv_portal_bench")
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangviet.settings")
os.environ["HANGVIET_LOG_LEVEL"] = "ERROR"
os.environ["HANGVIET_PUBLIC_RATE_LIMIT"] = str(10**9)  # one client asks thousands of times
os.environ.setdefault("HANGVIET_ALLOWED_HOSTS", "testserver")

PRODUCTS = int(os.environ.get("BENCH_PORTAL_PRODUCTS", "100000"))
SALE_POINTS = int(os.environ.get("BENCH_PORTAL_SALE_POINTS", "20000"))
PRODUCERS = PRODUCTS * 3 // 10
ROUNDS = 5

KINDS = (
    "Nước mắm",
    "Mật ong",
    "Bánh tráng",
    "Trà",
    "Cà phê",
    "Kẹo dừa",
    "Gạo",
    "Mắm tôm",
    "Nem chua",
    "Rượu",
    "Bánh pía",
    "Chả cá",
    "Tôm khô",
    "Mứt",
    "Hạt điều",
    "Tiêu",
    "Khô cá lóc",
    "Dầu dừa",
    "Bưởi",
    "Xoài sấy",
    "Miến dong",
    "Nước tương",
    "Bột sắn dây",
    "Mật hoa dừa",
    "Chè",
    "Nấm linh chi",
    "Bánh đậu xanh",
    "Tinh dầu sả",
    "Muối tôm",
    "Cốm",
)
QUALITIES = ("cá cơm", "truyền thống", "hữu cơ", "đặc biệt", "loại 1", "hoa nhãn", "sấy dẻo", "nguyên chất", "", "")
SPECIAL_PLACES = ("Phú Quốc", "Cà Mau", "Bến Tre", "Trà Vinh", "Hưng Yên", "Thái Nguyên", "Đà Lạt", "Sóc Trăng")
CATEGORIES = ("Thực phẩm", "Đồ uống", "Thảo dược", "Vải và may mặc", "Lưu niệm, nội thất, trang trí", "Dịch vụ du lịch")
SALE_KINDS = ("ocop_store", "proud_viet", "essence_viet", "quality_viet", "ocop_stop", "union_supermarket")
QUERIES = (
    ("nuoc mam phu quoc", {}),
    ("nước mắm Phú Quốc", {}),
    ("nuoc mam phu quok", {}),
    ("mat ong hoa nhan", {}),
    ("keo dua ben tre", {}),
    ("cà phê", {}),
    ("ca phe da lat", {"stars": "4"}),
    ("banh trang", {"province": "Tây Ninh"}),
    ("tra thai nguyen", {}),
    ("hat dieu", {"province": "vinh long"}),
    ("nuoc mam", {"stars": "5"}),
    ("tinh dau sa huu co", {}),
    ("nem chua thanh hoa", {}),
    ("mam tom", {}),
    ("cha ca", {"province": "Tỉnh An Giang"}),
    ("bot san day", {}),
    ("xoai say deo", {}),
    ("nuoc tuong", {}),
    ("ruou", {"stars": "3"}),
    ("", {"province": "Cần Thơ"}),
)
PROVINCES = ("Vĩnh Long", "An Giang", "Hà Nội", "Thành phố Hồ Chí Minh", "Cần Thơ", "Đắk Lắk", "Quảng Ninh", "Huế")


def recreate_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def build(rng: random.Random) -> None:
    from django.core.management import call_command
    from django.db import connection

    from hangviet.demo.reference import load_reference_data
    from hangviet.lib.text import fold_diacritics
    from hangviet.orgs.models import Organisation
    from hangviet.registry.importing.planners import insert_rows, insert_values
    from hangviet.registry.models import OcopProduct, Place, PlaceArea, Producer, SalePoint
    from hangviet.registry.places import areas_of
    from hangviet.registry.search import search_text
    from hangviet.units.models import Unit

    call_command("migrate", verbosity=0)
    load_reference_data()
    country = Unit.objects.get(level=Unit.Level.COUNTRY)
    central = Organisation.objects.create(kind="committee", name="Ban Chỉ đạo Trung ương", unit=country)
    provinces = list(Unit.objects.filter(edition=Unit.Edition.CURRENT, level=Unit.Level.PROVINCE).order_by("code"))
    committees = Organisation.objects.bulk_create(
        Organisation(kind="committee", name=f"Ban Chỉ đạo {p.name}", unit=p, parent=central) for p in provinces
    )
    agencies = {
        agency.unit_id: agency
        for agency in Organisation.objects.bulk_create(
            Organisation(kind="agency", name="Sở Công Thương", unit=c.unit, parent=c, sector="trade")
            for c in committees
        )
    }
    communes = list(
        Unit.objects.filter(edition=Unit.Edition.CURRENT, level=Unit.Level.COMMUNE).select_related("parent")
    )
    province_of = {}
    for commune in communes:
        province = commune.parent
        while province is not None and province.level != Unit.Level.PROVINCE:
            province = province.parent
        province_of[commune.pk] = province
    log(f"{len(communes)} communes")

    # one place per commune for the products, its areas as the registry stores them
    places = [Place(text=f"{c.name}, {province_of[c.pk].name}", unit=c) for c in communes]
    insert_rows(Place, places, ids=True)
    area_rows = []
    province_names: dict[int, list[str]] = {}
    names_by_unit = dict(Unit.objects.filter(level=Unit.Level.PROVINCE).values_list("pk", "name"))
    for place, commune in zip(places, communes, strict=True):
        units = areas_of(commune.pk)
        area_rows += [(place.pk, unit) for unit in units]
        province_names[place.pk] = [names_by_unit[unit] for unit in units if unit in names_by_unit]
    insert_values(PlaceArea, ["place_id", "unit_id"], area_rows)
    log(f"{len(places)} places, {len(area_rows)} area rows")

    producers = []
    for number in range(PRODUCERS):
        place = rng.choice(places)
        form = rng.choice(["Hợp tác xã", "Công ty TNHH", "Cơ sở", "Hộ kinh doanh"])
        producer = Producer(
            recorded_by=agencies[province_of[place.unit_id].pk],
            name=f"{form} {rng.choice(KINDS)} số {number}",
            legal_form="cooperative",
            place=place,
        )
        producer.folded_name = fold_diacritics(producer.name)
        producers.append(producer)
    insert_rows(Producer, producers, ids=True)
    log(f"{len(producers)} producers")

    today = datetime.date.today()
    products = []
    recognitions = []
    for number in range(PRODUCTS):
        producer = rng.choice(producers)
        place = producer.place
        assert place is not None
        where = (
            rng.choice(SPECIAL_PLACES)
            if rng.random() < 0.3
            else province_of[place.unit_id].name.removeprefix("Tỉnh ").removeprefix("Thành phố ")
        )
        name = " ".join(part for part in (rng.choice(KINDS), rng.choice(QUALITIES), where) if part)
        if rng.random() < 0.5:
            name += f" {number}"
        category = rng.choice(CATEGORIES)
        stars = rng.choice((3, 3, 3, 4, 4, 5))
        decided = today - datetime.timedelta(days=rng.randrange(0, 5 * 365))
        valid_to = decided + datetime.timedelta(days=3 * 365)
        product = OcopProduct(
            recorded_by=producer.recorded_by,
            name=name,
            folded_name=fold_diacritics(name),
            producer=producer,
            place=place,
            category=category,
            search_text=search_text(name, producer.name, category, place.text, *province_names[place.pk]),
            latest_stars=stars,
            latest_from=decided,
            latest_until=valid_to,
        )
        products.append(product)
        recognitions.append((stars, decided, valid_to))
    insert_rows(OcopProduct, products, ids=True)
    insert_values(
        __import__("hangviet.registry.models", fromlist=["OcopRecognition"]).OcopRecognition,
        ["product_id", "stars", "decided_on", "valid_to", "decision", "issuer", "revoked_reason"],
        [(p.pk, s, d, v, "", "", "") for p, (s, d, v) in zip(products, recognitions, strict=True)],
    )
    log(f"{len(products)} products")

    point_places = []
    point_areas = []
    for _number in range(SALE_POINTS):
        commune = rng.choice(communes)
        point_places.append(
            Place(
                text=f"số {rng.randrange(1, 300)}, {commune.name}",
                unit=commune,
                latitude=Decimal(f"{rng.uniform(8.6, 23.3):.6f}"),
                longitude=Decimal(f"{rng.uniform(102.2, 109.4):.6f}"),
            )
        )
    insert_rows(Place, point_places, ids=True)
    for place in point_places:
        point_areas += [(place.pk, unit) for unit in areas_of(place.unit_id)]
    insert_values(PlaceArea, ["place_id", "unit_id"], point_areas)
    points = [
        SalePoint(
            recorded_by=agencies[province_of[place.unit_id].pk],
            name=f"Điểm bán hàng Việt {number}",
            kind=rng.choice(SALE_KINDS),
            place=place,
            status="active" if rng.random() < 0.95 else "closed",
        )
        for number, place in enumerate(point_places)
    ]
    insert_rows(SalePoint, points, ids=True)
    log(f"{len(points)} sale points")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[max(0, round(0.95 * len(ordered)) - 1)]


def timed(client, url: str, params: dict[str, str]) -> float:
    begun = time.perf_counter()
    response = client.get(url, params)
    elapsed = (time.perf_counter() - begun) * 1000
    assert response.status_code == 200, (url, params, response.status_code, response.content[:300])
    return elapsed


def main() -> None:
    reuse = os.environ.get("BENCH_PORTAL_REUSE") == "1"  # time again on the data a previous run built
    if not reuse:
        recreate_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from django.test import Client

    if not reuse:
        rng = random.Random(2026)
        started = time.perf_counter()
        build(rng)
        log(f"data built in {time.perf_counter() - started:.0f} s")

    client = Client()
    found = client.get("/api/public/products", {"q": "nuoc mam phu quok"}).json()
    log(f"'nuoc mam phu quok': {found['count']} products, first {found['items'][0]['name'] if found['items'] else '-'}")
    page_times, api_times = [], []
    for query, filters in QUERIES:  # warm up
        timed(client, "/san-pham/", {"q": query, **({"tinh": filters["province"]} if "province" in filters else {})})
    for _round in range(ROUNDS):
        for query, filters in QUERIES:
            page = {"q": query}
            if "province" in filters:
                page["tinh"] = filters["province"]
            if "stars" in filters:
                page["sao"] = filters["stars"]
            page_times.append(timed(client, "/san-pham/", page))
            api_times.append(timed(client, "/api/public/products", {"q": query, **filters}))
    point_page, point_api = [], []
    for province in PROVINCES:
        timed(client, "/api/public/sale-points", {"province": province})
    for _round in range(ROUNDS * 3):
        for province in PROVINCES:
            point_api.append(timed(client, "/api/public/sale-points", {"province": province}))
            point_page.append(timed(client, "/diem-ban/", {"tinh": province}))
    figures = {
        "search_page_p95_ms": round(p95(page_times), 1),
        "search_api_p95_ms": round(p95(api_times), 1),
        "salepoints_page_p95_ms": round(p95(point_page), 1),
        "salepoints_api_p95_ms": round(p95(point_api), 1),
    }
    print(f"product search over {PRODUCTS} products: {figures}; load average {os.getloadavg()}", flush=True)
    print(
        json.dumps(
            {
                "search_p95_ms": max(figures["search_page_p95_ms"], figures["search_api_p95_ms"]),
                "salepoints_p95_ms": max(figures["salepoints_page_p95_ms"], figures["salepoints_api_p95_ms"]),
                "products": PRODUCTS,
                **figures,
                "sale_points": SALE_POINTS,
                "load_average_1min": round(os.getloadavg()[0], 1),
            }
        )
    )


if __name__ == "__main__":
    main()
