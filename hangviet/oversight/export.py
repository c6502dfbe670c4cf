"""The conclusion notice (Thông báo kết luận) of a visit, in the official layout (``lib/docx_layout.py``)."""

from __future__ import annotations

from hangviet.lib.docx_layout import Block, OfficialDocument, build_docx
from hangviet.lib.i18n import in_vietnamese
from hangviet.lib.vnformat import format_date_long, format_date_short
from hangviet.orgs.catalogue import in_words, place_words
from hangviet.oversight.catalogue import PROGRAMME_KINDS, label_of
from hangviet.oversight.models import Visit


@in_vietnamese()
def conclusion_docx(visit: Visit) -> bytes:
    programme = visit.programme
    committee = programme.committee
    kind = label_of(PROGRAMME_KINDS, programme.kind).lower()
    blocks = [
        Block(
            f"Thực hiện {programme.title}, ngày {format_date_short(visit.visited_on)}, Đoàn {kind} của "
            f"{committee.name} đã làm việc với {visit.subject.name}."
        ),
        Block(f"Ban Chỉ đạo thông báo kết luận {kind} như sau:"),
    ]
    findings = list(visit.findings.all())
    for heading, code in (("I. ƯU ĐIỂM", "strength"), ("II. HẠN CHẾ", "limitation")):
        chosen = [finding for finding in findings if finding.kind == code]
        if chosen:
            blocks.append(Block(heading, 1))
            blocks += [Block(f"- {f.criterion + ': ' if f.criterion else ''}{f.text}") for f in chosen]
    recommendations = list(visit.recommendations.all())
    if recommendations:
        blocks.append(Block("III. KIẾN NGHỊ", 1))
        blocks += [
            Block(f"{number}. {item.text} Thời hạn: {format_date_short(item.due_on)}.")
            for number, item in enumerate(recommendations, start=1)
        ]
        blocks.append(
            Block(
                f"Đề nghị {visit.subject.name} tổ chức thực hiện các kiến nghị trên và cập nhật kết quả, "
                "minh chứng trên hệ thống."
            )
        )
    return build_docx(
        OfficialDocument(
            parent_body=f"Ủy ban MTTQ Việt Nam {in_words(committee.unit.name)}" if committee.parent_id else "",
            issuing_body=committee.name,
            number="      /TB-BCĐ",
            place_and_date=f"{place_words(committee.unit.name)['place']}, {format_date_long(visit.visited_on)}",
            kind_title="Thông báo",
            summary=f"Kết luận {kind} tại {visit.subject.name}",
            blocks=blocks,
            recipients=[f"{visit.subject.name};", "Thành viên Ban Chỉ đạo;", "Lưu: VT."],
            signing_authority="TM. BAN CHỈ ĐẠO",
            signer_position="TRƯỞNG BAN",
            signer_name="",
        )
    )
