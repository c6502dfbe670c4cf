"""Oversight: programmes of inspection and supervision with their visits, findings and recommendations; market
control and food-safety cases and period totals of the enforcing agencies."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hangviet.orgs.models import Organisation
from hangviet.oversight.catalogue import (
    FINDING_KINDS,
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
    # The consumer report that led to the case, by its reference as written (the complaints app arrives later;
    # a foreign key replaces this once it exists: docs/decisions.md).
    consumer_report_ref = models.CharField(_("phản ánh của người tiêu dùng (số, ký hiệu)"), max_length=120, blank=True)
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
