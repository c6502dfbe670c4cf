"""Reading a Kế hoạch into its parts and tasks, whatever its layout.

Plans differ between provinces, so the reader relies on what they share rather than on one layout:

- Roman-numbered parts ("III. PHÂN CÔNG TRÁCH NHIỆM"; a plan without them: upper-case numbered headings) hold
  numbered items ("1.", "1.1.", "1.1.1", "a)"), each holding the lines up to the next; an item's number places it
  under its parent ("1.2" under "1", "b)" under the item before it). Refs keep the document's numbering: "II.3.1",
  "II.1.a".
- Siblings headed mostly by organisations ("3. Sở Công Thương:", or unnumbered "- Hội Nông dân xã: …" lines)
  assign work by organisation: one task per organisation, also in a "Tổ chức thực hiện" part (``plans.items``).
- Elsewhere an item is a task when it has a lead unit or a time of its own: labelled fields, written any of the
  ways ``plans.labels`` knows, a trailing parenthesis "(Ban Tuyên giáo chủ trì; thời gian: Quý I)", "giao Ban …
  theo dõi", the times of its activities ("+ Hội nghị …: Quý II/2024."). A group item with neither ("1. Công tác
  tuyên truyền" holding 1.1, 1.2) is no task; its sub-items are, taking its lead and time when they have none,
  and a task inside another task links to it (``ParsedTask.parent``).
- "+" activities are the content of their item and their times its windows; a field after them applies to the
  item. Only when each activity names its own lead unit is each one a task.
- Tables whose header names a content and a lead column give one task per row (``plans.tables``).
- Times are read by ``hangviet.lib.timewindows``; a task without one takes the plan year.

Purpose, requirements and focus contents are kept as text. Nothing here touches the database: matching names to
organisations is ``plans.actions.read_plan``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from hangviet.lib.text import fold_diacritics
from hangviet.plans.items import ItemReader, Node
from hangviet.plans.labels import looks_like_organisation
from hangviet.plans.parsed import ParsedPlan, ParsedTask
from hangviet.plans.reading import Line
from hangviet.plans.tables import table_tasks

__all__ = ["ParsedPlan", "ParsedTask", "parse_plan"]

ROMAN = re.compile(r"^(?:PHẦN\s+|Phần\s+)?(?P<num>[IVX]{1,4})\s*[.:/-]\s*(?P<title>\S.*)$")
ITEM = re.compile(r"^(?P<num>\d{1,2})\s*[.)/]\s*(?P<title>[^\d\s].*)$")
SUBITEM = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){1,3})[.)]?\s+(?P<title>\S.*)$")
LETTER = re.compile(r"^(?P<num>[a-zđ])\s*(?:[)/]|\.(?=\s+[A-ZĐÂĂÊÔƠƯ]))\s*(?P<title>\S.*)$")
NUMBER = re.compile(r"^Số\s*:?\s*(?P<value>\d+\s*/\s*KH[\w\-/.ĐđỦủ]*)")
YEAR = re.compile(r"\bnăm (?P<year>20\d\d)\b", re.IGNORECASE)
CITED = re.compile(
    r"(?P<kind>Chỉ thị|Kế hoạch|Thông báo|Quyết định|Nghị quyết|Công văn)\s+(?:số\s+)?"
    r"(?P<number>\d+[\w\-/ĐđƯư.]*[A-Za-zĐđ][\w\-/ĐđƯư]*)",
    re.IGNORECASE,
)
DEADLINE = re.compile(r"trước ngày\s*(?P<day>\d{1,2})\s*/\s*(?P<month>\d{1,2})\s*/\s*(?P<year>\d{4})", re.IGNORECASE)
#: Parts kept as text: purpose and requirements, legal bases, budget.
SKIP_PARTS = ("muc dich", "yeu cau", "can cu", "kinh phi")
#: Parts about carrying the plan out: tasks only when they assign work by organisation; the report deadline.
ADMIN_PARTS = ("to chuc thuc hien", "che do bao cao", "che do thong tin", "thong tin bao cao")


class _Part:
    def __init__(self, num: str, title: str) -> None:
        self.num, self.title = num, title
        self.root = Node(num, "", title)
        self.index: dict[str, Node] = {}  # decimal number → item
        self.letter_parent: dict[str, Node] = {}  # a lettered item's ref → the item it belongs to
        self.last: Node | None = None

    @property
    def items(self) -> list[Node]:
        return self.root.children

    def body_lines(self) -> list[Line]:
        lines = list(self.root.lines)
        stack = list(reversed(self.root.children))
        while stack:
            node = stack.pop()
            lines.extend(node.lines)
            stack.extend(reversed(node.children))
        return lines

    def add(self, number: str, title: str) -> None:
        """Files a numbered line under its parent: "1.2" under "1", "b" under the item before it."""
        if number.isalpha():
            parent = self.last or self.root
            if parent.number.isalpha():
                parent = self.letter_parent.get(parent.ref, self.root)
            node = Node(f"{parent.ref}.{number}", number, title)
            self.letter_parent[node.ref] = parent
        else:
            parent = self.index.get(number.rsplit(".", 1)[0], self.root) if "." in number else self.root
            node = Node(f"{self.num}.{number}", number, title)
            self.index[number] = node
        parent.children.append(node)
        self.last = node

    def add_line(self, line: Line) -> None:
        (self.last or self.root).lines.append(line)


def _numbered(line: Line) -> tuple[str, str] | None:
    if line.is_row:
        return None
    for pattern in (SUBITEM, ITEM, LETTER):
        match = pattern.match(line.text)
        if match:
            return match["num"], match["title"]
    return None


_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50}


def _roman_value(numeral: str) -> int:
    values = [_ROMAN_VALUES.get(char, 0) for char in numeral.upper()]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def _as_roman(value: int) -> str:
    pairs = ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for amount, numeral in pairs:
        while value >= amount:
            out, value = out + numeral, value - amount
    return out


def _next_number(number: str, before: list[str]) -> str:
    """A part numbered again, or back ("III. TỔ CHỨC THỰC HIỆN" after "IV.", as the real Cần Thơ plan does), takes
    the number after the last part, so that every task's ref names one place in the document."""
    if not before or not number.isalpha() or not before[-1].isalpha():
        return number
    last = _roman_value(before[-1])
    return number if _roman_value(number) > last or last == 0 else _as_roman(last + 1)


def _part_heading(line: Line, *, roman: bool) -> tuple[str, str] | None:
    if line.is_row:
        return None
    if roman:
        match = ROMAN.match(line.text)
        if match and (match["title"].upper() == match["title"] or len(match["title"]) < 90):
            return match["num"], match["title"].rstrip(":")
        return None
    match = ITEM.match(line.text)  # "2. NỘI DUNG THỰC HIỆN" in a plan without Roman parts
    if match and match["title"].upper() == match["title"] and len(match["title"].split()) >= 2:
        return match["num"], match["title"].rstrip(":")
    return None


def _split_parts(lines: list[Line]) -> tuple[list[Line], list[_Part]]:
    """The head (up to the first part) and the parts. The closing block ("Trên đây là Kế hoạch …", "Nơi nhận:",
    the signature) is left out up to an annex ("PHỤ LỤC") or a table, which belong to the last part."""
    roman = any(_part_heading(line, roman=True) for line in lines)
    head: list[Line] = []
    parts: list[_Part] = []
    closing = False
    for line in lines:
        folded = fold_diacritics(line.text)
        if not line.is_row and parts and folded.startswith(("noi nhan", "tren day la ke hoach")):
            closing = True
        elif closing and (line.is_row or folded.startswith("phu luc")):
            closing = False
        if closing:
            continue
        heading = _part_heading(line, roman=roman)
        if heading:
            parts.append(_Part(_next_number(heading[0], [part.num for part in parts]), heading[1]))
        elif not parts:
            head.append(line)
        elif numbered := _numbered(line):
            parts[-1].add(*numbered)
        else:
            parts[-1].add_line(line)
    return head, parts


def parse_plan(
    lines: list[Line], *, is_organisation: Callable[[str], bool] | None = None, default_year: int | None = None
) -> ParsedPlan:
    """Read a plan's lines. ``is_organisation(name)`` tells whether a name is a known organisation (the
    committee's own agencies); names that read as organisations (``plans.labels``) count as well."""
    known = is_organisation or (lambda _name: False)
    plan = ParsedPlan()
    head, parts = _split_parts(lines)
    _read_head(plan, head, lines, default_year)
    reader = ItemReader(plan.year, lambda name: looks_like_organisation(name) or known(name))
    plan.tasks.extend(table_tasks("", "", head, plan.year))  # a plan that is only a table
    for part in parts:
        folded = fold_diacritics(part.title)
        if "muc dich" in folded or "yeu cau" in folded:
            plan.purpose, plan.requirements = _purpose_and_requirements(part)
            continue
        if any(skip in folded for skip in SKIP_PARTS):
            continue
        admin = any(word in folded for word in ADMIN_PARTS)
        if admin:
            _find_deadline(plan, part)
        tasks = table_tasks(part.num, part.title, part.body_lines(), plan.year)
        tasks += reader.tasks(part.title, part.root, assigned_only=admin)
        plan.tasks.extend(tasks)
        if not tasks and not admin:
            plan.focus += _as_text(part) + "\n\n"
    plan.focus = plan.focus.strip()
    return plan


def _as_text(part: _Part) -> str:
    def node_text(node: Node) -> list[str]:
        texts = [f"{node.number}. {node.title}", *(line.text for line in node.lines if not line.is_row)]
        return [*texts, *(text for child in node.children for text in node_text(child))]

    body = [line.text for line in part.root.lines if not line.is_row]
    return "\n".join([f"{part.num}. {part.title}", *body, *(t for item in part.items for t in node_text(item))])


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
        purpose = [line.text for line in part.root.lines]
    return "\n".join(purpose), "\n".join(requirements)


def _find_deadline(plan: ParsedPlan, part: _Part) -> None:
    texts = [line.text for line in part.root.lines]
    for item in part.items:
        texts.extend([item.title, *(line.text for line in item.lines)])
    for text in texts:
        match = DEADLINE.search(text)
        if match and "bao cao" in fold_diacritics(text):
            plan.report_deadline = f"{match['year']}-{int(match['month']):02d}-{int(match['day']):02d}"
            return
