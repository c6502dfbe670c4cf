"""Rough edges of the plan import (issue 13): each test failed before its fix."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from hangviet.orgs.tests.factories import World
from hangviet.plans.models import Plan
from hangviet.plans.tests.test_tasks import FIXTURES, review_post

pytestmark = pytest.mark.django_db


def _review(client: Client, world: World):
    upload = SimpleUploadedFile("ke-hoach.txt", (FIXTURES / "plan_vinhlong_2026.txt").read_bytes())
    return client.post(reverse("plans:import", args=[world.vinh_long.pk]), {"file": upload})


def test_the_same_plan_is_not_saved_twice_silently_the_clerk_replaces_or_cancels(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    url = reverse("plans:save_import", args=[world.vinh_long.pk])
    data = review_post(_review(client, world).context["proposals"], title="Kế hoạch năm 2026", year="2026")
    client.post(url, data)
    first = Plan.objects.get(committee=world.vinh_long)
    again = client.post(url, data)
    page = again.content.decode()
    assert again.status_code == 422 and 'data-testid="duplicate-plan"' in page
    assert f'name="replace" value="{first.pk}"' in page and "Hủy, giữ kế hoạch đã có" in page
    assert Plan.objects.filter(committee=world.vinh_long).count() == 1
    replaced = client.post(url, {**data, "replace": first.pk})
    plans = list(Plan.objects.filter(committee=world.vinh_long))
    assert len(plans) == 1 and plans[0].pk != first.pk
    assert replaced.url == reverse("plans:detail", args=[plans[0].pk])


def test_the_review_page_shows_times_in_words_and_reads_them_back(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    review = _review(client, world)
    page = review.content.decode()
    assert 'value="Quý I/2026"' in page and "2026-Q" not in page
    proposals = review.context["proposals"]
    data = review_post(proposals, title="Kế hoạch năm 2026", year="2026")
    data.update({f"task-{i}-when": task.when_words for i, task in enumerate(proposals)})
    client.post(reverse("plans:save_import", args=[world.vinh_long.pk]), data)
    plan = Plan.objects.get(committee=world.vinh_long)
    assert [task.windows for task in plan.tasks.order_by("order")] == [
        [window.iso for window in task.windows] for task in proposals
    ]


def test_saving_waits_for_every_lead_unit_unless_left_open_on_purpose(client: Client, world: World) -> None:
    client.force_login(world.vl_office)
    review = _review(client, world)
    proposals = review.context["proposals"]
    assert 'value="none"' in review.content.decode() and "data-searchable" in review.content.decode()
    data = review_post(proposals, title="Kế hoạch năm 2026", year="2026")
    data["task-1-lead"] = ""  # unresolved: neither a unit nor left open
    refused = client.post(reverse("plans:save_import", args=[world.vinh_long.pk]), data)
    assert refused.status_code == 422 and "chưa xác định đơn vị chủ trì" in refused.content.decode()
    assert not Plan.objects.filter(committee=world.vinh_long).exists()
    data["task-1-lead"] = "none"
    client.post(reverse("plans:save_import", args=[world.vinh_long.pk]), data)
    assert Plan.objects.get(committee=world.vinh_long).tasks.get(ref=proposals[1].ref).lead is None
