"""Browser-test helpers: a live server holding the demo data, and signing in."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from hangviet.demo.builder import DEMO_PASSWORD, build_demo
from hangviet.demo.reference import load_reference_data


@pytest.fixture
def demo_server(live_server):
    # Transactional tests start from the database as the session left it and flush it afterwards.
    load_reference_data(only_if_missing=True)
    build_demo()
    return live_server


def sign_in(page: Page, base_url: str, username: str) -> None:
    page.goto(f"{base_url}/dang-nhap/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()


def open_my_organisation(page: Page) -> None:
    """From the work home (the page after sign-in), open the user's (first) organisation."""
    page.get_by_test_id("my-organisations").get_by_role("link").first.click()
