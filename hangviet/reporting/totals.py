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
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db import connection, transaction

from hangviet.orgs.models import Organisation, OrganisationSuccession
from hangviet.orgs.policy import list_overseer_ids, list_subtree_ids
from hangviet.periods.models import Period
from hangviet.reporting.models import Report, ReportCount, ReportValue, Total

Key = tuple[int, int, int]  # (period, organisation, indicator)


def nodes_of(organisation_id: int) -> list[int]:
    """The reporter and every organisation whose total counts its reports, in id order."""
    organisation = Organisation(pk=organisation_id)
    return sorted({organisation_id, *list_overseer_ids(organisation)})


def _upsert(report: Report, sign: int) -> None:
    values = list(
        ReportValue.objects.filter(report=report).order_by("indicator_id").values_list("indicator_id", "value")
    )
    nodes = nodes_of(report.organisation_id)
    total, counts = Total._meta.db_table, ReportCount._meta.db_table
    with connection.cursor() as cursor:
        if values:
            rows = [
                (report.period_id, node, indicator, sign * value, sign) for node in nodes for indicator, value in values
            ]
            placeholders = ", ".join(["(%s, %s, %s, %s, %s)"] * len(rows))
            cursor.execute(
                f"INSERT INTO {total} (period_id, organisation_id, indicator_id, value, count) "  # noqa: S608
                f"VALUES {placeholders} ON CONFLICT (period_id, organisation_id, indicator_id) DO UPDATE SET "
                f"value = {total}.value + excluded.value, count = {total}.count + excluded.count",
                [part for row in rows for part in row],
            )
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


@dataclass
class Recomputed:
    sums: dict[Key, Decimal]
    counts: dict[Key, int]
    reports: dict[tuple[int, int], int]


def recompute(period_ids: Iterable[int] | None = None) -> Recomputed:
    """The totals as the accepted values give them now (for ``rebuild`` and ``differences``)."""
    ancestors = ancestor_map()
    accepted = Report.objects.filter(status=Report.Status.ACCEPTED)
    if period_ids is not None:
        accepted = accepted.filter(period_id__in=list(period_ids))
    reports: dict[tuple[int, int], int] = defaultdict(int)
    for period_id, organisation_id in accepted.values_list("period_id", "organisation_id").iterator(chunk_size=20_000):
        for node in ancestors[organisation_id]:
            reports[(period_id, node)] += 1
    sums: dict[Key, Decimal] = defaultdict(Decimal)
    counts: dict[Key, int] = defaultdict(int)
    values = ReportValue.objects.filter(report__in=accepted).values_list(
        "report__period_id", "report__organisation_id", "indicator_id", "value"
    )
    for period_id, organisation_id, indicator_id, value in values.iterator(chunk_size=20_000):
        for node in ancestors[organisation_id]:
            key = (period_id, node, indicator_id)
            sums[key] += value
            counts[key] += 1
    return Recomputed(dict(sums), dict(counts), dict(reports))


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
    pairs = [
        (organisation, node)
        for organisation, above in ancestor_map().items()
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
    return written


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
    stored: tuple[Decimal, int] | None
    expected: tuple[Decimal, int] | None


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
                )
            )
    return result
