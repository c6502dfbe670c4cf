"""The public portal: anonymous pages, bounded (query length, page numbers, rows per CSV, requests per minute)."""

from __future__ import annotations

import csv
import math
from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from hangviet.lib.ratelimit import hit_request
from hangviet.lib.vnformat import format_date_short
from hangviet.portal import queries
from hangviet.portal.forms import (
    AreaFilterForm,
    EventFilterForm,
    ProductSearchForm,
    PublicFilterForm,
    SalePointFilterForm,
)
from hangviet.portal.links import event_url, product_url, sale_point_url
from hangviet.portal.search import ProductQuery, search_products
from hangviet.registry.models import Event, SalePoint

PAGE_SIZE = 20
POINTS_PAGE = 50  # sale points and model areas: a page of the list (and of the map)
CSV_MAX_ROWS = 5000


def limited(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """At most ``HANGVIET_PUBLIC_RATE_LIMIT`` requests a minute from one address to the portal's lists."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not hit_request("portal", request, limit=settings.HANGVIET_PUBLIC_RATE_LIMIT):
            response = render(request, "portal/too_many.html", status=429)
            response["Retry-After"] = "60"
            return response
        return view(request, *args, **kwargs)

    return wrapper


def _pages(count: int, page: int, size: int = PAGE_SIZE) -> dict[str, Any]:
    last = max(1, math.ceil(count / size))
    return {"page": min(page, last), "last_page": last, "count": count}


def _query_string(form: PublicFilterForm, **changes: Any) -> str:
    """The filters of ``form`` as a query string (for the next page or the CSV link)."""
    values = {name: form.data.get(name, "") for name in form.fields if name != "trang"}
    values |= changes
    return urlencode({name: value for name, value in values.items() if value not in ("", None)})


# Home ------------------------------------------------------------------------------------------------------


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/home.html",
        {
            "form": ProductSearchForm(),
            "counts": queries.counts(),
            "events": _events(queries.list_events(upcoming=True)[:4]),
            "commended": queries.commended_businesses(),
            "provinces": queries.current_provinces(),
        },
    )


# Products --------------------------------------------------------------------------------------------------


def product_query(form: ProductSearchForm) -> ProductQuery:
    data = form.cleaned_data
    return ProductQuery(text=data["q"], province=data["tinh"], stars=data["sao"], category=data["nhom"])


@require_GET
@limited
def products(request: HttpRequest) -> HttpResponse:
    form = ProductSearchForm(request.GET)
    context: dict[str, Any] = {"form": form, "provinces": queries.current_provinces()}
    if form.is_valid():
        page = form.page
        found = search_products(product_query(form), offset=(page - 1) * PAGE_SIZE, limit=PAGE_SIZE)
        for hit in found.items:
            hit.url = product_url(hit.product)
        context |= {
            "hits": found.items,
            "typo": found.typo,
            "searched": bool(form.cleaned_data["q"]),
            "query": _query_string(form),
            **_pages(found.count, page),
        }
    return render(request, "portal/products.html", context)


@require_GET
@limited
def products_csv(request: HttpRequest) -> HttpResponse:
    form = ProductSearchForm(request.GET)
    if not form.is_valid():
        return render(request, "portal/products.html", {"form": form}, status=400)
    found = search_products(product_query(form), limit=CSV_MAX_ROWS)
    rows = (
        [
            hit.product.name,
            hit.product.producer.name if hit.product.producer else "",
            hit.stars or "",
            hit.product.category,
            hit.province,
            request.build_absolute_uri(product_url(hit.product)),
        ]
        for hit in found.items
    )
    heading = [_("Tên sản phẩm"), _("Chủ thể"), _("Hạng sao"), _("Nhóm"), _("Tỉnh, thành phố"), _("Địa chỉ trang")]
    return _csv("san-pham.csv", heading, rows)


@require_GET
def product_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    product = queries.get_public_product(pk)
    if product is None:
        raise Http404
    if slug != queries.slug_for(product.name):
        return HttpResponsePermanentRedirect(product_url(product))
    today = timezone.localdate()
    recognitions = list(product.recognitions.all())
    current = next((r for r in recognitions if r.decided_on <= today), None)
    in_force = current if current is not None and current.is_valid_on(today) else None
    where = queries.where_to_buy(product)
    return render(
        request,
        "portal/product.html",
        {
            "product": product,
            "recognition": in_force,
            "lapsed": current if in_force is None else None,
            "history": recognitions,
            "producer_public": queries.producer_is_public(product.producer),
            "province": queries.province_names({product.place_id}).get(product.place_id or 0, "")
            if product.place_id
            else "",
            "where": where,
            "points": _points(where.points),
            "map_tiles": settings.HANGVIET_MAP_TILES,
        },
    )


# Sale points -----------------------------------------------------------------------------------------------


def _points(points: Iterable[SalePoint]) -> list[dict[str, Any]]:
    chosen = list(points)
    provinces = queries.province_names({p.place_id for p in chosen if p.place_id})
    found = []
    for point in chosen:
        where = queries.coordinates(point)
        found.append(
            {
                "point": point,
                "url": sale_point_url(point),
                "address": queries.address_of(point),
                "province": provinces.get(point.place_id or 0, ""),
                "lat": f"{where[0]:.6f}" if where else "",
                "lon": f"{where[1]:.6f}" if where else "",
            }
        )
    return found


@require_GET
@limited
def salepoints(request: HttpRequest) -> HttpResponse:
    form = SalePointFilterForm(request.GET)
    context: dict[str, Any] = {
        "form": form,
        "provinces": queries.current_provinces(),
        "map_tiles": settings.HANGVIET_MAP_TILES,
    }
    if form.is_valid():
        data = form.cleaned_data
        points = queries.list_sale_points(province=data["tinh"], commune=data["commune"], kind=data["loai"])
        count = points.count()
        pages = _pages(count, form.page, POINTS_PAGE)
        start = (pages["page"] - 1) * POINTS_PAGE
        chosen = queries.page_of_points(points, start, start + POINTS_PAGE)
        context |= {"points": _points(chosen), "query": _query_string(form), **pages}
    return render(request, "portal/salepoints.html", context)


@require_GET
@limited
def salepoints_csv(request: HttpRequest) -> HttpResponse:
    form = SalePointFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "portal/salepoints.html", {"form": form}, status=400)
    data = form.cleaned_data
    points = queries.list_sale_points(province=data["tinh"], commune=data["commune"], kind=data["loai"])
    rows = (
        [
            item["point"].name,
            item["point"].get_kind_display(),
            item["address"],
            item["province"],
            item["lat"],
            item["lon"],
            request.build_absolute_uri(item["url"]),
        ]
        for item in _points(queries.page_of_points(points, 0, CSV_MAX_ROWS))
    )
    heading = [_("Tên điểm bán"), _("Loại"), _("Địa chỉ"), _("Tỉnh, thành phố"), _("Vĩ độ"), _("Kinh độ")]
    return _csv("diem-ban.csv", [*heading, _("Địa chỉ trang")], rows)


@require_GET
def salepoint_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    point = queries.get_public_sale_point(pk)
    if point is None:
        raise Http404
    if slug != queries.slug_for(point.name):
        return HttpResponsePermanentRedirect(sale_point_url(point))
    return render(
        request,
        "portal/salepoint.html",
        {
            "item": _points([point])[0],
            "operator_public": queries.producer_is_public(point.operator),
            "map_tiles": settings.HANGVIET_MAP_TILES,
        },
    )


# Events and model areas ------------------------------------------------------------------------------------


def _events(events: Iterable[Event]) -> list[dict[str, Any]]:
    return [
        {
            "event": event,
            "url": event_url(event),
            "address": queries.address_of(event),
            "organisers": queries.organiser_names(event),
        }
        for event in events
    ]


@require_GET
@limited
def events(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET)
    context: dict[str, Any] = {"form": form, "provinces": queries.current_provinces()}
    if form.is_valid():
        data = form.cleaned_data
        past = queries.list_events(province=data["tinh"], kind=data["loai"], upcoming=False)
        pages = _pages(past.count(), form.page)
        start = (pages["page"] - 1) * PAGE_SIZE
        context |= {
            "upcoming": _events(queries.list_events(province=data["tinh"], kind=data["loai"], upcoming=True)[:50]),
            "past": _events(past[start : start + PAGE_SIZE]),
            "query": _query_string(form),
            **pages,
        }
    return render(request, "portal/events.html", context)


@require_GET
@limited
def events_csv(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET)
    if not form.is_valid():
        return render(request, "portal/events.html", {"form": form}, status=400)
    data = form.cleaned_data
    chosen = [
        *queries.list_events(province=data["tinh"], kind=data["loai"], upcoming=True)[:CSV_MAX_ROWS],
        *queries.list_events(province=data["tinh"], kind=data["loai"], upcoming=False)[:CSV_MAX_ROWS],
    ][:CSV_MAX_ROWS]
    rows = (
        [
            item["event"].name,
            item["event"].get_kind_display(),
            format_date_short(item["event"].starts_on),
            format_date_short(item["event"].ends_on),
            item["event"].get_status_display(),
            item["address"],
            "; ".join(name for name, _role in item["organisers"]),
            request.build_absolute_uri(item["url"]),
        ]
        for item in _events(chosen)
    )
    heading = [_("Tên sự kiện"), _("Loại"), _("Từ ngày"), _("Đến ngày"), _("Tình trạng"), _("Địa điểm")]
    return _csv("su-kien.csv", [*heading, _("Đơn vị tổ chức"), _("Địa chỉ trang")], rows)


@require_GET
def event_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    event = queries.get_public_event(pk)
    if event is None:
        raise Http404
    if slug != queries.slug_for(event.name):
        return HttpResponsePermanentRedirect(event_url(event))
    return render(request, "portal/event.html", {"item": _events([event])[0]})


@require_GET
@limited
def areas(request: HttpRequest) -> HttpResponse:
    form = AreaFilterForm(request.GET)
    context: dict[str, Any] = {"form": form, "provinces": queries.current_provinces()}
    if form.is_valid():
        found = queries.list_model_areas(province=form.cleaned_data["tinh"])
        pages = _pages(found.count(), form.page, POINTS_PAGE)
        start = (pages["page"] - 1) * POINTS_PAGE
        rows = list(found[start : start + POINTS_PAGE])
        context |= {
            "areas": [{"area": area, "address": queries.address_of(area)} for area in rows],
            "query": _query_string(form),
            **pages,
        }
    return render(request, "portal/areas.html", context)


# Files for machines ----------------------------------------------------------------------------------------


def _csv(name: str, heading: list[str], rows: Iterable[list[Any]]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response.write("\ufeff")  # Excel reads UTF-8 with its mark
    writer = csv.writer(response)
    writer.writerow(heading)
    for row in rows:
        writer.writerow([_safe_cell(value) for value in row])
    return response


def _safe_cell(value: Any) -> Any:
    """A cell a spreadsheet will not run as a formula."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


@require_GET
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /so-theo-doi/",
        "Disallow: /bao-cao/",
        "Disallow: /ban-chi-dao/",
        "Disallow: /van-ban/",
        "Disallow: /ke-hoach/",
        "Disallow: /doc-bao-cao/",
        "Disallow: /to-chuc/",
        "Disallow: /quan-tri/",
        "Disallow: /dang-nhap/",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri(reverse('portal:sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
