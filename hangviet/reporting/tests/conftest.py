from __future__ import annotations

import pytest

from hangviet.orgs.tests.factories import World
from hangviet.periods.models import Period
from hangviet.reporting import actions
from hangviet.reporting.models import Report


@pytest.fixture
def h1(db: None) -> Period:
    return Period.objects.for_code("2026-H1")


@pytest.fixture
def commune_report(world: World, h1: Period) -> Report:
    return actions.open_report(world.vl_commune, h1, acting_user=world.commune_clerk)
