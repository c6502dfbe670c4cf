"""How plans label a task's fields and name organisations, as named data with an example each.

A **label** is the short phrase before a colon that says what follows ("Đơn vị chủ trì: Sở Công Thương"). Plans
vary it freely, so a label is recognised by its head words, not by an exact phrase: the words before the colon are
folded (no diacritics, lower case), abbreviations are spelt out ("ĐV" → "đơn vị", "TG" → "thời gian"), and a rule
matches when one of its head phrases starts the label after at most a few qualifier words ("Đơn vị", "Cơ quan",
"Dự kiến"…), whatever follows it ("Thời gian tổ chức cuộc thi", "Đơn vị chủ trì thực hiện"). The first rule that
matches wins, so "Thời gian thực hiện" is a time and "Kinh phí thực hiện" a budget, not a lead unit. A phrase
longer than ``MAX_LABEL_WORDS`` is prose, not a label.

An **organisation head** is the word(s) an organisation's name starts with ("Sở", "Hội Liên hiệp", "Ủy ban",
"Chi cục", "các ngành"…), with the words that make the same start something else ("Hội nghị", "Báo cáo", "Ban
hành", "Phòng, chống"). It tells an assignee ("3. Sở Công Thương:") from a topic ("3. Hội nghị sơ kết"), and where
a list of units splits ("Phòng Quản lý thương mại, Liên đoàn Lao động tỉnh" is two units; "Sở Văn hóa, Thể thao
và Du lịch" is one).

Adding a way of writing a label or an organisation is adding an entry here (with its example; the tests read
every example); nothing else in the code names a label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hangviet.lib.text import fold_diacritics, normalize_text

#: A label has at most this many words ("Cơ quan, đơn vị chủ trì thực hiện chính" has 9), and at most a rule's
#: ``max_after`` words after its head; a longer phrase before a colon is a sentence ("Phối hợp với Sở Công Thương
#: tổ chức xúc tiến thương mại: …").
MAX_LABEL_WORDS = 10
#: Qualifier words a head phrase may follow inside a label ("Cơ quan chủ trì", "Dự kiến thời gian").
QUALIFIERS = frozenset(
    {"don", "vi", "co", "quan", "bo", "phan", "du", "kien", "cac", "ca", "nhan", "chinh", "va", "ten", "nguoi", "moc"}
)
#: Abbreviations used in labels, spelt out (folded) before matching.
ABBREVIATIONS = {
    "dv": "don vi",  # "ĐV chủ trì"
    "cq": "co quan",  # "CQ phối hợp"
    "tg": "thoi gian",  # "TG thực hiện"
    "nd": "noi dung",  # "ND công việc"
    "ph": "phoi hop",  # "ĐV PH"
    "th": "thuc hien",  # "ĐV TH"
    "kp": "kinh phi",  # "KP thực hiện"
    "sp": "san pham",  # "SP đầu ra"
}


@dataclass(frozen=True)
class LabelRule:
    """One field a label can name. ``heads``: folded head phrases; ``exact``: folded labels that name this field
    only when they are the whole label ("Đơn vị:" is the lead unit, "Đơn vị phối hợp:" is not)."""

    name: str
    field: str  # content | when | lead | coordinating | output | other
    heads: tuple[str, ...]
    example: str
    not_this: str  # a label that must not be read as this field (or a phrase that is no label at all)
    exact: tuple[str, ...] = ()
    max_after: int = 3  # words allowed after the head ("Đơn vị chủ trì thực hiện chính": 3)


LABELS: tuple[LabelRule, ...] = (
    LabelRule(
        "content",
        "content",
        ("noi dung", "hoat dong", "cong viec", "nhiem vu", "hinh thuc", "yeu cau"),
        "Nội dung và thời gian: Hội nghị quán triệt: Quý III/2024.",
        "Thời gian thực hiện nội dung: Quý II",
        max_after=6,
    ),
    LabelRule(
        "when",
        "when",
        ("thoi gian", "thoi han", "tien do", "thoi diem"),
        "Thời gian thực hiện dự kiến: Quý II/2025",
        "Kinh phí thực hiện: Ban Chỉ đạo",
        exact=("du kien", "hoan thanh", "han", "han hoan thanh"),
        max_after=6,
    ),
    LabelRule(
        "budget",
        "other",
        ("kinh phi", "nguon kinh phi", "du toan"),
        "Kinh phí thực hiện: Ban Chỉ đạo Cuộc vận động thành phố.",
        "Đơn vị thực hiện: Sở Tài chính",
    ),
    LabelRule(
        "output",
        "output",
        ("san pham", "ket qua", "chi tieu"),
        "Sản phẩm: Báo cáo kết quả kiểm tra",
        "Đơn vị chủ trì: Sở Công Thương",
    ),
    LabelRule(
        "place and audience",
        "other",
        ("dia diem", "doi tuong", "quy mo", "thanh phan"),
        "Địa điểm: Nhà văn hóa xã",
        "Thời gian: tháng 5/2025",
    ),
    LabelRule(
        "coordinating",
        "coordinating",
        ("phoi hop", "tham gia"),
        "Đơn vị phối hợp thực hiện: Hội Liên hiệp Phụ nữ tỉnh",
        "Phối hợp với Sở Công Thương tổ chức hội chợ: tháng 5/2025",
    ),
    LabelRule(
        "lead",
        "lead",
        (
            "chu tri",
            "thuc hien",
            "tham muu",
            "phu trach",
            "dau moi",
            "trach nhiem",
            "phan cong",
            "giao",
            "to chuc thuc hien",
        ),
        "ĐV chủ trì: Ban Thường trực UBMTTQ VN tỉnh",
        "Phối hợp thực hiện: Sở Y tế",
        exact=("don vi", "co quan"),
    ),
)

_SEPARATORS = re.compile(r"[^\w]+")


def label_words(text: str) -> list[str]:
    """The folded words of a label, abbreviations spelt out: "ĐV chủ trì" → ["don", "vi", "chu", "tri"]."""
    words: list[str] = []
    for word in _SEPARATORS.sub(" ", fold_diacritics(text)).split():
        words.extend(ABBREVIATIONS.get(word, word).split())
    return words


def _starts_with(words: list[str], head: list[str], max_after: int) -> bool:
    """Whether ``head`` starts ``words`` after qualifier words only, followed by at most ``max_after`` words."""
    for index in range(len(words) - len(head) + 1):
        if words[index : index + len(head)] == head:
            return len(words) - index - len(head) <= max_after
        if words[index] not in QUALIFIERS:
            return False
    return False


def label_rule(label: str) -> LabelRule | None:
    """The rule a label (the words before a colon) names, or None when it is no label."""
    words = label_words(label)
    if not words or len(words) > MAX_LABEL_WORDS:
        return None
    joined = " ".join(words)
    for rule in LABELS:
        if joined in rule.exact or any(_starts_with(words, head.split(), rule.max_after) for head in rule.heads):
            return rule
    return None


def label_field(label: str) -> str | None:
    """The field a label names ("content", "when", "lead", "coordinating", "output", "other") or None."""
    rule = label_rule(label)
    return rule.field if rule else None


# Where a field may start inside a line: at its start (after a bullet) or after ".", ";", ",", ":", "(" or " - ".
_FIELD_BOUNDARY = re.compile(r"[.;,:(]|\s[-–]\s")
_KEY = re.compile(r"\s*(?:[-–•+*]\s*)?(?P<key>[^.;:()]{1,80}?)\s*:")


def split_fields(text: str) -> tuple[str, list[tuple[str, str]]]:
    """A line as its prose and the labelled fields it holds, in order: "Đơn vị thực hiện: Ban Kinh tế - Xã hội.
    Thời gian: Quý IV/2026." → ("", [("lead", "Ban Kinh tế - Xã hội"), ("when", "Quý IV/2026")])."""
    starts: list[tuple[int, int, str]] = []
    for position in [0, *(boundary.end() for boundary in _FIELD_BOUNDARY.finditer(text))]:
        if starts and position < starts[-1][1]:
            continue
        match = _KEY.match(text, position)
        if match and (field := label_field(match["key"])) is not None:
            starts.append((position, match.end(), field))
    if not starts:
        return text, []
    prose = text[: starts[0][0]].strip(" -–")
    fields = []
    for index, (_start, end, field) in enumerate(starts):
        stop = starts[index + 1][0] if index + 1 < len(starts) else len(text)
        fields.append((field, text[end:stop].strip(" .;,-–")))
    return prose, fields


@dataclass(frozen=True)
class OrganisationHead:
    """Words an organisation's name starts with (lower case, with diacritics), and starts that are not one."""

    words: str
    example: str
    unless: tuple[str, ...] = ()  # the same start followed by these words is something else


ORGANISATION_HEADS: tuple[OrganisationHead, ...] = (
    OrganisationHead("sở", "Sở Công Thương"),
    OrganisationHead(
        "ban", "Ban Thường trực Ủy ban MTTQ Việt Nam tỉnh", ("hành", "chỉ đạo cuộc vận động thành phố ban")
    ),
    OrganisationHead("hội", "Hội Liên hiệp Phụ nữ xã", ("nghị", "chợ", "thảo", "thi", "diễn", "báo", "trại", "đồng ý")),
    OrganisationHead("ủy ban", "Ủy ban MTTQ Việt Nam các xã"),
    OrganisationHead("uỷ ban", "Uỷ ban nhân dân các huyện"),
    OrganisationHead("ubnd", "UBND các huyện, thị xã, thành phố"),
    OrganisationHead("ubmttq", "UBMTTQ Việt Nam tỉnh"),
    OrganisationHead("mặt trận", "Mặt trận Tổ quốc các cấp"),
    OrganisationHead(
        "đoàn", "Đoàn Thanh niên Cộng sản Hồ Chí Minh xã", ("kết", "viên", "thể", "kiểm tra", "công tác", "giám sát")
    ),
    OrganisationHead("tỉnh đoàn", "Tỉnh Đoàn Quảng Trị"),
    OrganisationHead("thành đoàn", "Thành đoàn Cần Thơ"),
    OrganisationHead("liên đoàn", "Liên đoàn Lao động tỉnh"),
    OrganisationHead("liên minh", "Liên minh Hợp tác xã tỉnh"),
    OrganisationHead("hiệp hội", "Hiệp hội Doanh nghiệp tỉnh"),
    OrganisationHead("công an", "Công an xã"),
    OrganisationHead("công đoàn", "Công đoàn các khu công nghiệp"),
    OrganisationHead("công chức", "Công chức Văn hóa - Xã hội xã"),
    OrganisationHead("cục", "Cục Thuế tỉnh"),
    OrganisationHead("chi cục", "Chi cục Quản lý thị trường tỉnh Bình Dương"),
    OrganisationHead("phòng", "Phòng Kinh tế xã", ("chống", ",", "ngừa", "tránh", "cháy")),
    OrganisationHead("trung tâm", "Trung tâm Khuyến công và Xúc tiến thương mại tỉnh", ("thương mại",)),
    OrganisationHead("đài", "Đài Phát thanh - Truyền hình tỉnh"),
    OrganisationHead("báo", "Báo Quảng Trị", ("cáo", "chí")),
    OrganisationHead("văn phòng", "Văn phòng Sở"),
    OrganisationHead("đảng ủy", "Đảng ủy Khối Doanh nghiệp thành phố"),
    OrganisationHead("đảng uỷ", "Đảng uỷ xã"),
    OrganisationHead("bộ chỉ huy", "Bộ Chỉ huy Bộ đội Biên phòng tỉnh"),
    OrganisationHead("trạm", "Trạm Y tế phường", ("dừng",)),
    OrganisationHead("tổ giúp việc", "Tổ giúp việc Ban Chỉ đạo Cuộc vận động thành phố"),
    OrganisationHead("tổ công tác", "Tổ công tác liên ngành"),
    OrganisationHead("tổ thư ký", "Tổ thư ký Ban Chỉ đạo"),
    OrganisationHead("thường trực", "Thường trực Ban Chỉ đạo tỉnh"),
    OrganisationHead("cơ quan", "cơ quan Thường trực Ban Chỉ đạo Cuộc vận động", ("báo chí", "chức năng")),
    OrganisationHead("thanh tra", "Thanh tra tỉnh"),
    OrganisationHead("kho bạc", "Kho bạc Nhà nước tỉnh"),
    OrganisationHead("ngân hàng", "Ngân hàng Chính sách xã hội tỉnh"),
    OrganisationHead("chi nhánh", "Chi nhánh Ngân hàng Nông nghiệp"),
    OrganisationHead("hội đồng", "Hội đồng nhân dân xã"),
    OrganisationHead("các sở", "các sở, ngành, địa phương liên quan"),
    OrganisationHead("các ban", "các ban"),
    OrganisationHead("các ngành", "các ngành thành viên Ban Chỉ đạo"),
    OrganisationHead("các cơ quan", "Các cơ quan thành viên khác"),
    OrganisationHead("các tổ chức", "Các tổ chức chính trị - xã hội"),
    OrganisationHead("các đơn vị", "các đơn vị có liên quan"),
    OrganisationHead("các phòng", "Các phòng, đơn vị thuộc Sở"),
    OrganisationHead("các hội", "các hội đoàn thể"),
    OrganisationHead("các đoàn thể", "các đoàn thể chính trị - xã hội"),
    OrganisationHead("các doanh nghiệp", "Các doanh nghiệp tham gia chương trình bình ổn"),
    OrganisationHead("các thành viên", "các thành viên Ban Chỉ đạo"),
    OrganisationHead("các đồng chí thành viên", "các đồng chí thành viên Ban Chỉ đạo Cuộc vận động thành phố"),
)
_HEADS = sorted(ORGANISATION_HEADS, key=lambda head: -len(head.words))


def _lowered(text: str) -> str:
    return normalize_text(text).lower()


def organisation_head(text: str) -> OrganisationHead | None:
    """The organisation head ``text`` starts with, or None ("Hội nghị sơ kết" starts with none)."""
    lowered = _lowered(text)
    for head in _HEADS:
        if lowered == head.words or lowered.startswith((head.words + " ", head.words + ",")):
            rest = lowered[len(head.words) :].lstrip()
            if any(rest.startswith(word) for word in head.unless):
                return None
            return head
    return None


#: The longest name taken as an organisation ("Liên đoàn Thương mại và Công nghiệp Việt Nam chi nhánh Cần Thơ").
MAX_NAME_WORDS = 14
_NOT_IN_NAMES = re.compile(r"\b(?:chủ trì|phối hợp|triển khai|tham mưu|căn cứ)\b", re.IGNORECASE)


def looks_like_organisation(name: str) -> bool:
    """Whether ``name`` reads as an organisation's name: it starts with an organisation head, is short, and holds
    no verb of assignment ("Sở Công Thương chủ trì tổ chức hội chợ" is a sentence)."""
    words = name.split()
    return 0 < len(words) <= MAX_NAME_WORDS and organisation_head(name) is not None and not _NOT_IN_NAMES.search(name)


#: Words before a unit's name that are not part of it: "Giao Sở Công Thương chủ trì", "Đối với UBND các xã:".
ASSIGNING_WORDS = re.compile(r"^(?:giao(?:\s+cho)?|đối\s+với|đề\s+nghị|trách\s+nhiệm\s+của)\s+", re.IGNORECASE)
_LEADS = re.compile(r"^(?P<lead>.+?)\s+chủ\s+trì\b[\s,;:]*(?P<rest>.*)$", re.IGNORECASE | re.DOTALL)
_WITH = re.compile(r"^(?:(?:và\s+)?phối\s+hợp(?:\s+(?:với|cùng))?\s*)", re.IGNORECASE)
_TRAILING_WITH = re.compile(r"\s+(?:cùng\s+)?phối\s+hợp(?:\s+thực\s+hiện)?\s*$", re.IGNORECASE)
_INNER_WITH = re.compile(r"\s+(?:chủ\s+trì,?\s*)?phối\s+hợp(?:\s+(?:với|cùng))?\s+", re.IGNORECASE)
_PARENTHESIS = re.compile(r"\s*\([^()]*\)")


def split_units(text: str) -> list[str]:
    """Organisation names in a list, split where a new name starts: at ";", and at ",", "và" or " - " when an
    organisation's name follows ("Sở Văn hóa, Thể thao và Du lịch" and "Các sở, ban, ngành" stay whole)."""
    names: list[str] = []
    for chunk in re.split(r"\s*;\s*", _PARENTHESIS.sub("", normalize_text(text))):
        pieces = re.split(r"(\s*,\s*|\s+và\s+|\s+[-–]\s+)", chunk)
        current = pieces[0]
        for separator, piece in zip(pieces[1::2], pieces[2::2], strict=True):
            if len(piece.split()) > 1 and organisation_head(piece) is not None and current.strip():
                names.append(current)
                current = piece
            else:
                current += separator + piece
        names.append(current)
    cleaned = (re.sub(r"^(?:và|[-–])\s+", "", name.strip(" .;:,")).strip() for name in names)
    return [name for name in cleaned if name]


def lead_and_coordinating(text: str) -> tuple[str, list[str]]:
    """One lead unit and the coordinating units, as a lead field writes them:

    - "Sở Công Thương chủ trì, phối hợp với Liên minh Hợp tác xã tỉnh và Hiệp hội Doanh nghiệp tỉnh"
    - "Ban Thường trực Ủy ban MTTQ Việt Nam phường chủ trì; Hội Liên hiệp Phụ nữ phường, Đoàn Thanh niên phường
      phối hợp"
    - "Tổ giúp việc Ban Chỉ đạo phối hợp cùng các đơn vị có liên quan"
    - "Ban Thường trực Ủy ban MTTQ tỉnh, các ngành thành viên" (several units: the first leads);
    - "Chủ trì: Hội Liên hiệp Phụ nữ tỉnh; Phối hợp: Sở Công Thương" (a table cell holding both).
    """
    text = _PARENTHESIS.sub("", normalize_text(text)).strip(" .;,")
    if not text:
        return "", []
    text = ASSIGNING_WORDS.sub("", text)
    prose, fields = split_fields(text)  # "Chủ trì: Hội Liên hiệp Phụ nữ tỉnh; Phối hợp: Sở Công Thương"
    if fields and not prose:
        named = [lead_and_coordinating(value) for kind, value in fields if kind == "lead" and value]
        others = [unit for kind, value in fields if kind == "coordinating" for unit in split_units(value)]
        if named:
            return named[0][0], [*named[0][1], *others]
        if others:
            return "", others
    leads = _LEADS.match(text)
    if leads:
        lead_part, rest = leads["lead"], _TRAILING_WITH.sub("", _WITH.sub("", leads["rest"]))
    else:
        inner = _INNER_WITH.search(text)
        lead_part, rest = (text[: inner.start()], text[inner.end() :]) if inner else (text, "")
        rest = _TRAILING_WITH.sub("", rest)
    units = split_units(lead_part)
    if not units:
        return "", split_units(rest)
    return units[0], [*units[1:], *split_units(rest)]
