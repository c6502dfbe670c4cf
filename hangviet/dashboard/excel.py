"""Each dashboard table as an .xlsx workbook: Vietnamese headings, names and labels, never a code."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.worksheet.worksheet import Worksheet

from hangviet.dashboard.queries import IndicatorSummary, LeadProgress, ProvinceFigure, RatePoint
from hangviet.lib.i18n import in_vietnamese
from hangviet.orgs.models import Organisation
from hangviet.periods.models import Period

NUMBER = "#,##0.##"
PERCENT = "0.0%"


def _cell(value: object) -> object:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def _sheet(title: str, heading: str, columns: list[str]) -> tuple[Workbook, Worksheet]:
    workbook = Workbook()
    sheet = workbook.active
    assert isinstance(sheet, Worksheet)  # a new workbook has one worksheet, the active one
    sheet.title = title
    sheet.append([heading])
    sheet["A1"].font = Font(bold=True)
    sheet.append([])
    sheet.append(columns)
    for cell in sheet[3]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 48
    return workbook, sheet


def _formats(sheet: Worksheet, formats: dict[int, str]) -> None:
    for cells in sheet.iter_rows(min_row=4):
        for cell in cells:
            column = cell.column
            if isinstance(column, int) and column in formats:
                cell.number_format = formats[column]


def _bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


@in_vietnamese()
def reporting_workbook(committee: Organisation, points: list[RatePoint]) -> bytes:
    workbook, sheet = _sheet(
        "Tình hình báo cáo",
        f"TÌNH HÌNH GỬI BÁO CÁO QUA CÁC KỲ – {committee.name}",
        [
            "Kỳ báo cáo",
            "Số đơn vị phải báo cáo",
            "Đã gửi",
            "Gửi đúng hạn",
            "Gửi trễ hạn",
            "Tỷ lệ gửi",
            "Tỷ lệ đúng hạn",
        ],
    )
    for point in points:
        sheet.append(
            [point.label, point.expected, point.submitted, point.on_time, point.late]
            + [_cell(point.rate), _cell(point.on_time_rate)]
        )
    _formats(sheet, {6: PERCENT, 7: PERCENT})
    return _bytes(workbook)


@in_vietnamese()
def indicators_workbook(committee: Organisation, period: Period, summary: IndicatorSummary) -> bytes:
    workbook, sheet = _sheet(
        "Chỉ tiêu chính",
        f"CHỈ TIÊU CHÍNH {period.key.label.upper()} – {committee.name}",
        ["Chỉ tiêu", "Đơn vị tính", "Kỳ này", "Cùng kỳ năm trước", "Tăng/giảm", *summary.labels],
    )
    for row in summary.rows:
        sheet.append(
            [row.indicator.name, row.indicator.unit, _cell(row.total), _cell(row.last_year), _cell(row.change)]
            + [_cell(value) for value in row.series]
        )
    _formats(sheet, {3: NUMBER, 4: NUMBER, 5: PERCENT} | {6 + i: NUMBER for i in range(len(summary.labels))})
    return _bytes(workbook)


@in_vietnamese()
def plans_workbook(committee: Organisation, year: int, rows: list[LeadProgress]) -> bytes:
    workbook, sheet = _sheet(
        "Tiến độ kế hoạch",
        f"TIẾN ĐỘ THỰC HIỆN KẾ HOẠCH NĂM {year} – {committee.name}",
        ["Đơn vị chủ trì", "Số nhiệm vụ", "Đã hoàn thành", "Đang trong thời hạn", "Quá hạn"],
    )
    for row in rows:
        sheet.append([row.name, row.total, row.done, row.in_time, row.overdue])
    return _bytes(workbook)


@in_vietnamese()
def provinces_workbook(period: Period, figures: list[ProvinceFigure], measure: str, label: str, unit: str) -> bytes:
    extra = [] if measure in ("reporting_rate", "on_time_rate") else [f"{label} ({unit})" if unit else label]
    workbook, sheet = _sheet(
        "Tỉnh, thành phố",
        f"SỐ LIỆU THEO TỈNH, THÀNH PHỐ – {period.key.label.upper()}",
        [
            "Tỉnh, thành phố",
            "Số đơn vị phải báo cáo",
            "Đã gửi",
            "Tỷ lệ gửi báo cáo",
            "Gửi đúng hạn",
            "Tỷ lệ đúng hạn",
            *extra,
        ],
    )
    for figure in figures:
        sheet.append(
            [figure.unit.name, figure.expected, figure.submitted, _cell(figure.rate), figure.on_time]
            + [_cell(figure.on_time_rate)]
            + ([_cell(figure.measure(measure))] if extra else [])
        )
    _formats(sheet, {4: PERCENT, 6: PERCENT, 7: NUMBER})
    return _bytes(workbook)
