"""The demo shows a plan Vĩnh Long's office wrote on the page (issue 13), beside the imported one."""

from __future__ import annotations

import pytest

from hangviet.demo.plans import build_plans
from hangviet.orgs.tests.factories import World
from hangviet.plans.models import Plan

pytestmark = pytest.mark.django_db


def test_the_demo_shows_a_plan_written_on_the_page(world: World) -> None:
    build_plans([world.vinh_long])
    written = Plan.objects.get(committee=world.vinh_long, source=Plan.Source.MANUAL)
    assert written.tasks.get(ref="1.1").parent == written.tasks.get(ref="1")
    assert Plan.objects.filter(committee=world.vinh_long, source=Plan.Source.IMPORTED).exists()
