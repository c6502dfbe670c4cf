"""The registries' figures of a committee, kept between reads and always current.

Computing a committee's figures reads every registry and every source other apps register (events, OCOP,
sale points, areas, clubs, consumer reports, surveys, media, budgets, inspections…): about twenty queries, a
third of a province's consolidated table. The result is stored (``FigureCache``) with the database snapshot it
was computed in, and used again for as long as no transaction that changed a table the figures read has
committed outside that snapshot. Nothing is invalidated by hand and no code path can forget to: the database
records every change itself —

- **PostgreSQL**: a statement trigger on every watched table writes the changing transaction's id into
  ``FigureChange`` (once per transaction). A stored entry is fresh when no change row the reader can see is
  invisible in the entry's snapshot (``pg_visible_in_snapshot``); the snapshot is taken before computing, so a
  change that commits while the figures are computed makes the entry stale, never wrong. A change rolled back
  leaves no row. A transaction that has written anything reads fresh entries but stores none (its snapshot
  counts its own changes as visible, also those it has not made yet). Old change rows are pruned with the
  entries that could depend on them (``prune``).
- **SQLite** (one writer at a time): row triggers increment ``FigureGeneration``; an entry is fresh while the
  generation it was computed at is current.

Reads through a replica are computed as before (no write from a read-only route). Watched: every table of the
apps that feed figures, and the organisation and unit trees scopes are made of (``watched_tables``).
"""

from __future__ import annotations

import datetime
import json
import random
from collections.abc import Callable
from decimal import Decimal

from django.apps import apps
from django.db import connection, router

from hangviet.registry.figures import Figure
from hangviet.registry.models import FigureCache

WATCHED_APPS = ("registry", "complaints", "surveys", "campaign", "oversight")
WATCHED_MODELS = ("orgs.Organisation", "orgs.OrganisationSuccession", "units.Unit", "units.UnitSuccession")
NOT_WATCHED = ("registry.FigureCache", "registry.FigureChange", "registry.FigureGeneration", "registry.ImportJob")
PRUNE_EVERY = 50  # on average, one store in this many also prunes old change rows
KEEP_CHANGES = "1 day"

_FUNCTION = """
CREATE OR REPLACE FUNCTION hv_figures_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO registry_figurechange (xid) VALUES (pg_current_xact_id()::text::bigint) ON CONFLICT (xid) DO NOTHING;
    RETURN NULL;
END $$
"""
_FRESH = """
SELECT c.figures,
       c.id IS NOT NULL AND NOT EXISTS (
           SELECT 1 FROM registry_figurechange ch
           WHERE (ch.xid >= pg_snapshot_xmin(c.stamp::pg_snapshot)::text::bigint
                  AND NOT pg_visible_in_snapshot(ch.xid::text::xid8, c.stamp::pg_snapshot))
              OR ch.xid = pg_current_xact_id_if_assigned()::text::bigint
       ),
       pg_current_snapshot()::text,
       pg_current_xact_id_if_assigned() IS NOT NULL
FROM (SELECT 1) AS one
LEFT JOIN registry_figurecache c ON c.key = %s AND c.start = %s AND c."end" = %s
"""


def watched_tables() -> list[str]:
    tables = set()
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.proxy or not meta.managed or meta.label in NOT_WATCHED:
            continue
        if meta.app_label in WATCHED_APPS or meta.label in WATCHED_MODELS:
            tables.add(meta.db_table)
    return sorted(tables)


def install_triggers() -> int:
    """Create (or replace) the change triggers on every watched table that exists; returns how many tables."""
    existing = set(connection.introspection.table_names())
    tables = [table for table in watched_tables() if table in existing]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(_FUNCTION)
            for table in tables:
                cursor.execute(
                    "CREATE OR REPLACE TRIGGER hv_figures_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
                    f'ON "{table}" FOR EACH STATEMENT EXECUTE FUNCTION hv_figures_changed()'
                )
        elif connection.vendor == "sqlite":
            for table in tables:
                for operation in ("INSERT", "UPDATE", "DELETE"):
                    cursor.execute(
                        f'CREATE TRIGGER IF NOT EXISTS "hv_fig_{table}_{operation.lower()}" AFTER {operation} '
                        f'ON "{table}" BEGIN UPDATE registry_figuregeneration SET value = value + 1; END'
                    )
        else:
            return 0
    return len(tables)


def _dump(figures: dict[str, Figure]) -> list[list[object]]:
    return [[f.code, str(f.value), f.qualifier, f.records, f.registry] for f in figures.values()]


def _load(rows: list[list[object]]) -> dict[str, Figure]:
    return {
        str(code): Figure(str(code), Decimal(str(value)), int(str(qualifier)), int(str(records)), str(registry))
        for code, value, qualifier, records, registry in rows
    }


def cached(
    key: str, start: datetime.date, end: datetime.date, compute: Callable[[], dict[str, Figure]]
) -> dict[str, Figure]:
    """The figures of ``key`` (a scope: "o:<committee id>") for the window: the stored ones while fresh, else
    ``compute()``'d and stored."""
    if router.db_for_read(FigureCache) != "default" or connection.vendor not in ("postgresql", "sqlite"):
        return compute()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(_FRESH, [key, start, end])
            figures, fresh, stamp, writing = cursor.fetchone()
        if fresh:
            return _load(json.loads(figures) if isinstance(figures, str) else figures)
        if writing:
            # A transaction that has written sees its own changes, which its snapshot counts as visible: what it
            # computes is not stored (a change it makes later would not show as one).
            return compute()
    else:
        with connection.cursor() as cursor:
            cursor.execute("SELECT value FROM registry_figuregeneration WHERE id = 1")
            row = cursor.fetchone()
        if row is None:
            return compute()  # no counter (a flushed test database): nothing can be trusted, compute
        stamp = str(row[0])
        stored = FigureCache.objects.filter(key=key, start=start, end=end).values_list("figures", "stamp").first()
        if stored is not None and stored[1] == stamp:
            return _load(stored[0])
    result = compute()
    _store(key, start, end, result, stamp)
    return result


def _store(key: str, start: datetime.date, end: datetime.date, figures: dict[str, Figure], stamp: str) -> None:
    payload = json.dumps(_dump(figures))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # Never wait for a reader storing the same entry, and never store a snapshot older than a prune.
            cursor.execute(
                "UPDATE registry_figurecache SET figures = %s::jsonb, stamp = %s, computed_at = now() WHERE id = ("
                'SELECT id FROM registry_figurecache WHERE key = %s AND start = %s AND "end" = %s '
                "FOR UPDATE SKIP LOCKED) AND pg_snapshot_xmin(%s::pg_snapshot)::text::bigint > "
                "(SELECT value FROM registry_figuregeneration WHERE id = 1)",
                [payload, stamp, key, start, end, stamp],
            )
            if cursor.rowcount == 0:
                cursor.execute(
                    'INSERT INTO registry_figurecache (key, start, "end", figures, stamp, computed_at) '
                    "SELECT %s, %s, %s, %s::jsonb, %s, now() WHERE pg_snapshot_xmin(%s::pg_snapshot)::text::bigint > "
                    "(SELECT value FROM registry_figuregeneration WHERE id = 1) "
                    'ON CONFLICT (key, start, "end") DO NOTHING',
                    [key, start, end, payload, stamp, stamp],
                )
            if random.randrange(PRUNE_EVERY) == 0:  # noqa: S311 - spreading work, not security
                prune()
        else:
            cursor.execute(
                'INSERT INTO registry_figurecache (key, start, "end", figures, stamp, computed_at) '
                "VALUES (%s, %s, %s, %s, %s, CURRENT_TIMESTAMP) "
                'ON CONFLICT (key, start, "end") DO UPDATE SET figures = excluded.figures, stamp = excluded.stamp, '
                "computed_at = excluded.computed_at",
                [key, start, end, payload, stamp],
            )


def prune(older_than: str = KEEP_CHANGES) -> int:
    """PostgreSQL: drop the change rows older than ``older_than``, with every entry whose snapshot could have
    needed them, and raise the watermark below which no snapshot is stored any more; returns the rows dropped.
    An entry whose snapshot's xmin is above every dropped id saw all those transactions finished."""
    if connection.vendor != "postgresql":
        return 0
    with connection.cursor() as cursor:
        cursor.execute(
            "WITH gone AS (DELETE FROM registry_figurechange WHERE at < now() - %s::interval RETURNING xid) "
            "SELECT count(*), max(xid) FROM gone",
            [older_than],
        )
        count, highest = cursor.fetchone()
        if not count:
            return 0
        cursor.execute("UPDATE registry_figuregeneration SET value = GREATEST(value, %s) WHERE id = 1", [highest])
        cursor.execute(
            "DELETE FROM registry_figurecache WHERE pg_snapshot_xmin(stamp::pg_snapshot)::text::bigint <= %s",
            [highest],
        )
    return int(count)
