"""The portal's pages as an anonymous visitor uses them: reachable, escaped, bounded, nothing private shown."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from hangviet.portal.links import event_url, product_url, sale_point_url


@pytest.fixture
def visitor() -> Client:
    return Client()


def test_anonymous_home_is_the_portal_and_sign_in_is_one_click_away(visitor, catalogue):
    response = visitor.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'action="/san-pham/"' in html
    assert f'href="{reverse("web:login")}"' in html
    assert 'href="/phan-anh/"' in html and 'href="/phan-anh/tra-cuu/"' in html
    assert "Hội chợ hàng Việt Vĩnh Long" in html  # upcoming event
    assert "Họp nội bộ" not in html
    assert '<meta property="og:title"' in html


def test_signed_in_staff_keep_their_work_home(client, world):
    client.force_login(world.vl_office)
    response = client.get("/")
    html = response.content.decode()
    assert response.status_code == 200 and "Việc cần làm" in html  # their work home, not the portal
    assert 'data-testid="login-link"' not in html


def test_search_page_finds_the_product_and_links_it(visitor, catalogue):
    response = visitor.get("/san-pham/", {"q": "nuoc mam phu quok"})
    html = response.content.decode()
    assert response.status_code == 200
    assert product_url(catalogue.phu_quoc) in html
    assert "/san-pham/nuoc-mam-phu-quoc-40-do-dam-" in product_url(catalogue.phu_quoc)
    assert "Nước mắm chưa công bố" not in html


def test_product_page_shows_stars_recognition_producer_and_where_to_buy(visitor, catalogue):
    response = visitor.get(product_url(catalogue.anchovy))
    html = response.content.decode()
    assert response.status_code == 200
    assert "3★" in html and "Quyết định 12/QĐ-UBND" in html
    assert "Hợp tác xã Dừa Sáp Cầu Kè" in html
    # no point operated by its producer: the OCOP stores of its province, said so
    assert "Cửa hàng OCOP Trà Vinh" in html and "Tỉnh Vĩnh Long" in html
    assert "Cửa hàng đã đóng" not in html
    assert 'data-lat="9.934700"' in html


def test_a_wrong_slug_redirects_and_an_unpublished_product_is_404(visitor, catalogue):
    response = visitor.get(f"/san-pham/sai-ten-{catalogue.anchovy.pk}/")
    assert response.status_code == 301 and response["Location"] == product_url(catalogue.anchovy)
    assert visitor.get(product_url(catalogue.hidden)).status_code == 404
    assert visitor.get(event_url(catalogue.private_event)).status_code == 404
    assert visitor.get(sale_point_url(catalogue.closed)).status_code == 404


def test_html_in_names_is_escaped(visitor, catalogue):
    for url, params in (("/san-pham/", {"q": "keo dua"}), (product_url(catalogue.hostile), {})):
        html = visitor.get(url, params).content.decode()
        assert "<script>alert(1)</script>" not in html
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    html = visitor.get("/san-pham/", {"q": "<b>x</b>"}).content.decode()
    assert "<b>x</b>" not in html


def test_sale_points_filter_by_province_and_commune(visitor, catalogue):
    html = visitor.get("/diem-ban/", {"tinh": "vinh long"}).content.decode()
    assert "Cửa hàng OCOP Trà Vinh" in html and "Phú Quốc" not in html.split('data-testid="salepoint-list"')[1]
    html = visitor.get("/diem-ban/", {"tinh": "Vĩnh Long", "xa": "Trà Vinh"}).content.decode()
    assert "Cửa hàng OCOP Trà Vinh" in html
    html = visitor.get("/diem-ban/", {"tinh": "Vĩnh Long", "xa": "Long Châu"}).content.decode()
    assert "Cửa hàng OCOP Trà Vinh" not in html


def test_unknown_province_is_a_vietnamese_error_not_a_500(visitor, catalogue):
    for url in ("/san-pham/", "/diem-ban/", "/su-kien/", "/khu-dan-cu-kieu-mau/"):
        response = visitor.get(url, {"tinh": "Không Có Tỉnh Này"})
        assert response.status_code == 200
        assert "Không tìm thấy tỉnh, thành phố" in response.content.decode()


def test_overlong_and_hostile_input_is_refused_politely(visitor, catalogue):
    response = visitor.get("/san-pham/", {"q": "x" * 500, "trang": "99999999"})
    assert response.status_code == 200
    assert "tối đa" in response.content.decode() or "nhiều nhất" in response.content.decode()
    assert visitor.get("/san-pham/", {"sao": "9"}).status_code == 200
    assert visitor.get("/san-pham/tai-ve.csv", {"q": "x" * 500}).status_code == 400


def test_events_page_lists_upcoming_and_past_with_organisers(visitor, catalogue):
    html = visitor.get("/su-kien/").content.decode()
    upcoming, past = html.split("Đã diễn ra")
    assert "Hội chợ hàng Việt Vĩnh Long" in upcoming and "Bộ Công Thương" in upcoming
    assert "Phiên chợ hàng Việt về nông thôn" in past
    assert "Họp nội bộ" not in html
    assert visitor.get(event_url(catalogue.fair)).status_code == 200


def test_model_areas_page(visitor, world, catalogue):
    from hangviet.registry import actions

    actions.record_model_area(
        world.vl_commune,
        fields={"name": "Khóm 3 tự hào dùng hàng Việt", "status": "recognised"},
        place_text="khóm 3, Phường Trà Vinh",
        acting_user=None,
    )
    html = visitor.get("/khu-dan-cu-kieu-mau/").content.decode()
    assert "Khóm 3 tự hào dùng hàng Việt" in html


def test_csv_downloads(visitor, catalogue):
    response = visitor.get("/san-pham/tai-ve.csv", {"q": "nuoc mam"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    text = response.content.decode("utf-8-sig")
    assert "Nước mắm Phú Quốc 40 độ đạm" in text and "Nước mắm chưa công bố" not in text
    text = visitor.get("/diem-ban/tai-ve.csv").content.decode("utf-8-sig")
    assert "Cửa hàng OCOP Trà Vinh" in text and "9.934700" in text and "Cửa hàng đã đóng" not in text
    text = visitor.get("/su-kien/tai-ve.csv").content.decode("utf-8-sig")
    assert "Hội chợ hàng Việt Vĩnh Long" in text and "Họp nội bộ" not in text


def test_csv_cells_never_start_a_formula(visitor, world):
    from hangviet.registry import actions

    actions.record_product(world.vl_trade, name="=HYPERLINK(1)", producer=None, acting_user=None)
    text = Client().get("/san-pham/tai-ve.csv", {"q": "hyperlink"}).content.decode("utf-8-sig")
    assert "'=HYPERLINK(1)" in text


@override_settings(HANGVIET_PUBLIC_RATE_LIMIT=3)
def test_rate_limit_per_address(visitor, catalogue):
    statuses = [visitor.get("/san-pham/", {"q": "mam"}).status_code for _ in range(5)]
    assert statuses[:3] == [200, 200, 200] and statuses[3:] == [429, 429]
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.get("/san-pham/").status_code == 200


def test_robots_and_sitemap(visitor, catalogue):
    robots = visitor.get("/robots.txt").content.decode()
    assert "Disallow: /so-theo-doi/" in robots and "Sitemap: http://testserver/sitemap.xml" in robots
    index = visitor.get("/sitemap.xml").content.decode()
    assert "http://testserver/sitemap-products.xml" in index and "http://testserver/sitemap-events.xml" in index
    sitemap = visitor.get("/sitemap-products.xml")
    assert sitemap.status_code == 200
    xml = sitemap.content.decode() + visitor.get("/sitemap-events.xml").content.decode()
    assert product_url(catalogue.phu_quoc) in xml
    assert product_url(catalogue.hidden) not in xml and event_url(catalogue.private_event) not in xml


def test_pages_weigh_under_200_kb_before_images(visitor, catalogue):
    """HTML + the CSS and JS each page loads (Leaflet only when the visitor opens the map)."""
    from django.contrib.staticfiles import finders

    for url in ("/", "/san-pham/?q=nuoc+mam", product_url(catalogue.anchovy), "/diem-ban/", "/su-kien/"):
        html = visitor.get(url).content.decode()
        total = len(html.encode())
        for asset in re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html):
            found = finders.find(asset)
            assert found, asset
            total += Path(found).stat().st_size
        assert total < 200_000, (url, total)


def test_purged_bootstrap_is_current():
    import importlib.util

    spec = importlib.util.spec_from_file_location("purge_css", Path(__file__).parents[3] / "scripts" / "purge_css.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.TARGET.read_text(encoding="utf-8") == module.build(), "run scripts/purge_css.py"


@pytest.mark.django_db
def test_the_home_lists_the_businesses_a_committee_published_and_only_those(world) -> None:
    """The directory of trusted businesses (issue 12's commendations) reaches the public home once published."""
    from hangviet.campaign import actions as campaign_actions
    from hangviet.campaign.models import Nomination

    scheme = campaign_actions.create_scheme(
        world.vinh_long, name="Doanh nghiệp tiêu biểu, địa chỉ tin cậy", kind="ton_vinh", year=2026, acting_user=None
    )
    office = Client()
    office.force_login(world.vl_office)
    office.post(
        reverse("campaign:scheme", args=[scheme.pk]),
        {"proposer": world.vinh_long.pk, "nominee": "Hợp tác xã Cầu Kè", "category": "model_business"},
    )
    nomination = Nomination.objects.get()
    office.post(
        reverse("campaign:compile", args=[scheme.pk]),
        {"number": "12/TTr-BCĐ", "dated": "2026-03-02", "nomination": [nomination.pk]},
    )
    office.post(
        reverse("campaign:decide", args=[scheme.pk]),
        {"decision": "25/QĐ-BCĐ", "decided_on": "2026-03-10", "nomination": [nomination.pk]},
    )
    visitor = Client()
    assert "Hợp tác xã Cầu Kè" not in visitor.get("/").content.decode()  # decided, not published
    nomination.refresh_from_db()
    office.post(reverse("campaign:publish", args=[nomination.award.pk]), {"published": "on"})
    page = visitor.get("/").content.decode()
    assert "Hợp tác xã Cầu Kè" in page and "Doanh nghiệp tiêu biểu, địa chỉ tin cậy" in page
