"""Every change to plans and tasks: import a plan document, create a plan from the plan above, record progress,
add a follow-up task (a recommendation after an inspection)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hangviet.audit.log import record
from hangviet.indicators.models import Indicator
from hangviet.lib.text import normalize_text
from hangviet.lib.timewindows import Window, format_windows
from hangviet.lib.uploads import check_upload
from hangviet.orgs.catalogue import place_words
from hangviet.orgs.matching import OrganisationMatcher
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import list_subtree_ids
from hangviet.plans.importer import ParsedPlan, parse_plan
from hangviet.plans.models import LegalBasis, Plan, Task, TaskProgress
from hangviet.plans.queries import TASK_UNIT_KINDS, find_same_plan
from hangviet.plans.reading import read_lines

MAX_PLAN_FILE_BYTES = 10 * 1024 * 1024


@dataclass
class ReviewedTask:
    """A task as the clerk confirms it on the review page (or as the importer proposes it)."""

    ref: str
    content: str
    section: str = ""
    lead: Organisation | None = None
    lead_name: str = ""
    lead_score: float = 0.0
    coordinating: list[Organisation] = field(default_factory=list)
    coordinating_text: str = ""
    windows: list[Window] = field(default_factory=list)
    output: str = ""
    parent_ref: str = ""  # the ref of the task this one belongs to ("III.3" for "III.3.1"), "" when none
    indicators: list[Indicator] = field(default_factory=list)  # catalogue indicators the task serves
    unassigned: bool = False  # the clerk chose to leave the lead unit open ("Để trống, giao sau")

    @property
    def when_words(self) -> str:
        """The times as plans write them ("Quý II/2026; Tháng 12/2026"), for the review page; read back by
        ``parse_windows``."""
        return format_windows(self.windows)


def matcher_for(committee: Organisation) -> OrganisationMatcher:
    agencies = Organisation.objects.filter(parent=committee, kind__in=TASK_UNIT_KINDS).prefetch_related("former_names")
    return OrganisationMatcher(committee, agencies, place=place_words(committee.unit.name)["place"])


def read_plan(content: bytes, filename: str, committee: Organisation) -> tuple[ParsedPlan, list[ReviewedTask]]:
    """Parse a plan document and propose organisations for its lead and coordinating units (saves nothing)."""
    matcher = matcher_for(committee)
    lines = read_lines(content, filename)
    parsed = parse_plan(
        lines,
        is_organisation=lambda name: matcher.match(name).organisation is not None,
        default_year=timezone.localdate().year,
    )
    proposals = []
    for task in parsed.tasks:
        lead = matcher.match(task.lead) if task.lead else None
        lead_unit = lead.organisation if lead else None
        named = [found for name in task.coordinating if (found := matcher.match(name).organisation) is not None]
        mentioned = matcher.mentions(f"{'; '.join(task.coordinating)} {task.content}", exclude=lead_unit)
        coordinating = [org for org in dict.fromkeys([*named, *mentioned]) if org not in (committee, lead_unit)]
        proposals.append(
            ReviewedTask(
                ref=task.ref,
                content=task.content,
                section=task.section,
                lead=lead_unit,
                lead_name=task.lead,
                lead_score=lead.score if lead else 0.0,
                coordinating=coordinating,
                coordinating_text="; ".join(task.coordinating),
                windows=task.windows,
                output=task.output,
                parent_ref=task.parent or "",
            )
        )
    return parsed, proposals


class DuplicatePlan(ValidationError):
    """The committee has this plan already; the clerk replaces it or cancels."""

    def __init__(self, existing: Plan) -> None:
        super().__init__(
            _("Ban Chỉ đạo đã có kế hoạch này (%(title)s, năm %(year)s): lưu nữa sẽ tạo một bản trùng.")
            % {"title": existing.number_symbol or existing.title[:120], "year": existing.year}
        )
        self.existing = existing


@transaction.atomic
def save_plan(
    committee: Organisation,
    parsed: ParsedPlan,
    tasks: Sequence[ReviewedTask],
    *,
    acting_user: User | None,
    source: str = Plan.Source.IMPORTED,
    source_file: tuple[str, bytes] | None = None,
    parent_plan: Plan | None = None,
    replacing: Plan | None = None,
) -> Plan:
    """Save a plan and its tasks as reviewed; lead and coordinating units must belong to the committee. A task
    whose ``parent_ref`` names a task saved before it is linked to it (the nearest one with that ref).

    A plan the committee has already (same year and number, or same title) is never saved twice silently:
    DuplicatePlan, unless the caller passes it as ``replacing`` — then it is removed first (refused once any
    of its tasks has progress recorded)."""
    year = parsed.year or timezone.localdate().year
    same = find_same_plan(committee, year, parsed.number_symbol, parsed.title)
    if same is not None and (replacing is None or same.pk != replacing.pk):
        raise DuplicatePlan(same)
    if replacing is not None:
        replacing = Plan.objects.select_for_update().get(pk=replacing.pk, committee=committee)
        if TaskProgress.objects.filter(task__plan=replacing).exists():
            raise ValidationError(
                _("Kế hoạch đã có đã được cập nhật tiến độ nên không thay được; hãy sửa trực tiếp kế hoạch đó.")
            )
        record(replacing, "plan.replaced", actor=acting_user, title=replacing.title, year=replacing.year)
        replacing.delete()
    allowed = {committee.pk, *Organisation.objects.filter(parent=committee).values_list("pk", flat=True)}
    for task in tasks:
        units = [task.lead] if task.lead else []
        if any(unit.pk not in allowed for unit in [*units, *task.coordinating]):
            raise ValidationError(_("Đơn vị chủ trì, phối hợp phải là Ban Chỉ đạo hoặc cơ quan thành viên của nó."))
        if not normalize_text(task.content):
            raise ValidationError(_("Nhiệm vụ %(ref)s chưa có nội dung.") % {"ref": task.ref})
    plan = Plan.objects.create(
        committee=committee,
        year=year,
        number_symbol=parsed.number_symbol,
        title=normalize_text(parsed.title)[:500] or _("Kế hoạch"),
        purpose=parsed.purpose,
        requirements=parsed.requirements,
        focus=parsed.focus,
        legal_basis_text="\n".join(parsed.legal_basis_lines),
        source=source,
        created_by=acting_user,
        parent_plan=parent_plan,
    )
    for kind, number in parsed.cited:
        basis, _created = LegalBasis.objects.get_or_create(number_symbol=number, defaults={"kind": kind})
        plan.legal_bases.add(basis)
    if source_file:
        plan.source_file.save(source_file[0], ContentFile(source_file[1]), save=True)
    by_ref: dict[str, Task] = {}
    for order, task in enumerate(tasks, start=1):
        saved = Task.objects.create(
            plan=plan,
            parent=by_ref.get(task.parent_ref[:20]) if task.parent_ref else None,
            ref=task.ref[:20],
            order=order,
            section=task.section[:255],
            content=normalize_text(task.content),
            lead=task.lead,
            lead_name=normalize_text(task.lead_name)[:255],
            coordinating_text=normalize_text(task.coordinating_text)[:500],
            windows=[window.iso for window in task.windows],
            expected_output=normalize_text(task.output)[:500],
        )
        saved.coordinating.set(task.coordinating)
        if task.indicators:
            saved.indicators.set(task.indicators)
        by_ref[saved.ref] = saved
    record(plan, "plan.saved", actor=acting_user, source=source, tasks=len(tasks))
    return plan


@transaction.atomic
def cascade_plan(
    central: Plan,
    committee: Organisation,
    lead_map: dict[int, Organisation | None],
    *,
    acting_user: User | None,
) -> Plan:
    """The committee's plan made from the plan above: its tasks, with lead units mapped to the committee's own
    agencies (``lead_map``: upper task id → own organisation; unmapped tasks go to the committee itself)."""
    parsed = ParsedPlan(
        title=f"{central.title} – {committee.name}",
        year=central.year,
        purpose=central.purpose,
        requirements=central.requirements,
        focus=central.focus,
        legal_basis_lines=[f"Căn cứ {central}"],
    )
    upper = list(central.tasks.select_related("parent").prefetch_related("coordinating").order_by("order"))
    reviewed = [
        ReviewedTask(
            ref=task.ref,
            content=task.content,
            section=task.section,
            lead=lead_map.get(task.pk) or committee,
            lead_name=task.lead_name,
            windows=task.parsed_windows,
            output=task.expected_output,
            parent_ref=task.parent.ref if task.parent else "",
        )
        for task in upper
    ]
    plan = save_plan(
        committee, parsed, reviewed, acting_user=acting_user, source=Plan.Source.CASCADED, parent_plan=central
    )
    for own, source in zip(plan.tasks.order_by("order"), upper, strict=True):
        own.source_task = source
        own.save(update_fields=["source_task"])
    return plan


@transaction.atomic
def record_progress(
    task: Task, *, status: str, note: str, acting_user: User | None, evidence: UploadedFile[bytes] | None = None
) -> TaskProgress:
    """The lead unit's progress update: status, a note, optionally an evidence file (kept in the history)."""
    if status not in Task.Status.values:
        raise ValidationError(_("Trạng thái không hợp lệ."))
    progress = TaskProgress(task=task, status=status, note=normalize_text(note), by=acting_user)
    if evidence is not None:
        checked = check_upload(evidence)
        progress.evidence_name = checked.display_name
        progress.evidence.save(checked.stored_name, evidence, save=False)
    progress.save()
    task.status, task.progress_note, task.progress_updated_at = status, progress.note, timezone.now()
    task.save(update_fields=["status", "progress_note", "progress_updated_at"])
    record(task, "task.progress", actor=acting_user, status=status)
    return progress


FOLLOW_UP_TITLE = "Theo dõi thực hiện kiến nghị sau kiểm tra, giám sát năm {year}"


@transaction.atomic
def add_follow_up_task(
    committee: Organisation,
    *,
    year: int,
    content: str,
    lead: Organisation,
    window: Window,
    acting_user: User | None,
    section: str = "",
) -> Task:
    """A task the inspected body leads, in the committee's follow-up list of the year (a plan of source
    "follow_up", made on first use): the lead sees it among its tasks and closes it with evidence through
    ``record_progress``. The lead must be the committee or below it."""
    if lead.pk not in list_subtree_ids({committee.pk}):
        raise ValidationError(_("Đơn vị thực hiện kiến nghị phải thuộc Ban Chỉ đạo hoặc cấp dưới của nó."))
    text = normalize_text(content)
    if not text:
        raise ValidationError(_("Kiến nghị chưa có nội dung."))
    plan = (
        Plan.objects.select_for_update()
        .filter(committee=committee, year=year, source=Plan.Source.FOLLOW_UP)
        .order_by("pk")
        .first()
    )
    if plan is None:
        plan = Plan.objects.create(
            committee=committee,
            year=year,
            title=FOLLOW_UP_TITLE.format(year=year),
            source=Plan.Source.FOLLOW_UP,
            created_by=acting_user,
        )
        record(plan, "plan.saved", actor=acting_user, source=Plan.Source.FOLLOW_UP, tasks=0)
    order = plan.tasks.count() + 1
    task = Task.objects.create(
        plan=plan,
        ref=f"KN.{order}",
        order=order,
        section=normalize_text(section)[:255],
        content=text,
        lead=lead,
        lead_name=lead.name[:255],
        windows=[window.iso],
    )
    record(task, "task.follow_up", actor=acting_user, lead=lead.pk)
    return task
