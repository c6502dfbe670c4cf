"""The registries' figures kept between reads: used again while nothing they read has changed, computed again
the moment anything has — through an action, a bulk update no signal sees, or another app's table — and never
kept from a change that was rolled back. Real commits (transactional tests), on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest
from django.db import connection, transaction

from hangviet.orgs.tests.factories import World, make_world
from hangviet.registry import actions
from hangviet.registry.figure_cache import _store, cached, prune, watched_tables
from hangviet.registry.figures import Figure, compute, scope_for_organisation
from hangviet.registry.models import Event, FigureCache, FigureGeneration

WINDOW = (datetime.date(2025, 12, 15), datetime.date(2026, 6, 14))


@pytest.fixture
def committed_world(transactional_db: None) -> World:
    """Transactional tests flush the database afterwards: the reference data and the counter first."""
    from hangviet.indicators.catalogue import load_catalogue
    from hangviet.units.loader import load_units
    from hangviet.units.models import Unit

    if not Unit.objects.exists():
        load_units()
    load_catalogue()
    FigureGeneration.objects.get_or_create(pk=1)
    return make_world()


def _counting(world: World) -> tuple[Callable[[], dict[str, Figure]], list[int]]:
    calls = [0]
    scope = scope_for_organisation(world.vinh_long)

    def run() -> dict[str, Figure]:
        calls[0] += 1
        return compute(scope, *WINDOW)

    return run, calls


def _read(world: World, run: Callable[[], dict[str, Figure]]) -> dict[str, Figure]:
    return cached(f"o:{world.vinh_long.pk}", *WINDOW, run)


def _fair(world: World, name: str) -> Event:
    day = datetime.date(2026, 3, 10)
    return actions.record_event(
        world.vl_trade,
        fields={"name": name, "kind": "fair", "starts_on": day, "ends_on": day, "status": "done"},
        organisers=(),
        acting_user=None,
    )


@pytest.mark.django_db(transaction=True)
def test_figures_are_used_again_until_a_watched_table_changes(committed_world: World) -> None:
    world = committed_world
    _fair(world, "Hội chợ hàng Việt Vĩnh Long")
    run, calls = _counting(world)
    first = _read(world, run)
    assert first["fairs"].value == 1 and calls == [1]
    assert _read(world, run) == first and calls == [1]  # nothing changed: no query of the registries

    _fair(world, "Phiên chợ hàng Việt về nông thôn")  # through the action
    assert _read(world, run)["fairs"].value == 2 and calls == [2]
    assert _read(world, run)["fairs"].value == 2 and calls == [2]

    Event.objects.filter(name__startswith="Phiên chợ").update(status="planned")  # a bulk update, no signal
    assert _read(world, run)["fairs"].value == 1 and calls == [3]

    with pytest.raises(RuntimeError), transaction.atomic():  # a change rolled back leaves the entry fresh
        _fair(world, "Hội chợ chưa diễn ra")
        raise RuntimeError
    assert _read(world, run)["fairs"].value == 1 and calls == [3]


@pytest.mark.django_db(transaction=True)
def test_a_change_in_another_apps_table_or_the_organisation_tree_is_seen_too(committed_world: World) -> None:
    world = committed_world
    run, calls = _counting(world)
    _read(world, run)
    world.vl_health.name = "Sở Y tế tỉnh Vĩnh Long"
    world.vl_health.save()  # the organisation tree makes the scopes
    _read(world, run)
    assert calls == [2]
    from hangviet.audit.models import AuditEvent

    AuditEvent.objects.all().delete()  # not a table any figure reads
    _read(world, run)
    assert calls == [2]


@pytest.mark.django_db(transaction=True)
def test_pruning_keeps_what_saw_the_pruned_changes_and_refuses_older_snapshots(committed_world: World) -> None:
    world = committed_world
    run, calls = _counting(world)
    _fair(world, "Hội chợ")
    _read(world, run)
    dropped = prune(older_than="0 seconds")
    _read(world, run)
    assert calls == [1]  # the entry was computed after those changes had committed: still fresh
    if connection.vendor != "postgresql":
        assert dropped == 0
        return
    assert dropped >= 1
    FigureCache.objects.all().delete()
    _store(f"o:{world.vinh_long.pk}", *WINDOW, {}, "3:3:")  # a snapshot from before the pruned changes
    assert not FigureCache.objects.exists()
    _read(world, run)
    _read(world, run)
    assert calls == [2] and FigureCache.objects.count() == 1


def test_every_table_a_figure_source_reads_is_watched() -> None:
    tables = set(watched_tables())
    for table in (
        "registry_event",
        "registry_eventorganiser",
        "registry_salepoint",
        "registry_ocoprecognition",
        "complaints_consumerreport",
        "surveys_answer",
        "campaign_mediaitem",
        "oversight_marketcase",
        "orgs_organisation",
        "orgs_organisationsuccession",
        "units_unit",
    ):
        assert table in tables
    assert not {"registry_figurecache", "registry_figurechange", "registry_figuregeneration"} & tables


@pytest.mark.django_db(transaction=True)
def test_a_transaction_that_writes_never_stores_what_it_reads(committed_world: World) -> None:
    """Read, then change, inside one transaction: the next reader must see the change."""
    world = committed_world
    run, calls = _counting(world)
    with transaction.atomic():
        world.vl_health.save()  # the transaction has written (any watched table)
        assert _read(world, run) == {} and calls == [1]
        _fair(world, "Hội chợ ghi trong cùng giao dịch")
        assert _read(world, run)["fairs"].value == 1 and calls == [2]
    assert _read(world, run)["fairs"].value == 1
