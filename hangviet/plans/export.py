"""A plan as a Word file in the official layout (the same engine as every document)."""

from __future__ import annotations

from hangviet.lib.docx_layout import Block, OfficialDocument, build_docx
from hangviet.lib.i18n import in_vietnamese
from hangviet.lib.vnformat import format_date_long
from hangviet.orgs.catalogue import in_words, place_words
from hangviet.plans.models import Plan


@in_vietnamese()
def plan_docx(plan: Plan) -> bytes:
    committee = plan.committee
    blocks = [Block(line) for line in plan.legal_basis_text.splitlines() if line.strip()]
    if plan.purpose or plan.requirements:
        blocks.append(Block("I. MỤC ĐÍCH, YÊU CẦU", 1))
        blocks += [Block(line) for line in (plan.purpose + "\n" + plan.requirements).splitlines() if line.strip()]
    if plan.focus:
        blocks += [Block(line) for line in plan.focus.splitlines() if line.strip()]
    section = None
    for task in plan.tasks.select_related("lead").prefetch_related("coordinating").order_by("order"):
        if task.section and task.section != section:
            section = task.section
            blocks.append(Block(section.upper(), 1))
        lead = task.lead.name if task.lead else task.lead_name
        blocks.append(Block(f"{task.ref}. {task.content}".replace("\n", "; ")))
        partners = ", ".join(o.name for o in task.coordinating.all()) or task.coordinating_text  # prefetched
        details = [
            f"Đơn vị chủ trì: {lead}" if lead else "",
            f"Đơn vị phối hợp: {partners}" if partners else "",
            f"Thời gian: {task.when_label}",
        ]
        blocks.append(Block("; ".join(d for d in details if d) + "."))
    date = format_date_long(plan.issued_on) if plan.issued_on else "ngày      tháng      năm " + str(plan.year)
    return build_docx(
        OfficialDocument(
            parent_body=f"Ủy ban MTTQ Việt Nam {in_words(committee.unit.name)}" if committee.parent_id else "",
            issuing_body=committee.name,
            number=plan.number_symbol or "      /KH-BCĐ",
            place_and_date=f"{place_words(committee.unit.name)['place']}, {date}",
            kind_title="Kế hoạch",
            summary=plan.title,
            blocks=blocks,
            recipients=["Như trên;", "Lưu: VT."],
            signing_authority="TM. BAN CHỈ ĐẠO",
            signer_position="TRƯỞNG BAN",
            signer_name="",
        )
    )
