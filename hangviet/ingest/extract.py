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

import functools
import re
import unicodedata
from dataclasses import asdict, dataclass
from decimal import Decimal

from hangviet.ingest.reading import Passage

_NUMBER = (
    r"(?P<qual>khoảng|ước tính|ước|xấp xỉ|hơn|trên|ngoài|gần|dưới|chưa đến|gần như)?\s*"
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)"
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

# What a number counts, from the words right after it (folded to lower case), most specific first.
# Each rule: (pattern on the words after the number, indicator, pattern the sentence must contain or None).
PEOPLE_REACHED = "people"  # propaganda or training participants: decided by the nearest activity before the number
TRAINING_WORDS = re.compile(r"tập huấn|hội thảo|\blớp\b|khóa học|bồi dưỡng|đào tạo|học viên")
PROPAGANDA_WORDS = re.compile(r"tuyên truyền|vận động|phổ biến|cuộc\s+cho\s*$")
PEOPLE = (
    r"(?:(?:lượt\s+)?(?:người|cán bộ|đảng viên|đoàn viên|hội viên|học viên|công chức|viên chức|lao động|đại biểu)"
    r"|lượt\s+(?:hộ(?: kinh doanh| gia đình)?|tiểu thương|phụ nữ|nông dân|thanh niên|học sinh|sinh viên"
    r"|cựu chiến binh))"
)
AFTER_RULES: list[tuple[re.Pattern[str], str, re.Pattern[str] | None]] = [
    (re.compile(r"^sản phẩm[^.;:]{0,60}?(?:ocop)[^.;:]{0,40}?3 sao trở lên"), "ocop_products", None),
    (re.compile(r"^sản phẩm[^.;:,]{0,40}?3 sao trở lên"), "ocop_products", None),
    (re.compile(r"^sản phẩm(?:[^.;:,]{0,40}?(?:đạt|hạng))?[^.;:,\d]{0,12}?3 sao"), "ocop_3_star", None),
    (re.compile(r"^sản phẩm(?:[^.;:,]{0,40}?(?:đạt|hạng))?[^.;:,\d]{0,12}?4 sao"), "ocop_4_star", None),
    (re.compile(r"^sản phẩm(?:[^.;:,]{0,40}?(?:đạt|hạng))?[^.;:,\d]{0,12}?5 sao"), "ocop_5_star", None),
    (
        re.compile(r"^sản phẩm[^.;:]{0,40}?ocop(?![^.;]{0,40}?(?:trưng bày|giới thiệu tại|tham gia|tham dự))"),
        "ocop_products",
        None,
    ),
    (re.compile(r"^chủ thể"), "ocop_producers", re.compile(r"ocop|\d sao")),
    (re.compile(r"^(?:cửa hàng|điểm)[^.;]{0,60}?ocop"), "ocop_stores", None),
    (re.compile(r"^(?:điểm bán|điểm giới thiệu)[^.;]{0,50}?hàng việt"), "viet_sale_points", None),
    (re.compile(r"^(?:chương trình|đợt)[^.;]{0,30}?khuyến mại"), "promotion_programs", None),
    (re.compile(r"^(?:phiên chợ|chợ phiên)"), "rural_markets", None),
    (re.compile(r"^(?:cuộc |lần )?(?:hội chợ|triển lãm|tuần hàng)"), "fairs", None),
    (
        re.compile(r"^(?:cuộc |lần )?(?:hội nghị|chuyến|hoạt động|chương trình)?\s*(?:kết nối|giao thương)"),
        "trade_connection_events",
        None,
    ),
    (re.compile(r"^gian hàng"), "booths", None),
    (
        re.compile(r"^(?:doanh nghiệp|cơ sở|hợp tác xã|htx)(?:\s*/\s*doanh nghiệp)?(?:[^.;]{0,25}?tham gia|,)"),
        "participating_businesses",
        None,
    ),
    (re.compile(r"^(?:doanh nghiệp|cơ sở)\b"), "participating_businesses", re.compile(r"tham gia|hội chợ|phiên chợ")),
    (re.compile(r"^(?:lượt khách|lượt người (?:tham quan|mua sắm)|khách tham quan)"), "event_visitors", None),
    (
        re.compile(r"^lượt\b(?!\s+(?:người|cán bộ|đảng viên|đoàn viên|hội viên|học viên|hộ|tiểu thương|đại biểu))"),
        "event_visitors",
        re.compile(r"khách|tham quan|mua sắm"),
    ),
    (re.compile(r"^(?:lớp|khóa)\b"), "training_courses", None),
    (
        re.compile(r"^(?:cuộc |buổi )?(?:hội thảo|tọa đàm|hội nghị)(?! (?:kết nối|giao thương))"),
        "training_courses",
        None,
    ),
    (re.compile(r"^(?:cuộc|đợt|vụ) (?:kiểm tra, giám sát|giám sát|kiểm tra việc)"), "supervisions", None),
    (re.compile(r"^vụ (?:kiểm tra|kiểm soát)"), "inspections", None),
    (re.compile(r"^vụ\s+(?:việc\s+)?vi phạm"), "violations_handled", None),
    (
        re.compile(r"^vụ\b(?!\s+(?:kiểm tra|kiểm soát))"),
        "violations_handled",
        re.compile(r"xử lý|vi phạm|nhập lậu|hàng giả"),
    ),
    (re.compile(r"^(?:cuộc|buổi)\b"), "propaganda_sessions", re.compile(r"tuyên truyền|vận động|phổ biến")),
    (re.compile(r"^cuộc,?\s+(?:có\s+|với\s+|thu hút\s+)?[\d.]+\s+lượt"), "propaganda_sessions", None),
    (
        re.compile(rf"^{PEOPLE}"),
        PEOPLE_REACHED,
        re.compile(r"tuyên truyền|vận động|phổ biến|tập huấn|hội thảo|hội nghị|\blớp\b|khóa|bồi dưỡng|đào tạo|\d cuộc"),
    ),
    (
        re.compile(r"^(?:tin(?!\s*(?:báo|nhắn))|bài|tin, bài|tin bài|phóng sự|chuyên mục|chuyên trang)\b"),
        "media_items",
        re.compile(r"^(?!.*(?:tin báo|phản ánh|tố giác|khiếu nại))"),  # tip-offs from consumers are not news items
    ),
    (re.compile(r"^(?:băng rôn|băng-rôn|pano|cụm pano|áp phích|khẩu hiệu)"), "banners", None),
    (re.compile(r"^tấn\b"), "goods_delivered_tonnes", None),
    (re.compile(r"^khu dân cư[^.;]{0,70}?(?:hàng việt|tự hào)"), "model_residential_areas", None),
    (re.compile(r"^(?:câu lạc bộ|clb|tổ, nhóm|mô hình câu lạc bộ)"), "clubs", None),
    (re.compile(r"^(?:tập thể|cá nhân|doanh nghiệp)[^.;]{0,40}?(?:khen|tôn vinh|biểu dương)"), "commendations", None),
    (
        re.compile(r"^(?:tập thể|cá nhân|gia đình|hộ gia đình)\b"),
        "commendations",
        re.compile(r"khen thưởng|tôn vinh|biểu dương|bằng khen|giấy khen"),
    ),
    (re.compile(r"^(?:thành viên|hội viên)\b"), "club_members", re.compile(r"câu lạc bộ|clb|tổ, nhóm")),
    (
        re.compile(r"^%(?!\s*(?:kế hoạch|chỉ tiêu|so với|trở lên|trở xuống))"),
        "viet_goods_share_pct",
        re.compile(r"hàng việt"),
    ),
]
MONEY_CONTEXT = [
    (
        re.compile(
            r"(?:hội chợ|phiên chợ|triển lãm|gian hàng|tuần hàng|sự kiện|chợ đêm)[^;]*doanh thu|doanh thu[^;]{0,60}?"
            r"(?:hội chợ|phiên chợ|triển lãm|gian hàng|tuần hàng|sự kiện|/phiên)|doanh thu (?:đạt|bình quân|khoảng)"
        ),
        "event_revenue_vnd",
    ),
    (re.compile(r"xử phạt|phạt tiền|tiền phạt|phạt vi phạm"), "fines_vnd"),
    (re.compile(r"kinh phí"), "committee_budget_vnd"),
]
NOT_RESULT = re.compile(
    r"phấn đấu|chỉ tiêu|mục tiêu|đề ra|dự kiến|\bsẽ\b|dự toán|kế hoạch (?:năm|là)|đề nghị|kiến nghị|đề xuất",
    re.IGNORECASE,
)
NOT_RESULT_AFTER = re.compile(
    r"^[^.;,]{0,30}?(?:lượt truy cập|lượt xem|lượt thích|người theo dõi|đăng ký)"
    r"|^[^.;]{0,40}?(?:theo kế hoạch|phải hoãn|tạm hoãn|bị hủy|không tổ chức được|chưa tổ chức)"
)
REGISTRATION_BEFORE = re.compile(r"(?:đăng ký|hồ sơ|dự kiến|phấn đấu|đạt từ|tối thiểu|ít nhất)\s*$")
DIRECTION_HEADINGS = re.compile(
    r"phương hướng|nhiệm vụ (?:trọng tâm|thời gian tới|6 tháng cuối|năm \d{4})|"
    r"kiến nghị|đề xuất|giải pháp",
    re.IGNORECASE,
)
RESULT_HEADINGS = re.compile(r"kết quả|tình hình|đánh giá", re.IGNORECASE)
HEADING = re.compile(r"^(?:[IVX]{1,4}|\d{1,2})\s*[.)]\s*\S")
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
        # Money is named by what is said just before it, within its clause ("phạt tiền 3,46 tỷ đồng").
        if re.search(r"(?:bán lẻ|tổng mức|tiêu dùng xã hội|tăng trưởng|gdp|grdp)", clause):
            return None  # economic statistics, not an activity of the campaign
        return next((code for pattern, code in MONEY_CONTEXT if pattern.search(clause[-120:])), None)
    for pattern, code, needs in AFTER_RULES:
        if pattern.search(after) and (needs is None or _found_in(needs, sentence)):
            return code
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


LABEL = re.compile(r"(?:^|[-–•+*]\s*|;\s*)(?P<label>[^:;.()]{3,80}?):\s*(?:khoảng|hơn|trên|gần|dưới)?\s*$")
COMPARISON_OPEN = re.compile(r"\((?:\s*(?:cùng kỳ|năm \d{4}|kỳ trước|so với|năm trước))[^()]*$")


COMPARISON_HEAD = re.compile(r"\((?:\s*(?:cùng kỳ|năm \d{4}|kỳ trước|so với|năm trước))")


def _comparison_open(text: str, end: int) -> bool:
    """COMPARISON_OPEN.search(text[:end]) without rescanning the text: only the last bracket can open it."""
    last = max(text.rfind("(", 0, end), text.rfind(")", 0, end))
    return last >= 0 and text[last] == "(" and COMPARISON_HEAD.match(text, last, end) is not None


def _labelled(before: str, after: str, context: str, multiplier: str | None, clause: str) -> str | None:
    """For "Số vụ kiểm tra: 412 vụ" or "Hạng 3 sao: 165 sản phẩm", the label names the figure."""
    label = LABEL.search(before, max(0, len(before) - LOOKBEHIND))
    if not label:
        return None
    name = re.sub(r"^(?:tổng\s+)?số(?:\s+lượng)?\s+", "", label["label"].strip(" -–•+*"))
    unit = after.split(";")[0].split(",")[0].split("(")[0].strip()
    for candidate in (name, f"{unit} {name}"):
        code = _indicator_for(candidate, context, multiplier, clause)
        if code is not None:
            return code
    return None


def _facts_in(sentence: str, location: str, heading: str = "") -> list[Fact]:
    lowered = sentence.lower()
    context = f"{heading.lower()} {lowered}"  # the part's heading tells what a bare table line is about
    facts = []
    for match in NUMBER.finditer(lowered):
        before = lowered[max(0, match.start() - 40) : match.start()]
        after = lowered[match.end() : match.end() + 90].lstrip()
        if re.search(
            r"\b(?:số (?:hiệu|điện thoại)|lần thứ|năm|quý|tháng|ngày|khóa|phường|khu phố|ấp|điều|khoản|"
            r"giai đoạn|đợt)\s*$",
            before,
        ):
            continue
        prefix = lowered[: match.start()]
        clause = lowered[lowered.rfind(";", 0, match.start()) + 1 : match.start()]
        if REGISTRATION_BEFORE.search(before) or NOT_RESULT_AFTER.search(after):
            continue
        if NOT_RESULT.search(clause[-80:]) and not re.search(r"đã (?:tổ chức|thực hiện|đạt)|kết quả", clause[-80:]):
            continue
        if re.search(r"cùng kỳ[^.;]{0,25}\(\s*$", before) or _comparison_open(lowered, match.start()):
            continue  # "(cùng kỳ năm 2021: 1.032 cuộc)", "(năm 2019: 2.105 cuộc)": last year's figures, not these
        if re.match(r"^vụ\b", after) and re.search(r"kiểm tra(?:, kiểm soát)?\s*$", before):
            code: str | None = "inspections"  # "kiểm tra 1.132 vụ, xử lý 786 vụ vi phạm"
        else:
            code = _labelled(prefix, after, context, match["mult"], clause) or _indicator_for(
                after, context, match["mult"], clause
            )
        if code == "viet_goods_share_pct" and not re.search(r"tỷ lệ[^;]{0,100}$|hàng việt[^;]{0,40}$", clause):
            continue  # a share must be the share of Vietnamese goods, not "100% hộ kinh doanh ký cam kết"
        if code is None:
            continue
        if code == PEOPLE_REACHED:
            code = _people_kind(prefix, after)
        per_item = (
            bool(PER_ITEM_BEFORE.search(before))
            or bool(re.search(r"\bmỗi\s(?!xã)", clause))  # not "Chương trình Mỗi xã một sản phẩm"
            or bool(re.match(r"^[^.;,]{0,40}?/\s*(?:phiên|hội chợ|cuộc|năm|người|đơn vị|huyện|xã|lớp)", after))
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
    return facts


CLAUSE_STOP = re.compile(r"[;.](?=\s|$)")
# Patterns anchored at the end of the text before a figure are searched only in this much of it, so that a
# sentence with many figures costs linear time, not quadratic (a match is far shorter than this).
LOOKBEHIND = 2000


def _evidence(sentence: str, start: int, end: int, limit: int = 320) -> tuple[str, int]:
    """The sentence, or for a long one the clause around the figure (between semicolons), and its offset."""
    if len(sentence) <= limit:
        return sentence, 0
    left = max(sentence.rfind(";", 0, start), sentence.rfind(":", 0, start), start - limit // 2)
    left = max(0, left + 1)
    stop = CLAUSE_STOP.search(sentence, end)  # not the dot in "267.083"
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
    next period, "phương hướng, nhiệm vụ"), not results."""
    found: list[tuple[str, bool]] = []
    in_directions = False
    heading = ""
    for passage in passages:
        stripped = passage.text.strip()
        if HEADING.match(stripped) and len(stripped) < 160:
            heading = stripped
            if DIRECTION_HEADINGS.search(stripped) and stripped.upper() == stripped:
                in_directions = True
            elif RESULT_HEADINGS.search(stripped) or stripped.upper() == stripped:
                in_directions = bool(DIRECTION_HEADINGS.search(stripped)) and not RESULT_HEADINGS.search(stripped)
        found.append((heading, in_directions))
    return found


def extract(passages: list[Passage]) -> Extraction:
    """Every result figure of a catalogue indicator in the passages, with its evidence and location."""
    facts: list[Fact] = []
    for passage, (heading, in_directions) in zip(passages, sections_of(passages), strict=True):
        if in_directions and not passage.location.startswith("chú thích"):
            continue
        for sentence in sentences_of(passage):
            facts.extend(_facts_in(sentence, passage.location, heading))
    text = "\n".join(passage.text for passage in passages)
    return Extraction(guess_unit(text), guess_period(text), facts)
