"""Public addresses of products, sale points and events: a Vietnamese slug of the name, then the row's number."""

from __future__ import annotations

from django.urls import reverse

from hangviet.portal.queries import slug_for
from hangviet.registry.models import Event, OcopProduct, SalePoint


def product_url(product: OcopProduct) -> str:
    return reverse("portal:product", args=[slug_for(product.name), product.pk])


def sale_point_url(point: SalePoint) -> str:
    return reverse("portal:salepoint", args=[slug_for(point.name), point.pk])


def event_url(event: Event) -> str:
    return reverse("portal:event", args=[slug_for(event.name), event.pk])
