"""Task tables in plan documents: a header row naming the columns, then one task per row.

The header is found by its cells, read as labels (``plans.labels``): a content column ("Nội dung công việc",
"Nhiệm vụ") and a lead column ("Đơn vị chủ trì", "Cơ quan thực hiện", "Phân công") make a task table; the time
("Thời gian thực hiện"), coordinating ("Đơn vị phối hợp") and output ("Sản phẩm") columns are optional, the number
column is "STT"/"TT". A row with neither lead nor time is a group heading ("1 | Công tác tuyên truyền", merged
across the columns, or "II | XÚC TIẾN THƯƠNG MẠI"): it is no task; its number goes into the refs of the rows
below it ("1.1" → "II.1.1"; a Roman group "I" of a table in part II → "II.I.1"). A lead cell naming several
units ("Phòng Quản lý thương mại, Liên đoàn Lao động tỉnh", "X chủ trì; Y phối hợp") gives one lead and
coordinating units. A header on two rows (a merged "Đơn vị thực hiện" over "Chủ trì" / "Phối hợp") is read
row after row, the second refining the first. A row numbered under a task row ("1.1" under "1 | … | Sở Công
Thương") belongs to it and takes its lead when it names none.
"""

from __future__ import annotations

import re

from hangviet.lib.text import fold_diacritics
from hangviet.lib.timewindows import parse_windows
from hangviet.plans.labels import label_field, lead_and_coordinating, split_units
from hangviet.plans.parsed import ParsedTask
from hangviet.plans.reading import Line

ROMAN_CELL = re.compile(r"^[IVX]{1,4}\.?$")
NUMBER_CELL = re.compile(r"^\d{1,2}(?:\.\d{1,2}){0,3}\.?$")
REF_HEADINGS = ("stt", "tt", "so tt", "so thu tu", "muc")


def _columns(cells: list[str]) -> dict[str, int] | None:
    """Which column holds what, when ``cells`` is a task table's header (a row whose time cell names a time is a
    task, however its other cells read)."""
    columns: dict[str, int] = {}
    for index, cell in enumerate(cells):
        folded = " ".join(re.sub(r"[^\w]+", " ", fold_diacritics(cell)).split())
        if folded in REF_HEADINGS:
            columns.setdefault("ref", index)
            continue
        kind = label_field(cell)
        if kind and kind != "other":
            columns.setdefault(kind, index)
    if "when" in columns and parse_windows(cells[columns["when"]]):
        return None
    return columns if "content" in columns and "lead" in columns else None


def _cells(columns: dict[str, int], cells: list[str]) -> dict[str, str]:
    return {kind: cells[index].strip() if index < len(cells) else "" for kind, index in columns.items()}


def table_tasks(part: str, section: str, lines: list[Line], year: int | None) -> list[ParsedTask]:
    """The tasks of the task tables among ``lines`` (rows of other tables are left alone)."""
    tasks: list[ParsedTask] = []
    by_ref: dict[str, ParsedTask] = {}
    columns: dict[str, int] | None = None
    current_part, group, table, number = part, "", -1, 0
    for line in lines:
        if not line.is_row:
            continue
        if line.table != table:
            table, columns = line.table, None
        found = _columns(line.cells)
        if found:
            columns, current_part, group, number = found, part, "", 0
            continue
        if columns is None:
            continue
        row = _cells(columns, line.cells)
        content, ref, lead_text, when = row["content"], row.get("ref", "").rstrip("."), row["lead"], row.get("when", "")
        if not content:
            continue
        if lead_text == content or not (lead_text or when):  # a group heading, often merged across the row
            if ROMAN_CELL.match(ref):  # the table's own groups, inside the part: "II.I.1"
                current_part, group = (f"{part}.{ref}" if part else ref), ""
            else:
                group = ref
            number = 0
            continue
        number += 1
        if not NUMBER_CELL.match(ref + "."):
            ref = f"{group}.{number}" if group else str(number)
        lead, coordinating = lead_and_coordinating(lead_text)
        full_ref = f"{current_part}.{ref}" if current_part else ref
        holder = by_ref.get(full_ref.rsplit(".", 1)[0]) if "." in ref else None  # "1.1" under task row "1"
        if holder is not None and not lead:
            lead, coordinating = holder.lead, list(holder.coordinating)
        tasks.append(
            ParsedTask(
                full_ref,
                content,
                section,
                lead=lead,
                coordinating=coordinating + split_units(row.get("coordinating", "")),
                when_text=when,
                windows=parse_windows(when, default_year=year) or (parse_windows(f"năm {year}") if year else []),
                output=row.get("output", ""),
                parent=holder.ref if holder is not None else None,
            )
        )
        by_ref[full_ref] = tasks[-1]
    return tasks
