"""Finding products: the three spellings, ranking, filters, on SQLite and (when the database is) PostgreSQL."""

from __future__ import annotations

import pytest

from hangviet.portal.queries import resolve_province
from hangviet.portal.search import ProductQuery, search_products
from hangviet.registry import actions
from hangviet.registry.models import OcopProduct


def names(text: str = "", **filters) -> list[str]:
    return [hit.product.name for hit in search_products(ProductQuery(text=text, **filters), limit=50).items]


@pytest.mark.parametrize("text", ["nuoc mam phu quoc", "nước mắm Phú Quốc", "nuoc mam phu quok", "NƯỚC MẮM phú quốc"])
def test_three_spellings_find_the_product_first(catalogue, text):
    found = names(text)
    assert found and found[0] == "Nước mắm Phú Quốc 40 độ đạm"


def test_names_that_hold_the_words_come_before_a_producer_that_does(catalogue):
    found = names("nuoc mam")
    assert set(found[:2]) == {"Nước mắm Phú Quốc 40 độ đạm", "Nước mắm cá cơm Trà Vinh"}
    assert found[2:] == ["Nước tương Phú Quốc"]  # its producer is "Công ty TNHH Nước mắm Hưng Thịnh"


def test_unpublished_products_are_never_found(catalogue):
    assert "Nước mắm chưa công bố" not in names("nuoc mam")
    assert "Nước mắm chưa công bố" not in names("chua cong bo")


def test_ranking_puts_the_name_match_before_a_producer_match(catalogue):
    # "Hưng Thịnh" is only in the producer's name: both its products come; the query's words in a name first.
    found = names("nuoc mam hung thinh")
    assert found[0] == "Nước mắm Phú Quốc 40 độ đạm"


def test_producer_and_province_words_are_searched(catalogue):
    assert set(names("hung thinh")) == {"Nước mắm Phú Quốc 40 độ đạm", "Nước tương Phú Quốc"}
    assert "Mật hoa dừa" in names("vinh long")


def test_stars_filter_uses_the_recognition_in_force(catalogue):
    assert names("", stars=5) == ["Nước mắm Phú Quốc 40 độ đạm"]
    assert set(names("", stars=4)) == {"Mật hoa dừa"}
    recognition = catalogue.phu_quoc.recognitions.get()
    actions.revoke_recognition(recognition, on=recognition.decided_on, reason="thu hồi", acting_user=None)
    assert names("", stars=5) == []


def test_province_filter_through_the_lineage(catalogue):
    vinh_long = resolve_province("vinh long")
    an_giang = resolve_province("Tỉnh An Giang")
    assert set(names("nuoc mam", province=vinh_long)) == {"Nước mắm cá cơm Trà Vinh"}
    assert names("nuoc mam", province=an_giang)[0] == "Nước mắm Phú Quốc 40 độ đạm"
    # Trà Vinh is no province today: its name reaches the old province, whose area still holds the products
    tra_vinh = resolve_province("Trà Vinh")
    assert tra_vinh is not None and tra_vinh.valid_to is not None
    assert "Mật hoa dừa" in names("", province=tra_vinh)


def test_category_filter(catalogue):
    assert names("", category="Đồ uống") == ["Mật hoa dừa"]


def test_no_words_lists_by_stars(catalogue):
    found = names("")
    assert found[0] == "Nước mắm Phú Quốc 40 độ đạm"
    assert len(found) == 5


def test_renaming_a_product_and_its_producer_keeps_the_search_text(catalogue, world):
    actions.update_record(catalogue.nectar, fields={"name": "Mật hoa dừa sáp"}, acting_user=None)
    assert names("mat hoa dua sap") == ["Mật hoa dừa sáp"]
    producer = catalogue.nectar.producer
    actions.update_record(producer, fields={"name": "HTX Dừa Xanh"}, acting_user=None)
    assert "Mật hoa dừa sáp" in names("dua xanh")
    assert "Mật hoa dừa sáp" in names("dua sap cau ke")  # the old name stays an alias


def test_nothing_close_finds_nothing(catalogue):
    assert names("xe may dien") == []


def test_search_text_is_stored_folded(catalogue):
    text = OcopProduct.objects.get(pk=catalogue.phu_quoc.pk).search_text
    assert text.startswith(" nuoc mam phu quoc 40 do dam ")
    assert " an giang " in text


postgres_only = pytest.mark.skipif(
    __import__("django.db", fromlist=["connection"]).connection.vendor != "postgresql",
    reason="pg_trgm is PostgreSQL's",
)


@postgres_only
def test_postgresql_searches_through_the_full_text_index(catalogue):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'registry_ocop_search_fts'")
        (definition,) = cursor.fetchone()
        assert "search_vector" in definition and "gin" in definition
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM registry_ocopproduct WHERE search_vector @@ to_tsquery('simple'::regconfig, %s)",
            ["nuoc:* & (quoc:* | quoi:*)"],
        )
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert "registry_ocop_search_fts" in plan
    found = search_products(ProductQuery(text="nuoc mam phu quok"))
    assert found.typo and found.items[0].product.name == "Nước mắm Phú Quốc 40 độ đạm"
