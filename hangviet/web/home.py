"""The work home: the first page after sign-in says what to do next, most urgent first.

The page is a list of *sections*, each made by one provider in ``HOME_SECTIONS`` from the user's roles
(``HomeContext``): reports owed (late, returned, due), reports waiting for my review, my plan tasks due or overdue,
documents in draft, OCOP recognitions expiring, the reporting progress of the committees I oversee, and the
administrators' queue. Each item links to the page where the user acts, and doing it clears the item (the
queries read the state, nothing is stored for the home). A new kind of work — consumer reports waiting, say — is
one more provider: a function ``(HomeContext) -> HomeSection | None`` added with ``register_home_section``.
The queries live in each app's ``queries.py``; this module only arranges them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hangviet.complaints.queries import queue_for
from hangviet.consolidation.queries import compute_completeness
from hangviet.documents.queries import drafts_of, unhandled_incoming
from hangviet.lib.periods import period_of_day
from hangviet.lib.queue import queue_state
from hangviet.lib.vnformat import format_date_short
from hangviet.notifications.queries import delivery_counts
from hangviet.orgs.models import Organisation, UserRole
from hangviet.orgs.policy import OVERSEEING_ROLES, active_roles, list_predecessor_ids
from hangviet.oversight.queries import meetings_for
from hangviet.periods.models import Period
from hangviet.plans.queries import tasks_due
from hangviet.registry.queries import list_expiring
from hangviet.reporting.models import Report
from hangviet.reporting.queries import reports_awaiting_review, reports_owed

# Urgency: lower comes first. Sections are ordered by their most urgent item.
LATE, RETURNED, REVIEW, TASK_OVERDUE, DUE, TASK_DUE, DRAFT, EXPIRING, INFO = 0, 10, 20, 25, 30, 35, 50, 60, 90


@dataclass(frozen=True)
class HomeItem:
    label: str
    url: str
    detail: str = ""
    badge: str = ""
    tone: str = "secondary"  # Bootstrap tone of the badge: danger, warning, info, secondary
    urgency: int = INFO


@dataclass
class HomeSection:
    key: str
    title: str
    items: list[HomeItem]
    count: int | None = None  # the number the heading shows (default: the items)
    more_url: str = ""
    more_label: str = ""
    actionable: bool = True  # informational sections (progress) do not count as work to do

    @property
    def total(self) -> int:
        return self.count if self.count is not None else len(self.items)

    @property
    def urgency(self) -> int:
        return min((item.urgency for item in self.items), default=INFO)


@dataclass
class HomeContext:
    user: User
    day: datetime.date
    roles: list[UserRole]
    editing: list[Organisation] = field(default_factory=list)  # own organisations, not as a viewer
    offices: set[int] = field(default_factory=set)  # committees whose standing office or secretariat the user is
    committees: list[Organisation] = field(default_factory=list)  # own committees (any role)

    @classmethod
    def for_user(cls, user: User, day: datetime.date | None = None) -> HomeContext:
        roles = active_roles(user)
        context = cls(user, day or timezone.localdate(), roles)
        seen: set[int] = set()
        for role in roles:
            organisation = role.organisation
            if role.role != UserRole.Role.VIEWER and organisation.pk not in seen:
                context.editing.append(organisation)
                seen.add(organisation.pk)
            if role.role in OVERSEEING_ROLES and organisation.kind == Organisation.Kind.COMMITTEE:
                context.offices.add(organisation.pk)
        context.committees = list(
            {role.organisation.pk: role.organisation for role in roles if role.organisation.is_committee}.values()
        )
        return context

    @property
    def several(self) -> bool:
        return len({role.organisation_id for role in self.roles}) > 1


SectionProvider = Callable[[HomeContext], HomeSection | None]


def _days(count: int) -> str:
    return ngettext("%(count)s ngày", "%(count)s ngày", count) % {"count": count}


def reports_section(context: HomeContext) -> HomeSection | None:
    """Reports my organisations owe: late, returned, due within a month."""
    rows = reports_owed(context.editing, context.day)
    items = []
    for row in rows:
        label = _("Báo cáo %(period)s") % {"period": row.key.label}
        if context.several:
            label += f" — {row.organisation.name}"
        url = reverse("reporting:detail", args=[row.report.pk]) if row.report else reverse("reporting:mine")
        due = _("Hạn gửi %(date)s") % {"date": format_date_short(row.deadline)}
        if row.state == "late":
            detail = due + (" · " + _("chưa lập báo cáo") if row.report is None else " · " + _("đang soạn, chưa gửi"))
            items.append(
                HomeItem(label, url, detail, _("Quá hạn %(days)s") % {"days": _days(row.days)}, "danger", LATE)
            )
        elif row.state == "returned":
            reason = row.report.return_reason if row.report else ""
            detail = _("Lý do trả lại: %(reason)s") % {"reason": reason}
            items.append(HomeItem(label, url, detail, _("Bị trả lại"), "warning", RETURNED))
        else:
            items.append(HomeItem(label, url, due, _("Còn %(days)s") % {"days": _days(row.days)}, "info", DUE))
    if not items:
        return None
    return HomeSection(
        "reports", _("Báo cáo cần gửi"), items, more_url=reverse("reporting:mine"), more_label=_("Tất cả báo cáo")
    )


def review_section(context: HomeContext) -> HomeSection | None:
    """Reports submitted to the committees I am the standing office of, by committee and period."""
    reports = list(reports_awaiting_review(context.offices))
    if not reports:
        return None
    boards = context.offices | list_predecessor_ids(context.offices)
    groups: dict[tuple[int, str], list[Report]] = {}
    singles = []
    for report in reports:
        if report.organisation.parent_id in boards:
            groups.setdefault((report.organisation.parent_id, report.period.code), []).append(report)
        else:  # a merged committee's own report: reviewed by its successor, on the report's page
            singles.append(report)
    items = []
    for (committee_id, code), group in groups.items():
        first = group[0]
        names = ", ".join(report.organisation.name for report in group[:3]) + ("…" if len(group) > 3 else "")
        label = ngettext(
            "%(count)s báo cáo %(period)s chờ duyệt", "%(count)s báo cáo %(period)s chờ duyệt", len(group)
        ) % {"count": len(group), "period": first.period.key.label}
        if first.organisation.parent and first.organisation.parent.pk not in context.offices:
            label += f" — {first.organisation.parent.name}"
        url = reverse("consolidation:board", args=[committee_id, code])
        items.append(HomeItem(label, url, names, _("Chờ duyệt"), "primary", REVIEW))
    for report in singles:
        label = _("Báo cáo %(period)s — %(organisation)s") % {
            "period": report.period.key.label,
            "organisation": report.organisation.name,
        }
        items.append(
            HomeItem(label, reverse("reporting:detail", args=[report.pk]), "", _("Chờ duyệt"), "primary", REVIEW)
        )
    return HomeSection("review", _("Báo cáo chờ tôi duyệt"), items, count=len(reports))


def tasks_section(context: HomeContext) -> HomeSection | None:
    """Plan tasks my organisations lead or coordinate, overdue or ending within two weeks."""
    rows = tasks_due(context.editing, context.day)
    items = []
    for row in rows:
        role = _("Chủ trì") if row.role == "lead" else _("Phối hợp")
        detail = f"{role} · {row.task.plan.title} · " + _("hạn %(date)s") % {"date": format_date_short(row.due_on)}
        label = f"{row.task.ref} {row.task.content[:140]}".strip()
        if row.overdue:
            badge = _("Quá hạn %(days)s") % {"days": _days((context.day - row.due_on).days)}
            items.append(
                HomeItem(label, reverse("plans:task", args=[row.task.pk]), detail, badge, "danger", TASK_OVERDUE)
            )
        else:
            badge = _("Còn %(days)s") % {"days": _days((row.due_on - context.day).days)}
            items.append(HomeItem(label, reverse("plans:task", args=[row.task.pk]), detail, badge, "info", TASK_DUE))
    if not items:
        return None
    return HomeSection(
        "tasks", _("Nhiệm vụ đến hạn, quá hạn"), items, more_url=reverse("plans:mine"), more_label=_("Tất cả nhiệm vụ")
    )


def incoming_section(context: HomeContext) -> HomeSection | None:
    """Documents my organisations received (their incoming register) and have not yet marked handled."""
    entries = list(unhandled_incoming(organisation.pk for organisation in context.editing)[:11])
    if not entries:
        return None
    items = [
        HomeItem(
            f"{entry.document.number_symbol} – {entry.document.summary[:140]}",
            f"{reverse('documents:incoming', args=[entry.organisation_id])}?year={entry.year}",
            _("%(sender)s gửi %(receiver)s · số đến %(number)s")
            % {
                "sender": entry.document.committee.name,
                "receiver": entry.organisation.name,
                "number": entry.number,
            },
            _("Chưa đọc") if entry.read_at is None else _("Chưa xử lý"),
            "warning" if entry.read_at is None else "info",
            DUE,
        )
        for entry in entries[:10]
    ]
    return HomeSection("incoming", _("Văn bản đến chưa xử lý"), items)


def meetings_section(context: HomeContext) -> HomeSection | None:
    """Meetings in the next two weeks that my organisations are invited to or my committees organise."""
    soon = context.day + datetime.timedelta(days=14)
    meetings = list(meetings_for(context.user, context.day).filter(held_on__lte=soon)[:10])
    if not meetings:
        return None
    items = [
        HomeItem(
            meeting.title,
            reverse("oversight:meeting", args=[meeting.pk]),
            f"{meeting.committee.name} · {format_date_short(meeting.held_on)}"
            + (f" · {meeting.place}" if meeting.place else ""),
            _("Còn %(days)s") % {"days": _days((meeting.held_on - context.day).days)}
            if meeting.held_on > context.day
            else _("Hôm nay"),
            "info",
        )
        for meeting in meetings
    ]
    return HomeSection("meetings", _("Hội nghị, giao ban sắp diễn ra"), items, actionable=False)


def drafts_section(context: HomeContext) -> HomeSection | None:
    """Documents my committees are drafting."""
    committee_ids = [organisation.pk for organisation in context.editing if organisation.is_committee]
    drafts = list(drafts_of(committee_ids)[:10])
    if not drafts:
        return None
    items = [
        HomeItem(
            document.summary,
            reverse("documents:edit", args=[document.pk]),
            f"{document.get_doc_type_display()} · {document.committee.name}",
            _("Dự thảo"),
            "secondary",
            DRAFT,
        )
        for document in drafts
    ]
    return HomeSection("drafts", _("Văn bản đang soạn"), items)


def expiring_section(context: HomeContext) -> HomeSection | None:
    """OCOP recognitions my organisations keep that lapse within the registry's warning window."""
    own = {organisation.pk for organisation in context.editing}
    if not own:
        return None
    expiring = list_expiring(context.user, day=context.day, recorded_by_ids=own)
    if not expiring:
        return None
    items = [
        HomeItem(
            recognition.product.name,
            reverse("registry:product_detail", args=[recognition.product.pk]),
            _("%(stars)s sao, hết hiệu lực %(date)s")
            % {"stars": recognition.stars, "date": format_date_short(recognition.valid_to)},
            _("Còn %(days)s") % {"days": _days((recognition.valid_to - context.day).days)},
            "warning",
            EXPIRING,
        )
        for recognition in expiring[:5]
    ]
    return HomeSection(
        "expiring",
        _("Sản phẩm OCOP sắp hết hiệu lực công nhận"),
        items,
        count=len(expiring),
        more_url=reverse("registry:ocop_expiring"),
        more_label=_("Xem tất cả"),
    )


def complaints_section(context: HomeContext) -> HomeSection | None:
    """Consumer reports routed to my organisations and not yet answered (issue 11), oldest first: the visitor
    waits for the answer."""
    if not context.editing:
        return None
    waiting = queue_for(context.user, status="open").order_by("received_at", "pk")
    total = waiting.count()
    if not total:
        return None
    items = [
        HomeItem(
            report.description[:80] + ("…" if len(report.description) > 80 else ""),
            reverse("complaints:detail", args=[report.pk]),
            _("%(code)s · tiếp nhận %(date)s · %(receiver)s")
            % {
                "code": report.code,
                "date": format_date_short(timezone.localtime(report.received_at).date()),
                "receiver": report.receiver.name,
            },
            report.get_status_display(),
            "warning",
            REVIEW,
        )
        for report in waiting[:5]
    ]
    return HomeSection(
        "complaints",
        _("Phản ánh của người tiêu dùng chờ xử lý"),
        items,
        count=total,
        more_url=reverse("complaints:queue"),
        more_label=_("Xem tất cả"),
    )


def progress_section(context: HomeContext) -> HomeSection | None:
    """How the rounds stand in the committees I belong to: who sent, who is late (the national picture for the
    central committee)."""
    items = []
    keys = [period_of_day(context.day).previous(), period_of_day(context.day)]
    periods = {key: Period.objects.find(key) for key in keys}
    # The committees I belong to, and — for their standing office — the committees just below (the provinces, for
    # the central committee: the national picture).
    committees = list(context.committees)
    committees += list(
        Organisation.objects.filter(
            parent_id__in=context.offices, kind=Organisation.Kind.COMMITTEE, valid_to__isnull=True
        ).order_by("name")
    )
    for committee in committees:
        for key in keys:
            period = periods[key]
            if period is None:
                continue
            completeness = compute_completeness(committee, period)
            if not completeness.rows:
                continue
            late = completeness.count("late") + sum(
                1 for row in completeness.waiting if context.day > completeness.deadline
            )
            label = _("%(committee)s — %(period)s: %(sent)s/%(total)s đơn vị đã gửi") % {
                "committee": committee.name,
                "period": key.label,
                "sent": completeness.submitted,
                "total": len(completeness.rows),
            }
            detail = _("Hạn gửi %(date)s") % {"date": format_date_short(completeness.deadline)}
            badge = ngettext("%(count)s trễ hoặc chưa gửi", "%(count)s trễ hoặc chưa gửi", late) % {"count": late}
            items.append(
                HomeItem(
                    label,
                    reverse("consolidation:board", args=[committee.pk, key.code]),
                    detail,
                    badge if late else _("Đủ, đúng hạn"),
                    "warning" if late else "success",
                    INFO,
                )
            )
    if not items:
        return None
    return HomeSection("progress", _("Tiến độ báo cáo"), items, actionable=False)


def admin_section(context: HomeContext) -> HomeSection | None:
    """For administrators: the task queue, e-mails waiting or failed, users with no role."""
    if not context.user.is_staff:
        return None
    state = queue_state()
    mail = delivery_counts()
    without_roles = User.objects.filter(is_active=True, org_roles__isnull=True).count()
    admin = reverse("admin:index")
    items = [
        HomeItem(
            _("Hàng đợi tác vụ nền: %(waiting)s đang chờ, %(running)s đang chạy")
            % {"waiting": state.waiting, "running": state.running},
            admin,
            _("Việc chờ lâu nhất: %(seconds)s giây") % {"seconds": int(state.oldest_waiting_s)},
            _("Cần kiểm tra") if state.stalled(600) else _("Bình thường"),
            "danger" if state.stalled(600) else "success",
            LATE if state.stalled(600) else INFO,
        ),
        HomeItem(
            _("Thư thông báo: %(pending)s chờ gửi, %(failed)s gửi không được") % mail,
            admin + "notifications/notification/",
            _("Lệnh “hangviet notifications send” gửi lại thư chờ."),
            _("Có thư lỗi") if mail["failed"] else _("Bình thường"),
            "danger" if mail["failed"] else "success",
            RETURNED if mail["failed"] else INFO,
        ),
        HomeItem(
            ngettext(
                "%(count)s tài khoản chưa được giao tổ chức",
                "%(count)s tài khoản chưa được giao tổ chức",
                without_roles,
            )
            % {"count": without_roles},
            admin + "orgs/userrole/",
            _("Giao vai trò cho tài khoản tại trang quản trị."),
            "",
            "secondary",
            DRAFT if without_roles else INFO,
        ),
    ]
    return HomeSection("admin", _("Quản trị hệ thống"), items, actionable=False)


HOME_SECTIONS: list[SectionProvider] = [
    reports_section,
    review_section,
    tasks_section,
    incoming_section,
    meetings_section,
    drafts_section,
    expiring_section,
    complaints_section,
    progress_section,
    admin_section,
]


def register_home_section(provider: SectionProvider) -> None:
    """Add a kind of work to the home (consumer reports waiting, …); the provider returns None when it has
    nothing for this user."""
    if provider not in HOME_SECTIONS:
        HOME_SECTIONS.append(provider)


def build_home(context: HomeContext) -> list[HomeSection]:
    """The sections with something in them: work to do by urgency, then the informational ones."""
    sections = [section for provider in HOME_SECTIONS if (section := provider(context)) is not None]
    return sorted(sections, key=lambda section: (not section.actionable, section.urgency))
