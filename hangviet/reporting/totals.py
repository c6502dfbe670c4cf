"""Live totals: every accepted value counted, the moment it is accepted, in the total of every organisation above
its reporter (``reporting.models.Total``, keyed by period, organisation node and indicator).

An organisation's node holds its whole subtree: itself, its children and the organisations merged into it,
recursively (``orgs.policy.list_subtree_ids``). So a value goes to the reporter's node and to every node
``orgs.policy.list_overseer_ids`` gives: its committee, the committees above it, and — across the 2025 merger —
whoever took over from any of them (a report of old Tỉnh Trà Vinh's committee counts in Tỉnh Vĩnh Long's node
and the country's).

- ``add_report`` / ``remove_report`` run inside the transaction that accepts or reopens a report (``actions``):
  one ``INSERT … ON CONFLICT DO UPDATE`` adds the report's values to every node, rows in one order so two
  reviewers cannot deadlock. Accepted reports are locked, so nothing else changes a counted value.
- a change of the organisation tree (an organisation given another parent, a succession recorded or removed)
  recomputes the nodes that counted the moved subtree before and after, in the same transaction
  (``tree_changing`` / ``tree_changed``, wired to the orgs models' signals in ``apps.py``: orgs sits below
  reporting and cannot call it);
- ``rebuild`` recomputes the table from the values (after a bulk load); ``differences`` compares the table with
  a recomputation in Python (``hangviet totals check``).

Each row keeps the sum and the number of values behind it; how a row reads by kind (flows and stocks summed,
a ratio only where one value stands) is ``indicators.aggregation.total_of``.

A stock that one level keeps for its whole area (``Indicator.owner_level``, from
``indicators.catalogue.OWNERSHIP_RULES``: the province's OCOP products) is not counted twice: inside a scope (the
committee of that level) the figures reported at that level are the total, and those reported below it count
only in the nodes below the scope — while the scope's level has reported one. ``StockPart`` keeps each scope's
two parts, so the moment the province's figure arrives (or leaves) the communes' part leaves (or returns to) the
scope's total and every total above it, in the same transaction.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection, transaction

from hangviet.indicators.models import Indicator
from hangviet.orgs.models import Organisation, OrganisationSuccession
from hangviet.orgs.policy import list_overseer_ids, list_subtree_ids
from hangviet.periods.models import Period
from hangviet.reporting.models import Report, ReportCount, ReportValue, StockPart, Total
from hangviet.units.models import Unit

Key = tuple[int, int, int]  # (period, organisation, indicator)
Deltas = dict[Key, list[Decimal | int]]  # key → [value, count] to add
Tree = dict[int, tuple[int | None, str, str]]  # organisation → (parent, kind, unit level)

# How deep each level of units sits (the ownership rules compare a reporter's level with the keeping level).
DEPTH: dict[str, int] = {
    Unit.Level.COUNTRY.value: 0,
    Unit.Level.PROVINCE.value: 1,
    Unit.Level.DISTRICT.value: 2,
    Unit.Level.COMMUNE.value: 3,
}


def nodes_of(organisation_id: int) -> list[int]:
    """The reporter and every organisation whose total counts its reports, in id order."""
    organisation = Organisation(pk=organisation_id)
    return sorted({organisation_id, *list_overseer_ids(organisation)})


@dataclass(frozen=True)
class Place:
    """Where a reporter stands for a stock one level keeps: the scope (that level's committee above it, or
    itself) and whether it reports at that level (``owner``) or below it."""

    scope: int
    owner: bool


def owned_indicators() -> dict[int, str]:
    """``{indicator id: level}`` of the stocks a level keeps for its area."""
    return dict(Indicator.objects.exclude(owner_level="").values_list("id", "owner_level"))


def whole_tree() -> Tree:
    return {
        pk: (parent, kind, level)
        for pk, parent, kind, level in Organisation.objects.values_list("id", "parent_id", "kind", "unit__level")
    }


def _chain(organisation_id: int) -> Tree:
    """The organisation and its parents (a few queries: the tree is four levels deep at most)."""
    tree: Tree = {}
    current: int | None = organisation_id
    while current is not None and current not in tree:
        row = Organisation.objects.filter(pk=current).values_list("parent_id", "kind", "unit__level").first()
        if row is None:
            break
        tree[current] = row
        current = row[0]
    return tree


def place_of(tree: Tree, organisation_id: int, level: str) -> Place | None:
    """The reporter's place for a stock kept by ``level``; None when it reports above that level or has no
    committee of that level above it (its figures then add up as any other)."""
    if organisation_id not in tree or DEPTH.get(tree[organisation_id][2], 0) < DEPTH[level]:
        return None
    owner = tree[organisation_id][2] == level
    current: int | None = organisation_id
    while current is not None and current in tree:
        parent, kind, unit_level = tree[current]
        if kind == Organisation.Kind.COMMITTEE and unit_level == level:
            return Place(current, owner)
        current = parent
    return None


def _add(deltas: Deltas, key: Key, value: Decimal, count: int) -> None:
    entry = deltas.setdefault(key, [Decimal(0), 0])
    entry[0] += value
    entry[1] += count


def _write(deltas: Deltas) -> None:
    """Add the deltas to the totals in one ``INSERT … ON CONFLICT DO UPDATE``, rows in key order (two
    reviewers writing the same rows lock them in the same order)."""
    if not deltas:
        return
    total = Total._meta.db_table
    rows = [(*key, value, count) for key, (value, count) in sorted(deltas.items())]
    placeholders = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {total} (period_id, organisation_id, indicator_id, value, count) "  # noqa: S608
            f"VALUES {placeholders} ON CONFLICT (period_id, organisation_id, indicator_id) DO UPDATE SET "
            f"value = {total}.value + excluded.value, count = {total}.count + excluded.count",
            [part for row in rows for part in row],
        )


def _locked_parts(period_id: int, keys: list[tuple[int, int]]) -> dict[tuple[int, int], StockPart]:
    """The scopes' parts of ``keys`` (scope, indicator), created if missing and locked in key order (two
    acceptances in one province wait for each other here, never deadlock)."""
    if not keys:
        return {}
    StockPart.objects.bulk_create(
        [StockPart(period_id=period_id, scope_id=scope, indicator_id=indicator) for scope, indicator in keys],
        ignore_conflicts=True,
    )
    locked = (
        StockPart.objects.select_for_update()
        .filter(
            period_id=period_id,
            scope_id__in={scope for scope, _indicator in keys},
            indicator_id__in={indicator for _scope, indicator in keys},
        )
        .order_by("scope_id", "indicator_id")
    )
    wanted = set(keys)
    return {key: part for part in locked if (key := (part.scope_id, part.indicator_id)) in wanted}


def _count_part(
    part: StockPart, owner: bool, value: Decimal, count: int, scope_nodes: set[int], deltas: Deltas
) -> bool:
    """Count one value of a kept stock in its scope's part; returns whether the value itself goes into the
    scope's node and those above it (it does not when it comes from below and the level's own figure stands)."""
    if owner:
        had = part.owner_count > 0
        part.owner_value += value
        part.owner_count += count
        if had != (part.owner_count > 0) and part.below_count:
            # The level's own figure arrives (or leaves): the part below leaves (or returns to) the scope's totals.
            sign = -1 if part.owner_count > 0 else 1
            for node in scope_nodes:
                _add(
                    deltas, (part.period_id, node, part.indicator_id), sign * part.below_value, sign * part.below_count
                )
        return True
    part.below_value += value
    part.below_count += count
    return part.owner_count <= 0


def _upsert(report: Report, sign: int) -> None:
    values = list(
        ReportValue.objects.filter(report=report).order_by("indicator_id").values_list("indicator_id", "value")
    )
    nodes = nodes_of(report.organisation_id)
    owned = owned_indicators() if values else {}
    places: dict[str, Place | None] = {}
    if any(indicator in owned for indicator, _value in values):
        chain = _chain(report.organisation_id)
        places = {level: place_of(chain, report.organisation_id, level) for level in set(owned.values())}
    kept = {
        indicator: place
        for indicator, _value in values
        if indicator in owned and (place := places[owned[indicator]]) is not None
    }
    parts = _locked_parts(report.period_id, sorted((place.scope, indicator) for indicator, place in kept.items()))
    scope_nodes = {place.scope: set(nodes_of(place.scope)) for place in set(kept.values())}
    deltas: Deltas = {}
    for indicator, value in values:
        targets = nodes
        place = kept.get(indicator)
        if place is not None:
            part = parts[(place.scope, indicator)]
            if not _count_part(part, place.owner, sign * value, sign, scope_nodes[place.scope], deltas):
                targets = [node for node in nodes if node not in scope_nodes[place.scope]]
        for node in targets:
            _add(deltas, (report.period_id, node, indicator), sign * value, sign)
    if parts:
        StockPart.objects.bulk_update(
            list(parts.values()), ["owner_value", "owner_count", "below_value", "below_count"]
        )
    _write(deltas)
    counts = ReportCount._meta.db_table
    with connection.cursor() as cursor:
        placeholders = ", ".join(["(%s, %s, %s)"] * len(nodes))
        cursor.execute(
            f"INSERT INTO {counts} (period_id, organisation_id, reports) VALUES {placeholders} "  # noqa: S608
            f"ON CONFLICT (period_id, organisation_id) DO UPDATE SET reports = {counts}.reports + excluded.reports",
            [part for node in nodes for part in (report.period_id, node, sign)],
        )


def add_report(report: Report) -> None:
    """Count an accepted report's values in every total above it (call inside the accepting transaction)."""
    _upsert(report, +1)


def remove_report(report: Report) -> None:
    """Take a report's values out of every total (call inside the transaction that reopens it)."""
    _upsert(report, -1)


def ancestor_map() -> dict[int, frozenset[int]]:
    """For every organisation, the nodes that count its reports (itself included), from two queries."""
    up: dict[int, set[int]] = defaultdict(set)
    ids = []
    for pk, parent in Organisation.objects.values_list("id", "parent_id"):
        ids.append(pk)
        if parent is not None:
            up[pk].add(parent)
    for predecessor, successor in OrganisationSuccession.objects.values_list("predecessor_id", "successor_id"):
        up[predecessor].add(successor)
    result: dict[int, frozenset[int]] = {}
    for pk in ids:
        found, frontier = {pk}, [pk]
        while frontier:
            step = [above for node in frontier for above in up.get(node, ()) if above not in found]
            found.update(step)
            frontier = step
        result[pk] = frozenset(found)
    return result


Part = list[Decimal | int]  # [owner value, owner count, below value, below count]


def _split(
    rows: Iterable[tuple[int, int, int, Decimal]], owned: dict[int, str], tree: Tree
) -> tuple[dict[Key, Part], list[tuple[int, int, int, Decimal, Place | None]]]:
    """The scopes' parts of the kept stocks among ``rows`` (period, organisation, indicator, value), and each
    row with its place (None: it adds up as any other)."""
    parts: dict[Key, Part] = {}
    placed = []
    cache: dict[tuple[int, str], Place | None] = {}
    for period_id, organisation_id, indicator_id, value in rows:
        level = owned[indicator_id]
        if (organisation_id, level) not in cache:
            cache[(organisation_id, level)] = place_of(tree, organisation_id, level)
        place = cache[(organisation_id, level)]
        if place is not None:
            part = parts.setdefault((period_id, place.scope, indicator_id), [Decimal(0), 0, Decimal(0), 0])
            index = 0 if place.owner else 2
            part[index] += value
            part[index + 1] += 1
        placed.append((period_id, organisation_id, indicator_id, value, place))
    return parts, placed


@dataclass
class Recomputed:
    sums: dict[Key, Decimal]
    counts: dict[Key, int]
    reports: dict[tuple[int, int], int]
    parts: dict[Key, tuple[Decimal, int, Decimal, int]] = field(default_factory=dict)


def recompute(period_ids: Iterable[int] | None = None) -> Recomputed:
    """The totals as the accepted values give them now (for ``rebuild`` and ``differences``)."""
    ancestors = ancestor_map()
    owned = owned_indicators()
    accepted = Report.objects.filter(status=Report.Status.ACCEPTED)
    if period_ids is not None:
        accepted = accepted.filter(period_id__in=list(period_ids))
    reports: dict[tuple[int, int], int] = defaultdict(int)
    for period_id, organisation_id in accepted.values_list("period_id", "organisation_id").iterator(chunk_size=20_000):
        for node in ancestors[organisation_id]:
            reports[(period_id, node)] += 1
    sums: dict[Key, Decimal] = defaultdict(Decimal)
    counts: dict[Key, int] = defaultdict(int)
    kept = []
    values = ReportValue.objects.filter(report__in=accepted).values_list(
        "report__period_id", "report__organisation_id", "indicator_id", "value"
    )
    for period_id, organisation_id, indicator_id, value in values.iterator(chunk_size=20_000):
        if indicator_id in owned:
            kept.append((period_id, organisation_id, indicator_id, value))
            continue
        for node in ancestors[organisation_id]:
            key = (period_id, node, indicator_id)
            sums[key] += value
            counts[key] += 1
    parts, placed = _split(kept, owned, whole_tree() if kept else {})
    for period_id, organisation_id, indicator_id, value, place in placed:
        nodes = ancestors[organisation_id]
        if place is not None and not place.owner and parts[(period_id, place.scope, indicator_id)][1]:
            nodes = nodes - ancestors[place.scope]  # the level's own figure stands for the scope
        for node in nodes:
            key = (period_id, node, indicator_id)
            sums[key] += value
            counts[key] += 1
    return Recomputed(
        dict(sums),
        dict(counts),
        dict(reports),
        {key: (Decimal(p[0]), int(p[1]), Decimal(p[2]), int(p[3])) for key, p in parts.items()},
    )


def _rebuild_parts(period_ids: list[int] | None, only: set[int] | None, ancestors: dict[int, frozenset[int]]) -> int:
    """Recompute the scopes' parts of the kept stocks, and take the part below out of the totals of every
    scope whose level reported its own figure (and of the nodes above it); returns the parts written."""
    parts_table = StockPart.objects.all()
    if period_ids is not None:
        parts_table = parts_table.filter(period_id__in=period_ids)
    parts_table._raw_delete(parts_table.db)
    owned = owned_indicators()
    if not owned:
        return 0
    values = ReportValue.objects.filter(report__status=Report.Status.ACCEPTED, indicator_id__in=list(owned))
    if period_ids is not None:
        values = values.filter(report__period_id__in=period_ids)
    rows = values.values_list("report__period_id", "report__organisation_id", "indicator_id", "value")
    parts, _placed = _split(rows.iterator(chunk_size=20_000), owned, whole_tree())
    StockPart.objects.bulk_create(
        [
            StockPart(
                period_id=period_id,
                scope_id=scope,
                indicator_id=indicator_id,
                owner_value=part[0],
                owner_count=int(part[1]),
                below_value=part[2],
                below_count=int(part[3]),
            )
            for (period_id, scope, indicator_id), part in parts.items()
        ],
        batch_size=1000,
    )
    deltas: Deltas = {}
    for (period_id, scope, indicator_id), part in parts.items():
        if part[1] and part[3]:
            for node in ancestors[scope]:
                if only is None or node in only:
                    _add(deltas, (period_id, node, indicator_id), -Decimal(part[2]), -int(part[3]))
    _write(deltas)
    return len(parts)


@transaction.atomic
def rebuild(period: Period | None = None, *, nodes: Iterable[int] | None = None) -> int:
    """Recompute the totals of one period (or all), of the given nodes (or all), from the accepted values;
    returns the rows written.

    Two grouped ``INSERT … SELECT`` statements over the values joined to a temporary table of (organisation,
    node) pairs: a national data set of millions of values is rebuilt in minutes, one node's totals in a
    moment."""
    period_ids = [period.pk] if period is not None else None
    only = set(nodes) if nodes is not None else None
    totals, counts = Total.objects.all(), ReportCount.objects.all()
    if period_ids is not None:
        totals, counts = totals.filter(period_id__in=period_ids), counts.filter(period_id__in=period_ids)
    if only is not None:
        totals, counts = totals.filter(organisation_id__in=only), counts.filter(organisation_id__in=only)
    totals._raw_delete(totals.db)  # no signals, no cascade: one DELETE
    counts._raw_delete(counts.db)
    ancestors = ancestor_map()
    pairs = [
        (organisation, node)
        for organisation, above in ancestors.items()
        for node in above
        if only is None or node in only
    ]
    if not pairs:
        return 0
    total, count, report, value = (
        Total._meta.db_table,
        ReportCount._meta.db_table,
        Report._meta.db_table,
        ReportValue._meta.db_table,
    )
    where = "r.status = %s"
    parameters: list[str | int] = [Report.Status.ACCEPTED.value]
    if period_ids is not None:
        where += " AND r.period_id = %s"
        parameters.append(period_ids[0])
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SET LOCAL work_mem = '256MB'")  # group millions of rows in memory, this transaction only
        cursor.execute("DROP TABLE IF EXISTS hv_total_nodes")
        cursor.execute(
            "CREATE TEMPORARY TABLE hv_total_nodes (organisation_id bigint NOT NULL, node_id bigint NOT NULL)"
        )
        for start in range(0, len(pairs), 500):
            batch = pairs[start : start + 500]
            cursor.execute(
                "INSERT INTO hv_total_nodes (organisation_id, node_id) VALUES " + ", ".join(["(%s, %s)"] * len(batch)),
                [part for pair in batch for part in pair],
            )
        cursor.execute(
            f"INSERT INTO {total} (period_id, organisation_id, indicator_id, value, count) "  # noqa: S608
            f"SELECT r.period_id, n.node_id, v.indicator_id, SUM(v.value), COUNT(*) FROM {value} v "
            f"JOIN {report} r ON r.id = v.report_id JOIN hv_total_nodes n ON n.organisation_id = r.organisation_id "
            f"WHERE {where} GROUP BY r.period_id, n.node_id, v.indicator_id",
            parameters,
        )
        written = cursor.rowcount
        cursor.execute(
            f"INSERT INTO {count} (period_id, organisation_id, reports) "  # noqa: S608
            f"SELECT r.period_id, n.node_id, COUNT(*) FROM {report} r "
            f"JOIN hv_total_nodes n ON n.organisation_id = r.organisation_id WHERE {where} "
            "GROUP BY r.period_id, n.node_id",
            parameters,
        )
        written += cursor.rowcount
        cursor.execute("DROP TABLE hv_total_nodes")
    written += _rebuild_parts(period_ids, only, ancestors)
    if connection.vendor == "postgresql" and only is None:
        with connection.cursor() as cursor:
            # The tables were rewritten wholesale: fresh statistics, or the planner reads a million rows as a
            # thousand until autovacuum comes by (a province's table went from ~5 ms to ~60 ms).
            cursor.execute(f"ANALYZE {total}, {count}, {StockPart._meta.db_table}")
    return written


def vacuum() -> None:
    """After a rebuild (outside its transaction): PostgreSQL's VACUUM ANALYZE of the rewritten tables, so the
    tables read their totals from the covering index at once instead of after autovacuum's next pass."""
    if connection.vendor != "postgresql" or connection.in_atomic_block:
        return
    with connection.cursor() as cursor:
        for model in (Total, ReportCount, StockPart):
            cursor.execute(f"VACUUM (ANALYZE) {model._meta.db_table}")


def _has_accepted_below(organisation_id: int) -> bool:
    return Report.objects.filter(
        status=Report.Status.ACCEPTED, organisation_id__in=list_subtree_ids({organisation_id})
    ).exists()


def tree_changing(organisation_id: int) -> set[int]:
    """Before a change of the organisation tree that moves ``organisation_id`` (a new parent, a succession
    removed): the nodes that count its subtree now, if any accepted report is there to move."""
    return set(nodes_of(organisation_id)) if _has_accepted_below(organisation_id) else set()


def tree_changed(organisation_id: int, before: set[int]) -> None:
    """After such a change: recompute the nodes that counted the subtree before and those that count it now
    (inside the same transaction; nothing to do when no accepted report is below it)."""
    if not before and not _has_accepted_below(organisation_id):
        return
    rebuild(nodes=before | set(nodes_of(organisation_id)))


@dataclass(frozen=True)
class Difference:
    period_id: int
    organisation_id: int
    indicator_id: int | None  # None: the number of accepted reports
    stored: tuple[Decimal | int, ...] | None
    expected: tuple[Decimal | int, ...] | None
    what: str = "total"  # "total", "reports" (indicator_id None) or "part" (organisation_id is the scope)


def differences(period: Period | None = None) -> list[Difference]:
    """Where the maintained totals differ from a recomputation from the values (empty: they agree), computed in
    Python (not by ``rebuild``'s SQL), one period at a time."""
    if period is not None:
        return _differences(period.pk)
    used = set(Report.objects.values_list("period_id", flat=True).distinct())
    used |= set(Total.objects.values_list("period_id", flat=True).distinct())
    used |= set(ReportCount.objects.values_list("period_id", flat=True).distinct())
    return [difference for period_id in sorted(used) for difference in _differences(period_id)]


def _differences(period_id: int) -> list[Difference]:
    found = recompute([period_id])
    totals = Total.objects.filter(period_id=period_id, count__gt=0)
    counts = ReportCount.objects.filter(period_id=period_id, reports__gt=0)
    zeros = Total.objects.filter(period_id=period_id, count=0).exclude(value=0)  # nothing behind it must read 0
    stored = {
        (p, o, i): (v, c)
        for p, o, i, v, c in totals.values_list("period_id", "organisation_id", "indicator_id", "value", "count")
    }
    expected = {key: (value, found.counts[key]) for key, value in found.sums.items()}
    result = [
        Difference(*key, stored.get(key), expected.get(key))
        for key in sorted(stored.keys() | expected.keys())
        if stored.get(key) != expected.get(key)
    ]
    result.extend(
        Difference(p, o, i, (v, 0), None)
        for p, o, i, v in zeros.values_list("period_id", "organisation_id", "indicator_id", "value")
    )
    stored_reports = {(p, o): n for p, o, n in counts.values_list("period_id", "organisation_id", "reports")}
    for key in sorted(stored_reports.keys() | found.reports.keys()):
        if stored_reports.get(key) != found.reports.get(key):
            result.append(
                Difference(
                    *key,
                    None,
                    (Decimal(stored_reports[key]), 0) if key in stored_reports else None,
                    (Decimal(found.reports[key]), 0) if key in found.reports else None,
                    what="reports",
                )
            )
    stored_parts = {
        (p, o, i): (a, Decimal(b), c, Decimal(d))
        for p, o, i, a, b, c, d in StockPart.objects.filter(period_id=period_id)
        .exclude(owner_count=0, below_count=0)
        .values_list(
            "period_id", "scope_id", "indicator_id", "owner_value", "owner_count", "below_value", "below_count"
        )
    }
    expected_parts = {key: (a, Decimal(b), c, Decimal(d)) for key, (a, b, c, d) in found.parts.items()}
    result.extend(
        Difference(*key, stored_parts.get(key), expected_parts.get(key), what="part")
        for key in sorted(stored_parts.keys() | expected_parts.keys())
        if stored_parts.get(key) != expected_parts.get(key)
    )
    return result
