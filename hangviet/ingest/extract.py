"""Finding the figures of catalogue indicators in the narrative of a report, with their evidence.

A rule-based reader of the language these reports use (no model, nothing downloaded): each sentence is
scanned for numbers written the Vietnamese way ("3.904", "02", "36,9 triệu đồng"), and each number is
named by the words that follow it ("cuộc", "lượt", "phiên chợ", "gian hàng", "sản phẩm ... OCOP ... 3 sao")
and by the sentence around it ("tuyên truyền", "doanh thu", "xử phạt"). A figure is kept only when the
text states it as a result:
- targets and plans are not results ("phấn đấu", "chỉ tiêu", "kế hoạch", "dự kiến", the "phương hướng,
  nhiệm vụ" part of the report, "đạt từ 90%" in a list of tasks);
- registrations, visits to a website, document numbers, dates, "lần thứ", years are not figures;
- a figure per event ("mỗi phiên chợ có 24 doanh nghiệp", "850 triệu đồng/phiên chợ") is kept but marked
  per-item, so that it is not added as a total.
Qualifiers: "khoảng, ước, xấp xỉ" → about; "hơn, trên, ngoài" → more_than; "gần, dưới, chưa đến" → less_than.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from dataclasses import asdict, dataclass
from decimal import Decimal

from hangviet.ingest.extract_rules import (
    CUMULATIVE,
    IN_PERIOD_AGAIN,
    MACRO_MONEY,
    MONEY_RULES,
    MONEY_WINDOW,
    NOT_RESULT_AFTER,
    PEOPLE,
    PEOPLE_REACHED,
    REGISTRATION,
    UNIT_RULES,
)
from hangviet.ingest.reading import Passage

_NUMBER = (
    r"(?P<qual>khoảng|ước tính|ước|xấp xỉ|hơn|trên|ngoài|gần|dưới|chưa đến|gần như)?\s*"
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
    r"(?:/\d{1,4}(?=\s+[^\W\d]))?"  # "04/13 khu dân cư": 4 of the 13 (not a date "15/6/2022" nor "2318/BC")
    r"(?:\s*(?P<mult>nghìn|ngàn|triệu|tỷ|tỉ))?"
)
NUMBER = re.compile(rf"(?<![\d/.,\-–])(?<!\w){_NUMBER}(?![\d]|/|-\w|\.\d)", re.IGNORECASE)
QUALIFIERS = {
    "khoảng": "about",
    "ước": "about",
    "ước tính": "about",
    "xấp xỉ": "about",
    "hơn": "more_than",
    "trên": "more_than",
    "ngoài": "more_than",
    "gần": "less_than",
    "gần như": "less_than",
    "dưới": "less_than",
    "chưa đến": "less_than",
}
MULTIPLIERS = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}

TRAINING_WORDS = re.compile(r"tập huấn|hội thảo|\blớp\b|khóa học|bồi dưỡng|đào tạo|học viên")
PROPAGANDA_WORDS = re.compile(r"tuyên truyền|vận động|phổ biến|cuộc\s+cho\s*$")
NOT_RESULT = re.compile(
    r"phấn đấu|chỉ tiêu|mục tiêu|đề ra|dự kiến|\bsẽ\b|dự toán|kế hoạch (?:năm|là)|đề nghị|kiến nghị|đề xuất",
    re.IGNORECASE,
)
DIRECTION_HEADINGS = re.compile(
    r"phương hướng|nhiệm vụ (?:trọng tâm|thời gian tới|6 tháng cuối|năm \d{4})|"
    r"kiến nghị|đề xuất|giải pháp",
    re.IGNORECASE,
)
RESULT_HEADINGS = re.compile(r"kết quả|tình hình|đánh giá", re.IGNORECASE)
HEADING = re.compile(r"^(?:[IVX]{1,4}|\d{1,2})\s*[.)]\s*\S")
PART_HEADING = re.compile(r"^[IVX]{1,4}\s*[.)]")
DIRECTION_START = re.compile(r"^\d{1,2}\s*[.)]\s*(?:phương hướng|nhiệm vụ|kiến nghị|đề xuất|đề nghị)", re.IGNORECASE)
PER_ITEM_BEFORE = re.compile(
    r"(?:mỗi|bình quân|trung bình|mức thấp nhất là|cao nhất là|thấp nhất là|mức)\s[^.;]{0,30}$"
)
SENTENCE_END = re.compile(r"(?<=[.;!?])\s+(?=[A-ZĐÀ-Ỹ(\-–+*“\"])|\s+-\s+(?=[A-ZĐ])")
PERIOD_H1 = re.compile(r"6 tháng đầu năm\s*(?:\S+\s*){0,12}?(\d{4})|sáu tháng đầu năm\s*(\d{4})", re.IGNORECASE)
PERIOD_YEAR = re.compile(r"(?:kết quả|báo cáo)[^.\n]{0,120}?\bnăm\s+(\d{4})", re.IGNORECASE)
UNIT = re.compile(r"\b(tỉnh|thành phố)\s+([A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*(?:\s+[A-ZĐÂĂÊÔƠƯ][\wÀ-ỹ]*){0,3})")


@dataclass(frozen=True)
class Fact:
    indicator: str
    value: Decimal
    qualifier: str  # exact, about, more_than, less_than
    per_item: bool
    evidence: str
    location: str
    start: int  # position of the figure in the evidence sentence, for highlighting
    end: int

    def as_dict(self) -> dict:
        data = asdict(self)
        data["value"] = int(self.value) if self.value == self.value.to_integral_value() else float(self.value)
        return data


@dataclass(frozen=True)
class Extraction:
    unit: str | None
    period: str | None
    facts: list[Fact]

    def as_dict(self) -> dict:
        return {"unit": self.unit, "period": self.period, "facts": [fact.as_dict() for fact in self.facts]}


def _value(number: str, multiplier: str | None) -> Decimal:
    value = Decimal(number.replace(".", "").replace(",", "."))
    return value * MULTIPLIERS[multiplier.lower()] if multiplier else value


def sentences_of(passage: Passage) -> list[str]:
    text = unicodedata.normalize("NFC", passage.text)
    return [part.strip() for part in SENTENCE_END.split(text) if part and part.strip()]


@functools.lru_cache(maxsize=4096)
def _found_in(pattern: re.Pattern[str], text: str) -> bool:
    """Whether the pattern occurs in the sentence, asked once per sentence rather than once per figure."""
    return pattern.search(text) is not None


def _indicator_for(after: str, sentence: str, multiplier: str | None, clause: str) -> str | None:
    if re.match(r"^(?:đồng|đ\b|vnđ)", after) or (multiplier and re.match(r"^(?:đồng|\s*$)", after)):
        # Money is named by the phrase nearest before it, within its clause ("phạt tiền 3,46 tỷ đồng").
        if MACRO_MONEY.search(clause) or PRICE.match(after):
            return None  # economic statistics, or a price ("35.000 đồng/kg"): not an activity of the campaign
        window = clause[-MONEY_WINDOW:]
        named, nearest = None, -1
        for money in MONEY_RULES:
            end = max((found.end() for found in money.before.finditer(window)), default=-1)
            if end > nearest and (money.needs is None or _found_in(money.needs, sentence)):
                named, nearest = money.indicator, end
        return named
    for rule in UNIT_RULES:
        if rule.after.search(after) and (rule.needs is None or _found_in(rule.needs, sentence)):
            return rule.indicator
    return None


def _people_kind(before: str, after: str) -> str:
    """People reached by propaganda or trained: "N cuộc cho M lượt" is propaganda; people who "tham dự" a
    clause that names a course or conference are trainees; otherwise the activity named closest before."""
    if re.search(r"\d\s+cuộc\b(?!\s+(?:hội thảo|tập huấn|hội nghị))[^.;\d]{0,25}$", before):
        return "propaganda_participants"  # "3.904 cuộc cho 267.083 lượt", "24 cuộc, có 1.035 lượt người"
    attending = re.match(rf"^{PEOPLE}[^.;,]{{0,20}}?(?:tham dự|dự)\b", after)
    if attending and TRAINING_WORDS.search(before.rsplit(";", 1)[-1]):
        return "training_participants"
    training = max((m.end() for m in TRAINING_WORDS.finditer(before)), default=-1)
    propaganda = max((m.end() for m in PROPAGANDA_WORDS.finditer(before)), default=-1)
    return "training_participants" if training > propaganda else "propaganda_participants"


# The text before a figure is read only this far back, so that a sentence with many figures costs linear time,
# not quadratic (what names a figure, a label or an activity, is far nearer than this).
LOOKBEHIND = 2000
# "Số vụ kiểm tra: 412 vụ", "Sản phẩm OCOP (lũy kế đến ngày 15/6/2022): 209 sản phẩm", "Khu dân cư …: xây dựng
# mới 06 khu" (a few words of a verb between the label and the figure).
LABEL = re.compile(
    r"(?:^|[-–•+*]\s*|;\s*)(?P<label>[^:;.()]{3,80}?)\s*(?:\([^()]{0,60}\))?:\s*"
    r"(?P<verb>(?:[^\W\d]+\s+){1,4}?)?(?:khoảng|hơn|trên|gần|dưới)?\s*$"
)
COMPARISON_OPEN = re.compile(r"\((?:\s*(?:cùng kỳ|năm \d{4}|kỳ trước|so với|năm trước))[^()]*$")


COMPARISON_HEAD = re.compile(r"\((?:\s*(?:cùng kỳ|năm \d{4}|kỳ trước|so với|năm trước))")


def _comparison_open(text: str, end: int) -> bool:
    """COMPARISON_OPEN.search(text[:end]) without rescanning the text: only the last bracket can open it."""
    start = max(0, end - LOOKBEHIND)
    last = max(text.rfind("(", start, end), text.rfind(")", start, end))
    return last >= 0 and text[last] == "(" and COMPARISON_HEAD.match(text, last, end) is not None


def _labelled(before: str, after: str, context: str, multiplier: str | None, clause: str) -> str | None:
    """For "Số vụ kiểm tra: 412 vụ" or "Hạng 3 sao: 165 sản phẩm", the label names the figure. The words after
    the figure win when they name something else ("Hội chợ Nông sản (tháng 9/2024): 150 gian hàng"), not when
    the label only says more of the same ("Hội nghị kết nối cung cầu: 03 hội nghị")."""
    label = LABEL.search(before, max(0, len(before) - LOOKBEHIND))
    own = _indicator_for(after, context, multiplier, clause)
    if not label:
        return own
    name = re.sub(r"^(?:tổng\s+)?số(?:\s+lượng)?\s+", "", label["label"].strip(" -–•+*"))
    unit = re.split(r"[;,(]|\.(?!\d)", after, maxsplit=1)[0].strip()
    if (own is not None or label["verb"]) and not (unit and name.startswith(unit)):
        return own  # the label names the figure only if the words after it say nothing else, or less of the same
    for candidate in (name, f"{unit} {name}"):
        code = _indicator_for(candidate, context, multiplier, clause)
        if code is not None:
            return code
    return own


@functools.cache
def _stocks() -> frozenset[str]:
    """Indicators that are levels at the end of the period (OCOP products so far), not counts within it."""
    from hangviet.indicators.catalogue import INDICATORS  # models: import once the apps are loaded

    return frozenset(spec.code for spec in INDICATORS if spec.kind != "flow")


PRICE = re.compile(r"^(?:đồng|đ|vnđ)\s*/\s*(?:kg|lít|chai|hộp|gói|túi|sản phẩm|cái|chiếc|con|quả|bó|tấn)\b")
RANGE_TO = re.compile(r"^(?:đến|tới|-|–)\s*(?:khoảng\s+)?\d[\d.,]*\s+(?!nghìn|ngàn|triệu|tỷ|tỉ|%)")
FOOTNOTE_MARKS = re.compile("[¹²³⁰⁴-⁹]+")  # "22 cá nhân⁹": the word ends before its footnote mark
EACH = re.compile(r"\bmỗi\s(?!xã)")  # not "Chương trình Mỗi xã một sản phẩm"
TOTAL = re.compile(r"\btổng\b")  # "mỗi ngày ..., tổng doanh thu 8,5 tỷ đồng": a total after all
PER_ITEM_AFTER = re.compile(
    r"^[^.;,]{0,40}?(?:/\s*(?:phiên|hội chợ|cuộc|năm|người|đơn vị|huyện|xã|lớp|ngày)"
    r"|\bmỗi (?:ngày|phiên|buổi|hội chợ|đợt|lớp|cuộc)\b)"
)
SKIP_BEFORE = re.compile(
    r"\b(?:số (?:hiệu|điện thoại)|lần thứ|năm|quý|tháng|ngày|khóa|phường|khu phố|ấp|điều|khoản|giai đoạn|đợt)\s*$"
)


# A cumulative phrase this near the start of a sentence opens it and governs all its clauses ("Qua 14 năm thực
# hiện Cuộc vận động (2009 - 2023), ...; ..."); elsewhere only the rest of its own clause.
SENTENCE_OPENING = 30


@dataclass(frozen=True)
class _Marks:
    """Where the sentence's cumulative phrases and its returns to the period end, in order."""

    ends: list[int]
    cumulative: list[bool]
    opening: int | None  # where a cumulative phrase opening the sentence ends
    opening_until: int  # where the first return to the period after it ends

    def governs(self, position: int, clause_start: int) -> bool:
        """Whether a figure at ``position`` is in a total since before the period."""
        last = bisect.bisect_right(self.ends, position) - 1
        if last >= 0 and self.ends[last] > clause_start:
            return self.cumulative[last]
        return self.opening is not None and self.opening <= position < self.opening_until


def _cumulative_marks(lowered: str, period_year: int | None) -> _Marks:
    """Each "lũy kế" / "từ năm 2011 đến nay" of the sentence (not "từ năm 2024" in a 2024 report) and each
    "riêng năm 2024" that comes back to the period."""
    marks: list[tuple[int, bool]] = []
    opening = None
    for mark in CUMULATIVE.pattern.finditer(lowered):
        if mark.group(1) is None or period_year is None or int(mark.group(1)) < period_year:
            marks.append((mark.end(), True))
            if mark.start() <= SENTENCE_OPENING and opening is None:
                opening = mark.end()
    for mark in IN_PERIOD_AGAIN.pattern.finditer(lowered):
        year = mark.group(1) or mark.group(2)
        if year is None or period_year is None or int(year) >= period_year:
            marks.append((mark.end(), False))
    marks.sort()
    until = min(
        (end for end, cumulative in marks if not cumulative and opening and end > opening), default=len(lowered)
    )
    return _Marks([end for end, _kind in marks], [kind for _end, kind in marks], opening, until)


def _facts_in(sentence: str, location: str, heading: str = "", period_year: int | None = None) -> list[Fact]:
    lowered = sentence.lower()
    context = f"{heading.lower()} {lowered}"  # the part's heading tells what a bare table line is about
    marks = _cumulative_marks(lowered, period_year)
    facts: list[Fact] = []
    afters: list[str] = []  # the words after each fact's figure
    for match in NUMBER.finditer(lowered):
        before = lowered[max(0, match.start() - 40) : match.start()]
        after = FOOTNOTE_MARKS.sub("", lowered[match.end() : match.end() + 90]).lstrip()
        if upper := RANGE_TO.match(after):
            after = after[upper.end() :]  # "từ 30 đến 40 gian hàng": the lower bound counts what the upper counts
        if SKIP_BEFORE.search(before):
            continue
        window = max(0, match.start() - LOOKBEHIND)
        prefix = lowered[window : match.start()]
        semicolon = lowered.rfind(";", window, match.start())
        clause_start = semicolon + 1 if semicolon >= 0 else window
        clause = lowered[clause_start : match.start()]
        if REGISTRATION.pattern.search(before) or NOT_RESULT_AFTER.pattern.search(after):
            continue
        if NOT_RESULT.search(clause[-80:]) and not re.search(r"đã (?:tổ chức|thực hiện|đạt)|kết quả", clause[-80:]):
            continue
        if re.search(r"cùng kỳ[^.;]{0,25}\(\s*$", before) or _comparison_open(lowered, match.start()):
            continue  # "(cùng kỳ năm 2021: 1.032 cuộc)", "(năm 2019: 2.105 cuộc)": last year's figures, not these
        if re.match(r"^vụ\b", after) and re.search(r"kiểm tra(?:, kiểm soát)?\s*$", before):
            code: str | None = "inspections"  # "kiểm tra 1.132 vụ, xử lý 786 vụ vi phạm"
        else:
            code = _labelled(prefix, after, context, match["mult"], clause)
        if code is None and facts and facts[-1].indicator in _stocks() and _same_thing(after, afters[-1], before):
            code = facts[-1].indicator  # "02 điểm bán hàng Việt, nâng tổng số lên 09 điểm"
        if code == "viet_goods_share_pct" and not re.search(r"tỷ lệ[^;]{0,100}$|hàng việt[^;]{0,40}$", clause):
            continue  # a share must be the share of Vietnamese goods, not "100% hộ kinh doanh ký cam kết"
        if code is None:
            continue
        if code == PEOPLE_REACHED:
            code = _people_kind(prefix, after)
        if code not in _stocks() and marks.governs(match.start(), clause_start):
            continue  # "lũy kế từ năm 2011 đến nay, ... 118 phiên chợ": not this period's markets
        each = max((found.end() for found in EACH.finditer(clause)), default=-1)
        per_item = (
            bool(PER_ITEM_BEFORE.search(before))
            or (each >= 0 and not TOTAL.search(clause, each))
            or bool(PER_ITEM_AFTER.match(after))
        )
        qualifier = QUALIFIERS.get((match["qual"] or "").lower(), "exact")
        start = match.start("num") if not match["qual"] else match.start("qual")
        evidence, offset = _evidence(sentence, start, match.end())
        facts.append(
            Fact(
                code,
                _value(match["num"], match["mult"]),
                qualifier,
                per_item,
                evidence,
                location,
                start - offset,
                match.end() - offset,
            )
        )
        afters.append(after)
    return facts


UNIT_END = re.compile(r"[.,;:()“”\"\d]")


RAISED_TO = re.compile(r"nâng tổng số(?:\s+[^\W\d]+){0,4}\s+lên\s*$")


def _same_thing(after: str, earlier: str, before: str) -> bool:
    """Whether a figure counts what an earlier one in its sentence counted, named again more briefly or more fully:
    "02 điểm bán hàng Việt, nâng tổng số lên 09 điểm", "xây dựng mới 06 khu, nâng tổng số lên 31 khu dân cư" (not
    "12 khu dân cư điểm ..., 153 khu dân cư nông thôn mới")."""
    unit = UNIT_END.split(after, maxsplit=1)[0].strip()
    earlier_unit = UNIT_END.split(earlier, maxsplit=1)[0].strip()
    if not (unit and earlier_unit):
        return False
    return earlier.startswith(unit) or (unit.startswith(f"{earlier_unit} ") and RAISED_TO.search(before) is not None)


CLAUSE_STOP = re.compile(r"[;.](?=\s|$)")


def _evidence(sentence: str, start: int, end: int, limit: int = 320) -> tuple[str, int]:
    """The sentence, or for a long one the clause around the figure (between semicolons), and its offset."""
    if len(sentence) <= limit:
        return sentence, 0
    reach = max(0, start - limit // 2)  # look no further than the evidence can reach, so that this stays linear
    left = max(sentence.rfind(";", reach, start), sentence.rfind(":", reach, start), start - limit // 2)
    left = max(0, left + 1)
    stop = CLAUSE_STOP.search(sentence, end, end + limit // 2 + 1)  # not the dot in "267.083"
    right_candidates = [stop.start()] if stop else []
    right = min([*right_candidates, end + limit // 2, len(sentence)])
    clause = sentence[left : right + 1].strip()
    return clause, left + (len(sentence[left : right + 1]) - len(sentence[left : right + 1].lstrip()))


def guess_period(text: str) -> str | None:
    head = text[:3000]
    if match := PERIOD_H1.search(head):
        return f"{match.group(1) or match.group(2)}-H1"
    if match := PERIOD_YEAR.search(head):
        return match.group(1)
    return None


def guess_unit(text: str) -> str | None:
    """The province named with the steering committee in the header ("... tỉnh Trà Vinh")."""
    head = text[:4000]
    for line in head.splitlines():
        if re.search(r"ban chỉ đạo|cuộc vận động|mặt trận", line, re.IGNORECASE) and (match := UNIT.search(line)):
            return f"{match.group(1).capitalize()} {match.group(2)}"
    match = UNIT.search(head)
    return f"{match.group(1).capitalize()} {match.group(2)}" if match else None


def sections_of(passages: list[Passage]) -> list[tuple[str, bool]]:
    """For each passage, the heading it falls under and whether that part gives directions (plans for the
    next period, "phương hướng, nhiệm vụ"), not results. A part (I, II, or a heading in capitals) gives
    directions by its title, and its numbered items are tasks, whatever words they use; a numbered heading
    elsewhere gives directions when it starts with them ("4. Phương hướng, nhiệm vụ 6 tháng cuối năm")."""
    found: list[tuple[str, bool]] = []
    part_directions = item_directions = False
    heading = ""
    for passage in passages:
        stripped = passage.text.strip()
        if HEADING.match(stripped) and len(stripped) < 160:
            heading = stripped
            capitals = stripped.upper() == stripped
            if PART_HEADING.match(stripped) or capitals:
                part_directions = bool(DIRECTION_HEADINGS.search(stripped)) and (
                    capitals or not RESULT_HEADINGS.search(stripped)
                )
                item_directions = False
            elif not part_directions:
                item_directions = bool(DIRECTION_START.match(stripped)) and not RESULT_HEADINGS.search(stripped)
        found.append((heading, part_directions or item_directions))
    return found


def extract(passages: list[Passage]) -> Extraction:
    """Every result figure of a catalogue indicator in the passages, with its evidence and location."""
    text = "\n".join(passage.text for passage in passages)
    period = guess_period(text)
    year = int(period[:4]) if period else None
    facts: list[Fact] = []
    for passage, (heading, in_directions) in zip(passages, sections_of(passages), strict=True):
        if in_directions and not passage.location.startswith("chú thích"):
            continue
        for sentence in sentences_of(passage):
            facts.extend(_facts_in(sentence, passage.location, heading, year))
    return Extraction(guess_unit(text), period, facts)
