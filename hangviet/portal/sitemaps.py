"""sitemap.xml: the portal's pages, every public product, sale point and event (paged by 5,000 URLs)."""

from __future__ import annotations

from typing import Any

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from hangviet.portal import queries
from hangviet.portal.search import public_products


class PagesSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["portal:home", "portal:products", "portal:salepoints", "portal:events", "portal:areas"]

    def location(self, item: str) -> str:
        return reverse(item)


class ProductSitemap(Sitemap):
    limit = 5000

    def items(self) -> Any:
        return public_products().only("pk", "name", "updated_at").order_by("pk")

    def location(self, item: Any) -> str:
        return reverse("portal:product", args=[queries.slug_for(item.name), item.pk])

    def lastmod(self, item: Any) -> Any:
        return item.updated_at


class SalePointSitemap(ProductSitemap):
    def items(self) -> Any:
        return queries.public_sale_points().select_related(None).only("pk", "name", "updated_at").order_by("pk")

    def location(self, item: Any) -> str:
        return reverse("portal:salepoint", args=[queries.slug_for(item.name), item.pk])


class EventSitemap(ProductSitemap):
    def items(self) -> Any:
        return (
            queries.public_events()
            .select_related(None)
            .prefetch_related(None)
            .only("pk", "name", "updated_at")
            .order_by("pk")
        )

    def location(self, item: Any) -> str:
        return reverse("portal:event", args=[queries.slug_for(item.name), item.pk])


SITEMAPS = {
    "pages": PagesSitemap,
    "products": ProductSitemap,
    "salepoints": SalePointSitemap,
    "events": EventSitemap,
}
