"""The named rules ``extract.py`` reads report figures with, each with an example from the way reports are
written and, where a near miss exists, a phrase it must not match.

- ``UNIT_RULES``: what a number counts, from the words right after it ("12 phiên chợ", "45 tin, 12 bài").
  The first rule that matches wins, so a specific phrasing goes before a general one.
- ``MONEY_RULES``: what a sum of money is, from the phrase that names it just before ("doanh thu đạt khoảng
  1,2 tỷ đồng"). The phrase nearest the sum wins; a rule with no indicator names money that is no result.
- ``CUMULATIVE``: words that make the rest of a clause a total since before the period ("lũy kế", "từ năm
  2011 đến nay"), or of the whole sentence when they open it ("Qua 14 năm thực hiện ..., ...; ..."), until
  ``IN_PERIOD_AGAIN`` ("riêng năm 2024"); a count of events, people or items there is not the period's result
  (a stock such as OCOP products reached so far still is).
- ``REGISTRATION``: "đăng ký (tham gia)" right before or after a count: a registration, not a result.

Adding a way of writing is one entry here and its example; ``tests/test_extract_rules.py`` checks every
example and counter-example and that every indicator is in the catalogue.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

PEOPLE_REACHED = "people"  # propaganda or training participants: decided by the nearest activity before the number
PEOPLE = (
    r"(?:(?:lượt\s+)?(?:người|cán bộ|đảng viên|đoàn viên|hội viên|học viên|công chức|viên chức|lao động|đại biểu)"
    r"|lượt\s+(?:hộ(?: kinh doanh| gia đình)?|tiểu thương|phụ nữ|nông dân|thanh niên|học sinh|sinh viên"
    r"|cựu chiến binh))"
)
# Words saying a sentence (or the part of the report it is in) is about a fair, market or other sales event.
EVENT_WORDS = re.compile(
    r"hội chợ|phiên chợ|chợ phiên|chợ đêm|triển lãm|gian hàng|tuần hàng|tuần lễ|lễ hội|sự kiện|trưng bày|"
    r"lượt khách|tham quan, mua sắm|kết nối|giao thương|xúc tiến"
)
BUSINESSES = r"(?:lượt\s+)?(?:doanh nghiệp|cơ sở|hợp tác xã|htx|nhà cung cấp|thương nhân)"


@dataclass(frozen=True)
class UnitRule:
    """A number followed by ``after`` counts ``indicator`` (when the sentence also contains ``needs``)."""

    name: str
    indicator: str
    after: re.Pattern[str]
    example: str
    needs: re.Pattern[str] | None = None
    not_example: str = ""


@dataclass(frozen=True)
class MoneyRule:
    """A sum of money right after ``before`` is ``indicator`` (None: no indicator of the campaign)."""

    name: str
    indicator: str | None
    before: re.Pattern[str]
    example: str
    needs: re.Pattern[str] | None = None
    not_example: str = ""


@dataclass(frozen=True)
class TrapRule:
    """Words that make the figures they govern no result of the period."""

    name: str
    pattern: re.Pattern[str]
    example: str  # a sentence with a figure that must not be reported
    not_example: str  # a near miss whose figure is reported


def _r(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


UNIT_RULES: tuple[UnitRule, ...] = (
    UnitRule(
        "OCOP products of 3 stars and more",
        "ocop_products",
        _r(r"^sản phẩm[^.;:]{0,60}?(?:ocop)[^.;:]{0,40}?3 sao trở lên"),
        "Toàn tỉnh có 184 sản phẩm OCOP được công nhận từ 3 sao trở lên.",
    ),
    UnitRule(
        "products of 3 stars and more",
        "ocop_products",
        _r(r"^sản phẩm[^.;:,]{0,40}?3 sao trở lên"),
        "Có 209 sản phẩm đạt 3 sao trở lên.",
    ),
    UnitRule(
        "3-star products",
        "ocop_3_star",
        _r(r"^sản phẩm(?:[^.;:,]{0,40}?(?:đạt|hạng))?[^.;:,\d]{0,12}?3 sao"),
        "Trong đó 137 sản phẩm đạt 3 sao.",
    ),
    UnitRule(
        "4-star products",
        "ocop_4_star",
        _r(r"^sản phẩm(?:[^.;:,]{0,40}?(?:đạt|hạng))?[^.;:,\d]{0,12}?4 sao"),
        "Trong đó 38 sản phẩm đạt 4 sao.",
    ),
    UnitRule(
        "5-star products",
        "ocop_5_star",
        _r(r"^sản phẩm(?:[^.;:,]{0,40}?(?:đạt|hạng))?[^.;:,\d]{0,12}?5 sao"),
        "Trong đó 03 sản phẩm đạt 5 sao.",
    ),
    UnitRule(
        "OCOP products",
        "ocop_products",
        _r(r"^sản phẩm[^.;:]{0,40}?ocop(?![^.;]{0,40}?(?:trưng bày|giới thiệu tại|tham gia|tham dự))"),
        "Đến nay toàn huyện có 14 sản phẩm OCOP.",
        not_example="Trưng bày hơn 30 sản phẩm OCOP tham gia hội chợ.",
    ),
    UnitRule(
        "OCOP producers",
        "ocop_producers",
        _r(r"^chủ thể"),
        "Các sản phẩm OCOP thuộc 118 chủ thể.",
        needs=_r(r"ocop|\d sao"),
    ),
    UnitRule(
        "OCOP stores",
        "ocop_stores",
        _r(r"^(?:cửa hàng|điểm)[^.;]{0,60}?ocop"),
        "Có 06 cửa hàng giới thiệu và kinh doanh sản phẩm OCOP.",
    ),
    UnitRule(
        "sale points of Vietnamese goods",
        "viet_sale_points",
        _r(r"^(?:điểm bán|điểm giới thiệu)[^.;]{0,50}?hàng việt"),
        "Thành lập mới 02 điểm bán hàng Việt “Tự hào hàng Việt Nam”.",
    ),
    UnitRule(
        "promotion programmes",
        "promotion_programs",
        _r(r"^(?:chương trình|đợt)[^.;]{0,30}?khuyến mại"),
        "Tiếp nhận 1.120 chương trình thông báo khuyến mại.",
    ),
    UnitRule(
        "markets",
        "rural_markets",
        _r(r"^(?:phiên chợ|chợ phiên)"),
        "Tổ chức 14 phiên chợ đêm.",
    ),
    UnitRule(
        "fairs, exhibitions and weeks of goods",
        "fairs",
        _r(r"^(?:cuộc |lần )?(?:hội chợ|triển lãm|tuần hàng)"),
        "Tham gia 04 cuộc hội chợ ngoài tỉnh.",
    ),
    UnitRule(
        "trade connection events",
        "trade_connection_events",
        _r(
            r"^(?:cuộc |lần )?(?:hội nghị|chuyến|hoạt động|chương trình)?\s*(?:kết nối|giao thương)"
            r"|^(?:cuộc |lần )?(?:hội nghị|chuyến|đoàn) xúc tiến (?:tiêu thụ|thương mại)"
        ),
        "Tổ chức 01 hội nghị xúc tiến tiêu thụ vải thiều.",
        not_example="Tổ chức 01 hội nghị triển khai Cuộc vận động.",
    ),
    UnitRule("booths", "booths", _r(r"^gian(?: hàng)?\b"), "Hội chợ có quy mô 300 gian, thu hút đông khách."),
    UnitRule(
        "visitors of an event",
        "event_visitors",
        _r(
            r"^(?:lượt\s+)?(?:khách|người|người dân|công nhân|nhân dân|du khách)(?!\s+(?:tham dự|dự)\b)"
            r"[^.;,\d]{0,40}?(?:tham quan|mua sắm|đến chợ)|^lượt\s+[^.;,\d]{0,30}?du khách"
        ),
        "Thu hút trên 15.000 lượt người dân Thủ đô tham quan, mua sắm.",
        not_example="Tổ chức 214 cuộc tuyên truyền với 11.760 lượt người dân tham dự.",
    ),
    UnitRule(
        "consumers at a market or fair",
        "event_visitors",
        _r(r"^lượt (?:người tiêu dùng|khách hàng)"),
        "Các phiên chợ đón trên 7.500 lượt người tiêu dùng.",
        needs=_r(r"^(?!.*(?:tuyên truyền|vận động|phổ biến|tập huấn))(?=.*(?:phiên chợ|hội chợ|tuần hàng|chợ đêm))"),
        not_example="Tổ chức 12 cuộc tuyên truyền tại các phiên chợ cho 5.000 lượt người tiêu dùng.",
    ),
    UnitRule(
        "businesses counted per event",
        "participating_businesses",
        _r(r"^lượt doanh nghiệp"),
        "Hỗ trợ 46 lượt doanh nghiệp tham gia 08 hội chợ ngoài tỉnh.",
        needs=EVENT_WORDS,
    ),
    UnitRule(
        "businesses taking part",
        "participating_businesses",
        _r(
            rf"^{BUSINESSES}(?:\s*/\s*doanh nghiệp)?(?:[^.;]{{0,25}}?(?:tham gia|tham dự)|,)"
            r"|^(?:hộ sản xuất|hộ kinh doanh)[^.;]{0,25}?(?:tham gia|tham dự)"
        ),
        "Tuần hàng Việt có 43 nhà cung cấp tham gia.",
        needs=EVENT_WORDS,
        not_example="Hướng dẫn 120 doanh nghiệp đăng ký tham gia hội chợ.",
    ),
    UnitRule(
        "units taking part in a display",
        "participating_businesses",
        _r(r"^đơn vị[^.;,]{0,25}?(?:tham gia|tham dự)"),
        "Tổ chức trưng bày giới thiệu sản phẩm OCOP, có 07 đơn vị tham gia.",
        needs=EVENT_WORDS,
        not_example="Cấp phát bản tin cho 100 đơn vị, cơ sở tham gia Cuộc vận động.",
    ),
    UnitRule(
        "businesses at an event",
        "participating_businesses",
        _r(r"^(?:doanh nghiệp|cơ sở|hợp tác xã|htx)\b"),
        "Tham gia 03 hội chợ với 24 gian hàng của 18 hợp tác xã và hộ hội viên.",
        needs=_r(rf"tham gia|{EVENT_WORDS.pattern}"),
    ),
    UnitRule(
        "visitors",
        "event_visitors",
        _r(r"^(?:lượt khách|lượt người (?:tham quan|mua sắm)|khách tham quan)"),
        "Thu hút hơn 5.000 lượt khách tham quan, mua sắm.",
    ),
    UnitRule(
        "visits at an event",
        "event_visitors",
        _r(
            r"^lượt\b(?!\s+(?:người|cán bộ|đảng viên|đoàn viên|hội viên|học viên|hộ|tiểu thương|đại biểu|"
            r"doanh nghiệp|tin|bài))"
        ),
        "Phiên chợ thu hút 3.000 lượt, khách mua sắm đông.",
        needs=_r(r"khách|tham quan|mua sắm"),
    ),
    UnitRule(
        "broadcast programmes",
        "media_items",
        _r(
            r"^(?:chương trình|kỳ)\s+(?:tọa đàm|giao lưu|phát thanh|truyền hình|thông báo)"
            r"|^(?:kỳ|số) (?:chuyên mục|chuyên trang)"
        ),
        "Đài Phát thanh và Truyền hình tỉnh phát sóng 04 chương trình tọa đàm về hàng Việt.",
        needs=_r(r"truyền hình|phát thanh|phát sóng|\bđài\b"),
        not_example="Tổ chức 04 cuộc tọa đàm với doanh nghiệp.",
    ),
    UnitRule("courses", "training_courses", _r(r"^(?:lớp|khóa)\b"), "Tổ chức 32 lớp tập huấn."),
    UnitRule(
        "conferences and workshops",
        "training_courses",
        _r(r"^(?:cuộc |buổi )?(?:hội thảo|tọa đàm|hội nghị)(?! (?:kết nối|giao thương|xúc tiến))"),
        "Tổ chức 12 hội nghị, hội thảo phổ biến pháp luật.",
    ),
    UnitRule(
        "supervisions of the campaign",
        "supervisions",
        _r(r"^(?:cuộc|đợt|vụ) (?:kiểm tra, giám sát|giám sát|kiểm tra việc)"),
        "Tổ chức 03 cuộc kiểm tra, giám sát tại các huyện.",
    ),
    UnitRule(
        "market inspections",
        "inspections",
        _r(r"^vụ (?:kiểm tra|kiểm soát)"),
        "Thực hiện 412 vụ kiểm tra.",
    ),
    UnitRule(
        "violations",
        "violations_handled",
        _r(r"^vụ\s+(?:việc\s+)?vi phạm"),
        "Xử lý 786 vụ vi phạm.",
    ),
    UnitRule(
        "cases handled",
        "violations_handled",
        _r(r"^vụ\b(?!\s+(?:kiểm tra|kiểm soát))"),
        "Phát hiện, xử lý 57 vụ kinh doanh hàng nhập lậu.",
        needs=_r(r"xử lý|vi phạm|nhập lậu|hàng giả"),
    ),
    UnitRule(
        "propaganda sessions",
        "propaganda_sessions",
        _r(r"^(?:cuộc|buổi)\b"),
        "Tổ chức 38 buổi tuyên truyền tại các tổ dân phố.",
        needs=_r(r"tuyên truyền|vận động|phổ biến"),
    ),
    UnitRule(
        "sessions with their audience",
        "propaganda_sessions",
        _r(r"^cuộc,?\s+(?:có\s+|với\s+|thu hút\s+)?[\d.]+\s+lượt"),
        "Các đoàn thể tổ chức 24 cuộc, có 1.035 lượt người dự.",
    ),
    UnitRule(
        "people reached or trained",
        PEOPLE_REACHED,
        _r(rf"^{PEOPLE}"),
        "Tổ chức 1.386 cuộc tuyên truyền với 94.200 lượt người tham dự.",
        needs=_r(r"tuyên truyền|vận động|phổ biến|tập huấn|hội thảo|hội nghị|\blớp\b|khóa|bồi dưỡng|đào tạo|\d cuộc"),
    ),
    UnitRule(
        "news items, articles and reports",
        "media_items",
        _r(r"^(?:tin(?!\s*(?:báo|nhắn|phản ánh))|bài|tin, bài|tin bài|phóng sự|chuyên mục|chuyên trang)\b"),
        "Báo Phú Thọ đăng 45 tin, 12 bài và 3 phóng sự ảnh.",
        # tip-offs from consumers are not news items (but "phản ánh Cuộc vận động" is what the press does)
        needs=_r(r"^(?!.*(?:tin báo|tố giác|khiếu nại|phản ánh của|phản ánh,))"),
        not_example="Chi cục tiếp nhận 214 tin báo, phản ánh của người tiêu dùng, đã xác minh 176 tin.",
    ),
    UnitRule(
        "videos and sketches",
        "media_items",
        _r(r"^(?:video|clip|video clip|tiểu phẩm)\b"),
        "Các huyện thực hiện 10 tiểu phẩm, 15 video ngắn phát trên hệ thống truyền thanh và mạng xã hội.",
        needs=_r(r"đăng|phát sóng|phát trên|truyền thanh|trang|fanpage|zalo|mạng xã hội|youtube|tiktok"),
    ),
    UnitRule(
        "broadcast features",
        "media_items",
        _r(r"^chuyên đề\b"),
        "Đài Phát thanh và Truyền hình tỉnh phát 42 tin, 15 phóng sự và 08 chuyên đề.",
        needs=_r(r"phát thanh|truyền hình|truyền thanh|phát sóng|\bđài\b|\bbáo\b"),
        not_example="Tổ chức 08 chuyên đề sinh hoạt chi hội về Cuộc vận động.",
    ),
    UnitRule(
        "episodes of a column",
        "media_items",
        _r(r"^kỳ\b"),
        "Chuyên mục “Nhà nông” trên sóng Đài Phát thanh và Truyền hình tỉnh phát 12 kỳ.",
        needs=_r(r"chuyên mục|chuyên trang|chuyên đề"),
    ),
    UnitRule(
        "banners and panels",
        "banners",
        _r(r"^(?:băng rôn|băng-rôn|pano|cụm pano|áp phích|khẩu hiệu)"),
        "Treo 230 băng rôn và 14 pano tuyên truyền.",
    ),
    UnitRule(
        "goods brought to rural areas",
        "goods_delivered_tonnes",
        _r(r"^tấn\b"),
        "Đưa trên 30 tấn hàng hóa về vùng nông thôn.",
        needs=_r(r"đưa|vận chuyển|cung ứng|nông thôn|miền núi|hải đảo|biên giới|vùng sâu"),
        not_example="Tuần lễ vải thiều tiêu thụ được khoảng 32 tấn vải tại Hà Nội.",
    ),
    UnitRule(
        "model residential areas",
        "model_residential_areas",
        _r(r"^khu dân cư[^.;]{0,70}?(?:hàng việt|tự hào)"),
        "Công nhận mới 05 khu dân cư “tự hào dùng hàng Việt”.",
    ),
    UnitRule(
        "clubs and groups",
        "clubs",
        _r(r"^(?:câu lạc bộ|clb|tổ, nhóm|mô hình câu lạc bộ)"),
        "Duy trì 03 câu lạc bộ người tiêu dùng.",
    ),
    UnitRule(
        "commended collectives and persons",
        "commendations",
        _r(r"^(?:tập thể|cá nhân|doanh nghiệp)[^.;]{0,40}?(?:khen|tôn vinh|biểu dương)"),
        "Có 12 tập thể được tặng Bằng khen.",
    ),
    UnitRule(
        "collectives and persons commended",
        "commendations",
        _r(r"^(?:tập thể|cá nhân|gia đình|hộ gia đình)\b"),
        "Ủy ban nhân dân tỉnh tặng Bằng khen cho 20 tập thể và 25 cá nhân.",
        needs=_r(r"khen thưởng|tôn vinh|biểu dương|bằng khen|giấy khen"),
    ),
    UnitRule(
        "club members",
        "club_members",
        _r(r"^(?:thành viên|hội viên)\b"),
        "Có 03 câu lạc bộ với 126 thành viên.",
        needs=_r(r"câu lạc bộ|clb|tổ, nhóm"),
    ),
    UnitRule(
        "share of Vietnamese goods",
        "viet_goods_share_pct",
        _r(r"^%(?!\s*(?:kế hoạch|chỉ tiêu|so với|trở lên|trở xuống))"),
        "Tỷ lệ hàng Việt tại siêu thị đạt khoảng 93%.",
        needs=_r(r"hàng việt"),
        not_example="Tỷ lệ hàng Việt tăng 5% so với cùng kỳ.",
    ),
)

# The phrase naming a sum is at most this far before it: "tổng doanh thu các gian hàng ước đạt trên" is 40
# characters, "kinh phí hoạt động của Ban Chỉ đạo Cuộc vận động tỉnh năm 2024 là" about 70.
MONEY_WINDOW = 120
MONEY_RULES: tuple[MoneyRule, ...] = (
    MoneyRule(
        "revenue at an event",
        "event_revenue_vnd",
        _r(
            r"doanh thu|doanh số|giá trị (?:hàng hóa |hàng |sản phẩm )?(?:được )?(?:bán ra|bán|tiêu thụ|giao dịch|"
            r"mua bán)|bán ra|bán được|tiêu thụ được|thu về|thu được|sức mua"
        ),
        "Phiên chợ có 68 gian hàng, bán được 380 triệu đồng hàng hóa.",
        needs=EVENT_WORDS,
        not_example="Doanh thu của hợp tác xã đạt 2 tỷ đồng.",
    ),
    MoneyRule(
        "fines",
        "fines_vnd",
        _r(r"xử phạt|phạt tiền|tiền phạt|phạt vi phạm"),
        "Xử phạt vi phạm hành chính 6,27 tỷ đồng.",
    ),
    MoneyRule(
        "budget of the committee",
        "committee_budget_vnd",
        _r(r"kinh phí"),
        "Kinh phí hoạt động của Ban Chỉ đạo tỉnh năm 2024 là 150 triệu đồng.",
    ),
    MoneyRule(
        "value of goods seized, gifts, loans and profits",
        None,
        _r(r"trị giá|tịch thu|tiêu hủy|phần quà|suất quà|vốn|cho vay|lợi nhuận|nộp ngân sách|hợp đồng"),
        "Doanh thu phiên chợ đạt 300 triệu đồng; trị giá hàng hóa tịch thu khoảng 1,8 tỷ đồng.",
    ),
)
# Economic statistics anywhere in the clause are not an activity of the campaign.
MACRO_MONEY = _r(r"bán lẻ|tổng mức|tiêu dùng xã hội|tăng trưởng|gdp|grdp")

CUMULATIVE = TrapRule(
    "totals since before the period",
    _r(
        r"lũy kế(?!\s+(?:\d+ tháng|từ đầu năm|trong năm|năm nay))|"
        r"từ (?:năm )?(\d{4})\s*(?:đến|tới|-|–)\s*(?:nay|hết|năm|\d{4})|"
        r"(?:sau|qua) (?:hơn )?\d+ năm (?:thực hiện|triển khai|tổ chức|phát động)|trong (?:hơn )?\d+ năm (?:vừa )?qua|"
        r"từ khi (?:triển khai|thực hiện|phát động|tổ chức|bắt đầu)[^;]{0,80}?(?:đến|tới) nay"
    ),
    "Lũy kế từ năm 2011 đến nay, toàn tỉnh đã tổ chức 118 phiên chợ hàng Việt về nông thôn.",
    "Từ đầu năm đến nay, toàn tỉnh đã tổ chức 12 phiên chợ hàng Việt về nông thôn.",
)
# ... unless the clause comes back to the period: "lũy kế từ năm 2011 đến nay 118 phiên chợ, riêng năm 2024 là 12".
IN_PERIOD_AGAIN = TrapRule(
    "back to the period",
    _r(
        r"(?:riêng|trong) (?:năm (\d{4})|năm nay|năm|kỳ|kỳ báo cáo|6 tháng(?: đầu năm)?)\b"
        r"|(?:^|;)\s*(?:năm|6 tháng đầu năm) (\d{4})\b"
    ),
    "Từ năm 2011 đến nay đã tổ chức 118 phiên chợ hàng Việt, riêng năm 2010 có 12 phiên chợ hàng Việt.",
    "Từ năm 2011 đến nay đã tổ chức 118 phiên chợ hàng Việt, riêng năm 2024 có 12 phiên chợ hàng Việt.",
)
REGISTRATION = TrapRule(
    "registrations",
    _r(r"(?:đăng ký|hồ sơ|dự kiến|phấn đấu|đạt từ|tối thiểu|ít nhất)(?:\s+tham gia)?(?:\s+(?:có|là|gồm|của))?\s*$"),
    "Hội chợ có sự đăng ký tham gia của 148 doanh nghiệp.",
    "Có 148 doanh nghiệp đăng ký tham gia, thực tế có 126 doanh nghiệp tham gia hội chợ.",
)
# "đăng ký" just after the count ("42 sản phẩm đăng ký tham gia"), views of a page, a cancelled event.
NOT_RESULT_AFTER = TrapRule(
    "registered, viewed or cancelled",
    _r(
        r"^[^.;,]{0,30}?(?:lượt truy cập|lượt xem|lượt thích|người theo dõi|đăng ký)|^[^.;\d]{0,60}?đăng ký tham gia"
        r"|^[^.;]{0,40}?(?:theo kế hoạch|phải hoãn|tạm hoãn|bị hủy|không tổ chức được|chưa tổ chức)"
    ),
    "Hội chợ có 148 doanh nghiệp đăng ký tham gia.",
    "Hội chợ có 126 doanh nghiệp tham gia.",
)
TRAP_RULES: tuple[TrapRule, ...] = (CUMULATIVE, IN_PERIOD_AGAIN, REGISTRATION, NOT_RESULT_AFTER)
