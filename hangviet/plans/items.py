"""The tasks of a plan part's numbered items (see ``plans.importer`` for the whole picture).

An item is read into ``Fields``: its labelled fields (``plans.labels``), the fields of a trailing parenthesis,
the lead unit its text names ("Sở Công Thương chủ trì …", "giao Ban … theo dõi"), its times and its activities
("+" lines, or "-" lines after an empty "Nội dung:" label). Then:

- siblings headed mostly by organisations assign work: one task per organisation (``_assigned``), its numbered
  sub-items with their own time or lead being sub-tasks;
- any other item is a task when it has a lead or a time of its own (``_labelled``); a group item without either is
  not, and its sub-items are read the same way, taking its lead and time when they have none;
- activities are content; only when each names its own lead is each one a task.

Times met in prose count only when a preposition introduces them ("vào tháng 3/2026", "hoàn thành trước ngày …")
and they touch the plan year: dates of cited documents ("Quyết định … ngày 17/3/2021") are not a task's time.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from hangviet.lib.timewindows import Window, parse_windows
from hangviet.plans.labels import (
    ASSIGNING_WORDS,
    MAX_NAME_WORDS,
    label_field,
    lead_and_coordinating,
    split_fields,
    split_units,
)
from hangviet.plans.parsed import ParsedTask
from hangviet.plans.reading import Line

BULLET = re.compile(r"^(?P<mark>[-–•+*])\s*(?P<text>\S.*)$")
#: Words that introduce a time inside a sentence ("tổ chức vào tháng 3/2026", "hoàn thành trước ngày 30/9").
TIME_PREPOSITION = re.compile(
    r"(?<!\w)(?:vào|trong|trước|chậm nhất|từ|dự kiến|hoàn thành)\s+(?=(?:ngày|tháng|qu[ýí]|năm|trước)\b|\d)",
    re.IGNORECASE,
)
_TIME_STOP = re.compile(r"[,;(]|\.(?!\d)|\s+và\s+(?!(?:tháng|qu[ýí]|ngày|năm|\d))", re.IGNORECASE)
#: A parenthesis or a clause after the last colon of at most this many words that names a time is the item's
#: time ("(hoàn thành trước ngày 30/9/2026)", "…: Quý II/2024"); a longer one cites something ("(theo Quyết định số
#: 386/QĐ-TTg ngày 17/3/2021 của Thủ tướng Chính phủ)").
MAX_TIME_WORDS = 7
_TRAILING_PARENTHESIS = re.compile(r"\s*\((?P<inside>[^()]*)\)\s*[.;,]?\s*$")
_INNER_PARENTHESIS = re.compile(r"\((?P<inside>[^()]*)\)")
_GIVEN_TO = re.compile(
    r"\bgiao\s+(?:cho\s+)?(?P<unit>[^,;.()]+?)\s+(?:chủ trì|thực hiện|theo dõi|tham mưu|phụ trách|hướng dẫn|"
    r"tổ chức|triển khai|là đầu mối)\b",
    re.IGNORECASE,
)
_LEADS_FIRST = re.compile(r"^(?P<unit>[^,;.():]+?)\s+chủ trì\b", re.IGNORECASE)
#: Verbs after which the organisation that starts an item's title is its lead ("Sở Công Thương phối hợp với …
#: tổ chức …").
_ACTS_FIRST = re.compile(
    r"^(?P<unit>[^;.():]+?)\s+(?:chủ trì|phối hợp|thực hiện|tổ chức|triển khai|tham mưu|hướng dẫn|xây dựng|chỉ đạo|"
    r"định hướng|tuyên truyền|vận động|tăng cường|đẩy mạnh|tiếp tục|kiểm tra|giám sát|theo dõi|tổng hợp|hỗ trợ|"
    r"bố trí|rà soát|khảo sát|duy trì|lồng ghép|phát động|biểu dương|có trách nhiệm|là)\b",
    re.IGNORECASE,
)
#: Verbs after the organisations a sentence of "Tổ chức thực hiện" starts with ("Các thành viên Ban Chỉ đạo tỉnh căn
#: cứ Kế hoạch này xây dựng …", "Ban Chỉ đạo các huyện và các thành viên Ban Chỉ đạo tỉnh báo cáo …"); "chỉ đạo" and
#: "vận động" after "Ban" and "Cuộc" belong to a name.
_SENTENCE_VERB = re.compile(
    r"\s(?:căn cứ|báo cáo|gửi|chủ trì|phối hợp|thực hiện|tổ chức|triển khai|tham mưu|hướng dẫn|xây dựng|chỉ đạo|"
    r"vận động|theo dõi|tổng hợp|kiểm tra|giám sát|đôn đốc|giúp|có trách nhiệm)\b",
    re.IGNORECASE,
)
_IN_NAME_BEFORE = re.compile(r"\b(?:ban|cuộc)$", re.IGNORECASE)
#: An opening clause before the request ("Quá trình tổ chức thực hiện, đề nghị các đồng chí …") and an adverb
#: before the verb ("… Đảng ủy trực thuộc Thành ủy thường xuyên báo cáo").
_OPENING_CLAUSE = re.compile(r"^[^,]{3,60},\s*(?=(?:giao|đề nghị)\s)", re.IGNORECASE)
_ADVERB_TAIL = re.compile(r"\s+(?:thường xuyên|chủ động|tích cực|kịp thời)$", re.IGNORECASE)
#: Where the units of a sentence that assigns work end: "Sở A chủ trì, phối hợp với Sở B tổ chức …".
_INNER_TASK = re.compile(r"\s+(?:tổ chức|triển khai|thực hiện|xây dựng|hướng dẫn|kiểm tra)\b", re.IGNORECASE)
_NAMED = re.compile(r"^(?P<name>[^:]{2,160}?)\s*:\s*(?P<rest>.*)$")
_PENDING = ("lead", "coordinating", "when", "output")


@dataclass
class Node:
    """A numbered item of a part ("1.", "1.1.", "a)") with the lines up to the next one and its sub-items."""

    ref: str
    number: str
    title: str
    lines: list[Line] = field(default_factory=list)
    children: list[Node] = field(default_factory=list)


@dataclass
class Activity:
    text: str
    lead: str = ""  # the lead text the activity names, if any
    times: list[str] = field(default_factory=list)


@dataclass
class Fields:
    """What an item's own text says: its content, lead, coordinating units, times and output."""

    content: list[str] = field(default_factory=list)
    lead: str = ""
    coordinating: list[str] = field(default_factory=list)
    whens: list[str] = field(default_factory=list)  # labelled times ("Thời gian: …"), which win
    stated: list[str] = field(default_factory=list)  # times after activities, in parentheses, in prose
    output: str = ""
    activities: list[Activity] = field(default_factory=list)
    untimed_work: bool = False  # a line of work (an activity, a "-" line) says no time: it runs all year

    def add(self, kind: str, value: str) -> None:
        if not value:
            return
        if kind == "lead" and not self.lead:
            self.lead, others = lead_and_coordinating(value)
            self.coordinating += others
        elif kind == "coordinating":
            self.coordinating += lead_and_coordinating(value)[1] if " chủ trì" in value else split_units(value)
        elif kind == "when":
            self.whens.append(value)
        elif kind == "output":
            self.output = f"{self.output}; {value}" if self.output else value
        elif kind == "content":
            self.content.append(value)

    def merge(self, other: Fields) -> None:
        self.content += other.content
        self.lead = self.lead or other.lead
        self.coordinating += other.coordinating
        self.whens += other.whens
        self.stated += other.stated
        self.output = self.output or other.output
        self.activities += other.activities
        self.untimed_work = self.untimed_work or other.untimed_work

    @property
    def times(self) -> list[str]:
        return self.whens or self.stated


class ItemReader:
    """Reads the items of one plan; ``year`` is the plan's, ``is_organisation`` tells a unit's name."""

    def __init__(self, year: int | None, is_organisation: Callable[[str], bool]) -> None:
        self.year = year
        self.is_organisation = is_organisation

    def tasks(self, section: str, root: Node, *, assigned_only: bool = False) -> list[ParsedTask]:
        """The tasks of a part (``root``: its lines before the first item, its items). ``assigned_only``: only an
        assignment by organisation gives tasks ("Tổ chức thực hiện", "Chế độ báo cáo")."""
        self._promote(root)
        for item in root.children:
            self._lift(item)
        tasks: list[ParsedTask] = []
        if assigned_only:
            if self._by_organisation(root.children):
                self._siblings(section, root.children, tasks, parent=None, lead="", windows=[])
            return [task for task in tasks if task.lead]  # "Chế độ báo cáo: … trước ngày 05/12" is no one's task
        fields = self._fields(root.lines)
        if not root.children and (fields.lead or fields.whens) and not self._each_activity_leads(fields):
            tasks.append(self._task(section, root, fields, "", [], None))
        elif self._each_activity_leads(fields):
            tasks += self._activity_tasks(section, root, fields, None)
        self._siblings(section, root.children, tasks, parent=None, lead=fields.lead, windows=self._windows(fields))
        return tasks

    # --- items -----------------------------------------------------------------------------------------------

    def _assignee(self, title: str) -> tuple[str, list[str]]:
        """ "Sở Công Thương thành phố" from "3. Sở Công Thương thành phố:" or "15. Các cơ quan khác: Căn cứ ...";
        the other units a heading names after it ("…, cơ quan Thường trực Ban Chỉ đạo"); or the units a sentence
        starts with ("Các thành viên Ban Chỉ đạo tỉnh căn cứ …")."""
        named = _NAMED.match(title)
        if named is None and (units := self._sentence_units(title)):
            return units[0], units[1:]
        name = ASSIGNING_WORDS.sub("", named["name"] if named and label_field(named["name"]) is None else title)
        units = split_units(name)
        return (units[0], units[1:]) if units else ("", [])

    def _sentence_units(self, title: str) -> list[str]:
        """The organisations a sentence starts with, before its first verb: "Các thành viên Ban Chỉ đạo tỉnh căn cứ
        Kế hoạch này …" → ["Các thành viên Ban Chỉ đạo tỉnh"]; [] when what comes before is no organisation."""
        text = ASSIGNING_WORDS.sub("", _OPENING_CLAUSE.sub("", title))
        for verb in _SENTENCE_VERB.finditer(text):
            before = _ADVERB_TAIL.sub("", text[: verb.start()].strip(" ,"))
            if _IN_NAME_BEFORE.search(before):
                continue
            units = split_units(before)
            return units if units and all(self._is_unit(unit) for unit in units) else []
        return []

    def _names_organisation(self, title: str) -> bool:
        """Whether an item is headed by an organisation: "3. Sở Công Thương:", "2. Ban Tuyên giáo Thành ủy", "2. Các
        thành viên Ban Chỉ đạo tỉnh căn cứ Kế hoạch này …"."""
        name, _others = self._assignee(title)
        return 0 < len(name.split()) <= MAX_NAME_WORDS and self.is_organisation(name)

    def _by_organisation(self, nodes: list[Node]) -> bool:
        named = [node for node in nodes if self._names_organisation(node.title)]
        return bool(nodes) and len(named) * 2 >= len(nodes)

    def _lift(self, node: Node) -> None:
        """A lead field written after the last of an item's sub-items, when no sub-item names its own lead, is the
        item's ("4. Đưa hàng Việt về miền núi / a/ … / b/ … / Đơn vị chủ trì: Sở Công Thương")."""
        for child in node.children:
            self._lift(child)
        if len(node.children) < 2 or node.children[-1].children:
            return
        last = node.children[-1]
        tail = [line for line in last.lines if not line.is_row]
        kinds = [{kind for kind, _value in split_fields(_unbulleted(line))[1]} for line in tail]
        if not tail or not all(kinds) or any(split_fields(_unbulleted(line))[0] for line in tail):
            return
        if "lead" not in set().union(*kinds) or not set().union(*kinds) <= {"lead", "coordinating"}:
            return
        if self._by_organisation(node.children) or any(self._fields(c.lines).lead for c in node.children[:-1]):
            return
        node.lines += tail
        last.lines = [line for line in last.lines if line not in tail]

    def _promote(self, node: Node) -> None:
        """Turns lines that name an organisation ("- Sở Công Thương: …", "Hội Nông dân xã:") into items, when an
        item (or a part) lists two or more of them instead of numbering them."""
        for child in node.children:
            self._promote(child)
        if node.children:
            return
        starts = [index for index, line in enumerate(node.lines) if self._heads_assignment(line)]
        if len(starts) < 2:
            return
        kept = node.lines[: starts[0]]
        for number, (start, stop) in enumerate(zip(starts, [*starts[1:], len(node.lines)], strict=True), start=1):
            line = node.lines[start]
            bullet = BULLET.match(line.text)
            title = bullet["text"] if bullet else line.text
            node.children.append(Node(f"{node.ref}.{number}", str(number), title, node.lines[start + 1 : stop]))
        node.lines = kept

    def _heads_assignment(self, line: Line) -> bool:
        if line.is_row:
            return False
        bullet = BULLET.match(line.text)
        text = bullet["text"] if bullet else line.text
        named = _NAMED.match(text)
        if named is None or label_field(named["name"]) is not None:
            return False
        return self._names_organisation(named["name"])

    def _siblings(
        self,
        section: str,
        nodes: list[Node],
        tasks: list[ParsedTask],
        *,
        parent: str | None,
        lead: str,
        windows: list[Window],
    ) -> None:
        by_organisation = self._by_organisation(nodes)
        for node in nodes:
            if by_organisation and self._names_organisation(node.title):
                self._assigned(section, node, tasks, parent=parent, windows=windows)
            else:
                self._labelled(section, node, tasks, parent=parent, lead=lead, windows=windows)

    def _assigned(
        self, section: str, node: Node, tasks: list[ParsedTask], *, parent: str | None, windows: list[Window]
    ) -> None:
        """All the work given to one organisation; sub-items with a time or lead of their own are sub-tasks."""
        lead, others = self._assignee(node.title)
        named = _NAMED.match(node.title)
        rest = named["rest"] if named else ""
        if not named and self._sentence_units(node.title):
            rest = node.title  # "Các thành viên … báo cáo … trước ngày 25/11/2026.": the sentence is the work
        fields = self._fields([Line(rest)] if rest else [], title=True)
        fields.merge(self._fields(node.lines))
        fields.content += [activity.text for activity in fields.activities]
        fields.activities = []
        fields.coordinating = others + fields.coordinating
        fields.lead = lead
        labelled = bool(fields.whens)  # "Thời gian: …" covers the whole of the work
        fields.whens, fields.stated = [], fields.whens + fields.stated  # each line of the work may carry its time
        task = self._task(section, node, fields, lead, windows, parent)
        if not labelled and fields.stated and fields.untimed_work and not node.children:
            task.windows = self._year() or task.windows  # some of the work has no time: it runs all year
        said = "" if named else ASSIGNING_WORDS.sub("", node.title)  # "Hội A vận động hội viên …": the title is work
        task.content = "\n".join([said, *fields.content] if said != lead else fields.content).strip() or lead
        tasks.append(task)
        own = self._windows(fields)
        self._siblings(section, node.children, tasks, parent=node.ref, lead=lead, windows=own)

    def _labelled(
        self,
        section: str,
        node: Node,
        tasks: list[ParsedTask],
        *,
        parent: str | None,
        lead: str,
        windows: list[Window],
    ) -> None:
        fields = self._fields([Line(node.title)], title=True)
        fields.merge(self._fields(node.lines))
        if not fields.lead and self._names_organisation(node.title):  # "2. Sở Y tế" among topics
            fields.lead, others = self._assignee(node.title)
            fields.coordinating = others + fields.coordinating
        if not fields.lead and (units := self._sentence_units(_LEADING_TIME.sub("", _after_head(node.title)))):
            fields.lead, fields.coordinating = units[0], units[1:] + fields.coordinating  # "Chế độ báo cáo: Trước
            # ngày 10/12, Ban Chỉ đạo các quận, huyện báo cáo …"
        split = self._each_activity_leads(fields) and not fields.lead
        if not fields.lead and not split:
            fields.lead = next((activity.lead for activity in fields.activities if activity.lead), "")
            if fields.lead:
                fields.lead, others = lead_and_coordinating(fields.lead)
                fields.coordinating += others
        own_windows = self._windows(fields)
        is_task = bool(fields.lead or own_windows) and not split
        if is_task:
            tasks.append(self._task(section, node, fields, lead, windows, parent))
        elif split:
            tasks += self._activity_tasks(section, node, fields, parent)
        self._siblings(
            section,
            node.children,
            tasks,
            parent=node.ref if is_task else parent,
            lead=fields.lead or lead,
            windows=own_windows or windows,
        )

    def _task(
        self, section: str, node: Node, fields: Fields, lead: str, windows: list[Window], parent: str | None
    ) -> ParsedTask:
        content = " ".join(text for text in fields.content if text).rstrip(":").strip()
        if fields.activities:
            content = "\n".join([content, *(f"+ {activity.text}" for activity in fields.activities)]).strip()
        return ParsedTask(
            node.ref,
            content or node.title,
            section,
            lead=fields.lead or lead,
            coordinating=fields.coordinating,
            when_text="; ".join(fields.times),
            windows=self._windows(fields) or windows or self._year(),
            output=fields.output,
            parent=parent,
        )

    def _each_activity_leads(self, fields: Fields) -> bool:
        return len(fields.activities) >= 2 and all(activity.lead for activity in fields.activities)

    def _activity_tasks(self, section: str, node: Node, fields: Fields, parent: str | None) -> list[ParsedTask]:
        tasks = []
        for number, activity in enumerate(fields.activities, start=1):
            lead, others = lead_and_coordinating(activity.lead)
            own = [w for text in activity.times for w in parse_windows(text, default_year=self.year)]
            tasks.append(
                ParsedTask(
                    f"{node.ref}.{number}",
                    activity.text,
                    section,
                    lead=lead,
                    coordinating=others,
                    when_text="; ".join(activity.times or fields.whens),
                    windows=list(dict.fromkeys(own)) or self._windows(fields) or self._year(),
                    parent=parent,
                )
            )
        return tasks

    # --- lines -----------------------------------------------------------------------------------------------

    def _fields(self, lines: list[Line], *, title: bool = False) -> Fields:
        """The fields of an item's lines, or of its title (``title``: no activities there)."""
        fields = Fields()
        listing = False
        pending = ""
        for line in lines:
            if line.is_row:
                continue
            bullet = BULLET.match(line.text)
            text, inside = self._parenthesis(bullet["text"] if bullet else line.text)
            prose, found = split_fields(text)
            if pending and not found and prose and not inside:
                found, prose = [(pending, prose)], ""  # "- Đơn vị chủ trì:" then the unit on the next line
            pending = ""
            for kind, value in found:
                fields.add(kind, value)
                if kind == "content":
                    fields.stated += self._prose_times(value)
            if found:
                kind, value = found[-1]
                listing = kind == "content" and not value
                pending = kind if kind in _PENDING and not value else ""
            if not prose:
                for kind, value in inside:
                    fields.add(kind, value)
                continue
            prose, trailing = _content_and_time(prose)
            times = [value for kind, value in inside if kind == "when"]
            times += [trailing] if trailing else self._prose_times(prose)
            times += self._inner_times(prose)
            if bullet and not times and not prose.rstrip().endswith(":"):
                fields.untimed_work = True
            own_lead = next((value for kind, value in inside if kind == "lead"), "") or self._lead_in_prose(prose)
            if not title and bullet and (bullet["mark"] == "+" or listing or own_lead):
                fields.activities.append(Activity(prose, own_lead, times))
                fields.stated += times
                fields.coordinating += [
                    v for kind, value in inside if kind == "coordinating" for v in split_units(value)
                ]
                continue
            fields.content.append(prose)
            for kind, value in inside:
                if kind != "when":
                    fields.add(kind, value)
            fields.stated += times
            acts = _ACTS_FIRST.match(ASSIGNING_WORDS.sub("", prose)) if title and not fields.lead else None
            if acts and self._is_unit(acts["unit"]):
                fields.lead, others = lead_and_coordinating(acts["unit"])
                fields.coordinating += others
            elif not fields.lead and not bullet and own_lead:  # "Sở … chủ trì, phối hợp với … tổ chức …"
                fields.add("lead", _INNER_TASK.split(own_lead)[0])
            if not fields.lead and (given := _GIVEN_TO.search(prose)) and self._is_unit(given["unit"]):
                fields.lead = given["unit"].strip()
        return fields

    def _is_unit(self, name: str) -> bool:
        return 0 < len(name.split()) <= MAX_NAME_WORDS and self.is_organisation(name.strip())

    def _parenthesis(self, text: str) -> tuple[str, list[tuple[str, str]]]:
        """Fields in a trailing parenthesis: "… (Ban Tuyên giáo chủ trì; thời gian: thường xuyên)."."""
        match = _TRAILING_PARENTHESIS.search(text)
        if not match:
            return text, []
        found: list[tuple[str, str]] = []
        for piece in re.split(r"\s*;\s*", match["inside"]):
            prose, labelled = split_fields(piece)
            found += labelled
            if not prose:
                continue
            leads = _LEADS_FIRST.match(prose)
            if leads and self._is_unit(leads["unit"]):
                found.append(("lead", prose))
            elif re.search(r"\bphối hợp\s*$", prose, re.IGNORECASE) and self._is_unit(split_units(prose)[0]):
                found.append(("coordinating", re.sub(r"\s*phối hợp\s*$", "", prose, flags=re.IGNORECASE)))
            elif split_units(prose) and all(self._is_unit(unit) for unit in split_units(prose)):
                found.append(("lead", prose))  # "(Sở Thông tin và Truyền thông)": the unit that carries it out
            elif len(prose.split()) <= MAX_TIME_WORDS and parse_windows(prose, default_year=self.year):
                found.append(("when", prose))
        if not found:
            return text, []
        return text[: match.start()].rstrip(" .;,") + ".", found

    def _inner_times(self, prose: str) -> list[str]:
        """Times in parentheses inside a line of work: "Sơ kết 6 tháng (tháng 6/2026); tổng kết năm (tháng 12/2026)"
        (the trailing one is read by ``_parenthesis``)."""
        found = []
        for match in _INNER_PARENTHESIS.finditer(prose):
            inside = match["inside"].strip()
            windows = parse_windows(inside, default_year=self.year)
            if len(inside.split()) <= MAX_TIME_WORDS and self._touches_year(windows):
                found.append(inside)
        return found

    def _lead_in_prose(self, prose: str) -> str:
        """The unit an activity starts with: "Sở Công Thương chủ trì …" or "Sở Công Thương: tổ chức …"."""
        leads = _LEADS_FIRST.match(prose)
        if leads and self._is_unit(leads["unit"]):
            return prose
        named = _NAMED.match(prose)
        if named and label_field(named["name"]) is None and self._is_unit(named["name"]):
            return named["name"]
        return ""

    def _prose_times(self, prose: str) -> list[str]:
        """Times a preposition introduces inside a sentence ("vào tháng 3/2026"), that touch the plan year."""
        found = []
        for match in TIME_PREPOSITION.finditer(prose):
            rest = prose[match.start() :]
            stop = _TIME_STOP.search(rest, len(match.group(0)))
            phrase = rest[: stop.start()] if stop else rest
            if self._touches_year(parse_windows(phrase, default_year=self.year)):
                found.append(phrase.strip())
        return found

    def _touches_year(self, windows: list[Window]) -> bool:
        if not windows or self.year is None:
            return bool(windows)
        return all(window.start.year <= self.year <= window.end.year for window in windows)

    def _windows(self, fields: Fields) -> list[Window]:
        windows = list(dict.fromkeys(w for text in fields.times for w in parse_windows(text, default_year=self.year)))
        year = self._year()
        return year if year and year[0] in windows else windows  # "thường xuyên, cao điểm tháng 12": the year

    def _year(self) -> list[Window]:
        return parse_windows(f"năm {self.year}") if self.year else []


_TIME_AFTER = re.compile(r"(?::|\s[-–])\s*(?P<time>[^:]*?)\s*[.;]?$")


#: A time a sentence opens with: "Trước ngày 10/12/2024, Ban Chỉ đạo … báo cáo …".
_LEADING_TIME = re.compile(r"^(?:trước|chậm nhất|vào|trong)\s[^,]{3,40},\s*", re.IGNORECASE)


def _after_head(title: str) -> str:
    """A title's sentence after a heading that is not a unit: "Chế độ thông tin báo cáo: Trước ngày …" → "Trước …"."""
    named = _NAMED.match(title)
    return named["rest"] if named and named["rest"] else title


def _unbulleted(line: Line) -> str:
    bullet = BULLET.match(line.text)
    return bullet["text"] if bullet else line.text


def _content_and_time(text: str) -> tuple[str, str]:
    """ "Hội nghị quán triệt ...: Quý III/2024." → ("Hội nghị quán triệt ...", "Quý III/2024"); also after a dash
    ("Hội nghị sơ kết – tháng 6/2025")."""
    for match in _TIME_AFTER.finditer(text):
        after = match["time"]
        if after and len(after.split()) <= MAX_TIME_WORDS and parse_windows(after):
            return text[: match.start()].strip(" ;,"), after.strip(" .")
    return text.strip(" ;"), ""
