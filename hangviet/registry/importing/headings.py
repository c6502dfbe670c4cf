"""The columns of the lists offices keep, as named data: for each kind of registry, its fields and the head
words offices write above them, each with an example seen in such a list.

A heading matches a field when every word of one of the field's head phrases is in it, diacritics, case,
order, punctuation and extra words aside ("Tên SP OCOP" matches "Tên sản phẩm"; "Số, ngày QĐ" matches
"Số quyết định"). Abbreviations are spelt out first (``ABBREVIATIONS``). When several fields fit one column,
the longer phrase wins ("Nhóm sản phẩm" is the category, not the product's name), then the one whose words
come first (Vietnamese puts the head noun first: "Địa chỉ chủ thể" is an address). A phrase written
``=Năm`` matches a heading that is exactly that word; one written ``~Hạng`` keeps its diacritics ("hạng", a rank,
is not "hàng", goods: "Kết quả phân hạng" holds stars, "Ngành hàng" does not).

Adding a way of writing a heading is adding a phrase here; nothing else in the code names a heading.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from hangviet.lib.text import normalize_text
from hangviet.registry.importing.text import fold

#: Abbreviations offices use in headings, spelt out (folded) before matching.
ABBREVIATIONS: dict[str, str] = {
    "sp": "san pham",  # "Tên SP"
    "qd": "quyet dinh",  # "Số QĐ"
    "dv": "don vi",  # "ĐV sản xuất"
    "sx": "san xuat",  # "Cơ sở SX"
    "dn": "doanh nghiep",  # "Số DN tham gia"
    "clb": "cau lac bo",  # "Tên CLB"
    "htx": "hop tac xa",  # "Tên HTX"
    "tp": "thanh pho",  # "Tỉnh/TP"
    "tx": "thi xa",  # "Huyện/TX"
    "dc": "dia chi",  # "Đ/c"
    "sdt": "so dien thoai",  # "SĐT"
    "dt": "dien thoai",  # "ĐT liên hệ"
    "mst": "ma so thue",  # "MST"
    "hkd": "ho kinh doanh",  # "HKD"
    "kdc": "khu dan cu",  # "Tên KDC"
    "cs": "co so",  # "Tên CS"
    "sl": "so luong",  # "SL gian hàng"
    "dvhc": "don vi hanh chinh",  # "Mã ĐVHC"
}
#: Words that only mean something together ("thị xã" is not "xã"), joined into one token.
COMPOUNDS: tuple[tuple[str, ...], ...] = (
    ("hop", "tac", "xa"),
    ("to", "dan", "pho"),
    ("thi", "xa"),
    ("thi", "tran"),
    ("thanh", "pho"),
    ("khu", "pho"),
)
_SEPARATORS = re.compile(r"[^\w]+")


def heading_words(text: str) -> tuple[str, ...]:
    """The folded words of a heading, abbreviations spelt out and compounds joined: "Huyện/TX" → ("huyen",
    "thi_xa")."""
    words: list[str] = []
    for word in _SEPARATORS.sub(" ", fold(text).replace("_", " ")).split():
        words.extend(ABBREVIATIONS.get(word, word).split())
    joined: list[str] = []
    index = 0
    while index < len(words):
        for compound in COMPOUNDS:
            if tuple(words[index : index + len(compound)]) == compound:
                joined.append("_".join(compound))
                index += len(compound)
                break
        else:
            joined.append(words[index])
            index += 1
    return tuple(joined)


@dataclass(frozen=True)
class Field:
    """One column a list may have: its name in the code, the heading the export writes (and reads back), the
    head phrases offices write, and an example heading seen in an office's list."""

    name: str
    label: str
    heads: tuple[str, ...]
    example: str

    @property
    def shown_heads(self) -> list[str]:
        """The head phrases as the import page lists them: without the matching marks ("~Hạng", "=Sao")."""
        return list(dict.fromkeys(head.lstrip("~=") for head in self.heads))


@dataclass(frozen=True)
class KindSpec:
    code: str
    label: str | Promise
    fields: tuple[Field, ...]
    required: tuple[str, ...]  # every row must have these
    required_any: tuple[tuple[str, ...], ...] = ()  # the file must have one column of each group
    by_name: dict[str, Field] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        self.by_name.update({spec.name: spec for spec in self.fields})

    def label_of(self, name: str) -> str:
        return self.by_name[name].label


ADDRESS_FIELDS: tuple[Field, ...] = (
    Field("address", "Địa chỉ", ("Địa chỉ", "Nơi sản xuất", "Trụ sở", "Địa bàn"), "Địa chỉ (ấp, xã, huyện)"),
    Field("locality", "Ấp, khóm", ("Ấp", "Khóm", "Thôn", "Xóm", "Khu phố", "Tổ dân phố", "Bản"), "Ấp/Khóm"),
    Field("commune", "Xã, phường", ("Xã", "Phường", "Thị trấn", "Cấp xã"), "Xã/Phường/Thị trấn"),
    Field("district", "Huyện (cũ)", ("Huyện", "Quận", "Thị xã", "Thành phố", "Cấp huyện"), "Huyện/TX/TP"),
    Field("province", "Tỉnh", ("Tỉnh", "Cấp tỉnh", "Tỉnh thành phố"), "Tỉnh/TP"),
    # Written by the export: the unit the registry settled on, read back as it is (docs/decisions.md).
    Field("unit_key", "Mã đơn vị hành chính", ("Mã đơn vị hành chính",), "pre2025/commune/29239"),
)

OCOP = KindSpec(
    "ocop",
    _("Sản phẩm OCOP"),
    (
        Field("name", "Tên sản phẩm", ("Tên sản phẩm", "Sản phẩm", "Sản phẩm OCOP"), "Tên SP"),
        Field("stars", "Hạng sao", ("Hạng sao", "Số sao", "Xếp hạng", "Sao", "~Hạng"), "Số sao đạt"),
        Field(
            "producer",
            "Chủ thể",
            ("Chủ thể", "Cơ sở sản xuất", "Đơn vị sản xuất", "Tên cơ sở", "Nhà sản xuất", "Doanh nghiệp", "Hợp tác xã"),
            "Tên chủ thể (HTX, DN, hộ SX)",
        ),
        Field("legal_form", "Loại hình chủ thể", ("Loại hình", "Hình thức tổ chức"), "Loại hình chủ thể"),
        *ADDRESS_FIELDS,
        Field(
            "category", "Nhóm sản phẩm", ("Nhóm sản phẩm", "Bộ sản phẩm", "Phân nhóm", "Ngành hàng", "Nhóm"), "Bộ SP"
        ),
        Field("year", "Năm công nhận", ("Năm công nhận", "Năm đạt", "Năm xếp hạng", "=Năm"), "Năm công nhận"),
        Field("decision", "Số quyết định", ("Quyết định", "Số quyết định"), "Số QĐ"),
        Field(
            "decided_on",
            "Ngày quyết định",
            ("Ngày quyết định", "Ngày công nhận", "Thời gian công nhận", "Ngày cấp", "=Ngày"),
            "Ngày QĐ",
        ),
        Field(
            "issuer", "Cơ quan công nhận", ("Cơ quan công nhận", "Cấp công nhận", "Đơn vị công nhận"), "Cấp công nhận"
        ),
        Field("valid_to", "Hiệu lực đến", ("Hiệu lực đến", "Hết hạn", "Hết hiệu lực", "Thời hạn"), "Ngày hết hạn"),
        Field("revoked_on", "Thu hồi ngày", ("Thu hồi", "Ngày thu hồi"), "Ngày thu hồi"),
        Field("revoked_reason", "Lý do thu hồi", ("Lý do thu hồi",), "Lý do thu hồi"),
        Field("contact", "Điện thoại", ("Điện thoại", "Liên hệ"), "SĐT liên hệ"),
        Field("tax_code", "Mã số thuế", ("Mã số thuế", "Mã số doanh nghiệp"), "MST"),
    ),
    required=("name", "stars"),
    required_any=(("decided_on", "year", "decision"),),
)

SALE_POINTS = KindSpec(
    "salepoints",
    _("Điểm bán hàng Việt"),
    (
        Field(
            "name",
            "Tên điểm bán",
            ("Tên điểm bán", "Tên cửa hàng", "Điểm bán", "Cửa hàng", "Tên điểm", "=Tên"),
            "Tên cửa hàng, điểm bán",
        ),
        Field("kind", "Loại điểm bán", ("Loại điểm bán", "Loại", "Loại hình", "Mô hình"), "Loại hình điểm bán"),
        Field(
            "operator",
            "Đơn vị vận hành",
            ("Đơn vị vận hành", "Chủ cửa hàng", "Chủ thể", "Đơn vị quản lý", "Chủ sở hữu", "Đơn vị chủ quản"),
            "Chủ cửa hàng",
        ),
        *ADDRESS_FIELDS,
        Field("status", "Tình trạng", ("Tình trạng", "Trạng thái"), "Tình trạng hoạt động"),
        Field(
            "opened_on",
            "Ngày khai trương",
            ("Ngày khai trương", "Khai trương", "Ngày mở", "Ngày thành lập", "Năm thành lập", "Đưa vào hoạt động"),
            "Thời gian khai trương",
        ),
        Field("closed_on", "Ngày đóng cửa", ("Ngày đóng", "Đóng cửa", "Ngừng hoạt động"), "Ngày ngừng hoạt động"),
        Field(
            "last_verified_on",
            "Ngày kiểm tra",
            ("Ngày kiểm tra", "Kiểm tra", "Xác minh", "Rà soát"),
            "Ngày rà soát gần nhất",
        ),
    ),
    required=("name",),
)

EVENTS = KindSpec(
    "events",
    _("Sự kiện xúc tiến thương mại"),
    (
        Field(
            "name",
            "Tên sự kiện",
            ("Tên sự kiện", "Sự kiện", "Tên hoạt động", "Hoạt động", "Nội dung", "Tên hội chợ"),
            "Tên hoạt động, sự kiện",
        ),
        Field("kind", "Loại sự kiện", ("Loại sự kiện", "Loại", "Hình thức", "Loại hình"), "Hình thức tổ chức"),
        Field("programme", "Chương trình", ("Chương trình", "Khuôn khổ"), "Thuộc chương trình"),
        Field(
            "starts_on",
            "Từ ngày",
            ("Từ ngày", "Ngày bắt đầu", "Bắt đầu", "Thời gian", "Ngày tổ chức", "=Ngày"),
            "Thời gian tổ chức",
        ),
        Field("ends_on", "Đến ngày", ("Đến ngày", "Ngày kết thúc", "Kết thúc"), "Ngày kết thúc"),
        Field("address", "Địa điểm", ("Địa điểm", "Nơi tổ chức", "Địa chỉ"), "Địa điểm tổ chức"),
        *ADDRESS_FIELDS[1:],
        Field(
            "organisers",
            "Đơn vị phối hợp",
            ("Đơn vị phối hợp", "Phối hợp", "Cơ quan phối hợp", "Đồng tổ chức"),
            "Đơn vị phối hợp tổ chức",
        ),
        Field(
            "businesses",
            "Số doanh nghiệp",
            ("Số doanh nghiệp", "Doanh nghiệp tham gia", "Số đơn vị tham gia", "Số cơ sở"),
            "Số DN tham gia",
        ),
        Field("booths", "Số gian hàng", ("Số gian hàng", "Gian hàng"), "SL gian hàng"),
        Field("products", "Số sản phẩm", ("Số sản phẩm", "Sản phẩm trưng bày"), "Số sản phẩm trưng bày"),
        Field(
            "revenue",
            "Doanh thu (đồng)",
            ("Doanh thu", "Giá trị giao dịch", "Giá trị bán hàng"),
            "Doanh thu (triệu đồng)",
        ),
        Field("visitors", "Lượt khách", ("Lượt khách", "Lượt người", "Khách tham quan"), "Số lượt khách tham quan"),
        Field("tonnes", "Khối lượng (tấn)", ("Khối lượng", "Số tấn", "Tấn hàng"), "Khối lượng hàng (tấn)"),
        Field("status", "Tình trạng", ("Tình trạng", "Trạng thái", "Kết quả"), "Tình trạng"),
        Field("note", "Ghi chú", ("Ghi chú",), "Ghi chú"),
    ),
    required=("name", "starts_on"),
)

AREAS = KindSpec(
    "areas",
    _("Khu dân cư tự hào dùng hàng Việt"),
    (
        Field(
            "name",
            "Tên khu dân cư",
            ("Tên khu dân cư", "Khu dân cư", "Tên mô hình", "=Tên"),
            "Tên khu dân cư (ấp, khóm)",
        ),
        *ADDRESS_FIELDS,
        Field("status", "Tình trạng", ("Tình trạng", "Kết quả", "Trạng thái"), "Kết quả đánh giá"),
        Field("registered_on", "Ngày đăng ký", ("Ngày đăng ký", "Năm đăng ký", "Đăng ký"), "Năm đăng ký xây dựng"),
        Field(
            "recognised_on",
            "Ngày công nhận",
            ("Ngày công nhận", "Năm công nhận", "Năm đạt", "Ngày đạt"),
            "Năm được công nhận",
        ),
        Field(
            "recognised_by",
            "Đơn vị công nhận",
            ("Đơn vị công nhận", "Cơ quan công nhận", "Cấp công nhận"),
            "Cấp công nhận",
        ),
        Field("lapsed_on", "Không duy trì từ", ("Không duy trì", "Ngừng duy trì"), "Ngày không duy trì"),
    ),
    required=("name",),
)

CLUBS = KindSpec(
    "clubs",
    _("Câu lạc bộ, tổ, nhóm"),
    (
        Field(
            "name",
            "Tên câu lạc bộ",
            ("Tên câu lạc bộ", "Câu lạc bộ", "Tên tổ nhóm", "Tên nhóm", "Tên mô hình", "=Tên"),
            "Tên CLB, tổ, nhóm",
        ),
        Field("kind", "Loại", ("Loại", "Loại hình", "Mô hình"), "Loại hình CLB"),
        Field(
            "owner_name",
            "Tổ chức quản lý",
            ("Tổ chức quản lý", "Đơn vị quản lý", "Cơ quan quản lý", "Chi hội", "Đơn vị thành lập", "Trực thuộc"),
            "Đơn vị quản lý",
        ),
        Field("members", "Số thành viên", ("Số thành viên", "Thành viên", "Số hội viên", "Hội viên"), "Số TV"),
        *ADDRESS_FIELDS,
        Field(
            "founded_on",
            "Ngày thành lập",
            ("Ngày thành lập", "Năm thành lập", "Thành lập"),
            "Thời gian thành lập",
        ),
        Field("dissolved_on", "Ngày giải thể", ("Ngày giải thể", "Giải thể", "Ngừng hoạt động"), "Ngày giải thể"),
    ),
    required=("name",),
)

KINDS: dict[str, KindSpec] = {spec.code: spec for spec in (OCOP, SALE_POINTS, EVENTS, AREAS, CLUBS)}
KIND_CHOICES = [(spec.code, spec.label) for spec in KINDS.values()]


@dataclass(frozen=True)
class _Phrase:
    words: tuple[str, ...]
    exact: bool  # "=Năm": the whole heading
    marked: bool  # "~Hạng": with its diacritics


def marked_words(text: str) -> tuple[str, ...]:
    """The words of a heading with their diacritics, lower case."""
    return tuple(_SEPARATORS.sub(" ", normalize_text(text).lower().replace("_", " ")).split())


@lru_cache(maxsize=512)
def _phrases(spec: Field) -> list[_Phrase]:
    found = []
    for head in spec.heads:
        text = head.lstrip("=~")
        words = marked_words(text) if head.startswith("~") else heading_words(text)
        if words:
            found.append(_Phrase(words, exact=head.startswith("="), marked=head.startswith("~")))
    return found


def _score(phrase: _Phrase, words: tuple[str, ...], marked: tuple[str, ...]) -> tuple[int, int, int] | None:
    """How well a head phrase fits a heading: more words matched, then earlier, then fewer words left over."""
    if phrase.exact:
        return (len(phrase.words), 0, 0) if words == phrase.words else None
    against = marked if phrase.marked else words
    if not set(phrase.words) <= set(against):
        return None
    start = min(against.index(word) for word in phrase.words)
    return (len(phrase.words), -start, -(len(against) - len(phrase.words)))


@dataclass(frozen=True)
class Mapping:
    """Which column holds which field (0-based column indexes), and the headings nothing matched."""

    columns: dict[str, int]
    headings: tuple[str, ...]
    unused: tuple[str, ...]

    def has(self, name: str) -> bool:
        return name in self.columns


def match_headings(spec: KindSpec, headings: Sequence[str]) -> Mapping:
    """Assign each field the column that fits it best, each column to one field at most."""
    candidates: list[tuple[tuple[int, int, int], int, int, str]] = []
    for column, heading in enumerate(headings):
        words = heading_words(heading)
        if not words:
            continue
        marked = marked_words(heading)
        for order, spec_field in enumerate(spec.fields):
            scores = [score for phrase in _phrases(spec_field) if (score := _score(phrase, words, marked)) is not None]
            if scores:
                candidates.append((max(scores), -column, -order, spec_field.name))
    candidates.sort(reverse=True)
    columns: dict[str, int] = {}
    taken: set[int] = set()
    for _score_value, negative_column, _order, name in candidates:
        column = -negative_column
        if name in columns or column in taken:
            continue
        columns[name] = column
        taken.add(column)
    unused = tuple(heading for column, heading in enumerate(headings) if heading.strip() and column not in taken)
    return Mapping(columns, tuple(headings), unused)


def missing_columns(spec: KindSpec, mapping: Mapping) -> list[str]:
    """Labels of the required columns (or groups of columns, "one of") the mapping lacks."""
    missing = [spec.label_of(name) for name in spec.required if not mapping.has(name)]
    for group in spec.required_any:
        if not any(mapping.has(name) for name in group):
            missing.append(" / ".join(spec.label_of(name) for name in group))
    return missing


def expected_columns_text(spec: KindSpec) -> str:
    """ "Tên sản phẩm (ví dụ “Tên SP”), Hạng sao (ví dụ “Số sao đạt”) và một trong các cột …" for a refusal."""

    def one(name: str) -> str:
        return f"{spec.label_of(name)} (ví dụ “{spec.by_name[name].example}”)"

    text = ", ".join(one(name) for name in spec.required)
    for group in spec.required_any:
        text += " và một trong các cột " + ", ".join(one(name) for name in group)
    return text
