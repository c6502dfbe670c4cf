"""What the public catalogue searches and filters OCOP products by, kept on the product row.

``OcopProduct.search_text`` holds the product's name, its producer's name (and aliases), its category, the place
as written and the names of the provinces (old and current) that hold it, folded (no diacritics, lower case,
punctuation to spaces) and framed by spaces, so that "nước mắm Phú Quốc", "nuoc mam phu quoc" and a word
prefix all match the same text: PostgreSQL searches it with a GIN trigram index (migration
``0003_portal_search``), SQLite with LIKE. ``latest_stars`` / ``latest_from`` / ``latest_until`` are the latest
recognition's stars and the days it holds (its end is the earlier of its validity and its revocation): the
stars in force on a day ``d`` are ``latest_stars`` when ``latest_from <= d <= latest_until``, one indexed
comparison instead of a subquery per product.

Only the registry writes these columns: the actions that change a product, its producer, its place or its
recognitions, and the import planner, call ``refresh_products``.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from collections.abc import Iterable

from django.db.models import Q

from hangviet.lib.text import fold_diacritics
from hangviet.registry.models import OcopProduct, OcopRecognition, PlaceArea, ProducerAlias
from hangviet.units.models import Unit

_NOT_WORD = re.compile(r"[^a-z0-9]+")
CHUNK = 900


def fold_words(text: str) -> str:
    """ "Nước mắm Phú Quốc (40 độ đạm)" → "nuoc mam phu quoc 40 do dam": the words, folded, one space apart."""
    return _NOT_WORD.sub(" ", fold_diacritics(text)).strip()


def search_text(*parts: str) -> str:
    """The stored search text: the parts' folded words framed by spaces (" nuoc mam … "); a part already said
    (the province in the place's text) is not repeated, and each part keeps its words in order."""
    text = " "
    for part in parts:
        words = fold_words(part)
        if words and f" {words} " not in text:
            text += words + " "
    return text if text.strip() else ""


def latest_standing(
    recognitions: Iterable[OcopRecognition],
) -> tuple[int | None, datetime.date | None, datetime.date | None]:
    """(stars, from, until) of the latest recognition (by decision day, then id); ``until`` is the day before a
    revocation when that comes before the end of validity."""
    chosen = max(recognitions, key=lambda r: (r.decided_on, r.pk), default=None)
    if chosen is None:
        return None, None, None
    until = chosen.valid_to
    if chosen.revoked_on is not None:
        until = min(until, chosen.revoked_on - datetime.timedelta(days=1))
    return chosen.stars, chosen.decided_on, until


def _chunks(ids: list[int]) -> Iterable[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


def refresh_products(product_ids: Iterable[int]) -> int:
    """Recompute the search text and latest standing of these products; returns how many changed."""
    changed = 0
    for chunk in _chunks(sorted(set(product_ids))):
        products = list(OcopProduct.objects.filter(pk__in=chunk).select_related("producer", "place").order_by("pk"))
        producer_ids = {p.producer_id for p in products if p.producer_id}
        aliases: dict[int, list[str]] = defaultdict(list)
        for producer_id, name in ProducerAlias.objects.filter(producer_id__in=producer_ids).values_list(
            "producer_id", "name"
        ):
            aliases[producer_id].append(name)
        place_ids = {p.place_id for p in products if p.place_id}
        provinces: dict[int, list[str]] = defaultdict(list)
        for place_id, name in (
            PlaceArea.objects.filter(place_id__in=place_ids, unit__level=Unit.Level.PROVINCE)
            .order_by("unit__valid_to")
            .values_list("place_id", "unit__name")
        ):
            provinces[place_id].append(name)
        standing: dict[int, list[OcopRecognition]] = defaultdict(list)
        for recognition in OcopRecognition.objects.filter(product_id__in=chunk):
            standing[recognition.product_id].append(recognition)
        dirty = []
        for product in products:
            producer = product.producer
            text = search_text(
                product.name,
                producer.name if producer else "",
                *(aliases[producer.pk] if producer else ()),
                product.category,
                product.place.text if product.place else "",
                *(provinces[product.place_id] if product.place_id else ()),
            )
            stars, start, until = latest_standing(standing[product.pk])
            if (product.search_text, product.latest_stars, product.latest_from, product.latest_until) != (
                text,
                stars,
                start,
                until,
            ):
                product.search_text = text
                product.latest_stars, product.latest_from, product.latest_until = stars, start, until
                dirty.append(product)
        OcopProduct.objects.bulk_update(
            dirty, ["search_text", "latest_stars", "latest_from", "latest_until"], batch_size=500
        )
        changed += len(dirty)
    return changed


def products_of_producers(producer_ids: Iterable[int]) -> list[int]:
    return list(OcopProduct.objects.filter(producer_id__in=list(producer_ids)).values_list("pk", flat=True))


def products_at_places(place_ids: Iterable[int]) -> list[int]:
    ids = list(place_ids)
    return list(OcopProduct.objects.filter(Q(place_id__in=ids)).values_list("pk", flat=True))
