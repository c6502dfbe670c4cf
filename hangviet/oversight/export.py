"""Conclusion notices (Thông báo kết luận) in the official layout (``lib/docx_layout.py``): of a visit, and of a
meeting. Both are the committee's notice; ``_committee_notice`` holds what they share."""

from __future__ import annotations

import datetime

from hangviet.lib.docx_layout import Block, OfficialDocument, build_docx
from hangviet.lib.i18n import in_vietnamese
from hangviet.lib.vnformat import format_date_long, format_date_short
from hangviet.orgs.catalogue import in_words, place_words
from hangviet.orgs.models import Organisation
from hangviet.oversight.catalogue import PROGRAMME_KINDS, label_of
from hangviet.oversight.models import Meeting, Visit


def _plain(text: str) -> str:
    """User text as it was typed: ``^[`` would otherwise become a footnote in the layout engine."""
    return text.replace("^[", "^ [")


def _committee_notice(
    committee: Organisation, *, day: datetime.date, summary: str, blocks: list[Block], recipients: list[str]
) -> bytes:
    """A Thông báo of ``committee`` dated ``day``, signed for the committee by its head (name left to sign)."""
    return build_docx(
        OfficialDocument(
            parent_body=f"Ủy ban MTTQ Việt Nam {in_words(committee.unit.name)}" if committee.parent_id else "",
            issuing_body=committee.name,
            number="      /TB-BCĐ",
            place_and_date=f"{place_words(committee.unit.name)['place']}, {format_date_long(day)}",
            kind_title="Thông báo",
            summary=summary,
            blocks=blocks,
            recipients=recipients,
            signing_authority="TM. BAN CHỈ ĐẠO",
            signer_position="TRƯỞNG BAN",
            signer_name="",
        )
    )


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
    return _committee_notice(
        committee,
        day=visit.visited_on,
        summary=f"Kết luận {kind} tại {visit.subject.name}",
        blocks=blocks,
        recipients=[f"{visit.subject.name};", "Thành viên Ban Chỉ đạo;", "Lưu: VT."],
    )


@in_vietnamese()
def meeting_conclusion_docx(meeting: Meeting) -> bytes:
    """The notice of a meeting's conclusions: who met, where and when, who chaired, then each conclusion and the
    tasks given after it. A meeting not yet concluded gives the notice's frame with an empty list."""
    committee = meeting.committee
    participants = [organisation.name for organisation in meeting.participants.all()]
    where = f" tại {_plain(meeting.place)}" if meeting.place else ""
    opening = f"Ngày {format_date_short(meeting.held_on)}{where}, {committee.name} tổ chức {_plain(meeting.title)}."
    if meeting.chair_label:
        opening += f" Chủ trì: {_plain(meeting.chair_label)}."
    guests = [line for line in meeting.guests.splitlines() if line.strip()]
    if participants or guests:
        opening += f" Thành phần tham dự: {_plain('; '.join(participants + guests))}."
    blocks = [Block(opening)]
    said_by = f"đồng chí {_plain(meeting.chair_label)}" if meeting.chair_label else "Ban Chỉ đạo"
    blocks.append(Block(f"Sau khi nghe báo cáo và ý kiến thảo luận, {said_by} kết luận như sau:"))
    blocks += [Block(f"{number}. {_plain(line)}") for number, line in enumerate(meeting.conclusion_lines, start=1)]
    tasks = list(meeting.follow_up_tasks.select_related("lead").order_by("pk"))
    if tasks:
        blocks.append(Block("NHIỆM VỤ TRIỂN KHAI", 1))
        for number, task in enumerate(tasks, start=1):
            due = task.due_on
            blocks.append(
                Block(
                    f"{number}. {_plain(task.content)} Đơn vị thực hiện: {task.lead_name}."
                    + (f" Thời hạn: {format_date_short(due)}." if due else "")
                )
            )
        blocks.append(Block("Đề nghị các đơn vị tổ chức thực hiện và cập nhật kết quả, minh chứng trên hệ thống."))
    leads = sorted({task.lead_name for task in tasks if task.lead_name})
    return _committee_notice(
        committee,
        day=meeting.held_on,
        summary=f"Kết luận tại {_plain(meeting.title)}",
        blocks=blocks,
        recipients=[f"{name};" for name in sorted(set(participants) | set(leads))]
        + ["Thành viên Ban Chỉ đạo;", "Lưu: VT."],
    )
