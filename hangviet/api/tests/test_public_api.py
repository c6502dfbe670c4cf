"""/api/public/: anonymous, CORS-open, the exact shapes external checks read, bounded, nothing private."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from django.test.utils import override_settings

from hangviet.portal.tests.conftest import catalogue  # noqa: F401  (fixture)


@pytest.fixture(autouse=True)
def _clear_cache() -> None:
    from django.core.cache import cache

    from hangviet.portal.search import forget_vocabulary

    cache.clear()
    forget_vocabulary()


@pytest.fixture
def anonymous() -> Client:
    return Client()


def test_products_shape_search_and_filters(anonymous, catalogue):  # noqa: F811
    for q in ("nuoc mam phu quoc", "nước mắm Phú Quốc", "nuoc mam phu quok"):
        response = anonymous.get("/api/public/products", {"q": q})
        assert response.status_code == 200
        assert response["Access-Control-Allow-Origin"] == "*"
        body = response.json()
        assert set(body) == {"count", "items"}
        first = body["items"][0]
        assert set(first) == {"name", "producer", "stars", "province", "url"}
        assert first == {
            "name": "Nước mắm Phú Quốc 40 độ đạm",
            "producer": "Công ty TNHH Nước mắm Hưng Thịnh",
            "stars": 5,
            "province": "Tỉnh An Giang",
            "url": f"http://testserver/san-pham/nuoc-mam-phu-quoc-40-do-dam-{catalogue.phu_quoc.pk}/",
        }
    for province in ("Vĩnh Long", "vinh long", "Tỉnh Vĩnh Long"):
        body = anonymous.get("/api/public/products", {"q": "nuoc mam", "province": province}).json()
        assert [item["name"] for item in body["items"]] == ["Nước mắm cá cơm Trà Vinh"]
    body = anonymous.get("/api/public/products", {"stars": 4}).json()
    assert [item["name"] for item in body["items"]] == ["Mật hoa dừa"] and body["count"] == 1


def test_sale_points_shape(anonymous, catalogue):  # noqa: F811
    response = anonymous.get("/api/public/sale-points", {"province": "Vĩnh Long"})
    assert response.status_code == 200 and response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert body["count"] == 1  # the closed store is not listed
    (item,) = body["items"]
    assert set(item) == {"name", "address", "lat", "lon", "province", "url"}
    assert item["name"] == "Cửa hàng OCOP Trà Vinh" and item["province"] == "Tỉnh Vĩnh Long"
    assert item["lat"] == pytest.approx(9.9347) and item["lon"] == pytest.approx(106.3453)
    assert item["url"].startswith("http://testserver/diem-ban/cua-hang-ocop-tra-vinh-")


def test_events(anonymous, catalogue):  # noqa: F811
    body = anonymous.get("/api/public/events").json()
    assert [item["name"] for item in body["items"]] == ["Hội chợ hàng Việt Vĩnh Long"]
    assert body["items"][0]["organisers"] == ["Sở Công Thương (Tỉnh Vĩnh Long)", "Bộ Công Thương"]
    past = anonymous.get("/api/public/events", {"upcoming": "false"}).json()
    assert [item["name"] for item in past["items"]] == ["Phiên chợ hàng Việt về nông thôn"]


def test_nothing_private_leaks(anonymous, catalogue, world):  # noqa: F811
    texts = [
        anonymous.get(url, params).content.decode()
        for url, params in (
            ("/api/public/products", {"q": "nuoc mam", "limit": 50}),
            ("/api/public/products", {"limit": 50}),
            ("/api/public/sale-points", {"limit": 50}),
            ("/api/public/events", {"limit": 50}),
            ("/api/public/events", {"upcoming": "false", "limit": 50}),
        )
    ]
    joined = "\n".join(texts)
    assert "Nước mắm chưa công bố" not in joined and "Họp nội bộ" not in joined and "Cửa hàng đã đóng" not in joined
    for private in ("recorded_by", '"id"', "tax_code", "search_text", "vl-sct", "latest_"):
        assert private not in joined, private


def test_unknown_province_is_a_vietnamese_422(anonymous, catalogue):  # noqa: F811
    for url in ("/api/public/products", "/api/public/sale-points", "/api/public/events"):
        response = anonymous.get(url, {"province": "Tỉnh Không Có"})
        assert response.status_code == 422
        assert "Không tìm thấy tỉnh, thành phố" in response.json()["detail"]


def test_bounds(anonymous, catalogue):  # noqa: F811
    assert anonymous.get("/api/public/products", {"limit": 51}).status_code == 422
    assert anonymous.get("/api/public/products", {"offset": 10_001}).status_code == 422
    assert anonymous.get("/api/public/products", {"q": "x" * 101}).status_code == 422
    assert anonymous.get("/api/public/products", {"stars": 6}).status_code == 422
    assert anonymous.get("/api/public/sale-points", {"province": "y" * 101}).status_code == 422
    body = anonymous.get("/api/public/products", {"q": "<b>xe may dien</b>"}).json()
    assert body == {"count": 0, "items": []}
    hostile = anonymous.get("/api/public/products", {"q": "keo dua"})
    assert hostile["Content-Type"].startswith("application/json")
    assert json.loads(hostile.content)["items"][0]["name"] == "<script>alert(1)</script> Kẹo dừa"  # data, as JSON


@override_settings(HANGVIET_PUBLIC_RATE_LIMIT=2)
def test_rate_limit(anonymous, catalogue):  # noqa: F811
    statuses = [anonymous.get("/api/public/sale-points").status_code for _ in range(4)]
    assert statuses == [200, 200, 429, 429]
    assert "Quá nhiều yêu cầu" in anonymous.get("/api/public/products").json()["detail"]


def test_documented_in_openapi(anonymous):
    schema = Client().get("/api/openapi.json").json()
    for path in ("/api/public/products", "/api/public/sale-points", "/api/public/events"):
        assert path in schema["paths"]
        assert not schema["paths"][path]["get"].get("security")
