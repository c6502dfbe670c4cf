"""Finding public OCOP and featured products: by words (diacritics and small typos forgiven), province, stars and
category, ranked by how well the name matches, then by the whole text, then by stars in force today.

The words are folded as ``registry/search.py`` folds the stored ``search_text`` (" nuoc mam phu quoc … "), so
"nước mắm Phú Quốc" and "nuoc mam phu quoc" are the same query. A product matches when every word of the query
begins a word of its text (strict match). When nothing matches strictly, the query is read as typed with typos:
- on PostgreSQL, pg_trgm's word similarity (``query <% search_text``, threshold 0.6, GIN trigram index) and its
  ranking (``word_similarity``);
- on SQLite (tests, a laptop), every word of the query must be close to a word of the text (rapidfuzz ratio
  ≥ 75, words of one or two letters exactly), ranked by the mean closeness.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.postgres.search import TrigramWordSimilarity
from django.db import connection
from django.db.models import BooleanField, Case, F, IntegerField, Q, QuerySet, When
from django.db.models.expressions import RawSQL
from django.utils import timezone
from rapidfuzz import fuzz

from hangviet.registry.models import OcopProduct, PlaceArea
from hangviet.registry.search import fold_words
from hangviet.units.models import Unit

MAX_WORDS = 8
SQLITE_CANDIDATES = 20_000  # rows the SQLite fallback ranks in Python
TYPO_RATIO = 75


@dataclass(frozen=True)
class ProductQuery:
    text: str = ""
    province: Unit | None = None
    stars: int | None = None
    category: str = ""


@dataclass
class ProductHit:
    product: OcopProduct
    stars: int | None
    province: str
    url: str = ""


@dataclass
class ProductPage:
    count: int
    items: list[ProductHit] = field(default_factory=list)
    typo: bool = False  # found only by reading the words as typed with typos


def query_words(text: str) -> list[str]:
    return fold_words(text).split()[:MAX_WORDS]


def stars_on(day: datetime.date) -> Case:
    """The stars in force on ``day`` (from the product's latest standing), else NULL."""
    return Case(
        When(latest_from__lte=day, latest_until__gte=day, then=F("latest_stars")),
        default=None,
        output_field=IntegerField(),
    )


def public_products() -> QuerySet[OcopProduct]:
    return OcopProduct.objects.filter(is_public=True)


def _filtered(query: ProductQuery, day: datetime.date) -> QuerySet[OcopProduct]:
    products = public_products()
    if query.province is not None:
        products = products.filter(place__areas__unit=query.province)
    if query.stars is not None:
        products = products.filter(latest_stars=query.stars, latest_from__lte=day, latest_until__gte=day)
    if query.category:
        products = products.filter(category=query.category)
    return products


def _strict(products: QuerySet[OcopProduct], words: list[str]) -> QuerySet[OcopProduct]:
    for word in words:
        products = products.filter(search_text__contains=f" {word}")
    return products


def search_products(
    query: ProductQuery, *, offset: int = 0, limit: int = 20, day: datetime.date | None = None
) -> ProductPage:
    """One page of the products ``query`` finds, best first, and how many there are."""
    day = day or timezone.localdate()
    products = _filtered(query, day)
    words = query_words(query.text)
    if connection.vendor == "postgresql":
        page = _search_postgresql(products, words, offset, limit, day)
    else:
        page = _search_python(products, words, offset, limit, day)
    _add_provinces(page)
    return page


def _ordered_plain(products: QuerySet[OcopProduct], day: datetime.date) -> QuerySet[OcopProduct]:
    return products.annotate(stars_now=stars_on(day)).order_by(F("stars_now").desc(nulls_last=True), "name", "pk")


def _hits(products: QuerySet[OcopProduct] | list[OcopProduct], day: datetime.date) -> list[ProductHit]:
    found = []
    for product in products:
        stars = getattr(product, "stars_now", None)
        if stars is None and product.latest_from is not None and product.latest_until is not None:
            stars = product.latest_stars if product.latest_from <= day <= product.latest_until else None
        found.append(ProductHit(product, stars, ""))
    return found


def _search_postgresql(
    products: QuerySet[OcopProduct], words: list[str], offset: int, limit: int, day: datetime.date
) -> ProductPage:
    related = products.select_related("producer")
    if not words:
        return ProductPage(products.count(), _hits(_ordered_plain(related, day)[offset : offset + limit], day))
    text = " ".join(words)
    strict = _strict(related, words)
    count = strict.count()
    typo = False
    if count == 0:
        typo = True
        strict = related.filter(RawSQL("%s <%% registry_ocopproduct.search_text", (text,), output_field=BooleanField()))
        count = strict.count()
    ranked = strict.annotate(
        name_score=TrigramWordSimilarity(text, "folded_name"),
        text_score=TrigramWordSimilarity(text, "search_text"),
        stars_now=stars_on(day),
    ).order_by("-name_score", "-text_score", F("stars_now").desc(nulls_last=True), "name", "pk")
    return ProductPage(count, _hits(ranked[offset : offset + limit], day), typo)


def _search_python(
    products: QuerySet[OcopProduct], words: list[str], offset: int, limit: int, day: datetime.date
) -> ProductPage:
    if not words:
        related = products.select_related("producer")
        return ProductPage(products.count(), _hits(_ordered_plain(related, day)[offset : offset + limit], day))
    text = " ".join(words)
    columns = ("pk", "name", "folded_name", "search_text", "latest_stars", "latest_from", "latest_until")
    rows = list(_strict(products, words).values_list(*columns)[:SQLITE_CANDIDATES])
    typo = False
    scored: list[tuple[float, float, int, str, int]] = []
    if rows:
        for pk, name, folded, search, stars, start, until in rows:
            now = stars if start is not None and until is not None and start <= day <= until else 0
            scored.append((fuzz.token_set_ratio(text, folded), fuzz.partial_ratio(text, search), now or 0, name, pk))
    else:
        typo = True
        for pk, name, _folded, search, stars, start, until in products.values_list(*columns)[:SQLITE_CANDIDATES]:
            closeness = _typo_closeness(words, search.split())
            if closeness is not None:
                now = stars if start is not None and until is not None and start <= day <= until else 0
                scored.append((closeness, 0.0, now or 0, name, pk))
    scored.sort(key=lambda row: (-row[0], -row[1], -row[2], row[3], row[4]))
    chosen = [row[4] for row in scored[offset : offset + limit]]
    by_pk = products.select_related("producer").in_bulk(chosen)
    return ProductPage(len(scored), _hits([by_pk[pk] for pk in chosen if pk in by_pk], day), typo)


def _typo_closeness(words: list[str], text_words: list[str]) -> float | None:
    """The mean closeness of each query word to its nearest word of the text, or ``None`` when one is too far."""
    if not text_words:
        return None
    total = 0.0
    for word in words:
        if len(word) <= 2:
            best = 100.0 if any(candidate.startswith(word) for candidate in text_words) else 0.0
        else:
            best = max(fuzz.ratio(word, candidate[: len(word) + 1]) for candidate in text_words)
            best = max(best, max(fuzz.ratio(word, candidate) for candidate in text_words))
        if best < TYPO_RATIO:
            return None
        total += best
    return total / len(words)


def _add_provinces(page: ProductPage) -> None:
    """Today's province of each product on the page (through the areas of its place)."""
    places = {hit.product.place_id for hit in page.items if hit.product.place_id}
    names = dict(
        PlaceArea.objects.filter(place_id__in=places, unit__level=Unit.Level.PROVINCE, unit__valid_to__isnull=True)
        .order_by("unit__name")
        .values_list("place_id", "unit__name")
    )
    for hit in page.items:
        hit.province = names.get(hit.product.place_id or 0, "")


def province_name(place_id: int | None) -> str:
    if place_id is None:
        return ""
    found = (
        PlaceArea.objects.filter(place_id=place_id, unit__level=Unit.Level.PROVINCE, unit__valid_to__isnull=True)
        .values_list("unit__name", flat=True)
        .first()
    )
    return found or ""


def product_exists(condition: Q) -> bool:
    return public_products().filter(condition).exists()
