"""One import, from the file's bytes to the outcome of every row: the code path of the web page, the task, the
command line and the benchmark.

1. ``lib/uploads.check_upload`` (name, size, real type, the workbook's archive) — the file is refused whole;
2. ``reading.read_table`` finds the heading row and the data rows (refused whole when mislabelled or too long);
3. ``rows.parse_rows`` reads each row or refuses it with its reason;
4. ``places.PlaceResolver`` resolves the addresses through the 2025 lineage (cached for the import);
5. a planner (``planners.py``) matches each row against the registries and, for a real run, writes the new
   rows in bulk — inside one transaction, with one audit event carrying the counts: every valid row or none.

A dry run stops before writing and gives the same outcomes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from hangviet.audit.log import record
from hangviet.lib.uploads import check_upload
from hangviet.orgs.models import Organisation
from hangviet.registry.importing.headings import KINDS
from hangviet.registry.importing.places import PlaceResolver
from hangviet.registry.importing.planners import PLANNERS, Outcome
from hangviet.registry.importing.reading import FileRefused, Table, read_table
from hangviet.registry.importing.rows import parse_rows

IMPORT_TYPES = frozenset({".xlsx", ".csv"})
MAX_IMPORT_BYTES = 20 * 1024 * 1024
PROGRESS_EVERY = 500
FLAGGED_SHOWN = 5000
OTHERS_SHOWN = 300

Progress = Callable[[int, int], None]


@dataclass
class ImportResult:
    """Every row's outcome, and what the list looked like."""

    kind: str
    dry_run: bool
    outcomes: list[Outcome]
    unresolved_places: int
    header_row: int
    sheet: str
    columns: dict[str, str] = field(default_factory=dict)  # field label → the heading it was read from
    unused_columns: tuple[str, ...] = ()
    skipped: int = 0

    def count(self, outcome: str) -> int:
        return sum(1 for row in self.outcomes if row.outcome == outcome)

    @property
    def created(self) -> int:
        return self.count("created")

    @property
    def matched(self) -> int:
        return self.count("matched")

    @property
    def refused(self) -> list[Outcome]:
        return [row for row in self.outcomes if row.outcome == "refused"]

    def summary(self) -> dict[str, Any]:
        """What the command line prints: every row counted once (created + matched + refused = rows)."""
        return {
            "created": self.created,
            "matched": self.matched,
            "refused": [{"row": row.row, "reason": row.note} for row in self.refused],
            "unresolved_places": self.unresolved_places,
        }

    def as_dict(self) -> dict[str, Any]:
        """For the import's page: the counts, the refused and warned rows (up to ``FLAGGED_SHOWN``), and the
        first ``OTHERS_SHOWN`` others."""
        flagged = [row for row in self.outcomes if row.outcome == "refused" or row.warnings][:FLAGGED_SHOWN]
        others = [row for row in self.outcomes if row.outcome != "refused" and not row.warnings][:OTHERS_SHOWN]
        rows = sorted([*flagged, *others], key=lambda row: row.row)
        return {
            "kind": self.kind,
            "dry_run": self.dry_run,
            "rows_total": len(self.outcomes),
            "created": self.created,
            "matched": self.matched,
            "refused": len(self.refused),
            "warned": sum(1 for row in self.outcomes if row.warnings),
            "unresolved_places": self.unresolved_places,
            "refused_rows": [[row.row, row.note] for row in self.refused],
            "header_row": self.header_row,
            "sheet": self.sheet,
            "columns": self.columns,
            "unused_columns": list(self.unused_columns),
            "skipped": self.skipped,
            "rows": [row.as_dict() for row in rows],
            "rows_shown": len(rows),
        }


def check_file(content: bytes, name: str) -> str:
    """The upload policy for a list (``lib/uploads.check_upload``); the display name, or FileRefused."""
    try:
        checked = check_upload(SimpleUploadedFile(name, content), allowed=IMPORT_TYPES, max_bytes=MAX_IMPORT_BYTES)
    except ValidationError as error:
        raise FileRefused(" ".join(error.messages)) from error
    return checked.display_name


def read_file(content: bytes, name: str, kind: str) -> Table:
    """The checked file read as a table of ``kind`` (FileRefused if it is refused whole)."""
    check_file(content, name)
    return read_table(content, name, KINDS[kind])


def import_table(
    table: Table,
    recorded_by: Organisation,
    *,
    dry_run: bool,
    acting_user: User | None,
    file_name: str = "",
    progress: Progress | None = None,
) -> ImportResult:
    """Read, resolve, match and (unless ``dry_run``) write every row of ``table`` for ``recorded_by``."""
    rows = parse_rows(table)
    resolver = PlaceResolver(recorded_by.unit)
    total = len(rows)
    for index, row in enumerate(rows):
        if not row.refused:
            address = row.address
            row.unit_id = resolver.by_key(address.unit_key) if address.unit_key else None
            if address.unit_key and row.unit_id is None:
                row.warnings.append(f"Mã đơn vị hành chính “{address.unit_key}” không có; xác định theo địa chỉ.")
            if row.unit_id is None:
                row.unit_id = resolver.resolve(address.parts, address.text)
        if progress is not None and index % PROGRESS_EVERY == 0:
            progress(index, total)
    resolver.prepare(row.unit_id for row in rows)
    planner = PLANNERS[table.spec.code](recorded_by, resolver)
    if dry_run:
        planner.plan(rows)
    else:
        with transaction.atomic():
            # One import at a time per recorder: two lists naming the same new producer make it once.
            list(Organisation.objects.select_for_update().filter(pk=recorded_by.pk).values_list("pk"))
            planner.plan(rows)
            planner.write()
            created = sum(1 for outcome in planner.outcomes if outcome.outcome == "created")
            matched = sum(1 for outcome in planner.outcomes if outcome.outcome == "matched")
            record(
                recorded_by,
                "registry.imported",
                actor=acting_user,
                kind=table.spec.code,
                file=file_name,
                rows=total,
                created=created,
                matched=matched,
                refused=total - created - matched,
                unresolved_places=planner.unresolved_places,
            )
    if progress is not None:
        progress(total, total)
    spec = table.spec
    return ImportResult(
        kind=spec.code,
        dry_run=dry_run,
        outcomes=planner.outcomes,
        unresolved_places=planner.unresolved_places,
        header_row=table.header_row,
        sheet=table.sheet,
        columns={spec.label_of(name): table.mapping.headings[column] for name, column in table.mapping.columns.items()},
        unused_columns=table.mapping.unused,
        skipped=table.skipped,
    )


def import_file(
    content: bytes,
    name: str,
    kind: str,
    recorded_by: Organisation,
    *,
    dry_run: bool,
    acting_user: User | None,
    progress: Progress | None = None,
) -> ImportResult:
    """The whole import of a file's bytes (the command line, the task and the benchmark call this)."""
    table = read_file(content, name, kind)
    return import_table(table, recorded_by, dry_run=dry_run, acting_user=acting_user, file_name=name, progress=progress)
