"""Open data under /api/public/: the portal's public lists as JSON, for anyone (no sign-in), from any origin.

Bounded: ``limit`` ≤ 50 rows a page, ``offset`` ≤ 10,000, texts ≤ 100 characters, ``HANGVIET_PUBLIC_RATE_LIMIT``
requests a minute per address (429 after). Only what the portal shows: public rows, no recorder, no internal
id other than the one in a row's public ``url``. ``province`` is a name as people write it ("Vĩnh Long",
"vinh long", "Tỉnh Vĩnh Long"), resolved through the units; a name that is no province is a 422 with a Vietnamese
sentence.
"""

from __future__ import annotations

import datetime
from typing import Annotated

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from hangviet.api.common import ErrorOut
from hangviet.lib.ratelimit import hit_request
from hangviet.lib.text import normalize_text
from hangviet.portal import queries
from hangviet.portal.links import event_url, product_url, sale_point_url
from hangviet.portal.search import ProductQuery, search_products
from hangviet.units.models import Unit

router = Router(tags=["public"])

MAX_LIMIT = 50
MAX_OFFSET = 10_000
PUBLIC_ERRORS = {400: ErrorOut, 422: ErrorOut, 429: ErrorOut}
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Số dòng mỗi trang (tối đa 50).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Bỏ qua bao nhiêu dòng đầu (tối đa 10.000).")]
Text = Annotated[str, Query(max_length=100)]
Province = Annotated[
    str, Query(max_length=100, description="Tỉnh, thành phố như người ta vẫn viết: “Vĩnh Long”, “vinh long”.")
]


class ProductItem(Schema):
    name: str
    producer: str | None
    stars: int | None  # stars of the OCOP recognition in force today; none for a featured product
    province: str
    url: str


class ProductList(Schema):
    count: int
    items: list[ProductItem]


class SalePointItem(Schema):
    name: str
    address: str
    lat: float | None
    lon: float | None
    province: str
    url: str


class SalePointList(Schema):
    count: int
    items: list[SalePointItem]


class EventItem(Schema):
    name: str
    kind: str
    starts_on: datetime.date
    ends_on: datetime.date
    status: str
    address: str
    organisers: list[str]
    url: str


class EventList(Schema):
    count: int
    items: list[EventItem]


def _open(request: HttpRequest, response: HttpResponse) -> None:
    """Every public answer may be read from any origin, and is counted against the caller's minute."""
    response["Access-Control-Allow-Origin"] = "*"
    if not hit_request("public-api", request, limit=settings.HANGVIET_PUBLIC_RATE_LIMIT):
        raise HttpError(429, "Quá nhiều yêu cầu trong một phút; xin thử lại sau.")


def _province(text: str) -> Unit | None:
    clean = normalize_text(text)
    if not clean:
        return None
    found = queries.resolve_province(clean)
    if found is None:
        raise HttpError(422, f"Không tìm thấy tỉnh, thành phố “{clean}”. Hãy ghi tên tỉnh, ví dụ “Vĩnh Long”.")
    return found


@router.get(
    "/products",
    auth=None,
    response={200: ProductList, **PUBLIC_ERRORS},
    summary="Sản phẩm OCOP và sản phẩm tiêu biểu (công khai)",
)
def products(
    request: HttpRequest,
    response: HttpResponse,
    q: Text = "",
    province: Province = "",
    stars: Annotated[int | None, Query(ge=3, le=5, description="Hạng sao OCOP đang hiệu lực.")] = None,
    category: Text = "",
    limit: Limit = 20,
    offset: Offset = 0,
) -> ProductList:
    """Searched like the portal: diacritics and small typos forgiven, best match first."""
    _open(request, response)
    query = ProductQuery(
        text=normalize_text(q), province=_province(province), stars=stars, category=normalize_text(category)
    )
    found = search_products(query, offset=offset, limit=limit)
    items = [
        ProductItem(
            name=hit.product.name,
            producer=hit.product.producer.name if hit.product.producer else None,
            stars=hit.stars,
            province=hit.province,
            url=request.build_absolute_uri(product_url(hit.product)),
        )
        for hit in found.items
    ]
    return ProductList(count=found.count, items=items)


@router.get(
    "/sale-points",
    auth=None,
    response={200: SalePointList, **PUBLIC_ERRORS},
    summary="Điểm bán hàng Việt, cửa hàng OCOP (công khai)",
)
def sale_points(
    request: HttpRequest,
    response: HttpResponse,
    province: Province = "",
    kind: Annotated[str, Query(max_length=40, description="Loại điểm bán (mã), ví dụ ocop_store.")] = "",
    limit: Limit = 20,
    offset: Offset = 0,
) -> SalePointList:
    _open(request, response)
    points = queries.list_sale_points(province=_province(province), kind=kind)
    chosen = queries.page_of_points(points, offset, offset + limit)
    provinces = queries.province_names({p.place_id for p in chosen if p.place_id})
    items = []
    for point in chosen:
        where = queries.coordinates(point)
        items.append(
            SalePointItem(
                name=point.name,
                address=queries.address_of(point),
                lat=float(where[0]) if where else None,
                lon=float(where[1]) if where else None,
                province=provinces.get(point.place_id or 0, ""),
                url=request.build_absolute_uri(sale_point_url(point)),
            )
        )
    return SalePointList(count=points.count(), items=items)


@router.get(
    "/events",
    auth=None,
    response={200: EventList, **PUBLIC_ERRORS},
    summary="Hội chợ, phiên chợ, sự kiện hàng Việt (công khai)",
)
def events(
    request: HttpRequest,
    response: HttpResponse,
    province: Province = "",
    upcoming: Annotated[bool, Query(description="true: sắp diễn ra (sớm nhất trước); false: đã diễn ra.")] = True,
    limit: Limit = 20,
    offset: Offset = 0,
) -> EventList:
    _open(request, response)
    found = queries.list_events(province=_province(province), upcoming=upcoming)
    items = [
        EventItem(
            name=event.name,
            kind=str(event.get_kind_display()),
            starts_on=event.starts_on,
            ends_on=event.ends_on,
            status=str(event.get_status_display()),
            address=queries.address_of(event),
            organisers=[name for name, _role in queries.organiser_names(event)],
            url=request.build_absolute_uri(event_url(event)),
        )
        for event in found[offset : offset + limit]
    ]
    return EventList(count=found.count(), items=items)
