"""Read endpoints of the registries under /api/registry/: the same gates and policy as the pages.

Lists hold only rows the caller may read (``registry/queries_api.py``) and come a page at a time
(``limit`` ≤ 100, ``offset``); one event goes through ``registry/access.py`` (404 when not visible); figures for a
unit are readable only by whoever may read every committee they sum (``policy.can_read_all``).
"""

from __future__ import annotations

import datetime
from typing import Annotated, Any

from django.db.models import QuerySet
from django.utils import timezone
from ninja import Query, Router, Schema
from ninja.errors import HttpError

from hangviet.api.common import READ_ERRORS, ObjectId
from hangviet.lib.http import SignedInRequest
from hangviet.lib.periods import PeriodCodeError, PeriodKey
from hangviet.orgs.access import get_organisation_for_user
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import Need, can_read_all
from hangviet.registry import queries_api
from hangviet.registry.access import get_event_for_user
from hangviet.registry.catalogue import MEASURES, SALE_POINT_KIND_BY_CODE, Qualifier
from hangviet.registry.figures import figures_for_unit
from hangviet.registry.models import Event, OcopProduct, Place, SalePoint
from hangviet.units.resolve import UnitNotFound, resolve_unit

router = Router(tags=["registry"])

MAX_LIMIT = 100
MAX_OFFSET = 1_000_000
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Số dòng mỗi trang (tối đa 100).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Bỏ qua bao nhiêu dòng đầu.")]
OrganisationFilter = Annotated[
    int | None, Query(ge=1, le=2**63 - 1, description="Chỉ những dòng của tổ chức này và các đơn vị dưới nó.")
]


class PlaceOut(Schema):
    text: str
    locality: str
    unit: str | None  # the administrative unit it resolved to; none when unresolved (kept as written)


class MeasureOut(Schema):
    value: int | float
    qualifier: str  # exact, more_than, nearly, about


class EventOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    programme: str
    starts_on: datetime.date
    ends_on: datetime.date
    status: str
    place: PlaceOut | None
    recorded_by_id: int
    recorded_by: str
    figures: dict[str, MeasureOut]  # businesses, booths, products, revenue_vnd, visitors, tonnes


class OrganiserOut(Schema):
    organisation_id: int | None
    name: str
    role: str


class EventDetailOut(EventOut):
    theme: str
    edition: str
    when_text: str
    note: str
    group_id: int | None
    organisers: list[OrganiserOut]


class EventPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[EventOut]


class ProductOut(Schema):
    id: int
    name: str
    category: str
    producer: str | None
    place: PlaceOut | None
    recorded_by_id: int
    recorded_by: str
    stars: int
    decision: str
    decided_on: datetime.date
    valid_to: datetime.date


class ProductPage(Schema):
    count: int
    limit: int
    offset: int
    on: datetime.date
    items: list[ProductOut]


class SalePointOut(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    operator: str
    place: PlaceOut | None
    status: str
    opened_on: datetime.date | None
    closed_on: datetime.date | None
    last_verified_on: datetime.date | None
    recorded_by_id: int
    recorded_by: str


class SalePointPage(Schema):
    count: int
    limit: int
    offset: int
    items: list[SalePointOut]


class FigureOut(Schema):
    value: int | float
    qualifier: str
    words: str  # as a report writes it: "khoảng 1.700.000.000"
    records: int  # registry rows behind the figure
    registry: str  # events, ocop, salepoints, areas, clubs


def _number(value: Any) -> int | float:
    return int(value) if value == int(value) else float(value)


def _place(place: Place | None) -> PlaceOut | None:
    if place is None:
        return None
    return PlaceOut(text=place.text, locality=place.locality, unit=place.unit.name if place.unit else None)


def _event(event: Event) -> dict[str, Any]:
    figures = {
        measure.field: MeasureOut(
            value=_number(getattr(event, measure.field)),
            qualifier=Qualifier(getattr(event, f"{measure.field}_q")).name.lower(),
        )
        for measure in MEASURES
        if getattr(event, measure.field) is not None
    }
    return {
        "id": event.pk,
        "name": event.name,
        "kind": event.kind,
        "kind_label": str(event.get_kind_display()),
        "programme": event.programme,
        "starts_on": event.starts_on,
        "ends_on": event.ends_on,
        "status": event.status,
        "place": _place(event.place),
        "recorded_by_id": event.recorded_by_id,
        "recorded_by": event.recorded_by.name,
        "figures": figures,
    }


def _organisation(request: SignedInRequest, organisation_id: int | None) -> Organisation | None:
    """The filter's organisation through the gate: one the caller cannot read is not found."""
    if organisation_id is None:
        return None
    return get_organisation_for_user(request.user, organisation_id, need=Need.READ)[0]


def _page[M: (Event, OcopProduct, SalePoint)](rows: QuerySet[M], limit: int, offset: int) -> tuple[int, list[M]]:
    return rows.count(), list(rows[offset : offset + limit])


def _period(code: str) -> PeriodKey:
    try:
        return PeriodKey.parse(code)
    except PeriodCodeError as error:
        raise HttpError(422, str(error)) from error


@router.get("/events", response={200: EventPage, **READ_ERRORS}, summary="Sự kiện xúc tiến thương mại")
def events(
    request: SignedInRequest,
    organisation: OrganisationFilter = None,
    period: Annotated[str | None, Query(min_length=4, max_length=20, description="Kỳ, ví dụ 2023-H1.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> EventPage:
    """Events the caller may read (recorded or co-organised by an organisation they read), newest first; each
    event once, however many organisers it has."""
    key = _period(period) if period else None
    rows = queries_api.list_events(
        request.user,
        organisation=_organisation(request, organisation),
        start=key.start if key else None,
        end=key.end if key else None,
    )
    count, items = _page(rows, limit, offset)
    return EventPage(count=count, limit=limit, offset=offset, items=[EventOut(**_event(event)) for event in items])


@router.get(
    "/events/{event_id}", response={200: EventDetailOut, **READ_ERRORS}, summary="Một sự kiện và các đơn vị tổ chức"
)
def event_detail(request: SignedInRequest, event_id: ObjectId) -> EventDetailOut:
    event, _grant = get_event_for_user(request.user, event_id, need=Need.READ)
    organisers = [
        OrganiserOut(
            organisation_id=row.organisation_id,
            name=row.organisation.name if row.organisation else row.name,
            role=row.role,
        )
        for row in event.organisers.select_related("organisation").order_by("pk")
    ]
    return EventDetailOut(
        **_event(event),
        theme=event.theme,
        edition=event.edition,
        when_text=event.when_text,
        note=event.note,
        group_id=event.group_id,
        organisers=organisers,
    )


@router.get("/ocop", response={200: ProductPage, **READ_ERRORS}, summary="Sản phẩm OCOP đang còn hiệu lực hôm nay")
def ocop(
    request: SignedInRequest, organisation: OrganisationFilter = None, limit: Limit = 50, offset: Offset = 0
) -> ProductPage:
    """Products whose latest recognition is in force today, with its stars and decision, by name."""
    today = timezone.localdate()
    rows = queries_api.list_products_in_force(request.user, today, organisation=_organisation(request, organisation))
    count, items = _page(rows, limit, offset)
    return ProductPage(
        count=count,
        limit=limit,
        offset=offset,
        on=today,
        items=[
            ProductOut(
                id=product.pk,
                name=product.name,
                category=product.category,
                producer=product.producer.name if product.producer else None,
                place=_place(product.place),
                recorded_by_id=product.recorded_by_id,
                recorded_by=product.recorded_by.name,
                stars=product.current_stars,  # type: ignore[attr-defined]  # annotated by the query
                decision=product.current_decision,  # type: ignore[attr-defined]
                decided_on=product.current_decided_on,  # type: ignore[attr-defined]
                valid_to=product.current_valid_to,  # type: ignore[attr-defined]
            )
            for product in items
        ],
    )


@router.get("/salepoints", response={200: SalePointPage, **READ_ERRORS}, summary="Điểm bán hàng Việt, cửa hàng OCOP")
def salepoints(
    request: SignedInRequest,
    organisation: OrganisationFilter = None,
    kind: Annotated[str | None, Query(max_length=40, description="Loại điểm bán, ví dụ ocop_store.")] = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> SalePointPage:
    """Sale points the caller may read, open or not (``status``, ``closed_on``), by name."""
    if kind and kind not in SALE_POINT_KIND_BY_CODE:
        raise HttpError(422, f"Loại điểm bán không có trong danh mục: {', '.join(SALE_POINT_KIND_BY_CODE)}.")
    chosen = _organisation(request, organisation)
    rows = queries_api.list_sale_points(request.user, organisation=chosen, kind=kind or "")
    count, items = _page(rows, limit, offset)
    return SalePointPage(
        count=count,
        limit=limit,
        offset=offset,
        items=[
            SalePointOut(
                id=point.pk,
                name=point.name,
                kind=point.kind,
                kind_label=str(point.get_kind_display()),
                operator=point.operator.name if point.operator else point.operator_name,
                place=_place(point.place),
                status=point.status,
                opened_on=point.opened_on,
                closed_on=point.closed_on,
                last_verified_on=point.last_verified_on,
                recorded_by_id=point.recorded_by_id,
                recorded_by=point.recorded_by.name,
            )
            for point in items
        ],
    )


@router.get(
    "/figures",
    response={200: dict[str, FigureOut], **READ_ERRORS},
    summary="Số liệu tính từ sổ theo dõi cho một đơn vị hành chính (kể cả đơn vị cũ) trong một kỳ",
)
def figures(
    request: SignedInRequest,
    unit: Annotated[str, Query(min_length=1, max_length=300)],
    period: Annotated[str, Query(min_length=4, max_length=20)],
) -> dict[str, FigureOut]:
    """Indicator code → figure, each event once across its co-organisers and the merger; flows in the period,
    stocks on its last day. Readable by whoever may read every committee the unit's figures sum."""
    try:
        found = resolve_unit(unit).unit
    except UnitNotFound as error:
        raise HttpError(404, f"Không tìm thấy đơn vị “{error}”.") from error
    key = _period(period)
    if not can_read_all(request.user, queries_api.figure_roots(found)):
        raise HttpError(404, "Không tìm thấy.")
    return {
        code: FigureOut(**figure.as_dict(), words=figure.words)
        for code, figure in sorted(figures_for_unit(found, key.start, key.end).items())
    }
