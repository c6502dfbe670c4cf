"""A survey's results as .xlsx: the frequencies with their denominators (overall and by unit), the shelf share
against the target, and one row per form."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Font

from hangviet.lib.i18n import in_vietnamese
from hangviet.surveys.models import Question, Response, Survey
from hangviet.surveys.queries import results, shelf_share


def _safe(value: object) -> object:
    """Text that a spreadsheet would run as a formula is written as text."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


@in_vietnamese()
def survey_workbook(survey: Survey) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Kết quả"
    sheet.append([_safe(survey.title)])
    sheet["A1"].font = Font(bold=True)
    sheet.append(["Câu hỏi", "Địa bàn", "Phương án", "Số người chọn", "Số người trả lời câu hỏi", "Tỷ lệ (%)"])
    for result in results(survey):
        for row in result.rows:
            sheet.append(
                [
                    _safe(result.question.text),
                    "Tất cả",
                    _safe(row.label),
                    row.count,
                    row.denominator,
                    float(row.pct) if row.pct is not None else None,
                ]
            )
        for unit_name, rows in result.by_unit:
            for row in rows:
                sheet.append(
                    [
                        _safe(result.question.text),
                        unit_name,
                        _safe(row.label),
                        row.count,
                        row.denominator,
                        float(row.pct) if row.pct is not None else None,
                    ]
                )
    share = shelf_share(survey)
    if share is not None:
        sheet.append([])
        sheet.append(
            [
                "Tỷ lệ hàng Việt (gia quyền theo số mặt hàng)",
                "",
                "",
                share.viet_items,
                share.total_items,
                float(share.pct) if share.pct is not None else None,
            ]
        )
        sheet.append(["Chỉ tiêu (%)", "", "", "", "", float(share.target) if share.target is not None else None])
    forms = book.create_sheet("Phiếu")
    questions = list(survey.questions.all())
    forms.append(["Phiếu", "Địa bàn", "Hình thức", *[_safe(q.text) for q in questions]])
    for number, response in enumerate(
        Response.objects.filter(survey=survey).select_related("unit").prefetch_related("answers").order_by("pk"), 1
    ):
        answers = {a.question_id: a for a in response.answers.all()}
        cells: list[object] = []
        for question in questions:
            answer = answers.get(question.pk)
            if answer is None:
                cells.append(None)
            elif question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE):
                options = question.option_list
                cells.append(_safe("; ".join(options[i] for i in answer.choices if 0 <= i < len(options))))
            elif question.kind == Question.Kind.SCALE:
                cells.append(answer.scale)
            elif question.kind == Question.Kind.SHELF:
                cells.append(f"{answer.viet_items}/{answer.total_items}")
            else:
                cells.append(_safe(answer.text))
        forms.append([number, response.unit.name, response.get_channel_display(), *cells])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
