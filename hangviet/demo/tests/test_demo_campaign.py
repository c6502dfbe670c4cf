"""The campaign's demo: Vĩnh Long's media board after quarter 1 of 2026, the directory, old Trà Vinh's budgets."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from hangviet.campaign import queries
from hangviet.campaign.models import MediaOutlet
from hangviet.demo.builder import build_demo
from hangviet.orgs.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db: None) -> None:
    build_demo()


def _vinh_long() -> Organisation:
    return Organisation.objects.get(kind="committee", unit__code="86", unit__level="province", unit__edition="2025")


def test_the_board_on_the_quarters_last_day_names_the_short_newspaper(client: Client, demo: None) -> None:
    committee = _vinh_long()
    board = queries.quarter_board(committee, 2026, 1, today=datetime.date(2026, 3, 31))
    assert {row.outlet.name: row.shortfall for row in board.rows} == {
        "Báo Vĩnh Long": "1 tin, 1 bài",
        "Trang thông tin điện tử Sở Công Thương": "",
        "Đài Phát thanh và Truyền hình Vĩnh Long": "",
    }
    client.force_login(User.objects.get(username="vinhlong.thuongtruc"))
    text = client.get(reverse("campaign:media_board", args=[committee.pk])).content.decode()
    assert "thiếu 1 tin, 1 bài" in text and 'data-testid="remind"' in text


def test_two_awardees_are_published_and_the_demo_is_built_once(demo: None) -> None:
    directory = queries.public_directory()
    assert [row["name"] for row in directory] == ["Chủ thể mẫu 001", "Chủ thể mẫu 002"]
    assert all(row["province"] == "Tỉnh Vĩnh Long" and row["year"] == 2026 for row in directory)
    outlets = MediaOutlet.objects.count()
    build_demo()
    assert MediaOutlet.objects.count() == outlets and len(queries.public_directory()) == 2


def test_old_tra_vinh_districts_2023_budget_range(demo: None) -> None:
    tra_vinh = Organisation.objects.get(kind="committee", unit__code="84", unit__level="province")
    view = queries.budget_view(tra_vinh, 2023, set(Organisation.objects.values_list("pk", flat=True)))
    (districts,) = view.levels
    assert (districts.coverage, districts.minimum, districts.maximum) == (1, 3_000_000, 36_900_000)
