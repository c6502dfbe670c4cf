"""Oversight across apps: market cases of Sở Công Thương show in the province's consolidated H1 table "theo sổ
theo dõi"; the checklist of the demo's visit is filled from the ward's seats."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from hangviet.indicators.models import Indicator
from hangviet.lib.periods import PeriodKey
from hangviet.orgs.models import Organisation
from hangviet.oversight import actions
from hangviet.periods.models import Period
from hangviet.registry.figures import figures_for_organisation

H1 = PeriodKey(2026, "H1")


@pytest.mark.django_db
def test_the_province_table_shows_the_cases_theo_so_theo_doi(world):
    from hangviet.consolidation.queries import registry_totals

    for day, fine in ((datetime.date(2026, 3, 12), 15_000_000), (datetime.date(2026, 5, 20), 7_500_000)):
        actions.record_case(
            world.vl_trade,
            occurred_on=day,
            violation_type="counterfeit",
            outcome="fined",
            fine_vnd=Decimal(fine),
            acting_user=None,
        )
    period = Period.objects.for_key(H1)
    totals = registry_totals(world.vinh_long, period, list(Indicator.objects.all()))
    assert totals["inspections"].value == 2 and totals["fines_vnd"].value == Decimal(22_500_000)
    client = Client()
    client.force_login(world.vl_office)
    page = client.get(reverse("consolidation:table", args=[world.vinh_long.pk, H1.code])).content.decode()
    assert 'data-testid="registry-total-inspections">2<' in page
    assert 'data-testid="registry-total-fines_vnd">22.500.000<' in page


@pytest.mark.django_db
def test_the_demo_visit_shows_the_wards_checklist():
    from django.contrib.auth import get_user_model

    from hangviet.demo.builder import build_demo
    from hangviet.oversight.models import Visit

    build_demo()
    visit = Visit.objects.get()

    office = get_user_model().objects.get(username="vinhlong.thuongtruc")
    client = Client()
    client.force_login(office)
    page = client.get(reverse("oversight:visit", args=[visit.pk])).content.decode()
    assert "3 thành viên tại ngày 14/6/2026" in page
    assert reverse("orgs:detail", args=[visit.subject_id]) in page


@pytest.mark.django_db
def test_the_demo_has_a_programme_and_two_market_cases_once():
    from hangviet.demo.builder import build_demo
    from hangviet.oversight.models import MarketCase, Programme

    build_demo()
    build_demo()
    assert Programme.objects.count() == 1 and MarketCase.objects.count() == 2
    province = Organisation.objects.get(
        unit__code="86", unit__level="province", kind=Organisation.Kind.COMMITTEE, valid_to__isnull=True
    )
    found = figures_for_organisation(province, H1.start, H1.end)
    assert found["inspections"].value == 2 and found["supervisions"].value == 1
    assert found["oversight_recommendations_open"].value == 1
