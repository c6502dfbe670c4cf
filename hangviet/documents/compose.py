"""Drafting the consolidated report from the data: the real sections, each opening with sentences written
from the accepted figures (with the change against the same period last year), followed by the reporters'
own narrative, with per-unit details moved into footnotes as the real reports do. Where the registries compute
a total (events once however many reporters organised them; stocks on the period's last day), the sentence gives
that figure with its qualifier ("khoảng", "hơn") and a footnote says it comes from the registries."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from hangviet.consolidation.queries import (
    PHASE_NOTE,
    REGISTRY_NOTE,
    PhaseLine,
    PhaseTable,
    Table,
    TableRow,
    consolidate,
    phase_table,
)
from hangviet.indicators.models import Indicator
from hangviet.lib.docx_layout import Annex, Block
from hangviet.lib.i18n import in_vietnamese
from hangviet.lib.periods import PhaseKey
from hangviet.lib.vnformat import format_change, format_count, format_date_short, format_money, format_number
from hangviet.orgs.catalogue import in_words
from hangviet.orgs.models import Organisation
from hangviet.periods.models import Period
from hangviet.registry.catalogue import QUALIFIER_WORDS
from hangviet.reporting.models import Report, ReportText, Section

CAMPAIGN = "Cuộc vận động “Người Việt Nam ưu tiên dùng hàng Việt Nam”"
# What a section of the draft says when no accepted report wrote anything for it: the clerk must write it
# (or delete the section) before the document can be issued.
PLACEHOLDER = "(Chưa có nội dung từ các báo cáo đã tiếp nhận.)"
MAX_FOOTNOTE_UNITS = 12


@dataclass
class Draft:
    summary: str
    blocks: list[Block]
    annexes: list[Annex]
    table: Table


def _total(table: Table, code: str) -> Decimal | None:
    return table.totals.get(code)


def _details(table: Table, code: str, unit: str, money: bool = False) -> str:
    """A footnote listing each reporting unit's figure: "Gồm: Sở Công Thương 60 cái; ..."."""
    parts = [
        f"{row.name} {format_money(row.values[code]) if money else format_number(row.values[code]) + ' ' + unit}"
        for row in table.rows
        if row.values.get(code)
    ]
    if len(parts) < 2:
        return ""
    shown = parts[:MAX_FOOTNOTE_UNITS]
    more = f" và {len(parts) - len(shown)} đơn vị khác" if len(parts) > len(shown) else ""
    return "^[Gồm: " + "; ".join(shown) + more + ".]"


def _written(table: Table, code: str, money: bool = False, typed_prefix: str = "") -> str:
    """The total as a sentence writes it, with the registry figure's qualifier ("khoảng 1,7 tỷ đồng", "hơn
    10.000") or, for a sum of typed figures, ``typed_prefix``."""
    value = _total(table, code) or Decimal(0)
    number = format_money(value) if money else format_count(value)
    figure = table.registry.get(code)
    prefix = QUALIFIER_WORDS[figure.qualifier] if figure is not None else typed_prefix.strip()
    return f"{prefix} {number}" if prefix else number


def _registry_footnote(table: Table, code: str, unit: str, money: bool = False) -> str:
    """ "^[Theo sổ theo dõi (…): khoảng 1,7 tỷ đồng; các báo cáo đơn vị cộng lại 2,55 tỷ đồng.]" """
    figure = table.registry[code]
    amount = _written(table, code, money) + ("" if money or not unit else f" {unit}")
    if figure.registry == "events":
        source = "Số liệu theo sổ theo dõi, mỗi sự kiện tính một lần dù nhiều đơn vị cùng tổ chức"
    else:
        source = f"Số liệu theo sổ theo dõi, tính đến ngày {format_date_short(table.period.end)}"
    note = f"{source}: {amount}"
    reported = table.reported.get(code)
    if reported is not None and reported != figure.value:
        sum_words = format_money(reported) if money else f"{format_number(reported)} {unit}".strip()
        note += f"; các báo cáo đơn vị cộng lại {sum_words}"
    return f"^[{note}.]"


def _sentence(
    table: Table, code: str, template: str, unit: str, money: bool = False, typed_prefix: str = ""
) -> str | None:
    value = _total(table, code)
    if not value:
        return None
    written = _written(table, code, money, typed_prefix)
    notes = (
        _registry_footnote(table, code, unit, money) if code in table.registry else _details(table, code, unit, money)
    )
    return template.format(value=written) + notes + format_change(table.change(code))


def _propaganda(table: Table) -> list[str]:
    sessions, people = _total(table, "propaganda_sessions"), _total(table, "propaganda_participants")
    sentences = []
    if sessions:
        sentence = f"Các cơ quan, đơn vị đã tổ chức tuyên truyền, vận động được {format_count(sessions)} cuộc"
        if people:
            sentence += f" cho {format_number(people)} lượt cán bộ, đảng viên, đoàn viên, hội viên và người dân"
        sentences.append(
            sentence
            + _details(table, "propaganda_sessions", "cuộc")
            + format_change(table.change("propaganda_sessions"))
        )
    for code, template, unit in (
        (
            "media_items",
            "Đăng tải {value} tin, bài, phóng sự, chuyên mục trên báo chí, phát thanh, truyền hình, trang tin",
            "tin, bài",
        ),
        ("banners", "Treo {value} băng rôn, pano, áp phích tuyên truyền", "cái"),
        ("training_courses", "Tổ chức {value} lớp tập huấn, hội nghị, hội thảo", "lớp"),
    ):
        written = _sentence(table, code, template, unit)
        if written:
            if code == "training_courses" and (participants := _total(table, "training_participants")):
                written = written.replace(
                    "hội thảo",
                    f"hội thảo với {format_number(participants)} lượt người tham dự",
                    1,
                )
            sentences.append(written)
    return sentences


def _state_and_business(table: Table) -> list[str]:
    sentences = [
        s
        for s in (
            _sentence(table, "fairs", "Tổ chức và tham gia {value} hội chợ, triển lãm, tuần hàng", "cuộc"),
            _sentence(
                table,
                "rural_markets",
                "Tổ chức {value} phiên chợ hàng Việt về nông thôn, khu công nghiệp, phiên chợ đêm",
                "phiên",
            ),
            _sentence(table, "booths", "Bố trí {value} gian hàng", "gian hàng"),
            _sentence(table, "participating_businesses", "Có {value} doanh nghiệp, cơ sở tham gia", "doanh nghiệp"),
            _sentence(
                table,
                "event_revenue_vnd",
                "Doanh thu tại các hội chợ, phiên chợ đạt {value}",
                "",
                money=True,
                typed_prefix="khoảng",
            ),
            _sentence(table, "event_visitors", "Thu hút {value} lượt khách tham quan, mua sắm", "lượt"),
            _sentence(
                table,
                "trade_connection_events",
                "Tổ chức {value} hội nghị, chuyến kết nối cung cầu, giao thương",
                "cuộc",
            ),
            _sentence(table, "promotion_programs", "Có {value} chương trình khuyến mại", "chương trình"),
            _sentence(table, "inspections", "Các lực lượng chức năng kiểm tra, kiểm soát {value} vụ", "vụ"),
            _sentence(table, "violations_handled", "Xử lý {value} vụ vi phạm", "vụ"),
            _sentence(table, "fines_vnd", "Phạt vi phạm hành chính {value}", "", money=True),
        )
        if s
    ]
    ocop = _total(table, "ocop_products")
    if ocop:
        stars = [
            (count, label)
            for code, label in (("ocop_3_star", "3 sao"), ("ocop_4_star", "4 sao"), ("ocop_5_star", "5 sao"))
            if (count := _total(table, code)) is not None
        ]
        sentence = f"Đến nay, có {_written(table, 'ocop_products')} sản phẩm được công nhận OCOP đạt hạng 3 sao trở lên"
        if stars:
            sentence += ", trong đó " + ", ".join(
                f"{format_count(count)} sản phẩm đạt hạng {label}" for count, label in stars
            )
        producers = _total(table, "ocop_producers")
        if producers:
            sentence += f" của {format_count(producers)} chủ thể"
        if "ocop_products" in table.registry:
            sentence += _registry_footnote(table, "ocop_products", "sản phẩm")
        stores = _total(table, "ocop_stores")
        if stores:
            sentence += f"; có {_written(table, 'ocop_stores')} cửa hàng, điểm giới thiệu và bán sản phẩm OCOP"
            if "ocop_stores" in table.registry:
                sentence += _registry_footnote(table, "ocop_stores", "cửa hàng")
        sentences.append(sentence)
    return sentences


def _front_and_unions(table: Table) -> list[str]:
    return [
        s
        for s in (
            _sentence(
                table, "model_residential_areas", "Xây dựng, duy trì {value} khu dân cư “tự hào dùng hàng Việt”", "khu"
            ),
            _sentence(table, "clubs", "Duy trì {value} câu lạc bộ, tổ, nhóm", "câu lạc bộ"),
            _sentence(
                table,
                "commendations",
                "Khen thưởng, tôn vinh {value} tập thể, cá nhân, doanh nghiệp",
                "tập thể, cá nhân",
            ),
            _sentence(
                table, "supervisions", "Tổ chức {value} cuộc kiểm tra, giám sát việc thực hiện Cuộc vận động", "cuộc"
            ),
        )
        if s
    ]


SECTIONS: list[tuple[str, int, Section | None, Callable[[Table], list[str]] | None]] = [
    ("I. KẾT QUẢ THỰC HIỆN", 1, None, None),
    ("1. Công tác tuyên truyền, vận động", 2, Section.PROPAGANDA, _propaganda),
    (
        "2. Công tác quản lý nhà nước và hoạt động của các doanh nghiệp",
        2,
        Section.STATE_AND_BUSINESS,
        _state_and_business,
    ),
    (
        "3. Hoạt động của MTTQ Việt Nam và các tổ chức chính trị - xã hội",
        2,
        Section.FRONT_AND_UNIONS,
        _front_and_unions,
    ),
    ("II. ĐÁNH GIÁ CHUNG", 1, None, None),
    ("1. Ưu điểm", 2, Section.STRENGTHS, None),
    ("2. Hạn chế", 2, Section.LIMITATIONS, None),
    ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", 1, Section.DIRECTIONS, None),
    ("IV. ĐỀ XUẤT, KIẾN NGHỊ", 1, Section.PROPOSALS, None),
]


def _narratives(table: Table, period: Period) -> dict[str, list[str]]:
    """The reporters' own words, by section, from their accepted reports (prefixed with who wrote them)."""
    row_of = {row.organisation.pk: row for row in table.rows}
    texts = (
        ReportText.objects.filter(
            report__period=period, report__status=Report.Status.ACCEPTED, report__organisation_id__in=list(row_of)
        )
        .exclude(text="")
        .select_related("report")
        .order_by("report__organisation__name")
    )
    found: dict[str, list[str]] = {}
    for text in texts:
        row = row_of[text.report.organisation_id]
        prefix = "" if row.kind == "own" else f"{row.name}: "
        for paragraph in (p.strip() for p in text.text.split("\n") if p.strip()):
            found.setdefault(text.section, []).append(f"- {prefix}{paragraph}" if prefix else paragraph)
            prefix = ""
    return found


def summary_for(period: Period) -> str:
    if period.kind == "H1":
        return f"Kết quả thực hiện {CAMPAIGN} 6 tháng đầu năm và phương hướng, nhiệm vụ 6 tháng cuối năm {period.year}"
    return f"Kết quả thực hiện {CAMPAIGN} năm {period.year} và phương hướng, nhiệm vụ năm {period.year + 1}"


def _section_blocks(
    heading: str,
    level: int,
    section: str | None,
    writer: Callable[[Table], list[str]] | None,
    table: Table,
    narratives: dict[str, list[str]],
) -> list[Block]:
    """One section of a drafted report: its heading, the sentences written from the figures, the reporters'
    narratives, or the placeholder the issuing step refuses when a section has nothing."""
    blocks = [Block(heading, level)]
    generated = writer(table) if writer else []
    if generated:
        blocks.append(Block(". ".join(generated) + "."))
    blocks.extend(Block(text) for text in (narratives.get(section, []) if section else []))
    if section and not generated and not narratives.get(section):
        blocks.append(Block(PLACEHOLDER))
    return blocks


@in_vietnamese()
def compose_report(committee: Organisation, period: Period) -> Draft:
    """The draft consolidated report of ``committee`` for ``period``, from accepted reports only."""
    table = consolidate(committee, period)
    narratives = _narratives(table, period)
    place = in_words(committee.unit.name)
    blocks = [
        Block(
            f"Thực hiện Kế hoạch của Ban Chỉ đạo Trung ương {CAMPAIGN}, {committee.name} báo cáo kết quả thực hiện "
            f"Cuộc vận động {period.key.label} ({sum(r.accepted_reports for r in table.rows)} báo cáo đã tiếp nhận) "
            "như sau:"
        )
    ]
    for heading, level, section, writer in SECTIONS:
        blocks.extend(_section_blocks(heading, level, section, writer, table, narratives))
    blocks.append(
        Block(
            f"Trên đây là báo cáo kết quả thực hiện {CAMPAIGN} {period.key.label} của "
            f"Ban Chỉ đạo Cuộc vận động {place}."
        )
    )
    return Draft(summary_for(period), blocks, annexes_of(table), table)


def annexes_of(table: Table, units_per_page: int = 6) -> list[Annex]:
    """Indicators by reporting unit, with the consolidation's totals and last year's, a few units a page."""
    chunks = [table.rows[start : start + units_per_page] for start in range(0, len(table.rows), units_per_page)] or [[]]
    annexes = []
    for page, rows in enumerate(chunks, start=1):
        columns = ["STT", "Chỉ tiêu", "ĐVT", "Tổng cộng", "Cùng kỳ năm trước", *(row.name for row in rows)]
        lines = []
        for number, indicator in enumerate(table.indicators, start=1):
            total, before = table.totals.get(indicator.code), table.last_year.get(indicator.code)
            lines.append(
                [
                    str(number),
                    indicator.name,
                    indicator.unit,
                    _annex_total(table, indicator.code, total),
                    format_number(before) if before is not None else "",
                    *(
                        format_number(row.values[indicator.code]) if indicator.code in row.values else ""
                        for row in rows
                    ),
                ]
            )
        suffix = f" (tiếp theo, trang {page})" if page > 1 else ""
        annexes.append(
            Annex(
                "SỐ LIỆU TỔNG HỢP THEO CHỈ TIÊU VÀ ĐƠN VỊ BÁO CÁO" + suffix,
                columns,
                lines,
                _annex_note(table) if page == 1 else "",
            )
        )
    return annexes


def _annex_total(table: Table, code: str, total: Decimal | None) -> str:
    """A total in the annex; one from the registries carries its qualifier and a star."""
    figure = table.registry.get(code)
    if figure is not None:
        return f"{figure.words} (*)"
    return format_number(total) if total is not None else ""


def _annex_note(table: Table) -> str:
    note = "Chỉ tính các báo cáo đã được tiếp nhận; tỷ lệ không cộng dồn."
    if table.registry:
        note += f" (*) Tổng cộng {REGISTRY_NOTE[0].lower()}{REGISTRY_NOTE[1:]}"
        note += " Các cột đơn vị giữ số liệu như báo cáo."
    return note


# --- the phase review (sơ kết, tổng kết giai đoạn): drafted from the accepted yearly reports ---

REVIEW_WORDS = {"interim": "sơ kết", "final": "tổng kết"}
YEARS_PER_ANNEX_PAGE = 6
PHASE_SECTIONS: list[tuple[str, int, Section | None, Callable[[Table], list[str]] | None]] = [
    ("I. KẾT QUẢ THỰC HIỆN", 1, None, None),
    *SECTIONS[1:4],
    ("II. ĐÁNH GIÁ CHUNG", 1, None, None),
    ("1. Ưu điểm", 2, Section.STRENGTHS, None),
    ("2. Hạn chế", 2, Section.LIMITATIONS, None),
    ("III. PHƯƠNG HƯỚNG, NHIỆM VỤ GIAI ĐOẠN TỚI", 1, Section.DIRECTIONS, None),
    ("IV. ĐỀ XUẤT, KIẾN NGHỊ", 1, Section.PROPOSALS, None),
]


@dataclass
class PhaseDraft:
    summary: str
    blocks: list[Block]
    annexes: list[Annex]
    table: PhaseTable


def _phase_as_table(phase_table: PhaseTable) -> Table:
    """The phase in the shape the sentence writers read: the phase column as the total, one row per year holding
    its flows (so a footnote lists them year by year; a stock's years are not parts of a whole and are left out
    of the footnotes), no last year to compare with and no registry figures."""
    flows = [line for line in phase_table.lines if line.indicator.kind == Indicator.Kind.FLOW]
    rows = [
        TableRow(
            phase_table.committee,
            f"năm {year}:",
            "reporter",
            values={line.indicator.code: value for line in flows if (value := line.by_year.get(year)) is not None},
            accepted_reports=phase_table.accepted.get(year, 0),
        )
        for year in phase_table.years
    ]
    totals = {line.indicator.code: line.phase.value for line in phase_table.lines}
    period = Period(year=phase_table.phase.last_year, kind=Period.Kind.YEAR)  # not saved: the phase's last year
    indicators = [line.indicator for line in phase_table.lines]
    return Table(phase_table.committee, period, indicators, rows, totals, {}, {}, dict(totals))


def _phase_narratives(phase_table: PhaseTable) -> dict[str, list[str]]:
    """What the committee's own accepted yearly reports wrote, by section, each paragraph led by its year."""
    texts = (
        ReportText.objects.filter(
            report__organisation=phase_table.committee,
            report__status=Report.Status.ACCEPTED,
            report__period__kind=Period.Kind.YEAR,
            report__period__year__in=phase_table.years,
        )
        .exclude(text="")
        .order_by("report__period__year", "pk")
        .values_list("section", "report__period__year", "text")
    )
    found: dict[str, list[str]] = {}
    for section, year, text in texts:
        for paragraph in (p.strip() for p in text.split("\n") if p.strip()):
            found.setdefault(section, []).append(f"- Năm {year}: {paragraph}")
    return found


def phase_summary(phase: PhaseKey, review: str) -> str:
    return (
        f"{REVIEW_WORDS[review].capitalize()} thực hiện {CAMPAIGN} {phase.label} "
        "và phương hướng, nhiệm vụ giai đoạn tới"
    )


@in_vietnamese()
def compose_phase_report(committee: Organisation, phase: PhaseKey, review: str = "final") -> PhaseDraft:
    """The draft phase review (``review`` "interim": sơ kết, "final": tổng kết) of ``committee`` over ``phase``,
    from the accepted yearly reports only: sentences from the phase's figures (flows summed over the years,
    stocks as of the last year that has one), the committee's own yearly narratives, and the year-by-year
    table as the annex."""
    years_table = phase_table(committee, phase)
    table = _phase_as_table(years_table)
    narratives = _phase_narratives(years_table)
    words = REVIEW_WORDS[review]
    opening = (
        f"Thực hiện Kế hoạch của Ban Chỉ đạo Trung ương {CAMPAIGN}, {committee.name} báo cáo {words} kết quả thực "
        f"hiện Cuộc vận động {phase.label} (từ ngày {format_date_short(phase.start)} đến ngày "
        f"{format_date_short(phase.end)}; {years_table.accepted_total} báo cáo năm đã tiếp nhận) như sau. "
        "Số liệu phát sinh được cộng qua các năm; số hiện có tính đến năm cuối có số liệu; số liệu từng năm "
        "tại Phụ lục."
    )
    if years_table.years_without_data:
        missing = ", ".join(str(year) for year in years_table.years_without_data)
        opening += f" Năm {missing} chưa có báo cáo năm được tiếp nhận, số liệu chưa được tính."
    blocks = [Block(opening)]
    for heading, level, section, writer in PHASE_SECTIONS:
        blocks.extend(_section_blocks(heading, level, section, writer, table, narratives))
        if section == Section.LIMITATIONS:
            blocks.extend([Block("3. Bài học kinh nghiệm", 2), Block(PLACEHOLDER)])
    place = in_words(committee.unit.name)
    blocks.append(
        Block(
            f"Trên đây là báo cáo {words} kết quả thực hiện {CAMPAIGN} {phase.label} "
            f"của Ban Chỉ đạo Cuộc vận động {place}."
        )
    )
    return PhaseDraft(phase_summary(phase, review), blocks, phase_annexes(years_table), years_table)


def _phase_cell(line: PhaseLine) -> str:
    if line.phase.per_year:
        return "(*)"  # a figure's cell never wraps: the words go in the note
    if line.phase.value is None:
        return ""
    written = format_number(line.phase.value)
    return f"{written} (năm {line.phase.year})" if line.phase.year is not None else written


def phase_annexes(years_table: PhaseTable, years_per_page: int = YEARS_PER_ANNEX_PAGE) -> list[Annex]:
    """The year-by-year table: each indicator per year and over the phase, a few years a page (each page ends
    with the phase's column)."""
    years = years_table.years
    chunks = [years[start : start + years_per_page] for start in range(0, len(years), years_per_page)]
    annexes = []
    for page, chunk in enumerate(chunks, start=1):
        columns = ["STT", "Chỉ tiêu", "ĐVT", *(f"Năm {year}" for year in chunk), "Cả giai đoạn"]
        lines = [
            ["", "Số báo cáo năm đã tiếp nhận", "báo cáo", *(str(years_table.accepted.get(y, 0)) for y in chunk)]
            + [str(years_table.accepted_total)]
        ]
        for number, line in enumerate(years_table.lines, start=1):
            lines.append(
                [
                    str(number),
                    line.indicator.name,
                    line.indicator.unit,
                    *(format_number(v) if (v := line.by_year.get(year)) is not None else "" for year in chunk),
                    _phase_cell(line),
                ]
            )
        suffix = f" (tiếp theo, trang {page})" if page > 1 else ""
        annexes.append(
            Annex(
                f"SỐ LIỆU TỪNG NĂM {years_table.phase.label.upper()}" + suffix,
                columns,
                lines,
                f"{PHASE_NOTE} (*) Tỷ lệ theo từng năm." if page == 1 else "",
            )
        )
    return annexes
