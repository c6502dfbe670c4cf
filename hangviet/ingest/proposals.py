"""Registry rows proposed from the lists an old report gives in its footnotes and its body.

A report names the events and stores behind its figures: "tham gia 04 cuộc hội chợ ngoài tỉnh⁴" with footnote
4 naming the four fairs and their places; "có 06 cửa hàng … OCOP⁶" with the six stores and their addresses;
"… gồm:" followed by lines "+ Cửa hàng …". Each becomes a proposal the clerk confirms on the review page;
``ingest/actions.record_proposals`` records the ticked ones in the registry.

How a list is read (every step is a table of named rules in ``list_rules.py``, each with an example; nothing
names one document):
1. where lists are: a footnote and the clause its marker follows; a clause ending in "gồm:" and the items
   after it in the same sentence or on the following "+", "•", "a)", "(1)" lines. Lists in the "phương
   hướng, nhiệm vụ" part are plans and give nothing;
2. what the list counts (``LIST_RULES``), from the words just before the marker or the "gồm:"; the number
   before them is the count the document declares;
3. its items: split at "(1)", "a)", and at ";" between parts that each name an event or a store; an item's
   own first words may refine its kind (``ITEM_KIND_RULES``: "điểm dừng chân", "Tuần hàng", "Triển lãm");
4. a footnote of figures per event ("mỗi phiên chợ có 24 doanh nghiệp … /phiên chợ") gives one proposal per
   place the clause lists ("tại huyện Châu Thành và tại thành phố Trà Vinh"), each with those figures;
5. each item: its name as written, its place (after the last "tại", else the address parts after the name),
   its time (``TIME_RULES``), programme, theme, edition, operator, the organisers it names
   (``ORGANISER_RULES``) and its figures with their qualifiers (``MEASURE_RULES``);
6. figures of the clause that belong to no item ("… và vận động doanh nghiệp trưng bày 10 gian hàng") make a
   group entry over the listed events.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from hangviet.ingest.extract import NOT_RESULT, sections_of
from hangviet.ingest.list_rules import (
    EVENT,
    GROUP,
    IC,
    ITEM_HEADS,
    ITEM_KIND_RULES,
    LIST_RULES,
    MEASURE_RULES,
    ORGANISER_RULES,
    REVENUE_BEFORE,
    SALE_POINT,
    ListRule,
    time_in,
)
from hangviet.ingest.reading import SUPERSCRIPT_DIGITS, Passage

PROGRAMME = re.compile(
    r"(?:trong khuôn khổ|hưởng ứng|thuộc)\s+(?:chương trình\s+)?“(?P<name>[^”]+)”(?P<year>\s+năm \d{4})?", IC
)
THEME = re.compile(r"chủ đề\s*“(?P<theme>[^”]+)”", IC)
EDITION = re.compile(r"lần thứ\s+(?:[IVXLC]+|\d+)\b", IC)
OPERATOR = re.compile(r"\bcủa\s+(?P<name>[A-ZĐ][^,;()]*)")
AFTER_NAME_FIGURES = re.compile(r",?\s+(?:có|với|thu hút|ký kết|đạt)\s+(?:khoảng |hơn |trên |gần )?\d", IC)
ORGANISER_TAIL = re.compile(r",?\s*(?:do\s+[^,;]+?\s+(?:chủ trì|tổ chức)(?:,\s*tổ chức)?|tổ chức)\s*$", IC)
LEAD_VERBS = re.compile(r"^(?:tổ chức tham gia|phối hợp tổ chức|tổ chức|tham gia|đăng cai|phối hợp)\s+", IC)
AT = re.compile(r"(?<![\wÀ-ỹ])(?<!hiện )tại\s+", IC)
ADDRESS_START = re.compile(
    r",\s*(?=(?:ấp|khóm|khu phố|tổ dân phố|thôn|xóm|xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tp\.|tỉnh"
    r"|số\s+\d|đường)\b)",
    IC,
)
LOCATIVE = re.compile(r"\s(?=(?:ngang|đối diện|gần|cạnh|bên cạnh)\s)", IC)
SITE_START = re.compile(
    r"^(?:khu|trung tâm|chợ|siêu thị|nhà thi đấu|nhà văn hóa|công viên|quảng trường|bến|cảng|sân|hội trường"
    r"|cửa hàng|lễ hội|bảo tàng|làng)\b",
    IC,
)
ENUMERATOR = re.compile(r"(?:^|(?<=[\s;:,.]))(?:\(\d{1,2}\)|\d{1,2}\)|[a-zđ]\))\s*")
LEAD_IN = re.compile(r"^\s*(?:bao gồm|gồm có|gồm|cụ thể|trong đó)\s*:?\s*", IC)
BULLET = re.compile(r"^\s*(?:[+•*▪◦]|\(\d{1,2}\)|\d{1,2}\)|[a-zđ]\))\s*")
COUNT_BEFORE = re.compile(r"(?P<count>\d{1,3})\s+(?:cuộc\s+|chuyến\s+|lần\s+|đợt\s+|buổi\s+)?$")
PER_ITEM = re.compile(r"\bmỗi\s+(?:phiên|hội chợ|cuộc|chuyến|điểm|cửa hàng)|/\s*(?:phiên|hội chợ|cuộc|chuyến)", IC)
SENTENCE_END = re.compile(r"(?<!\b[A-ZĐ])(?<!\b[A-ZĐ]{2})(?<!\b[A-ZĐ]{3})\.\s+(?=[A-ZĐ])")  # not "TP. Việt Trì"
CLAUSE_START = re.compile(r"[;:]\s*|[.!?]\s+(?=[A-ZĐ])|^\s*[-–+•]\s*")
CLAUSE_END = re.compile(r";|[.!?](?=\s+[A-ZĐ]|\s*$)")
_NUMBER = re.compile(
    r"(?<![\d/.,\w])(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?:\s*(?P<mult>nghìn|ngàn|triệu|tỷ|tỉ))?"
    r"(?![\d/]|\.\d)",
    IC,
)
_QUALIFIER_BEFORE = re.compile(r"(?P<word>khoảng|ước tính|ước|xấp xỉ|hơn|trên|gần|dưới|chưa đến)\s+(?:đạt\s+)?$", IC)
#: Registry qualifiers (registry/catalogue.Qualifier): exact 0, more than 1, nearly 2, about 3.
QUALIFIER_OF = {"khoảng": 3, "ước": 3, "ước tính": 3, "xấp xỉ": 3, "hơn": 1, "trên": 1, "gần": 2, "dưới": 2}
QUALIFIER_OF["chưa đến"] = 2
NOT_A_FIGURE_BEFORE = re.compile(
    r"(?:lần thứ|năm|quý|tháng|ngày|số|phường|khóm|ấp|khu phố|đường|giai đoạn|đợt|khóa|tổ)\s*$", IC
)
MULTIPLIERS = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}


@dataclass
class Proposal:
    """A registry row the document suggests; ``registry`` is EVENT, SALE_POINT or GROUP."""

    registry: str
    kind: str
    name: str
    place: str = ""
    when_text: str = ""
    programme: str = ""
    theme: str = ""
    edition: str = ""
    operator: str = ""
    organisers: list[dict[str, str]] = field(default_factory=list)
    figures: dict[str, list[Any]] = field(default_factory=dict)  # field → [value, qualifier]
    declared_count: int | None = None
    list_id: str = ""
    evidence: str = ""
    context: str = ""
    location: str = ""

    def as_dict(self) -> dict[str, Any]:
        return {**self.__dict__, "decision": "accept"}


def _nfc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def _value(number: str, multiplier: str | None) -> int | float:
    value = Decimal(number.replace(".", "").replace(",", "."))
    if multiplier:
        value *= MULTIPLIERS[multiplier.lower()]
    return int(value) if value == value.to_integral_value() else float(value)


def figures_in(text: str, *, skip: tuple[int, int] | None = None) -> dict[str, list[Any]]:
    """The event figures a text gives ("có 24 doanh nghiệp tham gia với 60 gian hàng, doanh thu đạt khoảng 850
    triệu đồng") as ``{field: [value, qualifier]}``; the first of each kind counts; ``skip`` is a span
    holding the list's own count."""
    found: dict[str, list[Any]] = {}
    for match in _NUMBER.finditer(text):
        if skip and skip[0] <= match.start() < skip[1]:
            continue
        before = text[max(0, match.start() - 40) : match.start()]
        if NOT_A_FIGURE_BEFORE.search(before):
            continue
        after = text[match.end() : match.end() + 60].lstrip()
        for rule in MEASURE_RULES:
            if not rule.pattern.search(after) and not (rule.field == "revenue_vnd" and match["mult"] and not after):
                continue
            if rule.field == "revenue_vnd" and not REVENUE_BEFORE.search(
                text[max(0, match.start() - 60) : match.start()]
            ):
                continue
            qualifier = _QUALIFIER_BEFORE.search(before)
            found.setdefault(
                rule.field,
                [
                    _value(match["num"], match["mult"]),
                    QUALIFIER_OF.get(qualifier["word"].lower(), 0) if qualifier else 0,
                ],
            )
            break
    return found


def organisers_in(text: str) -> list[dict[str, str]]:
    """The bodies an item names as organisers ("giữa các tỉnh, Kiên Giang, Bến Tre…"), each once."""
    found: dict[str, dict[str, str]] = {}
    for rule in ORGANISER_RULES:
        for match in rule.pattern.finditer(text):
            for name in re.split(r"\s*,\s*|\s+và\s+", match["names"]):
                name = name.strip(" .")
                if name and name[0].isupper() or re.match(r"(?:tỉnh|thành phố)\s+[A-ZĐ]", name):
                    found.setdefault(name.casefold(), {"name": name, "role": rule.role})
    return list(found.values())


def _capitalised(text: str) -> str:
    text = text.strip(" ,;.:")
    return text[:1].upper() + text[1:]


def _without_times(text: str) -> str:
    """The text without parentheses that only give a time ("(ngày 12/01/2024)", "(quý III/2024)")."""
    return re.sub(r"\s*\((?:[^()]*?)\)", lambda m: "" if time_in(m.group(0)) else m.group(0), text)


def _split_place(description: str) -> tuple[str, str]:
    """Name and place of an item: "cửa hàng đặc sản quê Hai Ứng, tại ấp Cồn Chim, xã Hòa Minh…" → ("cửa hàng
    đặc sản quê Hai Ứng", "ấp Cồn Chim, xã Hòa Minh…"); "cửa hàng tại Khu Du lịch biển Ba Động" keeps the site
    in its name; "Phiên chợ tại xã Phú Tâm, huyện Châu Thành" (a bare head) keeps the whole text."""
    text = re.sub(r"\(\s*tại\s+([^()]*)\)", r", tại \1", description)
    ats = list(AT.finditer(text))
    if ats:
        at = ats[-1]
        before, place = text[: at.start()].strip(" ,"), text[at.end() :].strip(" ,.")
        before = ORGANISER_TAIL.sub("", before).strip(" ,")
        site = place.split(",")[0].strip()
        if SITE_START.match(site):
            return f"{before} tại {site}", place
        if len(before.split()) <= 2:
            return f"{before} tại {place}", place
        return before, place
    if match := ADDRESS_START.search(text):
        return text[: match.start()], text[match.end() :].strip(" .")
    if match := LOCATIVE.search(text):
        return text, text[match.end() :].strip(" .")
    return text, ""


def _item_kind(rule: ListRule, head: str) -> str:
    for item_rule in ITEM_KIND_RULES:
        if item_rule.registry == rule.registry and item_rule.pattern.search(head):
            return item_rule.kind
    return rule.kind


def _item(rule: ListRule, text: str, *, context_time: str, programme: str, list_id: str, location: str) -> Proposal:
    """One listed event or store from its text as written."""
    body = LEAD_VERBS.sub("", text.strip(" ;.")).strip()
    description = SENTENCE_END.split(body, maxsplit=1)[0]
    if cut := AFTER_NAME_FIGURES.search(description):
        description = description[: cut.start()]
    description = _without_times(description).strip(" ,;.")
    name, place = _split_place(description)
    operator = OPERATOR.search(name) if rule.registry == SALE_POINT else None
    theme = THEME.search(body)
    edition = EDITION.search(body)
    return Proposal(
        registry=rule.registry,
        kind=_item_kind(rule, body),
        name=_capitalised(name),
        place=place,
        when_text=time_in(text) or context_time,
        programme=programme,
        theme=theme["theme"] if theme else "",
        edition=edition.group(0) if edition else "",
        operator=operator["name"].strip() if operator else "",
        organisers=organisers_in(body) if rule.registry == EVENT else [],
        figures=figures_in(text) if rule.registry == EVENT else {},
        list_id=list_id,
        evidence=text.strip(" ;"),
        location=location,
    )


def split_items(text: str, registry: str) -> list[str]:
    """The items of a list: at "(1)", "a)", then at ";" when every part names an event or a store."""
    text = LEAD_IN.sub("", re.sub(_MARKER, "", text))
    pieces = [re.sub(r"\s+(?:và|hoặc)$", "", piece.strip(" ;,")) for piece in ENUMERATOR.split(text)]
    pieces = [piece for piece in pieces if piece]
    items: list[str] = []
    head = ITEM_HEADS[registry]
    for piece in pieces:
        parts = [part.strip() for part in piece.split(";") if part.strip()]
        if len(parts) > 1 and all(head.search(LEAD_VERBS.sub("", part)[:60]) for part in parts):
            items.extend(parts)
        else:
            items.append(piece)
    return [item for item in items if head.search(LEAD_VERBS.sub("", item)[:80])][:MAX_ITEMS]


@dataclass(frozen=True)
class Anchor:
    """The clause that introduces a list: what it counts, how many, and any figures of its own."""

    rule: ListRule
    phrase: str  # the words that named the kind, as written ("phiên chợ hàng Việt về nông thôn")
    count: int | None
    before: str  # the clause up to the marker
    clause: str  # the whole clause as written, without the marker
    count_span: tuple[int, int] | None


def read_anchor(before: str, clause: str = "") -> Anchor | None:
    """What the clause ending at a list's marker counts ("tham gia 04 cuộc hội chợ ngoài tỉnh")."""
    best: tuple[int, ListRule, re.Match[str]] | None = None
    for rule in LIST_RULES:
        for match in rule.pattern.finditer(before):
            if best is None or match.end() > best[0]:
                best = (match.end(), rule, match)
    if best is None or NOT_RESULT.search(before):
        return None
    _end, rule, match = best
    counted = COUNT_BEFORE.search(before[: match.start()])
    span = (counted.start("count"), counted.end("count")) if counted else None
    return Anchor(rule, match.group(0), int(counted["count"]) if counted else None, before, clause or before, span)


def _per_item(anchor: Anchor, note: str, *, list_id: str, location: str) -> list[Proposal]:
    """A footnote of figures per event: one proposal per place the clause lists, each with the figures."""
    tail = anchor.before[anchor.before.lower().rfind(anchor.phrase.lower()) + len(anchor.phrase) :]
    places: list[str] = []
    if at := AT.search(tail):
        listed = tail[at.end() :]
        places = [p.strip(" ,.") for p in re.split(r"\s*(?:,|\bvà)\s+tại\s+", listed) if p.strip(" ,.")]
        if len(places) == 1 and anchor.count and anchor.count > 1:
            places = [p.strip(" ,.") for p in re.split(r"\s*,\s*|\s+và\s+", listed) if p.strip(" ,.")]
    count = anchor.count or len(places) or 1
    if len(places) != count:
        places = [""] * count
    programme = PROGRAMME.search(anchor.before)
    when = time_in(anchor.before)
    figures = figures_in(note)
    phrase = _capitalised(anchor.phrase)
    return [
        Proposal(
            registry=anchor.rule.registry,
            kind=anchor.rule.kind,
            name=f"{phrase} tại {place}" if place else f"{phrase} ({index}/{count})",
            place=place,
            when_text=when,
            programme=_nfc(f"{programme['name']}{programme['year'] or ''}") if programme else "",
            figures=dict(figures) if anchor.rule.registry == EVENT else {},
            list_id=list_id,
            evidence=note,
            context=anchor.before,
            location=location,
        )
        for index, place in enumerate(places, start=1)
    ]


def proposals_for_list(anchor: Anchor, items_text: str, *, list_id: str, location: str) -> list[Proposal]:
    """The proposals of one list: its items (or one per place for per-event figures), and a group entry for
    the figures of the clause that belong to no item."""
    registry = anchor.rule.registry
    items = split_items(items_text, registry)
    if PER_ITEM.search(items_text) and len(items) <= 1:
        found = _per_item(anchor, items_text, list_id=list_id, location=location)
    else:
        programme = PROGRAMME.search(anchor.before)
        found = [
            _item(
                anchor.rule,
                item,
                context_time=time_in(anchor.before),
                programme=_nfc(f"{programme['name']}{programme['year'] or ''}") if programme else "",
                list_id=list_id,
                location=location,
            )
            for item in items
        ]
        for proposal in found:
            proposal.context = anchor.before
    if registry == EVENT:
        clause = anchor.clause
        own = figures_in(clause, skip=anchor.count_span)
        if own and found:
            found.append(
                Proposal(
                    registry=GROUP,
                    kind=anchor.rule.kind,
                    name=_capitalised(clause),
                    when_text=time_in(anchor.before),
                    figures=own,
                    declared_count=anchor.count or len(found),
                    list_id=list_id,
                    evidence=clause,
                    context=clause,
                    location=location,
                )
            )
    return found


_MARKER = f"[{SUPERSCRIPT_DIGITS}]+"
MARKER_IN_TEXT = re.compile(rf"(?<=\S)(?<![{SUPERSCRIPT_DIGITS}]){_MARKER}")
LOOKAROUND = 2000
MAX_PROPOSALS = 200
MAX_ITEMS = 60  # items of one list
LIST_OPENING = re.compile(r"(?:gồm|bao gồm|gồm có|cụ thể|như sau)\s*:", IC)


def _note_number(passage: Passage) -> tuple[int, str] | None:
    """A footnote's number and text: a Word footnote, or a line that opens with its marker ("³ mỗi phiên")."""
    if passage.location.startswith("chú thích"):
        number = passage.location.split()[-1]
        return (int(number), passage.text) if number.isdigit() else None
    if match := re.match(rf"^\s*({_MARKER})\s*(.*)$", passage.text, re.S):
        digits = "".join(str(SUPERSCRIPT_DIGITS.index(char)) for char in match.group(1))
        return int(digits), match.group(2)
    return None


def _clause_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The clause before ``start`` (from the last ";", ":" or sentence start), and the whole clause to the
    next one, both without footnote markers. Only ``LOOKAROUND`` characters each side are read, so that a
    passage with many lists costs linear time."""
    window_start = max(0, start - LOOKAROUND)
    starts = list(CLAUSE_START.finditer(text, window_start, start))
    first = starts[-1].end() if starts else window_start
    stop = CLAUSE_END.search(text, end, end + LOOKAROUND)
    strip = re.compile(_MARKER)
    before = strip.sub("", text[first:start]).strip(" ,")
    last = stop.start() if stop else min(len(text), end + LOOKAROUND)
    return before, strip.sub("", text[first:last]).strip(" ,")


def _markers(passages: list[tuple[int, Passage]]) -> dict[int, tuple[int, Passage, re.Match[str]]]:
    """Where each footnote number is first marked in the body ("ngoài tỉnh⁴")."""
    found: dict[int, tuple[int, Passage, re.Match[str]]] = {}
    for index, passage in passages:
        for match in MARKER_IN_TEXT.finditer(passage.text):
            number = int("".join(str(SUPERSCRIPT_DIGITS.index(char)) for char in match.group(0)))
            found.setdefault(number, (index, passage, match))
    return found


def _footnote_lists(passages: list[Passage], directions: list[bool]) -> Iterator[Proposal]:
    notes = [(index, found) for index, passage in enumerate(passages) if (found := _note_number(passage))]
    note_indexes = {index for index, _found in notes}
    markers = _markers([(index, passage) for index, passage in enumerate(passages) if index not in note_indexes])
    for index, (number, text) in notes:
        marked = markers.get(number)
        if marked is None or directions[marked[0]]:
            continue
        _body_index, passage, match = marked
        anchor = read_anchor(*_clause_around(passage.text, match.start(), match.end()))
        if anchor is not None:
            location = passages[index].location
            yield from proposals_for_list(anchor, _nfc(text), list_id=location, location=location)


def _body_lists(passages: list[Passage], directions: list[bool]) -> Iterator[Proposal]:
    """Lists in the body: "… gồm: (1) …; (2) …" in one sentence, or "… gồm:" and the lines after it."""
    for index, passage in enumerate(passages):
        if directions[index] or _note_number(passage):
            continue
        text = passage.text
        openings = list(LIST_OPENING.finditer(text))
        for number, opening in enumerate(openings):
            anchor = read_anchor(_clause_around(text, opening.start(), opening.start())[0])
            if anchor is None:
                continue
            stop = openings[number + 1].start() if number + 1 < len(openings) else len(text)
            rest = text[opening.end() : min(stop, opening.end() + LOOKAROUND)].strip()
            if rest:
                items_text = SENTENCE_END.split(rest, maxsplit=1)[0].rstrip(" .")
            else:
                lines: list[str] = []
                for following in itertools.islice(passages, index + 1, index + 1 + MAX_PROPOSALS):
                    if not BULLET.match(following.text) or (anchor.count and len(lines) >= anchor.count):
                        break
                    lines.append(BULLET.sub("", following.text).strip(" ;."))
                items_text = "; ".join(lines)
            if items_text:
                yield from proposals_for_list(
                    anchor, _nfc(items_text), list_id=passage.location, location=passage.location
                )


def propose(passages: list[Passage]) -> list[Proposal]:
    """Every registry row the document's lists suggest (each once, at most ``MAX_PROPOSALS``), footnote
    lists first, in the order they appear."""
    directions = [in_directions for _heading, in_directions in sections_of(passages)]
    found: dict[tuple[str, str, str, str, str], Proposal] = {}
    for proposal in itertools.chain(_footnote_lists(passages, directions), _body_lists(passages, directions)):
        key = (proposal.registry, proposal.kind, proposal.name.casefold(), proposal.place, proposal.when_text)
        found.setdefault(key, proposal)
        if len(found) >= MAX_PROPOSALS:
            break
    return list(found.values())
