"""Reading a Kế hoạch into its parts and tasks, whatever its exact layout.

Plans differ between provinces, so the parser relies on what they share rather than on one layout:
- Roman-numbered parts ("III. PHÂN CÔNG TRÁCH NHIỆM") holding numbered items ("3. Sở Công Thương");
- a part whose items are mostly named after organisations assigns each item to that organisation;
- labelled lines give a task's fields: "Đơn vị chủ trì/thực hiện/tham mưu:", "Phối hợp:", "Thời gian:",
  "Nội dung (và thời gian):", "Sản phẩm:";
- "+" bullets under "Nội dung và thời gian" are tasks of their own, with the time after the last colon;
- tables whose header names a lead unit ("chủ trì", "thực hiện") give one task per row;
- time windows are read by ``hangviet.lib.timewindows``; a task without one takes the plan year.
Purpose, requirements and focus contents are kept as text. Nothing here touches the database: matching
names to organisations is ``match_plan``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from hangviet.lib.text import fold_diacritics
from hangviet.lib.timewindows import Window, parse_windows
from hangviet.plans.reading import Line

ROMAN = re.compile(r"^(?P<num>[IVX]{1,4})\s*[.:/-]\s*(?P<title>\S.*)$")
ITEM = re.compile(r"^(?P<num>\d{1,2})\s*[.)/]\s*(?P<title>\S.*)$")
SUBITEM = re.compile(r"^(?P<num>\d{1,2}\.\d{1,2})\.?\s+(?P<title>\S.*)$")
BULLET = re.compile(r"^(?P<mark>[-–•+*])\s*(?P<text>\S.*)$")
LABEL = re.compile(
    r"^[-–•+*]?\s*(?P<key>nội dung(?: và thời gian)?|đơn vị (?:chủ trì|thực hiện|tham mưu|phụ trách)|"
    r"cơ quan (?:chủ trì|thực hiện|tham mưu)|(?:đơn vị |cơ quan )?phối hợp|thời gian(?: thực hiện| hoàn thành)?|"
    r"kinh phí(?: thực hiện)?|sản phẩm|kết quả(?: đầu ra)?)\s*:\s*(?P<value>.*)$",
    re.IGNORECASE,
)
NUMBER = re.compile(r"^Số\s*:?\s*(?P<value>\d+\s*/\s*KH[\w\-/.ĐđỦủ]*)")
YEAR = re.compile(r"\bnăm (?P<year>20\d\d)\b", re.IGNORECASE)
CITED = re.compile(
    r"(?P<kind>Chỉ thị|Kế hoạch|Thông báo|Quyết định|Nghị quyết|Công văn)\s+(?:số\s+)?"
    r"(?P<number>\d+[\w\-/ĐđƯư.]*[A-Za-zĐđ][\w\-/ĐđƯư]*)",
    re.IGNORECASE,
)
DEADLINE = re.compile(r"trước ngày\s*(?P<day>\d{1,2})\s*/\s*(?P<month>\d{1,2})\s*/\s*(?P<year>\d{4})", re.IGNORECASE)
TASK_PARTS = ("phan cong", "nhiem vu", "hoat dong", "giai phap", "trach nhiem", "noi dung thuc hien", "cong viec")
SKIP_PARTS = ("muc dich", "yeu cau", "to chuc thuc hien", "can cu", "kinh phi")


@dataclass
class ParsedTask:
    ref: str
    content: str
    section: str
    lead: str = ""
    coordinating: str = ""
    when_text: str = ""
    windows: list[Window] = field(default_factory=list)
    output: str = ""


@dataclass
class ParsedPlan:
    title: str = ""
    year: int | None = None
    number_symbol: str = ""
    legal_basis_lines: list[str] = field(default_factory=list)
    cited: list[tuple[str, str]] = field(default_factory=list)
    purpose: str = ""
    requirements: str = ""
    focus: str = ""
    tasks: list[ParsedTask] = field(default_factory=list)
    report_deadline: str = ""  # "2024-12-10" when the plan sets one ("Trước ngày 10/12/2024 ... báo cáo")


@dataclass
class _Item:
    num: str
    title: str
    lines: list[Line] = field(default_factory=list)


@dataclass
class _Part:
    num: str
    title: str
    preamble: list[Line] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)

    def body_lines(self) -> list[Line]:
        return [*self.preamble, *(line for item in self.items for line in item.lines)]


def _split_parts(lines: list[Line]) -> tuple[list[Line], list[_Part]]:
    head: list[Line] = []
    parts: list[_Part] = []
    for line in lines:
        roman = None if line.is_row else ROMAN.match(line.text)
        if roman and (roman["title"].upper() == roman["title"] or len(roman["title"]) < 90):
            parts.append(_Part(roman["num"], roman["title"].rstrip(":")))
            continue
        if not parts:
            head.append(line)
            continue
        item = None if line.is_row else ITEM.match(line.text)
        if item and not SUBITEM.match(line.text):
            parts[-1].items.append(_Item(item["num"], item["title"]))
        elif parts[-1].items:
            parts[-1].items[-1].lines.append(line)
        else:
            parts[-1].preamble.append(line)
    return head, parts


def parse_plan(
    lines: list[Line], *, is_organisation: Callable[[str], bool], default_year: int | None = None
) -> ParsedPlan:
    """Read a plan's lines. ``is_organisation(name)`` tells whether a name is a known organisation; it decides
    which parts assign work by organisation."""
    plan = ParsedPlan()
    head, parts = _split_parts(lines)
    _read_head(plan, head, lines, default_year)
    for part in parts:
        folded = fold_diacritics(part.title)
        text = "\n".join(line.text for line in part.body_lines())
        if "muc dich" in folded or "yeu cau" in folded:
            plan.purpose, plan.requirements = _purpose_and_requirements(part)
            continue
        if "to chuc thuc hien" in folded:
            _find_deadline(plan, part)
            continue
        tasks = _tasks_of(part, plan.year, is_organisation)
        if tasks:
            plan.tasks.extend(tasks)
        elif not any(skip in folded for skip in SKIP_PARTS):
            plan.focus += (
                f"{part.num}. {part.title}\n"
                + "\n".join(
                    f"{item.num}. {item.title}\n" + "\n".join(line.text for line in item.lines) for item in part.items
                )
                + ("\n" if part.items else text)
            ).strip() + "\n\n"
    plan.focus = plan.focus.strip()
    return plan


def _read_head(plan: ParsedPlan, head: list[Line], lines: list[Line], default_year: int | None) -> None:
    texts = [line.text for line in head]
    for index, text in enumerate(texts):
        if fold_diacritics(text) == "ke hoach" and index + 1 < len(texts):
            plan.title = texts[index + 1]
        if number := NUMBER.search(text):
            plan.number_symbol = re.sub(r"\s+", "", number["value"])
        if text.startswith("Căn cứ"):
            plan.legal_basis_lines.append(text)
            plan.cited.extend((m["kind"].capitalize(), m["number"].rstrip(".,;")) for m in CITED.finditer(text))
    years = [int(m["year"]) for m in YEAR.finditer(plan.title)] or [
        int(m["year"]) for line in lines[:40] for m in YEAR.finditer(line.text)
    ]
    plan.year = years[0] if years else default_year
    if not plan.title:
        plan.title = next((t for t in texts if len(t) > 30 and not t.startswith("Căn cứ")), "Kế hoạch")


def _purpose_and_requirements(part: _Part) -> tuple[str, str]:
    purpose: list[str] = []
    requirements: list[str] = []
    for item in part.items:
        folded = fold_diacritics(item.title)
        current = requirements if "yeu cau" in folded else purpose
        current.extend(line.text for line in item.lines)
    if not part.items:
        purpose = [line.text for line in part.preamble]
    return "\n".join(purpose), "\n".join(requirements)


def _find_deadline(plan: ParsedPlan, part: _Part) -> None:
    texts = [line.text for line in part.preamble]
    for item in part.items:
        texts.extend([item.title, *(line.text for line in item.lines)])
    for text in texts:
        match = DEADLINE.search(text)
        if match and "bao cao" in fold_diacritics(text):
            plan.report_deadline = f"{match['year']}-{int(match['month']):02d}-{int(match['day']):02d}"
            return


def _label(line: Line) -> tuple[str, str] | None:
    match = None if line.is_row else LABEL.match(line.text)
    if not match:
        return None
    key = fold_diacritics(match["key"])
    if key.startswith("thoi gian"):
        kind = "when"
    elif "phoi hop" in key:
        kind = "coordinating"
    elif key.startswith(("don vi", "co quan")):
        kind = "lead"
    elif key.startswith("noi dung"):
        kind = "content"
    elif key.startswith(("san pham", "ket qua")):
        kind = "output"
    else:
        kind = "other"
    return kind, match["value"].strip()


def _tasks_of(part: _Part, year: int | None, is_organisation: Callable[[str], bool]) -> list[ParsedTask]:
    rows = [line for line in part.body_lines() if line.is_row]
    if rows:
        from_table = _table_tasks(part, rows, year)
        if from_table:
            return from_table
    heads = [_assignee(item.title) for item in part.items]
    by_organisation = part.items and sum(is_organisation(name) for name in heads) * 2 >= len(part.items)
    tasks: list[ParsedTask] = []
    for item, assignee in zip(part.items, heads, strict=True):
        ref = f"{part.num}.{item.num}"
        if by_organisation:
            tasks.append(_assigned_task(part, item, assignee, ref, year))
        else:
            tasks.extend(_labelled_tasks(part, item, ref, year))
    return tasks


def _assignee(title: str) -> str:
    """ "Sở Công Thương thành phố" from "3. Sở Công Thương thành phố" or "15. Các cơ quan khác: Căn cứ ..."."""
    name = title.split(":")[0].strip()
    return name.split(",")[0].strip() if len(name) > 60 else name


def _assigned_task(part: _Part, item: _Item, assignee: str, ref: str, year: int | None) -> ParsedTask:
    """All the work given to one organisation. Its time is what the text states as time ("Thời gian: ...",
    or a time after the last colon of a line); dates inside the text cite other documents and are not read."""
    rest = item.title.split(":", 1)[1].strip() if ":" in item.title else ""
    texts, whens, coordinating = [], [], ""
    for line in item.lines:
        if line.is_row:
            continue
        labelled = _label(line)
        if labelled and labelled[0] == "when":
            whens.append(labelled[1])
            continue
        if labelled and labelled[0] == "coordinating":
            coordinating = labelled[1]
            continue
        bullet = BULLET.match(line.text)
        text, when = _content_and_time(bullet["text"] if bullet else line.text)
        texts.append(text)
        if when:
            whens.append(when)
    content = "\n".join(text for text in [rest, *texts] if text)
    windows = [w for when in whens for w in parse_windows(when, default_year=year)]
    when_text = "; ".join(whens)
    if not windows and year:
        windows, when_text = _year(year), f"Trong năm {year}"
    return ParsedTask(
        ref,
        content or assignee,
        part.title,
        lead=assignee,
        coordinating=coordinating,
        when_text=when_text,
        windows=windows,
    )


def _labelled_tasks(part: _Part, item: _Item, ref: str, year: int | None) -> list[ParsedTask]:
    fields: dict[str, str] = {}
    plus_lines: list[str] = []
    prose: list[str] = []
    for line in item.lines:
        labelled = _label(line)
        if labelled:
            kind, value = labelled
            fields[kind] = f"{fields[kind]}; {value}" if kind in fields and value else value or fields.get(kind, "")
            continue
        bullet = BULLET.match(line.text)
        if bullet and bullet["mark"] == "+":
            plus_lines.append(bullet["text"])
        elif not line.is_row:
            prose.append(bullet["text"] if bullet else line.text)
    if not fields and not plus_lines:
        return []
    lead, coordinating = _split_lead(fields.get("lead", ""))
    coordinating = "; ".join(x for x in (coordinating, fields.get("coordinating", "")) if x)
    if plus_lines:
        tasks = []
        for number, text in enumerate(plus_lines, start=1):
            content, when = _content_and_time(text)
            windows = parse_windows(when or fields.get("when", ""), default_year=year) or _year(year)
            tasks.append(
                ParsedTask(
                    f"{ref}.{number}",
                    content,
                    part.title,
                    lead,
                    coordinating,
                    when or fields.get("when", ""),
                    windows,
                    fields.get("output", ""),
                )
            )
        return tasks
    content = " ".join(x for x in (item.title.rstrip(":"), fields.get("content", ""), *prose) if x)
    when = fields.get("when", "")
    windows = parse_windows(when, default_year=year) or parse_windows(content, default_year=None) or _year(year)
    return [ParsedTask(ref, content, part.title, lead, coordinating, when, windows, fields.get("output", ""))]


def _year(year: int | None) -> list[Window]:
    return parse_windows(f"năm {year}") if year else []


def _split_lead(text: str) -> tuple[str, str]:
    """ "Tổ giúp việc ... phối hợp cùng các đơn vị có liên quan." → (lead, coordinating)."""
    match = re.search(r"\s+(?:chủ trì,\s*)?phối hợp(?:\s+(?:với|cùng))?\s+", text, re.IGNORECASE)
    if not match:
        return text.rstrip(". "), ""
    return text[: match.start()].rstrip(", "), text[match.end() :].rstrip(". ")


def _content_and_time(text: str) -> tuple[str, str]:
    """ "Hội nghị quán triệt ...: Quý III/2024." → ("Hội nghị quán triệt ...", "Quý III/2024")."""
    if ":" in text:
        before, after = text.rsplit(":", 1)
        if parse_windows(after):
            return before.strip(), after.strip(" .")
    return text.strip(" ."), ""


def _table_tasks(part: _Part, rows: list[Line], year: int | None) -> list[ParsedTask]:
    header = [fold_diacritics(cell) for cell in rows[0].cells]

    def column(*words: str) -> int | None:
        return next((i for i, cell in enumerate(header) if any(word in cell for word in words)), None)

    lead_col = column("chu tri", "thuc hien", "don vi")
    content_col = column("noi dung", "nhiem vu", "hoat dong")
    if lead_col is None or content_col is None:
        return []
    ref_col, with_col, when_col, out_col = (
        column("stt", "tt"),
        column("phoi hop"),
        column("thoi gian"),
        column("san pham", "ket qua"),
    )
    tasks = []
    for number, row in enumerate(rows[1:], start=1):
        cells = row.cells + [""] * len(header)
        if not cells[content_col]:
            continue
        when = cells[when_col] if when_col is not None else ""
        ref = cells[ref_col] if ref_col is not None and cells[ref_col] else str(number)
        tasks.append(
            ParsedTask(
                f"{part.num}.{ref}",
                cells[content_col],
                part.title,
                cells[lead_col],
                cells[with_col] if with_col is not None else "",
                when,
                parse_windows(when, default_year=year) or _year(year),
                cells[out_col] if out_col is not None else "",
            )
        )
    return tasks
