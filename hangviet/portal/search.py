"""Finding public OCOP and featured products: by words (diacritics and small typos forgiven), province, stars and
category, best match first.

The words are folded as ``registry/search.py`` folds the stored ``search_text`` (" nuoc mam phu quoc … "), so
"nước mắm Phú Quốc" and "nuoc mam phu quoc" are the same query. A product matches when every word of the query
begins a word of its text: on PostgreSQL a full-text prefix query (``to_tsquery('simple', 'nuoc:* & mam:*')``)
served by a GIN index on the stored ``search_vector`` (``to_tsvector('simple', search_text)``); on SQLite one
LIKE per word. Ranking: on PostgreSQL names that begin with the query, then names that hold every word, then
the rest (a producer's, a place's words), each by stars in force today and name; on SQLite rapidfuzz's
token-set ratio to the name, then stars.

Typos: when nothing matches, each query word that begins no word of the catalogue is replaced by the closest
words of the catalogue's vocabulary (rapidfuzz ratio ≥ 70: "quok" → "quoc", "quoi", "quao": the search keeps
those that find something) and the search runs again, flagged ``typo``. The vocabulary (distinct folded words of
public products, three letters or more, no bare numbers) is read once per process and kept ten minutes: a
product added since is found by its exact words at once, by a misspelling of a new word within ten minutes.
Measured and set aside (docs/decisions.md): pg_trgm's fuzzy ``<%`` over every row, and ranking thousands of
matches by ``word_similarity``.
"""

from __future__ import annotations

import bisect
import datetime
import threading
import time
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import BooleanField, Case, CharField, Count, F, IntegerField, Q, QuerySet, Value, When, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import Collate, Concat
from django.utils import timezone
from rapidfuzz import fuzz, process

from hangviet.registry.models import OcopProduct, PlaceArea
from hangviet.registry.search import fold_words
from hangviet.units.models import Unit

MAX_WORDS = 8
SQLITE_CANDIDATES = 20_000  # rows the SQLite fallback ranks in Python
TYPO_RATIO = 70


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


def places_in(unit: Unit) -> list[int]:
    """The ids of the places ``unit``'s area holds (filter with ``place_id__any_of``: one array parameter, and
    the planner reads rows by their place index instead of scanning a table)."""
    return list(PlaceArea.objects.filter(unit=unit).values_list("place_id", flat=True))


def _filtered(query: ProductQuery, day: datetime.date) -> QuerySet[OcopProduct]:
    products = public_products()
    if query.province is not None:
        products = products.filter(place_id__any_of=places_in(query.province))
    if query.stars is not None:
        products = products.filter(latest_stars=query.stars, latest_from__lte=day, latest_until__gte=day)
    if query.category:
        products = products.filter(category=query.category)
    return products


def _strict(products: QuerySet[OcopProduct], words: list[str]) -> QuerySet[OcopProduct]:
    for word in words:
        products = products.filter(search_text__contains=f" {word}")
    return products


# The vocabulary for typo correction ---------------------------------------------------------------------------

VOCABULARY_SECONDS = 600
_vocabulary: dict[str, object] = {}
_vocabulary_lock = threading.Lock()


def _read_vocabulary() -> list[str]:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT DISTINCT word FROM registry_ocopproduct, unnest(string_to_array(btrim(search_text), ' ')) "
                "AS word WHERE is_public AND length(word) >= 3 AND word !~ '^[0-9]+$'"
            )
            return sorted(row[0] for row in cursor.fetchall())
    words: set[str] = set()
    for text in public_products().values_list("search_text", flat=True).iterator():
        words.update(word for word in text.split() if len(word) >= 3 and not word.isdigit())
    return sorted(words)


def vocabulary() -> list[str]:
    """The catalogue's words, sorted (kept ``VOCABULARY_SECONDS`` in this process)."""
    with _vocabulary_lock:
        if time.monotonic() - float(_vocabulary.get("at", -1e9)) > VOCABULARY_SECONDS:  # type: ignore[arg-type]
            _vocabulary["words"] = _read_vocabulary()
            _vocabulary["at"] = time.monotonic()
        return _vocabulary["words"]  # type: ignore[return-value]


def forget_vocabulary() -> None:
    with _vocabulary_lock:
        _vocabulary.clear()


def _begins_a_word(words: list[str], prefix: str) -> bool:
    index = bisect.bisect_left(words, prefix)
    return index < len(words) and words[index].startswith(prefix)


def corrected(words: list[str]) -> list[str | list[str]] | None:
    """The query with each word that begins no catalogue word replaced by the closest ones (all within five
    points of the best: "quok" → "quoc" or "quoi" or "quao", the search decides); ``None`` when nothing needs
    correcting or a word is close to nothing."""
    known = vocabulary()
    found: list[str | list[str]] = []
    changed = False
    for word in words:
        if len(word) < 3 or _begins_a_word(known, word):
            found.append(word)
            continue
        close = process.extract(word, known, scorer=fuzz.ratio, score_cutoff=TYPO_RATIO, limit=8)
        if not close:
            return None
        best = close[0][1]
        found.append([candidate for candidate, score, _index in close if score >= best - 5][:4])
        changed = True
    return found if changed else None


# Searching ----------------------------------------------------------------------------------------------------


def search_products(
    query: ProductQuery, *, offset: int = 0, limit: int = 20, day: datetime.date | None = None
) -> ProductPage:
    """One page of the products ``query`` finds, best first, and how many there are."""
    day = day or timezone.localdate()
    products = _filtered(query, day)
    words = query_words(query.text)
    rank = _rank_postgresql if connection.vendor == "postgresql" else _rank_python
    page = rank(products, words, offset, limit, day)
    if page.count == 0 and words:
        fixed = corrected(words)
        if fixed is not None:
            page = rank(products, fixed, offset, limit, day)  # type: ignore[arg-type]
            page.typo = True
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


def _tsquery(words: list[str] | list[list[str]]) -> str:
    """ "nuoc:* & mam:*"; a word with alternatives (typo candidates) as "(quoc:* | quoi:*)". Words are folded
    ``[a-z0-9]`` only (``fold_words``), so nothing in them is tsquery syntax."""
    parts = []
    for word in words:
        options = word if isinstance(word, list) else [word]
        joined = " | ".join(f"{option}:*" for option in options)
        parts.append(f"({joined})" if len(options) > 1 else joined)
    return " & ".join(parts)


def _matching_postgresql(products: QuerySet[OcopProduct], words: list[str] | list[list[str]]) -> QuerySet[OcopProduct]:
    """Every word begins a word of the search text: full-text search with prefixes on the stored
    ``search_vector`` (``to_tsvector('simple', search_text)``, GIN index; migration ``registry/0003_portal_search``)."""
    return products.filter(
        RawSQL(
            "registry_ocopproduct.search_vector @@ to_tsquery('simple'::regconfig, %s)",
            (_tsquery(words),),
            output_field=BooleanField(),
        )
    )


def _rank_postgresql(
    products: QuerySet[OcopProduct], words: list[str] | list[list[str]], offset: int, limit: int, day: datetime.date
) -> ProductPage:
    """The page and the count in one query (``COUNT(*) OVER ()``). Best first: names that begin with the query,
    then names holding every word, then the rest (a producer's or a place's words), each by stars in force today
    and name. Cheap expressions on purpose: a similarity over thousands of matches costs more than the search."""
    # Narrow rows through the sort (ids and keys, no join, names compared bytewise), then the page's 20 products.
    related: QuerySet[OcopProduct] = products.annotate(stars_now=stars_on(day), total=Window(Count("pk")))
    by_name = Collate("folded_name", "C")
    ranked: QuerySet[OcopProduct]
    if words:
        first = [word if isinstance(word, str) else word[0] for word in words]
        in_name = Q()
        for word in words:
            options = [word] if isinstance(word, str) else word
            any_option = Q()
            for option in options:
                any_option |= Q(padded_name__contains=f" {option}")
            in_name &= any_option
        ranked = (
            _matching_postgresql(related, words)
            .annotate(padded_name=Concat(Value(" "), "folded_name", output_field=CharField()))
            .annotate(
                begins=Case(When(folded_name__startswith=" ".join(first), then=1), default=0),
                holds=Case(When(in_name, then=1), default=0),
            )
            .order_by("-begins", "-holds", F("stars_now").desc(nulls_last=True), by_name, "pk")
        )
    else:
        ranked = related.order_by(F("stars_now").desc(nulls_last=True), by_name, "pk")
    found: list[tuple[int, int]] = list(ranked.values_list("pk", "total")[offset : offset + limit])  # type: ignore[misc]
    if found:
        rows = products.select_related("producer").annotate(stars_now=stars_on(day)).in_bulk([pk for pk, _ in found])
        return ProductPage(found[0][1], _hits([rows[pk] for pk, _total in found], day))
    count = (_matching_postgresql(products, words) if words else products).count() if offset else 0
    return ProductPage(count, [])


def _rank_python(
    products: QuerySet[OcopProduct], words: list[str] | list[list[str]], offset: int, limit: int, day: datetime.date
) -> ProductPage:
    if not words:
        related = products.select_related("producer")
        return ProductPage(products.count(), _hits(_ordered_plain(related, day)[offset : offset + limit], day))
    matching = products
    for word in words:
        condition = Q()
        for option in [word] if isinstance(word, str) else word:
            condition |= Q(search_text__contains=f" {option}")
        matching = matching.filter(condition)
    text = " ".join(word if isinstance(word, str) else word[0] for word in words)
    columns = ("pk", "name", "folded_name", "latest_stars", "latest_from", "latest_until")
    scored = []
    for pk, name, folded, stars, start, until in matching.values_list(*columns)[:SQLITE_CANDIDATES]:
        now = stars if start is not None and until is not None and start <= day <= until else 0
        scored.append((fuzz.token_set_ratio(text, folded), now or 0, name, pk))
    scored.sort(key=lambda row: (-row[0], -row[1], row[2], row[3]))
    chosen = [row[3] for row in scored[offset : offset + limit]]
    by_pk = products.select_related("producer").in_bulk(chosen)
    return ProductPage(len(scored), _hits([by_pk[pk] for pk in chosen if pk in by_pk], day))


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
