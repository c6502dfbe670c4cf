"""Completeness and timeliness of a period's reports, and reminders."""

from __future__ import annotations

import datetime
from decimal import Decimal as D

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hangviet.consolidation.queries import compute_completeness, expected_reporters
from hangviet.consolidation.reminders import send_due_reminders, send_due_reminders_task
from hangviet.orgs import actions as org_actions
from hangviet.orgs.tests.factories import World, make_agency
from hangviet.periods.models import Deadline, Period
from hangviet.reporting import actions
from hangviet.reporting.models import Reminder, Report

pytestmark = pytest.mark.django_db
D8 = datetime.date


def submit(organisation, period: Period, on: datetime.date) -> Report:
    report = actions.open_report(organisation, period, acting_user=None)
    actions.save_report(report, values={"banners": D(1)}, expected_version=report.version, acting_user=None)
    actions.submit_report(report, acting_user=None)
    moment = timezone.make_aware(datetime.datetime.combine(on, datetime.time(10)))
    Report.objects.filter(pk=report.pk).update(submitted_at=moment)
    return report


def test_the_board_sorts_reporters_into_on_time_late_draft_and_missing(world: World) -> None:
    h1 = Period.objects.for_code("2026-H1")
    Deadline.objects.create(committee=world.vinh_long, period=h1, due_on=D8(2026, 6, 20))
    submit(world.vl_trade, h1, D8(2026, 6, 19))
    submit(world.vl_health, h1, D8(2026, 6, 25))
    actions.open_report(world.vl_commune, h1, acting_user=None)
    completeness = compute_completeness(world.vinh_long, h1)
    states = {row.organisation: row.state for row in completeness.rows}
    assert states == {
        world.vl_trade: "on_time",
        world.vl_health: "late",
        world.vl_commune: "draft",
        world.vl_sibling_commune: "missing",
    }
    assert completeness.rate == D("0.5")
    assert {row.organisation for row in completeness.waiting} == {world.vl_commune, world.vl_sibling_commune}


def test_district_committees_report_until_mid_2025_but_not_for_the_year(world: World) -> None:
    assert world.tv_district in expected_reporters(world.tra_vinh, Period.objects.for_code("2025-H1"))
    assert world.tv_district not in expected_reporters(world.tra_vinh, Period.objects.for_code("2025"))


def test_a_merged_agency_is_expected_once(world: World) -> None:
    old = make_agency(world.vinh_long, "Sở Thông tin và Truyền thông")
    science = make_agency(world.vinh_long, "Sở Khoa học và Công nghệ")
    org_actions.merge_organisations([old], science, on=D8(2025, 3, 1), acting_user=None)
    in_2024 = expected_reporters(world.vinh_long, Period.objects.for_code("2024"))
    in_2025 = expected_reporters(world.vinh_long, Period.objects.for_code("2025"))
    assert old in in_2024 and science in in_2024
    assert old not in in_2025 and science in in_2025


def test_one_click_reminds_everyone_still_owing_once_a_day(
    client: Client, world: World, django_capture_on_commit_callbacks
) -> None:
    world.vl_commune.email = "phuongtravinh@example.vn"
    world.vl_commune.save()
    world.commune_clerk.email = "canbo@example.vn"
    world.commune_clerk.save()
    client.force_login(world.vl_office)
    url = reverse("consolidation:remind", args=[world.vinh_long.pk, "2026-H1"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert Reminder.objects.filter(kind=Reminder.Kind.MANUAL).count() == 4
    sent_to = {address for message in mail.outbox for address in message.to}
    assert {"phuongtravinh@example.vn", "canbo@example.vn"} <= sent_to
    assert all("6 tháng đầu năm 2026" in message.subject for message in mail.outbox)
    outbox = len(mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url)
    assert len(mail.outbox) == outbox


@pytest.mark.parametrize(("persona", "status"), [("vl_viewer", 403), ("ag_office", 404), ("commune_clerk", 404)])
def test_only_the_committee_itself_sends_reminders(client: Client, world: World, persona: str, status: int) -> None:
    client.force_login(getattr(world, persona))
    assert client.post(reverse("consolidation:remind", args=[world.vinh_long.pk, "2026-H1"])).status_code == status
    assert not Reminder.objects.exists()


def test_the_scheduled_task_reminds_before_the_deadline_and_when_overdue(world: World) -> None:
    h1 = Period.objects.for_code("2026-H1")
    Deadline.objects.create(committee=world.vinh_long, period=h1, due_on=D8(2026, 6, 20))
    assert send_due_reminders(D8(2026, 6, 10)) == 0
    send_due_reminders(D8(2026, 6, 18))
    assert Reminder.objects.filter(organisation=world.vl_trade, kind=Reminder.Kind.UPCOMING).exists()
    submit(world.vl_trade, h1, D8(2026, 6, 19))
    send_due_reminders_task.enqueue("2026-06-22")  # the immediate backend runs it now
    overdue = set(Reminder.objects.filter(kind=Reminder.Kind.OVERDUE, period=h1).values_list("organisation", flat=True))
    assert world.vl_health.pk in overdue and world.vl_trade.pk not in overdue


def test_the_board_page(client: Client, world: World, django_assert_max_num_queries) -> None:
    client.force_login(world.vl_office)
    with django_assert_max_num_queries(30):
        page = client.get(reverse("consolidation:board", args=[world.vinh_long.pk, "2026-H1"])).content.decode()
    assert "Chưa báo cáo" in page and world.vl_trade.name in page
    client.post(reverse("consolidation:deadline", args=[world.vinh_long.pk, "2026-H1"]), {"due_on": "2026-06-15"})
    assert Deadline.objects.get(committee=world.vinh_long).due_on == D8(2026, 6, 15)


def test_accepting_ticked_reports_ignores_ids_that_are_not_numbers(client: Client, world: World) -> None:
    period = Period.objects.for_code("2026-H1")
    report = submit(world.vl_trade, period, datetime.date(2026, 6, 10))
    client.force_login(world.vl_office)
    response = client.post(
        reverse("consolidation:accept_many", args=[world.vinh_long.pk, "2026-H1"]),
        {"report": ["²", "1" * 40, "-3", str(report.pk)]},
    )
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == Report.Status.ACCEPTED


def test_the_counts_for_many_committees_at_once_are_those_of_each_board(world: World) -> None:
    """The national map counts every province in three queries: the same numbers as each province's board."""
    from hangviet.consolidation.queries import completeness_counts

    h1 = Period.objects.for_code("2026-H1")
    Deadline.objects.create(committee=world.vinh_long, period=h1, due_on=D8(2026, 6, 20))
    submit(world.vl_trade, h1, D8(2026, 6, 19))
    submit(world.vl_health, h1, D8(2026, 6, 25))
    submit(world.ag_trade, h1, D8(2026, 6, 25))  # An Giang's default deadline is 20/6 too: late
    actions.open_report(world.vl_commune, h1, acting_user=None)
    committees = [world.vinh_long, world.an_giang, world.central]
    counts = completeness_counts(committees, h1)
    for committee in committees:
        board = compute_completeness(committee, h1)
        assert (counts[committee.pk].expected, counts[committee.pk].submitted, counts[committee.pk].on_time) == (
            len(board.rows),
            board.submitted,
            board.count("on_time"),
        )
    assert counts[world.vinh_long.pk].on_time == 1 and counts[world.an_giang.pk].submitted == 1
