"""Oversight: programmes of inspection and supervision with their visits, findings and recommendations; market
control and food-safety cases and period totals of the enforcing agencies; the committee's meetings."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hangviet.orgs.models import Membership, Organisation
from hangviet.oversight.catalogue import (
    FINDING_KINDS,
    MEETING_KINDS,
    ORIGINS,
    OUTCOMES,
    PROGRAMME_KINDS,
    VIOLATION_TYPES,
    choices,
)
from hangviet.periods.models import Period
from hangviet.plans.models import Task
from hangviet.registry.models import Place, Producer


class Programme(models.Model):
    """A programme of kiểm tra, giám sát or khảo sát by a committee over chosen subjects, topics and windows."""

    committee = models.ForeignKey(
        Organisation, verbose_name=_("Ban Chỉ đạo"), on_delete=models.PROTECT, related_name="oversight_programmes"
    )
    kind = models.CharField(_("hình thức"), max_length=12, choices=choices(PROGRAMME_KINDS))
    title = models.CharField(_("tên chương trình"), max_length=500)
    year = models.PositiveSmallIntegerField(_("năm"))
    windows_text = models.CharField(_("thời gian (như văn bản ghi)"), max_length=255)
    windows = models.JSONField(_("thời gian"), default=list)
    topics = models.TextField(_("nội dung"), blank=True)
    legal_basis = models.TextField(_("căn cứ"), blank=True)
    subjects = models.ManyToManyField(Organisation, verbose_name=_("đối tượng"), related_name="overseen_in", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("chương trình kiểm tra, giám sát")
        verbose_name_plural = _("chương trình kiểm tra, giám sát")
        ordering = ["-year", "-created_at"]

    def __str__(self) -> str:
        return self.title


class Visit(models.Model):
    """One visit of a programme to one subject; each counts once in ``supervisions`` for the committee."""

    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="visits")
    subject = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị được kiểm tra"), on_delete=models.PROTECT, related_name="+"
    )
    visited_on = models.DateField(_("ngày làm việc"))
    period_code = models.CharField(_("kỳ đánh giá"), max_length=10)
    members = models.TextField(_("thành phần đoàn"), blank=True)
    notes = models.TextField(_("ghi chú, biên bản"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cuộc làm việc")
        verbose_name_plural = _("cuộc làm việc")
        ordering = ["visited_on", "id"]
        indexes = [models.Index(fields=["visited_on"])]

    def __str__(self) -> str:
        return f"{self.programme_id}: {self.subject_id} {self.visited_on}"


class Finding(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="findings")
    criterion = models.CharField(_("tiêu chí"), max_length=255, blank=True)
    kind = models.CharField(_("loại"), max_length=12, choices=choices(FINDING_KINDS))
    text = models.TextField(_("nội dung"))

    class Meta:
        verbose_name = _("kết quả kiểm tra")
        verbose_name_plural = _("kết quả kiểm tra")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:60]


class Recommendation(models.Model):
    """A recommendation to the inspected body, followed as a task it leads (``task``) until done with evidence."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="recommendations")
    addressee = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị thực hiện"), on_delete=models.PROTECT, related_name="+"
    )
    text = models.TextField(_("kiến nghị"))
    due_on = models.DateField(_("thời hạn"))
    task = models.OneToOneField(Task, on_delete=models.PROTECT, related_name="recommendation")

    class Meta:
        verbose_name = _("kiến nghị")
        verbose_name_plural = _("kiến nghị")
        ordering = ["id"]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def is_open(self) -> bool:
        return self.task.status != Task.Status.DONE


class MarketCase(models.Model):
    """One market-control or food-safety case, recorded by the enforcing agency. Never public."""

    agency = models.ForeignKey(
        Organisation, verbose_name=_("cơ quan xử lý"), on_delete=models.PROTECT, related_name="market_cases"
    )
    occurred_on = models.DateField(_("ngày kiểm tra"))
    place = models.ForeignKey(Place, verbose_name=_("địa điểm"), null=True, blank=True, on_delete=models.SET_NULL)
    producer = models.ForeignKey(
        Producer, verbose_name=_("chủ thể"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    subject_text = models.CharField(_("cơ sở, hộ kinh doanh (như ghi)"), max_length=255, blank=True)
    goods = models.CharField(_("mặt hàng"), max_length=255, blank=True)
    origin = models.CharField(_("nguồn vụ việc"), max_length=12, choices=choices(ORIGINS), default="planned")
    violation_type = models.CharField(_("loại vi phạm"), max_length=24, choices=choices(VIOLATION_TYPES))
    outcome = models.CharField(_("kết quả xử lý"), max_length=12, choices=choices(OUTCOMES))
    fine_vnd = models.DecimalField(_("số tiền phạt (đồng)"), max_digits=16, decimal_places=0, null=True, blank=True)
    decision_ref = models.CharField(_("quyết định xử phạt"), max_length=255, blank=True)
    # The consumer reports that led to the case: those received in hangviet linked by their tracking codes
    # (``consumer_reports``), any other reference (a letter's number) kept as written.
    consumer_report_ref = models.CharField(_("phản ánh của người tiêu dùng (số, ký hiệu)"), max_length=120, blank=True)
    consumer_reports = models.ManyToManyField(
        "complaints.ConsumerReport", blank=True, related_name="market_cases", verbose_name=_("phản ánh liên quan")
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("vụ kiểm tra, xử lý")
        verbose_name_plural = _("vụ kiểm tra, xử lý")
        ordering = ["-occurred_on", "-id"]
        indexes = [models.Index(fields=["agency", "occurred_on"])]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.occurred_on} {self.violation_type}"


class CaseTotal(models.Model):
    """One period total of an agency that does not enter cases one by one; it replaces that agency's cases of
    the same period in the figures."""

    agency = models.ForeignKey(
        Organisation, verbose_name=_("cơ quan xử lý"), on_delete=models.PROTECT, related_name="market_totals"
    )
    period = models.ForeignKey(Period, verbose_name=_("kỳ báo cáo"), on_delete=models.PROTECT, related_name="+")
    inspections = models.PositiveIntegerField(_("số vụ kiểm tra"))
    violations_handled = models.PositiveIntegerField(_("số vụ vi phạm đã xử lý"), null=True, blank=True)
    fines_vnd = models.DecimalField(_("số tiền phạt (đồng)"), max_digits=18, decimal_places=0, null=True, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("số liệu tổng hợp theo kỳ")
        verbose_name_plural = _("số liệu tổng hợp theo kỳ")
        constraints = [models.UniqueConstraint(fields=["agency", "period"], name="case_total_once_per_period")]

    def __str__(self) -> str:
        return f"{self.agency_id} {self.period_id}"


class Meeting(models.Model):
    """A meeting a committee organises (giao ban quý, sơ kết, tổng kết …), possibly carrying out one of its plan
    tasks: scheduled with its chair and participants, then held with its conclusions, or cancelled."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Đã lên lịch")
        HELD = "held", _("Đã họp")
        CANCELLED = "cancelled", _("Đã hủy")

    committee = models.ForeignKey(
        Organisation, verbose_name=_("Ban Chỉ đạo"), on_delete=models.PROTECT, related_name="meetings"
    )
    kind = models.CharField(_("loại hội nghị"), max_length=20, choices=choices(MEETING_KINDS))
    title = models.CharField(_("tên hội nghị"), max_length=500)
    held_on = models.DateField(_("ngày họp"))
    place = models.CharField(_("địa điểm"), max_length=255, blank=True)
    task = models.ForeignKey(
        Task,
        verbose_name=_("nhiệm vụ kế hoạch"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetings",
    )
    chair = models.ForeignKey(
        Membership,
        verbose_name=_("chủ trì (thành viên Ban Chỉ đạo)"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    chair_text = models.CharField(_("chủ trì (như văn bản ghi)"), max_length=255, blank=True)
    participants = models.ManyToManyField(
        Organisation, verbose_name=_("thành phần mời"), related_name="meetings_invited", blank=True
    )
    guests = models.TextField(_("khách mời khác"), blank=True)
    agenda = models.TextField(_("nội dung"), blank=True)
    conclusions = models.TextField(_("kết luận"), blank=True)
    follow_up_tasks = models.ManyToManyField(
        Task, verbose_name=_("nhiệm vụ sau hội nghị"), related_name="from_meetings", blank=True
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.SCHEDULED)
    cancel_reason = models.TextField(_("lý do hủy"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("hội nghị, cuộc họp")
        verbose_name_plural = _("hội nghị, cuộc họp")
        ordering = ["held_on", "id"]
        indexes = [models.Index(fields=["committee", "held_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def chair_label(self) -> str:
        """Who chairs, as the notice writes it: the seat's person and role, or the text as written."""
        if self.chair_text:
            return self.chair_text
        if self.chair is not None:
            return f"{self.chair.person.full_name}, {self.chair.get_role_display()}"
        return ""

    @property
    def conclusion_lines(self) -> list[str]:
        return [line for line in self.conclusions.splitlines() if line.strip()]


class MeetingDocument(models.Model):
    """A file presented at or produced by a meeting (giấy mời, báo cáo, biên bản), kept through the storage API."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(_("tệp"), upload_to="oversight/meetings/%Y/")
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tài liệu hội nghị")
        verbose_name_plural = _("tài liệu hội nghị")
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.original_name
